/**
 * Agent Presence → Get Many: the presence of given agents or of every active user, 50 users per
 * `GET /agents/presences/users` (Agents API, "Get presences of users").
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { agentIdList, agentSelectionFields } from '../../../shared/agentSelection';
import { showFor } from '../../../shared/displayOptions';
import { returnAllAndLimit } from '../../../shared/returnAllAndLimit';
import { agentPresenceItem, getAgentPresences } from '../../helpers/presence';
import { requireGuid } from '../../helpers/users';
import { vonagePaginateUsers } from '../../transport';

const properties: INodeProperties[] = [
	...agentSelectionFields('Vonage Contact Center', 'Every active user of the account'),
	...returnAllAndLimit,
];

export const description = showFor({ resource: ['agentPresence'], operation: ['getAll'] }, properties);

/**
 * Vonage API credentials are user-level ("Agents API" overview): a supervisor's reach only the
 * agents in their groups, and the Agents API leaves the others out of its answer. Syncing that
 * subset silently would look like success, so the run says so: in n8n's log and as a hint on the
 * node's output.
 */
function warnUnreached(ctx: IExecuteFunctions, listed: number, missing: string[]): void {
	const message =
		`Vonage Contact Center answered the presence of ${listed - missing.length} of the ${listed} active users in User Admin; ` +
		`${missing.length} are out of reach of the API credentials' user (first: ${missing.slice(0, 5).join(', ')}). ` +
		'Create the API credentials for an administrator to reach every agent.';
	ctx.logger.warn(message);
	ctx.addExecutionHints({ message, location: 'outputPane' });
}

/** Users per User Admin page when listing everyone (the API allows up to 5000). */
const USERS_PAGE_SIZE = 1000;

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', i) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', i) as number);
	const all = this.getNodeParameter('agents', i) === 'all';
	// The user listing names each user's e-mail: kept as agentEmail, to match agents across systems.
	const emails = new Map<string, string | null>();
	if (all) {
		const pageSize = Math.min(limit ?? USERS_PAGE_SIZE, USERS_PAGE_SIZE);
		for (const user of await vonagePaginateUsers(this, { include: 'Active' }, { limit, pageSize })) {
			emails.set(String(user.userId), typeof user.email === 'string' ? user.email : null);
		}
	}
	const userIds = all
		? [...emails.keys()]
		: agentIdList(this, i)
				.slice(0, limit)
				.map((id) => requireGuid(this, id, 'user', i));
	const presences = await getAgentPresences(this, userIds);
	const missing = userIds.filter((id) => !presences.has(id));
	if (!all && missing.length) {
		// Vonage leaves users it does not know out of the answer: say which, rather than drop them.
		throw new NodeOperationError(this.getNode(), `No Vonage Contact Center presence for user ${missing.join(', ')}`, {
			itemIndex: i,
			description: 'Check the user IDs: Vonage Contact Center answers only for users it knows.',
		});
	}
	if (all && missing.length) warnUnreached(this, userIds.length, missing);
	const items: IDataObject[] = [];
	for (const userId of userIds) {
		const presence = presences.get(userId);
		if (!presence) continue;
		const item = await agentPresenceItem(this, presence, 'presence_read');
		items.push(all ? { ...item, agentEmail: emails.get(userId) } : item);
	}
	return items;
}
