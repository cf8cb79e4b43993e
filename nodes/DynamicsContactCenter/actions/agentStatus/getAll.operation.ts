import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/displayOptions';
import { agentLocator } from '../../descriptions/locators';
import { returnAllAndLimit } from '../../../shared/returnAllAndLimit';
import { agentEmails, resolveAgentId } from '../../helpers/agents';
import type { PresenceCache } from '../../helpers/presences';
import { readMany } from '../../helpers/readMany';
import { agentStatusItem } from '../../helpers/agentStatus';
import { filtersCollection, optionsCollection } from '../../../shared/collections';

const properties: INodeProperties[] = [
	...returnAllAndLimit,
	filtersCollection([
		agentLocator({ required: false, description: "Only this agent's status" }),
		{
			displayName: 'Logged In',
			name: 'loggedIn',
			type: 'options',
			default: 'any',
			options: [
				{ name: 'Any', value: 'any' },
				{ name: 'Logged In', value: 'true' },
				{ name: 'Logged Out', value: 'false' },
			],
			description: 'Whether to return only the agents who are logged in, or only those who are logged out',
		},
	]),
	optionsCollection([
		{
			displayName: 'Include Agent Email',
			name: 'includeAgentEmail',
			type: 'boolean',
			default: false,
			description:
				"Whether to add each agent's e-mail address (from their Dynamics 365 user) as agentEmail, to match agents with another system; one extra request per 100 agents",
		},
	]),
];

export const description = showFor({ resource: ['agentStatus'], operation: ['getAll'] }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const clauses: string[] = [];
	const agent = filters.agent as INodeParameterResourceLocator | undefined;
	if (agent && String(agent.value ?? '').trim() !== '') {
		clauses.push(`_msdyn_agentid_value eq ${await resolveAgentId(this, 'filters.agent', i, agent)}`);
	}
	if (filters.loggedIn === 'true' || filters.loggedIn === 'false') {
		clauses.push(`msdyn_isagentloggedin eq ${filters.loggedIn}`);
	}
	const rows = await readMany(this, i, '/msdyn_agentstatuses', clauses.length ? { $filter: clauses.join(' and ') } : {});
	const cache: PresenceCache = new Map();
	const out: IDataObject[] = [];
	for (const row of rows) out.push(await agentStatusItem(this, row, cache));
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	if (options.includeAgentEmail === true) {
		const emails = await agentEmails(
			this,
			out.map((item) => String(item.agentId)),
		);
		for (const item of out) item.agentEmail = emails.get(String(item.agentId)) ?? null;
	}
	return out;
}
