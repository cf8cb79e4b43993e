/** Vonage presences in the package's one presence model, and category → presence definition. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { VONAGE_CATEGORY_TYPES_BY_CATEGORY, isVonageReadyOutbound, vonageCategory } from '../categories';
import type { PresenceCategory, PresenceEvent } from '../../shared/presence';
import { byAskedId, readInBatches } from '../../shared/bulkRead';
import { normalizedPresence } from '../../shared/presence';
import { cachedLookup, cacheTtlSeconds } from '../../shared/lookupCache';
import { VONAGE_CREDENTIAL, vonageRequest } from '../transport';
import { once } from './cache';

/** `{ userId, updated, presence: { presenceId, selectable, category: { categoryType, description }, description } }` */
export interface AgentPresence extends IDataObject {
	userId: string;
	updated?: string;
	presence?: {
		presenceId?: string;
		selectable?: boolean;
		category?: { categoryType?: string; description?: string; subCategory?: string };
		description?: string;
	};
}

export interface PresenceDefinition extends IDataObject {
	presenceId: string;
	selectable?: boolean;
	category?: { categoryType?: string; description?: string; subCategory?: string };
	description?: string;
}

/** Vonage documents users:read or users:write for reads, users:write for the PATCH. */
export const READ_SCOPES = ['users:read', 'users:write'];
export const WRITE_SCOPES = ['users:write'];

/**
 * The vendor's answer unchanged, plus the normalized presence fields. A single agent's presence
 * carries no subCategory (the bulk read's does), so then a Ready presence is looked up among the
 * definitions (once per run): Ready (Outbound) is not available for inbound work.
 */
export async function agentPresenceItem(
	ctx: IExecuteFunctions,
	answer: AgentPresence,
	event: PresenceEvent,
): Promise<IDataObject> {
	const presence = answer.presence ?? {};
	const categoryType = presence.category?.categoryType;
	return {
		...answer,
		...normalizedPresence({
			source: 'vonage',
			event,
			agentId: answer.userId,
			presenceId: presence.presenceId ?? null,
			presenceName: presence.description ?? null,
			category: vonageCategory(
				categoryType,
				presence.category?.subCategory ?? (await subCategoryOf(ctx, categoryType, presence.presenceId)),
			),
			changedAt: answer.updated ?? null,
		}),
	};
}

async function subCategoryOf(
	ctx: IExecuteFunctions,
	categoryType: string | undefined,
	presenceId: string | undefined,
): Promise<string | undefined> {
	if (categoryType !== 'Ready' || !presenceId) return undefined;
	const id = presenceId.toLowerCase();
	return (await getPresenceDefinitions(ctx)).find((d) => d.presenceId.toLowerCase() === id)?.category?.subCategory;
}

/** "The maximum number of user IDs is 50 in one query" (Agents API, "Get presences of users"). */
export const BULK_PRESENCE_LIMIT = 50;

/** Bulk reads in flight at once. */
const PARALLEL_BULK_READS = 4;

/**
 * The presences of any number of users, 50 per `GET /agents/presences/users?userId=a,b,…` (the
 * IDs comma-separated in one `userId`, as Vonage's page shows), a few reads at a time. Keyed by
 * the user ID as given; users Vonage does not answer for are absent.
 */
export async function getAgentPresences(
	ctx: IExecuteFunctions,
	userIds: string[],
): Promise<Map<string, AgentPresence>> {
	return await readInBatches(userIds, { batchSize: BULK_PRESENCE_LIMIT, parallel: PARALLEL_BULK_READS }, async (ids) => {
		const answer = await vonageRequest<AgentPresence[]>(ctx, {
			method: 'GET',
			// Written out because n8n's default query serializer would send `userId[]=…`.
			path: `/agents/presences/users?userId=${ids.map(encodeURIComponent).join(',')}`,
			scopes: READ_SCOPES,
		});
		return byAskedId<AgentPresence>(ids, answer, (presence) => presence.userId);
	});
}

export async function getAgentPresence(
	ctx: IExecuteFunctions,
	userId: string,
	timeoutMs?: number,
): Promise<AgentPresence> {
	return await vonageRequest<AgentPresence>(ctx, {
		method: 'GET',
		path: `/agents/${encodeURIComponent(userId)}/presence`,
		scopes: READ_SCOPES,
		timeoutMs,
	});
}

/**
 * `GET /agents/presence-definitions`, once per run; for resolving categories also kept across
 * executions (Cache Lookups For, per credential). `fresh` (the listing operation) skips that.
 */
export async function getPresenceDefinitions(
	ctx: IExecuteFunctions,
	options: { fresh?: boolean } = {},
): Promise<PresenceDefinition[]> {
	const load = async () => {
		const answer = await vonageRequest<{ presenceDefinitions?: PresenceDefinition[] }>(ctx, {
			method: 'GET',
			path: '/agents/presence-definitions',
			scopes: READ_SCOPES,
		});
		return answer.presenceDefinitions ?? [];
	};
	if (options.fresh) return await once(ctx, 'presenceDefinitions:fresh', load);
	return await once(ctx, 'presenceDefinitions', async () =>
		await cachedLookup(
			ctx,
			{
				credentialType: VONAGE_CREDENTIAL,
				kind: 'vonage.presenceDefinitions',
				key: '',
				ttlSeconds: cacheTtlSeconds(ctx, 0),
			},
			load,
		),
	);
}

/** Whether an agent's current presence already is of `category` (for "only if different"). */
export async function presenceFits(
	ctx: IExecuteFunctions,
	current: AgentPresence,
	category: PresenceCategory,
): Promise<boolean> {
	const categoryType = current.presence?.category?.categoryType;
	if (categoryType === undefined) return false;
	if (isVonageReadyOutbound(categoryType, await subCategoryOf(ctx, categoryType, current.presence?.presenceId))) {
		return category === 'busy';
	}
	return VONAGE_CATEGORY_TYPES_BY_CATEGORY[category].includes(categoryType);
}

/**
 * The selectable definition a category resolves to: the first category type Vonage prefers for
 * it (Away before ExtendedAway for "away"), then the account's own order.
 */
export async function definitionForCategory(
	ctx: IExecuteFunctions,
	category: PresenceCategory,
	itemIndex: number,
): Promise<PresenceDefinition> {
	const types = VONAGE_CATEGORY_TYPES_BY_CATEGORY[category];
	// Ready (Outbound) takes no inbound work: never what "available" (or any category) is set as.
	const selectable = (await getPresenceDefinitions(ctx)).filter(
		(d) => d.selectable === true && !isVonageReadyOutbound(d.category?.categoryType, d.category?.subCategory),
	);
	for (const type of types) {
		const found = selectable.find((d) => d.category?.categoryType === type);
		if (found) return found;
	}
	throw new NodeOperationError(
		ctx.getNode(),
		`No selectable Vonage presence fits the category "${category}"`,
		{
			itemIndex,
			description: `Looked for a selectable presence definition with categoryType ${types.join(' or ')}. Make one selectable in VCC Admin, or set the presence by ID.`,
		},
	);
}
