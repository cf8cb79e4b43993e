/**
 * The REST side of the trigger, through the Genesys transport (auth, retry, vendor errors):
 * notification channels and subscriptions (NotificationsApi) and presence labels. The users and
 * their presences in bulk are read by the Genesys Cloud node's presencesBulk helpers.
 */
import type { IDataObject, ILoadOptionsFunctions, ITriggerFunctions } from 'n8n-workflow';

import { genesysPaginate, genesysRequest } from './index';

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
