/**
 * Agent Presence → Get Many: GetCurrentUserData for given agents (100 per call), or for the agents
 * of routing profiles or queues (up to 100) or of one user hierarchy group — one filter kind per
 * call, as the API allows. Only agents logged in to the Contact Control Panel are listed, except
 * given agents: each one not listed is output as logged out.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { agentIdList, agentSelectionFields } from '../../../shared/agentSelection';
import { optionsCollection } from '../../../shared/collections';
import { showFor } from '../../../shared/displayOptions';
import { cacheTtlOption } from '../../../shared/lookupCache';
import { returnAllAndLimit } from '../../../shared/returnAllAndLimit';
import { customCategoriesOption, customMappingOf } from '../../helpers/categories';
import type { UserDataFilterKind } from '../../helpers/presence';
import { FILTER_LIMIT, getCurrentUserData, loggedOutItem, presenceItem, userDataByAgent } from '../../helpers/presence';
import { cachedAgentStatuses } from '../../helpers/statuses';
import { userIdOf } from '../../helpers/users';

const properties: INodeProperties[] = [
	{
		displayName: 'Agents',
		name: 'agents',
		type: 'options',
		options: [
			{ name: 'Given Agents', value: 'ids', description: 'The agents whose user IDs (or ARNs) you give' },
			{ name: 'Of Routing Profiles', value: 'RoutingProfiles', description: 'Logged-in agents of up to 100 routing profiles' },
			{ name: 'Of Queues', value: 'Queues', description: 'Logged-in agents whose routing profile serves up to 100 queues' },
			{ name: 'Of a Hierarchy Group', value: 'UserHierarchyGroups', description: 'Logged-in agents of one user hierarchy group' },
		],
		default: 'ids',
	},
	{
		// The shared Agent IDs field (comma- or line-separated, or a list), for the Given Agents choice.
		...agentSelectionFields('Amazon Connect', '')[1],
		description: 'Amazon Connect user IDs or ARNs, separated by commas or new lines, or an expression giving a list',
	},
	{
		displayName: 'IDs',
		name: 'filterIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 2c1d0e9f-8a7b-4c6d-9e5f-4a3b2c1d0e9f',
		description: 'Routing profile, queue or hierarchy group IDs or ARNs, separated by commas (one hierarchy group)',
		displayOptions: { show: { agents: ['RoutingProfiles', 'Queues', 'UserHierarchyGroups'] } },
	},
	...returnAllAndLimit,
	optionsCollection([cacheTtlOption, customCategoriesOption]),
];

export const description = showFor({ resource: ['agentPresence'], operation: ['getAll'] }, properties);

function filterValues(ctx: IExecuteFunctions, kind: UserDataFilterKind, i: number): string[] {
	const raw = ctx.getNodeParameter('filterIds', i, '') as unknown;
	const values = (Array.isArray(raw) ? raw.map(String) : String(raw ?? '').split(/[\s,;]+/)).map((v) => v.trim()).filter(Boolean);
	const limit = FILTER_LIMIT[kind];
	if (values.length === 0 || values.length > limit) {
		throw new NodeOperationError(ctx.getNode(), `Give 1 to ${limit} ID${limit > 1 ? 's' : ''} for this filter, got ${values.length}`, {
			itemIndex: i,
			description: 'Amazon Connect takes up to 100 routing profiles or queues, or exactly one hierarchy group, per request.',
		});
	}
	return values;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', i) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', i) as number);
	const kind = this.getNodeParameter('agents', i) as UserDataFilterKind | 'ids';
	const mapping = customMappingOf(this.getNodeParameter('options', i, {}) as IDataObject);
	const statuses = await cachedAgentStatuses(this, i);
	if (kind !== 'ids') {
		const found = await getCurrentUserData(this, kind, filterValues(this, kind, i), limit);
		return found.map((data) => presenceItem(data, statuses, mapping, 'presence_read'));
	}
	const userIds = agentIdList(this, i).map(userIdOf).slice(0, limit);
	const found = await userDataByAgent(this, userIds);
	return userIds.map((id) => {
		const data = found.get(id);
		return data ? presenceItem(data, statuses, mapping, 'presence_read') : loggedOutItem(id, 'presence_read');
	});
}
