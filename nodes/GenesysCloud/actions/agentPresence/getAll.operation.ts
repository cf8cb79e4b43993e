/**
 * Agent Presence → Get Many: the Genesys Cloud (PURECLOUD source) presence of given agents or of
 * every active user, 50 users per bulk read. It reports the PURECLOUD source, not the primary
 * presence `GET /api/v2/users?expand=presence` would give: PURECLOUD is what Agent Presence → Set
 * writes, so a sync comparing it never rewrites a presence another source (an integration)
 * holds as primary.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { showFor } from '../../../shared/displayOptions';
import { returnAllAndLimit } from '../../../shared/returnAllAndLimit';
import { listUsers, readManyPresences } from '../../helpers/presencesBulk';
import { userPresenceItem } from '../../helpers/userPresence';

const properties: INodeProperties[] = [
	{
		displayName: 'Agents',
		name: 'agents',
		type: 'options',
		options: [
			{ name: 'Given Agents', value: 'ids', description: 'The agents whose user IDs you give' },
			{ name: 'All Agents', value: 'all', description: 'Every active user of the organization' },
		],
		default: 'ids',
	},
	{
		displayName: 'Agent IDs',
		name: 'agentIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 6a1b…, 7c2d…',
		description: 'Genesys Cloud user IDs, separated by commas or new lines, or an expression giving a list',
		displayOptions: { show: { agents: ['ids'] } },
	},
	...returnAllAndLimit,
];

export const description = showFor({ resource: ['agentPresence'], operation: ['getAll'] }, properties);

/** IDs from a comma/line-separated text or a list, each once, in the order given. */
function agentIdsOf(ctx: IExecuteFunctions, i: number): string[] {
	const raw = ctx.getNodeParameter('agentIds', i, '') as unknown;
	const parts = Array.isArray(raw) ? raw : String(raw ?? '').split(/[\s,;]+/);
	const ids = parts.map((v) => (typeof v === 'string' || typeof v === 'number' ? String(v).trim() : ''));
	if (parts.some((v, n) => v !== '' && v !== null && v !== undefined && ids[n] === '')) {
		throw new NodeOperationError(ctx.getNode(), 'Agent IDs must be text', { itemIndex: i });
	}
	const unique = [...new Set(ids.filter(Boolean))];
	if (unique.length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'No agent given', {
			itemIndex: i,
			description: 'Enter user IDs, or choose "All Agents".',
		});
	}
	return unique;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', i) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', i) as number);
	const all = this.getNodeParameter('agents', i) === 'all';
	const userIds = all
		? [...new Set((await listUsers(this, limit)).map((u) => u.id))]
		: agentIdsOf(this, i).slice(0, limit);
	const presences = await readManyPresences(this, userIds);
	const missing = userIds.filter((id) => !presences.has(id));
	if (!all && missing.length) {
		// Genesys leaves users it does not know out of the answer: say which, rather than drop them.
		throw new NodeOperationError(this.getNode(), `No Genesys Cloud presence for user ${missing.join(', ')}`, {
			itemIndex: i,
			description: 'Check the user IDs: Genesys Cloud answered for the others only.',
		});
	}
	return userIds
		.filter((id) => presences.has(id))
		.map((userId) => {
			const { userId: _user, ...native } = presences.get(userId) as IDataObject;
			return userPresenceItem(userId, native, 'presence_read');
		});
}
