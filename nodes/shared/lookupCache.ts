/**
 * Lookups that rarely change (an agent's e-mail ↔ vendor user ID, an organization's presence
 * definitions) cached in this n8n process across executions, so a synced change costs only the
 * presence read and write. Entries are keyed by the node's credential ID (never its data) plus the
 * lookup, expire by timestamp (no timers in a node), and concurrent executions asking for the same
 * key share one request. Queue-mode workers are separate processes: each keeps its own cache.
 */
import type { IDataObject, INode, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { passOn } from './errors';

/** The option's default in seconds: a few minutes, then a renamed or re-mapped agent is seen. */
export const DEFAULT_CACHE_TTL_SECONDS = 300;

export const cacheTtlOption: INodeProperties = {
	displayName: 'Cache Lookups For',
	name: 'cacheTtl',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: DEFAULT_CACHE_TTL_SECONDS,
	description:
		"How many seconds later executions reuse what this node looked up (an agent's ID for an e-mail address, the list of presences), per credential; 0 looks everything up every time. Each n8n process (each queue-mode worker) keeps its own, and an ID the vendor no longer knows is looked up again.",
};

interface Entry {
	expiresAt: number;
	value?: unknown;
	pending?: Promise<unknown>;
}

const entries = new Map<string, Entry>();

/** Entries kept at most: past it, expired ones go first, then the oldest. */
const MAX_ENTRIES = 10_000;

function makeRoom(now: number): void {
	if (entries.size < MAX_ENTRIES) return;
	for (const [key, entry] of entries) if (entry.expiresAt <= now && !entry.pending) entries.delete(key);
	for (const key of entries.keys()) {
		if (entries.size < MAX_ENTRIES) break;
		entries.delete(key);
	}
}

/** Cache keys served from the cache during one execution context's current attempt. */
const served = new WeakMap<object, Set<string>>();

export interface LookupRef {
	/** The credential type whose ID scopes the entry. */
	credentialType: string;
	/** What is looked up, e.g. `<vendor>.userIdByEmail`. */
	kind: string;
	/** The lookup's own key (an e-mail, a user ID; '' for an org-wide listing). */
	key: string;
	/** Seconds to keep the answer; 0 = do not cache. */
	ttlSeconds: number;
}

interface CacheContext {
	getNode(): INode;
}

/** `<credential ID>|<kind>|<key>`, or undefined when the node has no saved credential ID to scope by. */
function cacheKey(ctx: CacheContext, ref: LookupRef): string | undefined {
	const id = ctx.getNode().credentials?.[ref.credentialType]?.id;
	if (typeof id !== 'string' || id === '') return undefined;
	return `${id}|${ref.kind}|${ref.key.toLowerCase()}`;
}

/** The item's Cache Lookups For option (seconds), or the default. */
export function cacheTtlSeconds(
	ctx: CacheContext & { getNodeParameter(name: string, itemIndex: number, fallback?: unknown): unknown },
	itemIndex: number,
): number {
	const options = (ctx.getNodeParameter('options', itemIndex, {}) ?? {}) as IDataObject;
	return ttlFrom(ctx, options.cacheTtl, itemIndex);
}

/** A TTL option value as seconds; bad input is a clear error. */
export function ttlFrom(ctx: CacheContext, value: unknown, itemIndex?: number): number {
	if (value === undefined || value === null || value === '') return DEFAULT_CACHE_TTL_SECONDS;
	const seconds = Number(value);
	if (!Number.isFinite(seconds) || seconds < 0) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Cache Lookups For must be 0 or a positive number of seconds, got "${String(value)}"`,
			{ itemIndex },
		);
	}
	return seconds;
}

/**
 * The cached answer for `ref`, or `load()`'s (stored for `ttlSeconds`). A failed load is not kept,
 * so the next execution asks again.
 */
export async function cachedLookup<T>(ctx: CacheContext, ref: LookupRef, load: () => Promise<T>): Promise<T> {
	const key = ref.ttlSeconds > 0 ? cacheKey(ctx, ref) : undefined;
	if (key === undefined) return await load();
	const now = Date.now();
	const entry = entries.get(key);
	if (entry && entry.expiresAt > now) {
		if (entry.pending) return (await entry.pending) as T;
		noteServed(ctx, key);
		return entry.value as T;
	}
	makeRoom(now);
	const fresh: Entry = { expiresAt: now + ref.ttlSeconds * 1000 };
	const pending = load().then(
		(value) => {
			if (entries.get(key) === fresh) {
				fresh.value = value;
				delete fresh.pending;
			}
			return value;
		},
		(error: unknown) => {
			if (entries.get(key) === fresh) entries.delete(key);
			throw error;
		},
	);
	fresh.pending = pending;
	entries.set(key, fresh);
	return await pending;
}

function noteServed(ctx: object, key: string): void {
	const set = served.get(ctx) ?? new Set<string>();
	set.add(key);
	served.set(ctx, set);
}

/** A vendor answer that says a cached ID is no longer valid. */
function rejectsId(error: unknown): boolean {
	return error instanceof NodeApiError && (error.httpCode === '404' || error.httpCode === '400');
}

/**
 * Runs `attempt`; when it fails with 404/400 after using cached lookups, those entries are dropped
 * and the attempt is repeated once with fresh lookups (an agent re-created, a definition deleted).
 */
export async function retryIfStale<T>(ctx: CacheContext, attempt: () => Promise<T>): Promise<T> {
	served.delete(ctx);
	try {
		return await attempt();
	} catch (error) {
		const used = served.get(ctx);
		served.delete(ctx);
		// Not a stale-cache case: the error is the operation's own (already vendor-shaped).
		if (!used || used.size === 0 || !rejectsId(error)) passOn(error);
		for (const key of used) entries.delete(key);
		return await attempt();
	}
}

/** Every entry as stored (for tests: nothing secret may be in a key or value). */
export function lookupCacheSnapshot(): Array<[string, unknown]> {
	return [...entries].map(([key, entry]) => [key, entry.value]);
}

/** Empties the cache (tests). */
export function clearLookupCache(): void {
	entries.clear();
}
