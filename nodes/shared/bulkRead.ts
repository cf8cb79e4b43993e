/**
 * Reading many users' presences with a vendor's bulk read: the IDs go in batches of the vendor's
 * limit; the first batch goes alone, because it fetches the access token that parallel first reads
 * would each fetch again; the rest go a few at a time, to stay inside the vendor's rate limits.
 */

export interface BatchLimits {
	/** IDs per bulk read (the vendor's documented maximum). */
	batchSize: number;
	/** Bulk reads in flight at once after the first. */
	parallel: number;
}

/** Every batch's answer merged into one map (a later batch's entry for the same key wins). */
export async function readInBatches<T>(
	ids: string[],
	limits: BatchLimits,
	readBatch: (batch: string[]) => Promise<Map<string, T>>,
): Promise<Map<string, T>> {
	const batches: string[][] = [];
	for (let i = 0; i < ids.length; i += limits.batchSize) batches.push(ids.slice(i, i + limits.batchSize));
	const out = new Map<string, T>();
	for (let i = 0; i < batches.length; i += i === 0 ? 1 : limits.parallel) {
		const group = i === 0 ? batches.slice(0, 1) : batches.slice(i, i + limits.parallel);
		const answers = await Promise.all(group.map(async (batch) => await readBatch(batch)));
		for (const answer of answers) for (const [id, entry] of answer) out.set(id, entry);
	}
	return out;
}

/**
 * A bulk answer's entries keyed by the user ID as asked (vendors may answer in another case);
 * entries for users not asked for, and answers that are not a list, give nothing.
 */
export function byAskedId<T>(asked: string[], answer: unknown, userIdOf: (entry: T) => unknown): Map<string, T> {
	const wanted = new Map(asked.map((id) => [id.toLowerCase(), id]));
	const out = new Map<string, T>();
	for (const entry of Array.isArray(answer) ? (answer as T[]) : []) {
		if (!entry || typeof entry !== 'object') continue;
		const userId = userIdOf(entry);
		const id = typeof userId === 'string' ? wanted.get(userId.toLowerCase()) : undefined;
		if (id) out.set(id, entry);
	}
	return out;
}
