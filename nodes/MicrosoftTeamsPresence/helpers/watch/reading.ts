/** Which users a trigger watches, read from its Watch fields and, for all users or a group, from Graph's directory. */
import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { GUID_REGEX } from '../../descriptions/locators';
import { locatorParts } from '../../../shared/locators';
import { paginate } from '../../../shared/paging';
import type { RequestContext } from '../../../shared/transport';
import type { GraphRequest } from '../../transport';
import { graphAuthentication, graphConfigs, graphRequest } from '../../transport';

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

export interface ObjectsPage {
	value?: IDataObject[];
	'@odata.nextLink'?: string;
}

/** Graph pages at most 999 directory objects ("Paging Microsoft Graph data in your app"). */
export const MAX_PAGE = 999;

/**
 * The objects of a Graph directory listing, paged by @odata.nextLink (up to `limit`). A next link
 * is followed only on Graph's own origin: the bearer token must not go elsewhere.
 */
export async function allObjects(ctx: RequestContext, first: GraphRequest, limit?: number): Promise<IDataObject[]> {
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
