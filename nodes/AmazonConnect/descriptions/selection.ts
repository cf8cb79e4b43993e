/**
 * Whose status is read (Get Many, the trigger): given agents, every user of the instance, or the
 * agents of routing profiles, queues or one hierarchy group — GetCurrentUserData's filter kinds,
 * one per call. GetCurrentUserData has no "every agent" filter: All Agents lists the users
 * (ListUsers) and asks for them 100 at a time.
 */
import type { INode, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { agentSelectionFields, agentsField } from '../../shared/agentSelection';
import type { UserDataFilterKind } from '../helpers/presence';
import { FILTER_LIMIT } from '../helpers/presence';

export const selectionProperties: INodeProperties[] = [
	agentsField([
		{ name: 'All Agents', value: 'all', description: 'Every user of the instance (ListUsers, then their data 100 at a time)' },
		{ name: 'Given Agents', value: 'ids', description: 'The agents whose user IDs (or ARNs) you give' },
		{ name: 'Of a Hierarchy Group', value: 'UserHierarchyGroups', description: 'Logged-in agents of one user hierarchy group' },
		{ name: 'Of Queues', value: 'Queues', description: 'Logged-in agents whose routing profile serves up to 100 queues' },
		{ name: 'Of Routing Profiles', value: 'RoutingProfiles', description: 'Logged-in agents of up to 100 routing profiles' },
	]),
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
];

/** IDs from a comma/line-separated text or a list, each once. */
export const splitIds = (raw: unknown): string[] => [
	...new Set((Array.isArray(raw) ? raw.map(String) : String(raw ?? '').split(/[\s,;]+/)).map((v) => v.trim()).filter(Boolean)),
];

/** The filter's IDs, within the kind's limit. */
export function filterValues(node: INode, kind: UserDataFilterKind, raw: unknown, itemIndex?: number): string[] {
	const values = splitIds(raw);
	const limit = FILTER_LIMIT[kind];
	if (values.length === 0 || values.length > limit) {
		throw new NodeOperationError(node, `Give 1 to ${limit} ID${limit > 1 ? 's' : ''} for this filter, got ${values.length}`, {
			itemIndex,
			description: 'Amazon Connect takes up to 100 routing profiles or queues, or exactly one hierarchy group, per request.',
		});
	}
	return values;
}
