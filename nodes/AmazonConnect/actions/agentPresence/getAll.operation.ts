/**
 * Agent Presence → Get Many: GetCurrentUserData for given agents (100 per call), or for the agents
 * of routing profiles or queues (up to 100) or of one user hierarchy group — one filter kind per
 * call, as the API allows — or for every user (ListUsers first). Only agents logged in to the
 * Contact Control Panel are listed, except given agents and All Agents: each one not listed is
 * output as logged out — unless Amazon Connect has no such user, which fails the item naming the
 * IDs, as the other systems' Get Many do.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { agentIdList } from '../../../shared/agentSelection';
import { optionsCollection } from '../../../shared/collections';
import { showFor } from '../../../shared/displayOptions';
import { cacheTtlOption } from '../../../shared/lookupCache';
import { returnAllAndLimit } from '../../../shared/returnAllAndLimit';
import { customCategoriesOption, customMappingOf } from '../../helpers/categories';
import type { UserDataFilterKind } from '../../helpers/presence';
import { getCurrentUserData, loggedOutItem, presenceItem, userDataByAgent } from '../../helpers/presence';
import { cachedAgentStatuses } from '../../helpers/statuses';
import { failOnUnknownUserIds, listUsers, userIdOf } from '../../helpers/users';
import { filterValues, selectionProperties } from '../../descriptions/selection';

const properties: INodeProperties[] = [
	...selectionProperties,
	...returnAllAndLimit,
	optionsCollection([cacheTtlOption, customCategoriesOption]),
];

export const description = showFor({ resource: ['agentPresence'], operation: ['getAll'] }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', i) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', i) as number);
	const kind = this.getNodeParameter('agents', i) as UserDataFilterKind | 'ids' | 'all';
	const mapping = customMappingOf(this.getNodeParameter('options', i, {}) as IDataObject);
	const statuses = await cachedAgentStatuses(this, i);
	if (kind !== 'ids' && kind !== 'all') {
		const found = await getCurrentUserData(this, kind, filterValues(this.getNode(), kind, this.getNodeParameter('filterIds', i, ''), i), limit);
		return found.map((data) => presenceItem(data, statuses, mapping, 'presence_read'));
	}
	const userIds = (kind === 'all' ? (await listUsers(this, limit)).map((u) => String(u.Id)) : agentIdList(this, i).map(userIdOf)).slice(0, limit);
	const found = await userDataByAgent(this, userIds);
	// ListUsers' own IDs all exist; given IDs missing from the data may not.
	if (kind !== 'all') {
		await failOnUnknownUserIds(this, userIds.filter((id) => !found.has(id)), 'Known agents who are not logged in are output as logged out.', i);
	}
	return userIds.map((id) => {
		const data = found.get(id);
		return data ? presenceItem(data, statuses, mapping, 'presence_read') : loggedOutItem(id, 'presence_read');
	});
}
