/**
 * Presence definitions: which endpoint family to call, how to label them, and how a category or
 * system presence name becomes the organization's primary definition ID.
 */
import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { GENESYS_SYSTEM_BY_CATEGORY, genesysCategory } from '../categories';
import type { PresenceCategory } from '../../shared/presence';
import { cachedLookup, cacheTtlSeconds } from '../../shared/lookupCache';
import { GENESYS_CREDENTIAL, genesysPaginate, genesysRequest } from '../transport';
import { passOn } from '../../shared/errors';

/**
 * `current` = /api/v2/presence/definitions, which Genesys' SDK tells apps to migrate to (needs
 * permission presence:presenceDefinition:view); `legacy` = /api/v2/presencedefinitions
 * (deprecated, paged; its listing needs no permission).
 */
export type DefinitionApi = 'current' | 'legacy';

export function definitionsPath(api: DefinitionApi, id?: string): string {
	const base = api === 'legacy' ? '/api/v2/presencedefinitions' : '/api/v2/presence/definitions';
	return id === undefined ? base : `${base}/${encodeURIComponent(id)}`;
}

/** The permission the current definitions API needs to list or read definitions. */
const DEFINITIONS_VIEW_PERMISSION = 'presence:presenceDefinition:view';

/** Genesys' system presences (GET /api/v2/systempresences names). */
export const SYSTEM_PRESENCES = [
	'Available',
	'Away',
	'Break',
	'Busy',
	'Idle',
	'Meal',
	'Meeting',
	'Offline',
	'On Queue',
	'Training',
];

/** 'On Queue' (legacy API), 'ON_QUEUE' and 'OnQueue' (current API) are the same presence. */
const squash = (name: unknown) => String(name ?? '').toUpperCase().replace(/[\s_-]+/g, '');

/** A system presence as Genesys Cloud shows it ("On Queue", not the API's `OnQueue`). */
export const systemPresenceName = (value: unknown): string =>
	SYSTEM_PRESENCES.find((name) => squash(name) === squash(value)) ?? String(value ?? '');

export function definitionLabel(def: IDataObject): string {
	const labels = (def.languageLabels ?? {}) as IDataObject;
	const label = labels.en_US ?? def.name ?? Object.values(labels)[0] ?? def.systemPresence ?? def.id;
	return String(label);
}

/** A definition item: Genesys' fields plus the shared category it belongs to. */
export function definitionItem(def: IDataObject): IDataObject {
	return { ...def, category: genesysCategory(def.systemPresence as string) };
}

/** Every definition of the org, active ones only, through the chosen endpoint family. */
export async function listDefinitions(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	api: DefinitionApi,
): Promise<IDataObject[]> {
	if (api === 'legacy') return await genesysPaginate(ctx, { method: 'GET', path: definitionsPath(api) });
	const listing = await genesysRequest<{ entities?: IDataObject[] }>(ctx, {
		method: 'GET',
		path: definitionsPath(api),
	});
	return listing.entities ?? [];
}

/** One definitions listing per execution, however many items resolve a category. */
const cache = new WeakMap<object, Promise<IDataObject[]>>();

/**
 * The current listing, or — when the client's role lacks presence:presenceDefinition:view (403) —
 * the legacy listing, which needs no permission. If that fails too, the error names the permission.
 */
async function definitionsForResolving(ctx: IExecuteFunctions): Promise<IDataObject[]> {
	try {
		return await listDefinitions(ctx, 'current');
	} catch (error) {
		const forbidden = error instanceof NodeApiError && error.httpCode === '403';
		// The transport's NodeApiError already names the vendor, status and message.
		if (!forbidden) passOn(error);
	}
	try {
		return await listDefinitions(ctx, 'legacy');
	} catch (legacyError) {
		const legacy = legacyError as { message?: string };
		throw new NodeOperationError(
			ctx.getNode(),
			`Genesys Cloud refused to list presence definitions: the OAuth client's role lacks permission ${DEFINITIONS_VIEW_PERMISSION}`,
			{
				description: `GET /api/v2/presence/definitions answered 403; the fallback GET /api/v2/presencedefinitions failed too (${legacy.message ?? String(legacyError)}). Add ${DEFINITIONS_VIEW_PERMISSION} to the client's role, or set the presence by definition ID.`,
			},
		);
	}
}

/**
 * The definitions listing: kept across executions for Cache Lookups For seconds (per credential);
 * with the cache off, still listed once per execution however many items resolve a category.
 */
async function cachedDefinitions(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const ttlSeconds = cacheTtlSeconds(ctx, itemIndex);
	if (ttlSeconds > 0) {
		return await cachedLookup(
			ctx,
			{ credentialType: GENESYS_CREDENTIAL, kind: 'genesys.definitions', key: '', ttlSeconds },
			async () => await definitionsForResolving(ctx),
		);
	}
	let pending = cache.get(ctx);
	if (!pending) {
		pending = definitionsForResolving(ctx);
		// A failed listing must not poison the items after it (Continue On Fail).
		pending.catch(() => cache.delete(ctx));
		cache.set(ctx, pending);
	}
	return await pending;
}

export function parseSystemPresence(ctx: IExecuteFunctions, value: unknown, itemIndex: number): string {
	const found = SYSTEM_PRESENCES.find((s) => squash(s) === squash(value));
	if (!found) {
		throw new NodeOperationError(ctx.getNode(), `Unknown Genesys Cloud system presence "${String(value ?? '')}"`, {
			itemIndex,
			description: `Use one of: ${SYSTEM_PRESENCES.join(', ')}`,
		});
	}
	return found;
}

export function systemPresenceForCategory(category: PresenceCategory): string {
	return GENESYS_SYSTEM_BY_CATEGORY[category];
}

/** The primary (type System) definition of a system presence: what Genesys' own UI sets. */
export async function primaryDefinitionId(
	ctx: IExecuteFunctions,
	systemPresence: string,
	itemIndex: number,
): Promise<string> {
	const defs = await cachedDefinitions(ctx, itemIndex);
	const primary = defs.find(
		(d) =>
			(d.type === 'System' || d.primary === true) &&
			d.deactivated !== true &&
			squash(d.systemPresence) === squash(systemPresence),
	);
	if (!primary) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Genesys Cloud has no primary presence definition for "${systemPresence}"`,
			{ itemIndex },
		);
	}
	return String(primary.id);
}
