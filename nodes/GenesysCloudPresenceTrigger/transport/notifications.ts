/**
 * The REST side of the trigger, through the Genesys transport (auth, retry, vendor errors):
 * notification channels and subscriptions (NotificationsApi), the users to listen to and their
 * current presence in bulk (for the startup baseline and the catch-up read after a reconnect).
 */
import type { IDataObject, ILoadOptionsFunctions, ITriggerFunctions } from 'n8n-workflow';

import { genesysPaginate, genesysRequest } from '../../GenesysCloud/transport';
import type { PresenceEventBody } from '../events/genesysNotifications';

type Ctx = ITriggerFunctions | ILoadOptionsFunctions;

export interface Channel {
	id: string;
	connectUri: string;
	expires?: string;
}

export async function createChannel(ctx: Ctx): Promise<Channel> {
	return await genesysRequest<Channel>(ctx, {
		method: 'POST',
		path: '/api/v2/notifications/channels',
	});
}

/** PUT replaces the channel's topics; also how a channel is kept past its 24 hours. */
export async function setSubscriptions(
	ctx: Ctx,
	channelId: string,
	topics: string[],
): Promise<void> {
	await genesysRequest(ctx, {
		method: 'PUT',
		path: `/api/v2/notifications/channels/${encodeURIComponent(channelId)}/subscriptions`,
		body: topics.map((id) => ({ id })),
	});
}

export async function deleteSubscriptions(ctx: Ctx, channelId: string): Promise<void> {
	await genesysRequest(ctx, {
		method: 'DELETE',
		path: `/api/v2/notifications/channels/${encodeURIComponent(channelId)}/subscriptions`,
	});
}

/** HEAD: 200 while the channel exists, 404 once it expired or was replaced. */
export async function channelExists(ctx: Ctx, channelId: string): Promise<boolean> {
	const failure = await settle(
		genesysRequest(ctx, {
			method: 'HEAD',
			path: `/api/v2/notifications/channels/${encodeURIComponent(channelId)}`,
		}),
	);
	if (failure === undefined) return true;
	if (httpCodeOf(failure) === '404') return false;
	throw failure;
}

/** The error a request failed with (already a NodeApiError from the transport), or undefined. */
export async function settle(request: Promise<unknown>): Promise<unknown> {
	try {
		await request;
		return undefined;
	} catch (error) {
		return error ?? new Error('Request failed');
	}
}

export const httpCodeOf = (error: unknown): string | undefined =>
	(error as { httpCode?: string | null })?.httpCode ?? undefined;

export interface OrgUser {
	id: string;
	name?: string;
	email?: string;
}

/** Every active user of the organization (GET /api/v2/users, paged). */
export async function listUsers(ctx: Ctx): Promise<OrgUser[]> {
	const users = await genesysPaginate(ctx, { method: 'GET', path: '/api/v2/users' }, { pageSize: 100 });
	return users as unknown as OrgUser[];
}

/** "A comma separated list of user IDs to fetch their presence status in bulk. Limit 50." */
export const BULK_PRESENCE_LIMIT = 50;

/** UcUserPresence, the answer model of the bulk presence read (Platform API SDK). */
interface UcUserPresence extends PresenceEventBody {
	id?: string;
	userId?: string;
	sourceId?: string;
}

/**
 * Current Genesys Cloud (PURECLOUD source) presence of up to 50 users in one call:
 * `GET /api/v2/users/presences/purecloud/bulk?id=a,b,…` (PresenceApi
 * getUsersPresencesPurecloudBulk; the ids comma-joined in one `id`, as Genesys' own SDK sends
 * them). Users Genesys does not answer for are absent from the map.
 */
export async function readPresencesBulk(
	ctx: Ctx,
	userIds: string[],
): Promise<Map<string, PresenceEventBody>> {
	if (userIds.length > BULK_PRESENCE_LIMIT) {
		throw new Error(`At most ${BULK_PRESENCE_LIMIT} users per bulk presence read, not ${userIds.length}`);
	}
	// Written out because n8n's default query serializer would send `id[]=…` for an array.
	const query = `id=${userIds.map(encodeURIComponent).join(',')}`;
	const answer = await genesysRequest<UcUserPresence[]>(ctx, {
		method: 'GET',
		path: `/api/v2/users/presences/purecloud/bulk?${query}`,
	});
	const wanted = new Map(userIds.map((id) => [id.toLowerCase(), id]));
	const out = new Map<string, PresenceEventBody>();
	for (const presence of Array.isArray(answer) ? answer : []) {
		if (!presence || typeof presence !== 'object') continue;
		// userId names the user; `id` is the presence object's own identifier.
		const userId = typeof presence.userId === 'string' ? wanted.get(presence.userId.toLowerCase()) : undefined;
		if (!userId || !presence.presenceDefinition?.id) continue;
		out.set(userId, {
			// The answer is the PURECLOUD source's presence; `source` is deprecated in the model.
			source: presence.source ?? 'PURECLOUD',
			presenceDefinition: presence.presenceDefinition,
			message: presence.message ?? null,
			modifiedDate: presence.modifiedDate ?? null,
		});
	}
	return out;
}

/** Presence definition id → label, so items carry "Lunch" rather than only "Meal". */
export async function presenceNames(ctx: Ctx): Promise<Map<string, string>> {
	const definitions = await genesysPaginate(ctx, {
		method: 'GET',
		path: '/api/v2/presencedefinitions',
	});
	const names = new Map<string, string>();
	for (const d of definitions) {
		const labels = (d.languageLabels ?? {}) as IDataObject;
		const label = labels.en_US ?? Object.values(labels)[0] ?? d.name ?? d.systemPresence;
		if (typeof d.id === 'string' && typeof label === 'string') names.set(d.id, label);
	}
	return names;
}
