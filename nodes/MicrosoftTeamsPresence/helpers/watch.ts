/**
 * What both Microsoft Teams presence triggers share: which users they watch (listed IDs or a
 * group's members), reading those users' presences, and turning a read into changes — each
 * user's change emitted once, against the availability/activity last seen (kept in static data).
 */
import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { MAX_IDS_PER_CALL } from '../actions/agentPresence/getAll.operation';
import { GUID_REGEX } from '../descriptions/locators';
import { pairId, presenceItem } from './presence';
import { teamsCategory } from '../../shared/categories';
import type { RequestContext } from '../../shared/transport';
import { graphAuthentication, graphConfigs, graphRequest } from '../transport';

export const watchProperties: INodeProperties[] = [
	{
		displayName: 'Watch',
		name: 'watch',
		type: 'options',
		default: 'agents',
		options: [
			{ name: 'Listed Agents', value: 'agents', description: 'The Microsoft Entra user IDs listed below' },
			{
				name: 'A Group’s Members',
				value: 'group',
				description: 'The users in a Microsoft Entra group (GroupMember.Read.All), read again each time the list is needed',
			},
		],
	},
	{
		displayName: 'Agent IDs',
		name: 'agentIds',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { watch: ['agents'] } },
		placeholder: 'e.g. fa8bf3dc-eca7-46b7-bad1-db199b62afc3, 66825e03-7ef5-42da-9069-724602c31f6b',
		description: 'Microsoft Entra user object IDs to watch, comma-separated',
	},
	{
		displayName: 'Group ID',
		name: 'groupId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { watch: ['group'] } },
		placeholder: 'e.g. 02bd9fd6-8f93-4758-87c3-1fb73740a315',
		description: 'The Microsoft Entra group object ID whose user members are watched (nested groups are not expanded)',
	},
	{
		displayName: 'Include Activity Changes',
		name: 'includeActivity',
		type: 'boolean',
		default: true,
		description:
			'Whether a change of activity alone (Busy/InACall → Busy/InAMeeting) is a change; off: only availability changes count',
	},
];

/** What a trigger last saw: each user's availability/activity. */
export interface SeenState {
	seen?: Record<string, string>;
}

const isGuid = (v: string) => new RegExp(GUID_REGEX).test(v);

/** The IDs the trigger watches: the listed ones, or the group's user members. */
export async function watchedIds(ctx: RequestContext): Promise<string[]> {
	const watch = ctx.getNodeParameter('watch', 'agents') as string;
	if (watch === 'group') {
		const groupId = String(ctx.getNodeParameter('groupId', '') ?? '').trim();
		if (!isGuid(groupId)) {
			throw new NodeOperationError(ctx.getNode(), `Not a Microsoft Entra group object ID: "${groupId}"`);
		}
		return await groupMemberIds(ctx, groupId);
	}
	const raw = ctx.getNodeParameter('agentIds', '') as string | string[];
	const list = Array.isArray(raw) ? raw : String(raw).split(/[\s,;]+/);
	const ids = [...new Set(list.map((v) => String(v).trim().toLowerCase()).filter((v) => v !== ''))];
	const bad = ids.find((id) => !isGuid(id));
	if (ids.length === 0 || bad) {
		throw new NodeOperationError(
			ctx.getNode(),
			bad ? `Not a Microsoft Entra user object ID: "${bad}"` : 'No agent IDs to watch',
		);
	}
	return ids;
}

interface MembersPage {
	value?: IDataObject[];
	'@odata.nextLink'?: string;
}

/**
 * "List group members" cast to users (`/members/microsoft.graph.user`), paged by @odata.nextLink.
 * A next link is followed only on Graph's own origin: the bearer token must not go elsewhere.
 */
async function groupMemberIds(ctx: RequestContext, groupId: string): Promise<string[]> {
	const config = graphConfigs[graphAuthentication(ctx)];
	const origin = new URL(config.baseUrl(await ctx.getCredentials(config.credentialType))).origin;
	const ids: string[] = [];
	let page = await graphRequest<MembersPage>(ctx, {
		method: 'GET',
		path: `/groups/${groupId}/members/microsoft.graph.user`,
		qs: { $select: 'id', $top: 999 },
		permission: { application: 'GroupMember.Read.All', delegated: 'GroupMember.Read.All' },
	});
	for (;;) {
		ids.push(...(page.value ?? []).map((u) => String(u.id).toLowerCase()));
		const next = page['@odata.nextLink'];
		if (!next) break;
		if (new URL(next).origin !== origin) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Microsoft Teams (Graph) returned a next page at ${new URL(next).origin}, off its own host; not followed`,
			);
		}
		page = await graphRequest<MembersPage>(ctx, {
			method: 'GET',
			path: next,
			permission: { application: 'GroupMember.Read.All', delegated: 'GroupMember.Read.All' },
		});
	}
	return [...new Set(ids)];
}

/** The users' presences, 650 IDs a request ("cloudCommunications: getPresencesByUserId"). */
export async function readPresences(ctx: RequestContext, ids: string[]): Promise<IDataObject[]> {
	const out: IDataObject[] = [];
	for (let start = 0; start < ids.length; start += MAX_IDS_PER_CALL) {
		const page = await graphRequest<{ value?: IDataObject[] }>(ctx, {
			method: 'POST',
			path: '/communications/getPresencesByUserId',
			body: { ids: ids.slice(start, start + MAX_IDS_PER_CALL) },
			idempotent: true,
			permission: { application: 'Presence.Read.All', delegated: 'Presence.Read.All' },
		});
		out.push(...(page.value ?? []));
	}
	return out;
}

/**
 * The changes in `presences` against `state.seen`, which is updated in place. A user seen for the
 * first time (or every user, on a first read) only sets the baseline. `watched` is the full list:
 * users no longer in it are forgotten, so re-adding one starts from a fresh baseline.
 */
export function changesOf(
	state: SeenState,
	presences: IDataObject[],
	options: { includeActivity: boolean; watched?: string[]; detectedAt: string },
): INodeExecutionData[] {
	const same = (before: string, now: string) =>
		options.includeActivity ? before === now : before.split('/')[0] === now.split('/')[0];
	const first = state.seen === undefined;
	const seen = { ...(state.seen ?? {}) };
	const out: INodeExecutionData[] = [];
	for (const presence of presences) {
		const id = String(presence.id).toLowerCase();
		const now = pairId(presence.availability, presence.activity);
		const before = seen[id];
		seen[id] = now;
		if (first || before === undefined || same(before, now)) continue;
		const [previousAvailability] = before.split('/');
		out.push({
			json: presenceItem(presence, 'presence_changed', {
				previousPresenceId: before,
				previousCategory: teamsCategory(previousAvailability),
				detectedAt: options.detectedAt,
			}),
		});
	}
	const watched = options.watched;
	state.seen = watched ? Object.fromEntries(Object.entries(seen).filter(([id]) => watched.includes(id))) : seen;
	return out;
}
