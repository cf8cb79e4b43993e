// @ts-check
const { readInBatches, byAskedId } = require('../../dist/nodes/shared/bulkRead');

/** A batch read that records how many reads were in flight when each one started. */
function recordingRead() {
	let inFlight = 0;
	/** @type {Array<{ batch: string[], inFlight: number }>} */
	const started = [];
	/** @type {(resume: () => void) => void} */
	const release = (resume) => setImmediate(resume);
	return {
		started,
		read: async (/** @type {string[]} */ batch) => {
			inFlight++;
			started.push({ batch, inFlight });
			await new Promise(release);
			inFlight--;
			return new Map(batch.map((id) => [id, `presence of ${id}`]));
		},
	};
}

const ids = (/** @type {number} */ n) => Array.from({ length: n }, (_, i) => `u${i}`);

test('the first batch goes alone (it fetches the token), then at most `parallel` at once; every answer is kept', async () => {
	const { started, read } = recordingRead();
	const out = await readInBatches(ids(23), { batchSize: 2, parallel: 4 }, read);
	expect(started.map((s) => s.batch.length)).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1]);
	expect(started[0].inFlight).toBe(1);
	expect(Math.max(...started.map((s) => s.inFlight))).toBe(4);
	expect(started.slice(1, 5).map((s) => s.inFlight)).toEqual([1, 2, 3, 4]);
	expect([...out.keys()]).toEqual(ids(23));
	expect(out.get('u22')).toBe('presence of u22');
});

test('parallel 1 reads one batch after another; no IDs, no read', async () => {
	const { started, read } = recordingRead();
	await readInBatches(ids(5), { batchSize: 2, parallel: 1 }, read);
	expect(started.map((s) => s.inFlight)).toEqual([1, 1, 1]);
	const none = recordingRead();
	expect((await readInBatches([], { batchSize: 2, parallel: 3 }, none.read)).size).toBe(0);
	expect(none.started).toEqual([]);
});

test('byAskedId keys answers by the ID as asked, case-blind, and drops what was not asked or is no entry', () => {
	const answer = [{ userId: 'ABC' }, { userId: 'zzz' }, null, 'text', { userId: 7 }, { name: 'no id' }];
	const out = byAskedId(['abc', 'def'], answer, (/** @type {any} */ e) => e.userId);
	expect([...out.entries()]).toEqual([['abc', { userId: 'ABC' }]]);
	expect(byAskedId(['abc'], { userId: 'abc' }, (/** @type {any} */ e) => e.userId).size).toBe(0);
});
