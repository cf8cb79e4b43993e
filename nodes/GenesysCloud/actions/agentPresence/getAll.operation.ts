/**
 * Agent Presence → Get Many: the Genesys Cloud (PURECLOUD source) presence of given agents or of
 * every active user, 50 users per bulk read. It reports the PURECLOUD source, not the primary
 * presence `GET /api/v2/users?expand=presence` would give: PURECLOUD is what Agent Presence → Set
 * writes, so a sync comparing it never rewrites a presence another source (an integration)
 * holds as primary.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { agentIdList, agentSelectionFields } from '../../../shared/agentSelection';
import { showFor } from '../../../shared/displayOptions';
import { returnAllAndLimit } from '../../../shared/returnAllAndLimit';
import { listUsers, readManyPresences } from '../../helpers/presencesBulk';
import { userPresenceItem } from '../../helpers/userPresence';

const properties: INodeProperties[] = [
	...agentSelectionFields('Genesys Cloud', 'Every active user of the organization'),
	...returnAllAndLimit,
];

export const description = showFor({ resource: ['agentPresence'], operation: ['getAll'] }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', i) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', i) as number);
	const all = this.getNodeParameter('agents', i) === 'all';
	// The user listing names each user's e-mail: kept as agentEmail, to match agents across systems.
	const emails = new Map<string, string | null>();
	if (all) for (const user of await listUsers(this, limit)) emails.set(user.id, user.email ?? null);
	const userIds = all ? [...emails.keys()] : agentIdList(this, i).slice(0, limit);
	const presences = await readManyPresences(this, userIds);
	const missing = userIds.filter((id) => !presences.has(id));
	if (!all && missing.length) {
		// Genesys leaves users it does not know out of the answer: say which, rather than drop them.
		throw new NodeOperationError(this.getNode(), `No Genesys Cloud presence for user ${missing.join(', ')}`, {
			itemIndex: i,
			description: 'Check the user IDs: Genesys Cloud answers only for users it knows.',
		});
	}
	return userIds
		.filter((id) => presences.has(id))
		.map((userId) => {
			// userId becomes agentId; the rest is Genesys' UcUserPresence.
			const native = { ...(presences.get(userId) as IDataObject) };
			delete native.userId;
			return userPresenceItem(userId, native, 'presence_read', all ? { agentEmail: emails.get(userId) } : {});
		});
}
