/**
 * What both Microsoft Teams presence triggers share: which users they watch (every user, chosen
 * users or a group's members), reading those users' presences, and turning a read into changes —
 * each user's change emitted once, against the availability/activity last seen (kept in static data).
 */
import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeExecutionData,
	INodeListSearchResult,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { MAX_IDS_PER_CALL } from '../actions/agentPresence/getAll.operation';
import { GUID_REGEX } from '../descriptions/locators';
import { userLabel } from './agents';
import { pairId, presenceItem } from './presence';
import { teamsCategory } from '../../shared/categories';
import { paginate } from '../../shared/paging';
import type { RequestContext } from '../../shared/transport';
import type { GraphRequest } from '../transport';
import { graphAuthentication, graphConfigs, graphRequest } from '../transport';
import { locatorParts } from '../../shared/locators';

/** Version 1 of the triggers: IDs pasted as text. Version 2: chosen from lists loaded from Graph. */
const V1 = { '@version': [1] };
const V2 = { '@version': [{ _cnd: { gte: 2 } }] };

const watchOptions = [
	{
		name: 'All Users',
		value: 'all',
		description: 'Every enabled user of the Microsoft Entra directory (User.Read.All), read again each time the list is needed',
	},
	{ name: 'Chosen Agents', value: 'agents', description: 'The users chosen below' },
	{
		name: 'A Group’s Members',
		value: 'group',
		description: 'The users in a Microsoft Entra group (GroupMember.Read.All), read again each time the list is needed',
	},
];

export const watchProperties: INodeProperties[] = [
	{
		displayName: 'Watch',
		name: 'watch',
		type: 'options',
		noDataExpression: true,
		default: 'all',
		options: watchOptions,
		displayOptions: { show: V2 },
	},
	{
		// Version 1 saved no value when Listed Agents (its default) was chosen: that default stays.
		displayName: 'Watch',
		name: 'watch',
		type: 'options',
		default: 'agents',
		options: watchOptions,
		displayOptions: { show: V1 },
	},
	{
		displayName: 'Agent Names or IDs',
		name: 'agents',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'listAgents' },
		default: [],
		required: true,
		displayOptions: { show: { ...V2, watch: ['agents'] } },
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'An expression may give a list of IDs or comma-separated IDs',
	},
	{
		displayName: 'Group',
		name: 'group',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		displayOptions: { show: { ...V2, watch: ['group'] } },
		description: 'The Microsoft Entra group whose user members are watched (nested groups are not expanded)',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a group...',
				typeOptions: { searchListMethod: 'searchGroups', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 02bd9fd6-8f93-4758-87c3-1fb73740a315',
				validation: [
					{ type: 'regex', properties: { regex: GUID_REGEX, errorMessage: 'Not a Microsoft Entra group object ID (a GUID)' } },
				],
			},
		],
	},
	{
		displayName: 'Agent IDs',
		name: 'agentIds',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { ...V1, watch: ['agents'] } },
		placeholder: 'e.g. fa8bf3dc-eca7-46b7-bad1-db199b62afc3, 66825e03-7ef5-42da-9069-724602c31f6b',
		description: 'Microsoft Entra user object IDs to watch, comma-separated',
	},
	{
		displayName: 'Group ID',
		name: 'groupId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { ...V1, watch: ['group'] } },
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

const locatorValue = (v: unknown) => locatorParts(v).value;

/** The IDs the trigger watches: every enabled user, the chosen ones, or the group's user members. */
export async function watchedIds(ctx: RequestContext): Promise<string[]> {
	const v1 = ctx.getNode().typeVersion < 2;
	const watch = ctx.getNodeParameter('watch', v1 ? 'agents' : 'all') as string;
	if (watch === 'all') return await allUserIds(ctx);
	if (watch === 'group') {
		const groupId = locatorValue(v1 ? ctx.getNodeParameter('groupId', '') : ctx.getNodeParameter('group', ''));
		if (!isGuid(groupId)) {
			throw new NodeOperationError(ctx.getNode(), `Not a Microsoft Entra group object ID: "${groupId}"`);
		}
		return await groupMemberIds(ctx, groupId);
	}
	// A list from the picker or an expression, or (version 1, or an expression) comma-separated text.
	const raw = ctx.getNodeParameter(v1 ? 'agentIds' : 'agents', '') as string | string[];
	const list = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => String(v ?? '').split(/[\s,;]+/));
	const ids = [...new Set(list.map((v) => v.trim().toLowerCase()).filter((v) => v !== ''))];
	const bad = ids.find((id) => !isGuid(id));
	if (ids.length === 0 || bad) {
		throw new NodeOperationError(
			ctx.getNode(),
			bad ? `Not a Microsoft Entra user object ID: "${bad}"` : 'No agent IDs to watch',
		);
	}
	return ids;
}

interface ObjectsPage {
	value?: IDataObject[];
	'@odata.nextLink'?: string;
}

/** Graph pages at most 999 directory objects ("Paging Microsoft Graph data in your app"). */
const MAX_PAGE = 999;

/**
 * The objects of a Graph directory listing, paged by @odata.nextLink (up to `limit`). A next link
 * is followed only on Graph's own origin: the bearer token must not go elsewhere.
 */
async function allObjects(ctx: RequestContext, first: GraphRequest, limit?: number): Promise<IDataObject[]> {
	const config = graphConfigs[graphAuthentication(ctx)];
	const origin = new URL(config.baseUrl(await ctx.getCredentials(config.credentialType))).origin;
	return await paginate<ObjectsPage, IDataObject, GraphRequest>(
		first,
		async (request) => await graphRequest<ObjectsPage>(ctx, request),
		{
			items: (page) => page.value ?? [],
			next: (page) => {
				const link = page['@odata.nextLink'];
				if (!link) return undefined;
				if (new URL(link).origin !== origin) {
					throw new NodeOperationError(
						ctx.getNode(),
						`Microsoft Teams (Graph) returned a next page at ${new URL(link).origin}, off its own host; not followed`,
					);
				}
				// The next page is the same query: an advanced one keeps its ConsistencyLevel header.
				return { method: 'GET', path: link, headers: first.headers, permission: first.permission };
			},
		},
		{ limit },
	);
}

const uniqueIds = (objects: IDataObject[]) => [...new Set(objects.map((u) => String(u.id).toLowerCase()))];

/**
 * "List users": the directory's enabled accounts (`accountEnabled eq true` is a default query, no
 * advanced query parameters needed), IDs only, 999 a page.
 */
async function allUserIds(ctx: RequestContext): Promise<string[]> {
	const users = await allObjects(ctx, {
		method: 'GET',
		path: '/users',
		qs: { $select: 'id', $filter: 'accountEnabled eq true', $top: MAX_PAGE },
		permission: { application: 'User.Read.All', delegated: 'User.ReadBasic.All' },
	});
	const found = uniqueIds(users);
	if (found.length === 0) throw new NodeOperationError(ctx.getNode(), 'Microsoft Graph lists no enabled users to watch');
	return found;
}

/**
 * "List group members" cast to users (`/members/microsoft.graph.user`). An OData cast is an
 * advanced query: Graph needs `ConsistencyLevel: eventual` and `$count=true` ("Advanced query
 * capabilities on Microsoft Entra ID objects").
 */
async function groupMemberIds(ctx: RequestContext, groupId: string): Promise<string[]> {
	return uniqueIds(
		await allObjects(ctx, {
			method: 'GET',
			path: `/groups/${groupId}/members/microsoft.graph.user`,
			qs: { $select: 'id', $top: MAX_PAGE, $count: true },
			headers: { ConsistencyLevel: 'eventual' },
			permission: { application: 'GroupMember.Read.All', delegated: 'GroupMember.Read.All' },
		}),
	);
}

/** The users the Agents picker offers at once (five pages); others can be given by expression. */
const MAX_PICKER_USERS = 5 * MAX_PAGE;

/** The Agents picker: the directory's enabled users by name (and e-mail), IDs stored. */
export async function listAgents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const users = await allObjects(
		this,
		{
			method: 'GET',
			path: '/users',
			qs: { $select: 'id,displayName,mail,userPrincipalName', $filter: 'accountEnabled eq true', $top: MAX_PAGE },
			permission: { application: 'User.Read.All', delegated: 'User.ReadBasic.All' },
		},
		MAX_PICKER_USERS,
	);
	return users.map((u) => ({ name: userLabel(u), value: String(u.id) })).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The Group picker: groups by display name. `$search` is an advanced query: Graph needs
 * `ConsistencyLevel: eventual` for it ("Advanced query capabilities on Microsoft Entra ID objects").
 */
export async function searchGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const text = filter?.trim().replace(/"/g, '');
	const permission = { application: 'GroupMember.Read.All', delegated: 'GroupMember.Read.All' };
	const page = paginationToken
		? await graphRequest<ObjectsPage>(this, {
				method: 'GET',
				path: paginationToken,
				headers: { ConsistencyLevel: 'eventual' },
				permission,
			})
		: await graphRequest<ObjectsPage>(this, {
				method: 'GET',
				path: '/groups',
				qs: {
					$select: 'id,displayName,mail',
					$top: 25,
					...(text ? { $search: `"displayName:${text}"`, $orderby: 'displayName' } : {}),
				},
				headers: text ? { ConsistencyLevel: 'eventual' } : undefined,
				permission,
			});
	return {
		results: (page.value ?? []).map((g) => ({ name: String(g.displayName ?? g.id), value: String(g.id) })),
		paginationToken: page['@odata.nextLink'],
	};
}

/** The users' presences, 650 IDs a request ("cloudCommunications: getPresencesByUserId"). */
/** The pickers behind watchProperties, as a trigger's `methods`. */
export const watchMethods = {
	loadOptions: { listAgents },
	listSearch: { searchGroups },
};

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
