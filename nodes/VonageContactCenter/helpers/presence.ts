/** Vonage presences in the package's one presence model, and category → presence definition. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { VONAGE_CATEGORY_TYPES_BY_CATEGORY, vonageCategory } from '../../shared/categories';
import type { PresenceCategory, PresenceEvent } from '../../shared/presence';
import { PRESENCE_CATEGORIES, normalizedPresence } from '../../shared/presence';
import { vonageRequest } from '../transport';
import { once } from './cache';

/** `{ userId, updated, presence: { presenceId, selectable, category: { categoryType, description }, description } }` */
export interface AgentPresence extends IDataObject {
	userId: string;
	updated?: string;
	presence?: {
		presenceId?: string;
		selectable?: boolean;
		category?: { categoryType?: string; description?: string };
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

/** The vendor's answer unchanged, plus the normalized presence fields. */
export function agentPresenceItem(answer: AgentPresence, event: PresenceEvent): IDataObject {
	const presence = answer.presence ?? {};
	return {
		...answer,
		...normalizedPresence({
			source: 'vonage',
			event,
			agentId: answer.userId,
			presenceId: presence.presenceId ?? null,
			presenceName: presence.description ?? null,
			category: vonageCategory(presence.category?.categoryType),
			changedAt: answer.updated ?? null,
		}),
	};
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

/** `GET /agents/presence-definitions`, once per run. */
export async function getPresenceDefinitions(ctx: IExecuteFunctions): Promise<PresenceDefinition[]> {
	return await once(ctx, 'presenceDefinitions', async () => {
		const answer = await vonageRequest<{ presenceDefinitions?: PresenceDefinition[] }>(ctx, {
			method: 'GET',
			path: '/agents/presence-definitions',
			scopes: READ_SCOPES,
		});
		return answer.presenceDefinitions ?? [];
	});
}

/** A category from the options list or an expression, checked before anything is sent. */
export function requireCategory(ctx: IExecuteFunctions, value: unknown, itemIndex: number): PresenceCategory {
	const known = PRESENCE_CATEGORIES.map((c) => c.value);
	if (typeof value === 'string' && (known as string[]).includes(value)) return value as PresenceCategory;
	throw new NodeOperationError(ctx.getNode(), `Unknown presence category "${String(value)}"`, {
		itemIndex,
		description: `Use one of: ${known.join(', ')}.`,
	});
}

export function categoryFits(categoryType: string | undefined, category: PresenceCategory): boolean {
	return categoryType !== undefined && VONAGE_CATEGORY_TYPES_BY_CATEGORY[category].includes(categoryType);
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
	const selectable = (await getPresenceDefinitions(ctx)).filter((d) => d.selectable === true);
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
