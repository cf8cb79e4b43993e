/**
 * Many users' presences at once, shared by Agent Presence → Get Many and the presence trigger's
 * baseline and catch-up reads: the organization's users (UsersApi getUsers) and the bulk
 * PURECLOUD presence read (PresenceApi getUsersPresencesPurecloudBulk).
 */
import type { IDataObject } from 'n8n-workflow';

import { byAskedId, readInBatches } from '../../shared/bulkRead';
import type { RequestContext } from '../../shared/transport';
import { genesysPaginate, genesysRequest } from '../transport';

export interface OrgUser {
	id: string;
	name?: string;
	email?: string;
}

/** Users per page of GET /api/v2/users (the SDK documents the default, 25, not a maximum). */
export const USERS_PAGE_SIZE = 100;

/** Active users of the organization (GET /api/v2/users, paged), up to `limit`. */
export async function listUsers(ctx: RequestContext, limit?: number): Promise<OrgUser[]> {
	const pageSize = limit === undefined ? USERS_PAGE_SIZE : Math.min(USERS_PAGE_SIZE, limit);
	const users = await genesysPaginate(ctx, { method: 'GET', path: '/api/v2/users' }, { pageSize, limit });
	return users as unknown as OrgUser[];
}

/** "A comma separated list of user IDs to fetch their presence status in bulk. Limit 50." */
export const BULK_PRESENCE_LIMIT = 50;

/** UcUserPresence, the answer model of the bulk presence read (Platform API SDK). */
export interface UcUserPresence extends IDataObject {
	id?: string;
	name?: string;
	userId?: string;
	source?: string;
	sourceId?: string;
	presenceDefinition?: { id?: string; systemPresence?: string } & IDataObject;
	message?: string | null;
	modifiedDate?: string | null;
}

/**
 * Current Genesys Cloud (PURECLOUD source) presence of up to 50 users in one call:
 * `GET /api/v2/users/presences/purecloud/bulk?id=a,b,…` (PresenceApi getUsersPresencesPurecloudBulk;
 * the ids comma-joined in one `id`, as Genesys' own SDK sends them). Keyed by the user ID as
 * asked (the answer names it in `userId`; `id` is the presence object's own); users Genesys does
 * not answer for are absent.
 */
export async function requestPresencesBulk(
	ctx: RequestContext,
	userIds: string[],
	timeoutMs?: number,
): Promise<Map<string, UcUserPresence>> {
	if (userIds.length > BULK_PRESENCE_LIMIT) {
		throw new Error(`At most ${BULK_PRESENCE_LIMIT} users per bulk presence read, not ${userIds.length}`);
	}
	// Written out because n8n's default query serializer would send `id[]=…` for an array.
	const query = `id=${userIds.map(encodeURIComponent).join(',')}`;
	const answer = await genesysRequest<UcUserPresence[]>(ctx, {
		method: 'GET',
		path: `/api/v2/users/presences/purecloud/bulk?${query}`,
		timeoutMs,
	});
	return byAskedId<UcUserPresence>(userIds, answer, (presence) => presence.userId);
}

/** The bulk read for Get Many and the trigger: a presence without a definition is left out too. */
export async function readPresencesBulk(
	ctx: RequestContext,
	userIds: string[],
): Promise<Map<string, UcUserPresence>> {
	const answered = await requestPresencesBulk(ctx, userIds);
	return new Map([...answered].filter(([, presence]) => presence.presenceDefinition?.id));
}

/** Bulk reads in flight at once: enough to be quick, few enough to stay inside Genesys' rate limits. */
export const PARALLEL_BULK_READS = 5;

/** The presences of any number of users: 50 per bulk read, a few reads at a time. */
export async function readManyPresences(
	ctx: RequestContext,
	userIds: string[],
): Promise<Map<string, UcUserPresence>> {
	return await readInBatches(
		userIds,
		{ batchSize: BULK_PRESENCE_LIMIT, parallel: PARALLEL_BULK_READS },
		async (ids) => await readPresencesBulk(ctx, ids),
	);
}

/** UcUserPresence → the PresenceEventBody the trigger's parser takes. */
export function asPresenceBody(presence: UcUserPresence): IDataObject {
	return {
		// The answer is the PURECLOUD source's presence; `source` is deprecated in the model.
		source: presence.source ?? 'PURECLOUD',
		presenceDefinition: presence.presenceDefinition,
		message: presence.message ?? null,
		modifiedDate: presence.modifiedDate ?? null,
	};
}
