/** Presence sources (PresenceApi "Source"): who set a presence, besides Genesys Cloud itself. */
import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { passOn } from '../../shared/errors';
import { cachedLookup } from '../../shared/lookupCache';
import type { RequestContext } from '../../shared/transport';
import { GENESYS_CREDENTIAL, genesysRequest } from '../transport';

export const SOURCES_PATH = '/api/v2/presence/sources';

/** The name a two-way sync's own writes go under by default. */
export const SYNC_SOURCE_NAME = 'n8n presence sync';

/** GET /api/v2/presence/sources: one unpaged SourceEntityListing; deactivated ones only on request. */
export async function listSources(ctx: RequestContext, deactivated = false): Promise<IDataObject[]> {
	const listing = await genesysRequest<{ entities?: IDataObject[] }>(ctx, {
		method: 'GET',
		path: SOURCES_PATH,
		qs: { deactivated: deactivated ? 'true' : 'false' },
	});
	return listing.entities ?? [];
}

const sameName = (a: unknown, b: string) => typeof a === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase();

/** The active source called `name` (case and outer spaces ignored); several of them is an error. */
function pick(ctx: RequestContext, sources: IDataObject[], name: string, itemIndex?: number): string | undefined {
	const matches = sources.filter((s) => sameName(s.name, name) && typeof s.id === 'string');
	if (matches.length > 1) {
		throw new NodeOperationError(ctx.getNode(), `Genesys Cloud has ${matches.length} presence sources named "${name}"`, {
			itemIndex,
			description: 'Pick the one to use from the list (Other Source), or give its ID.',
		});
	}
	return matches[0]?.id as string | undefined;
}

export interface SourceByNameOptions {
	/** Create the source (POST /api/v2/presence/sources) when no active one has the name. */
	create: boolean;
	/** Seconds to keep the name → ID answer for later executions (0: this execution only). */
	ttlSeconds: number;
	itemIndex?: number;
}

/** Per execution (the node's context object): name → pending ID, so N items cost one lookup. */
const perExecution = new WeakMap<object, Map<string, Promise<string | undefined>>>();

/**
 * The ID of the active presence source called `name`: found in the organization's list, else
 * (when `create`) created with that name. One lookup per execution, and across executions for
 * `ttlSeconds` per credential. Listing needs presence:source:view, creating presence:source:add.
 */
export async function sourceIdByName(ctx: RequestContext, name: string, options: SourceByNameOptions): Promise<string | undefined> {
	const key = `${options.create ? 'create' : 'find'}|${name.trim().toLowerCase()}`;
	const memo = perExecution.get(ctx) ?? new Map<string, Promise<string | undefined>>();
	perExecution.set(ctx, memo);
	let pending = memo.get(key);
	if (!pending) {
		pending = cachedLookup(
			ctx,
			{ credentialType: GENESYS_CREDENTIAL, kind: 'genesys.sourceIdByName', key, ttlSeconds: options.ttlSeconds },
			async () => await findOrCreate(ctx, name.trim(), options),
		);
		// A failed lookup is not kept: the next item or execution asks again.
		pending.catch(() => memo.delete(key));
		memo.set(key, pending);
	}
	return await pending;
}

async function findOrCreate(ctx: RequestContext, name: string, options: SourceByNameOptions): Promise<string | undefined> {
	const found = pick(ctx, await listSources(ctx), name, options.itemIndex);
	if (found || !options.create) return found;
	try {
		const created = await genesysRequest(ctx, { method: 'POST', path: SOURCES_PATH, body: { name } });
		if (typeof created.id === 'string' && created.id !== '') return created.id;
		throw new NodeOperationError(ctx.getNode(), `Genesys Cloud created the presence source "${name}" but answered no ID`, {
			itemIndex: options.itemIndex,
		});
	} catch (error) {
		// Another execution may have created it meanwhile: take that one rather than fail.
		if (!(error instanceof NodeApiError)) passOn(error);
		const now = pick(ctx, await listSources(ctx), name, options.itemIndex);
		if (now) return now;
		passOn(error);
	}
}

/** A presence source as read and written: `purecloud` or a source ID, and whether it is registered. */
export interface SourceRef {
	id: string;
	registered: boolean;
}

/**
 * Whether `sourceId` is one of the organization's active registered presence sources (GET
 * /api/v2/presence/sources). The listing is looked up once per execution and
 * kept for `ttlSeconds` per credential, as the other lookups.
 */
export async function isRegisteredSource(ctx: RequestContext, sourceId: string, ttlSeconds: number): Promise<boolean> {
	const memo = registeredPerExecution.get(ctx) ?? cachedLookup(
		ctx,
		{ credentialType: GENESYS_CREDENTIAL, kind: 'genesys.registeredSourceIds', key: '', ttlSeconds },
		async () => {
			return (await listSources(ctx)).map((s) => String(s.id ?? '').toLowerCase()).filter((id) => id !== '');
		},
	);
	registeredPerExecution.set(ctx, memo);
	memo.catch(() => registeredPerExecution.delete(ctx));
	return (await memo).includes(sourceId.toLowerCase());
}

const registeredPerExecution = new WeakMap<object, Promise<string[]>>();
