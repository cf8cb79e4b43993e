import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { optionsCollection } from '../shared/collections';
import { eventsProperty, includeRawOption, triggerNodeDescription } from '../shared/triggerNode';
import { filterValues, selectionProperties, splitIds } from './descriptions/selection';
import { customCategoriesOption, customMappingOf } from './helpers/categories';
import type { UserData, UserDataFilterKind } from './helpers/presence';
import { getCurrentUserData, loggedOutItem, presenceItem, userDataByAgent } from './helpers/presence';
import { listAgentStatuses } from './helpers/statuses';
import { failOnUnknownUserIds, listUsers, userIdOf } from './helpers/users';
import type { Snapshot } from './trigger/snapshot';
import { changesSince, snapshotOf } from './trigger/snapshot';
import { AMAZON_CONNECT } from './vendor';

const SUBTITLE = 'Agent status changes (polled)';

export class AmazonConnectTrigger implements INodeType {
	description: INodeTypeDescription = {
		...triggerNodeDescription(AMAZON_CONNECT, {
			displayName: 'Amazon Connect Trigger',
			subtitle: SUBTITLE,
			description: 'Starts the workflow when an agent’s status changes in Amazon Connect, polled with GetCurrentUserData',
			polling: true,
			notice:
				'Each poll compares every chosen agent’s status with the previous poll’s: the first poll after activation only records them. A status held only between two polls is not seen; for every change, use the agent event stream.',
			properties: [
				...selectionProperties,
				eventsProperty(
					[
						{ name: 'Status Changed', value: 'presence_changed' },
						{ name: 'Logged In', value: 'logged_in' },
						{ name: 'Logged Out', value: 'logged_out' },
					],
					'Which changes start the workflow',
				),
				optionsCollection([
					customCategoriesOption,
					includeRawOption(
						'Include Raw User Data',
						'Whether to add the agent’s user data as Amazon Connect answered it to the item as "raw"',
					),
				]),
			],
		}),
		// Stated here too: n8n's lint reads them only from the node file's own literal.
		icon: { light: 'file:../../icons/amazonConnect.svg', dark: 'file:../../icons/amazonConnect.dark.svg' },
		subtitle: SUBTITLE,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const mapping = customMappingOf(options);
		const statuses = await listAgentStatuses(this);
		const kind = this.getNodeParameter('agents') as UserDataFilterKind | 'ids' | 'all';
		const manual = this.getMode() === 'manual';
		const state = this.getWorkflowStaticData('node') as { agents?: Snapshot };
		const before = state.agents;
		let data: UserData[];
		if (kind === 'all') {
			// Every user, listed each poll so that a new agent is watched from the next poll on.
			data = [...(await userDataByAgent(this, (await listUsers(this)).map((u) => String(u.Id)))).values()];
		} else if (kind === 'ids') {
			const ids = splitIds(this.getNodeParameter('agentIds', '')).map(userIdOf);
			if (ids.length === 0) throw new NodeOperationError(this.getNode(), 'No agent given', { description: 'Enter user IDs, or choose agents of routing profiles, queues or a hierarchy group.' });
			const found = await userDataByAgent(this, ids);
			// Checked on the baseline poll (the one n8n runs on activation, so a wrong ID fails the
			// activation) and on Fetch Test Event; later polls take a missing agent as logged out.
			if (manual || !before) {
				await failOnUnknownUserIds(this, ids.filter((id) => !found.has(id)), 'Known agents who are not logged in are watched as logged out.');
			}
			data = [...found.values()];
		} else {
			data = await getCurrentUserData(this, kind, filterValues(this.getNode(), kind, this.getNodeParameter('filterIds', '')));
		}
		const items = data.map((d) => presenceItem(d, statuses, mapping, 'presence_changed'));
		const withRaw = (item: IDataObject) => {
			if (options.includeRaw === true) return item;
			const rest = { ...item };
			delete rest.raw;
			return rest;
		};

		if (manual) {
			// Test fetch: the agent whose status changed last, the stored snapshot left alone.
			const latest = [...items].sort((a, b) => String(b.changedAt).localeCompare(String(a.changedAt)))[0];
			return latest ? [[{ json: withRaw(latest) }]] : null;
		}
		state.agents = snapshotOf(items);
		// First poll after activation: the baseline; what agents were in before is not news.
		if (!before) return null;

		const events = this.getNodeParameter('events', []) as string[];
		const out: INodeExecutionData[] = [];
		for (const change of changesSince(before, items)) {
			if (!events.includes(change.event)) continue;
			const json = change.item ? { ...change.item, event: change.event } : loggedOutItem(change.agentId, 'logged_out');
			out.push({ json: withRaw(json) });
		}
		return out.length ? [out] : null;
	}
}
