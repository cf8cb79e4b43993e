/**
 * Per-execution memo: one node run processes many items with the same context object, so a
 * lookup (presence definitions, a user by email) is fetched once per run, never across runs.
 */
const memo = new WeakMap<object, Map<string, Promise<unknown>>>();

export async function once<T>(ctx: object, key: string, load: () => Promise<T>): Promise<T> {
	let entries = memo.get(ctx);
	if (!entries) memo.set(ctx, (entries = new Map()));
	let pending = entries.get(key) as Promise<T> | undefined;
	if (!pending) {
		pending = load();
		entries.set(key, pending);
		// A failed lookup is not remembered: the next item tries again.
		pending.catch(() => entries?.delete(key));
	}
	return await pending;
}
