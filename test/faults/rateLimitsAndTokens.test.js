// @ts-check
/**
 * 429 on every third call and tokens expiring in the middle of a run, for every presence write:
 * Genesys Cloud Set and Bulk Set, Dynamics 365 Contact Center Set, Vonage Contact Center Set.
 */
const { OPERATIONS, useFaultSimulator, runChanges, expectEveryChangeAccountedFor, expectAllWritten, apiStatuses, onRequest } = require('./faults');

/** Changes per operation: Bulk Set gets 120 so that it makes three bulk calls (50/50/20). */
const COUNTS = { genesysSet: 9, genesysBulkSet: 120, dataverseSet: 5, vonageSet: 9 };
const CASES = Object.entries(COUNTS);

const t = useFaultSimulator();

describe('429 on every third API call (Retry-After: 0)', () => {
	test.each(CASES)('%s: every change written exactly once, none lost', async (name, count) => {
		const { vendor } = OPERATIONS[name];
		t.sim.inject({ vendor, pathRegex: '^(?!.*token$)', status: 429, everyNth: 3, retryAfter: 0 });
		await expectAllWritten(t, name, { count });
		// The fault really fired: every third API request was answered 429 and retried.
		const statuses = apiStatuses(t.sim, vendor);
		expect(statuses.filter((s) => s === 429).length).toBe(Math.floor(statuses.length / 3));
		expect(statuses.filter((s, i) => s === 429 && (i + 1) % 3 !== 0)).toEqual([]);
	});
});

describe('the token expires in the middle of the run', () => {
	test.each(CASES)('%s: the write that meets the 401 is sent again once with a new token', async (name, count) => {
		const op = OPERATIONS[name];
		// Expire every token the moment the second write arrives, before the simulator checks it.
		let seen = 0;
		const undo = onRequest(t.sim, (r) => {
			if (r.vendor === op.vendor && op.writes(r).length > 0 && ++seen === 2) t.sim.expireTokens(op.vendor);
		});
		try {
			await expectAllWritten(t, name, { count });
		} finally {
			undo();
		}
		const writeAttempts = t.sim.requests.filter((/** @type {any} */ r) => r.vendor === op.vendor && op.writes(r).length > 0);
		// Exactly one write met the expired token (the second), and it alone was repeated.
		expect(writeAttempts.map((/** @type {any} */ r) => r.status).filter((/** @type {number} */ s) => s === 401)).toEqual([401]);
		expect(writeAttempts[1].status).toBe(401);
		expect(op.writes(writeAttempts[2])).toEqual(op.writes(writeAttempts[1]));
		expect(t.sim.tokenRequests(op.vendor)).toBe(2);
	});

	test('Genesys Bulk Set: each of the three 50-user chunks written once across the refresh', async () => {
		const op = OPERATIONS.genesysBulkSet;
		let bulkCalls = 0;
		const undo = onRequest(t.sim, (r) => {
			if (r.path === '/api/v2/users/presences/bulk' && ++bulkCalls === 2) t.sim.expireTokens('genesys');
		});
		try {
			const result = await runChanges(t, 'genesysBulkSet', { count: 120 });
			expectEveryChangeAccountedFor(t.sim, result);
		} finally {
			undo();
		}
		const bulk = t.sim.requests.filter((/** @type {any} */ r) => r.path === '/api/v2/users/presences/bulk');
		expect(bulk.map((/** @type {any} */ r) => [r.status, r.body.length])).toEqual([
			[200, 50],
			[401, 50],
			[200, 50],
			[200, 20],
		]);
		expect(op.writes(bulk[2])).toEqual(op.writes(bulk[1]));
	});
});

describe('429 from the token endpoint', () => {
	test.each(CASES)('%s: the run still writes every change once', async (name, count) => {
		const { vendor } = OPERATIONS[name];
		t.sim.inject({ vendor, pathRegex: 'token$', status: 429, times: 1, retryAfter: 0 });
		await expectAllWritten(t, name, { count });
		expect(t.sim.tokenRequests(vendor)).toBe(2);
	});
});

describe('a token endpoint that hangs past the token timeout (10 s)', () => {
	test('dataverseSet: the item fails naming the vendor and the timeout, nothing written, no secret in the error', async () => {
		// Silent for longer than the token timeout, then a 504 nobody waits for.
		t.sim.inject({ vendor: 'dataverse', pathRegex: 'token$', status: 504, delayMs: 11_000, times: 1 });
		const result = await runChanges(t, 'dataverseSet', { count: 1 });
		const { failed, errors } = expectEveryChangeAccountedFor(t.sim, result);
		expect(failed).toEqual(result.agents);
		expect(errors[0].error).toMatch(
			/^Dynamics 365 Contact Center \(Dataverse\): token request to http:\/\/127\.0\.0\.1:\d+\/\S+\/token timed out \(no answer within 10000 ms\)$/,
		);
		expect(JSON.stringify(errors[0])).not.toContain(t.sim.clients.dataverse.clientSecret);
		// Asked once: a POST without an answer is not repeated, and no API call went out without a token.
		expect(t.sim.tokenRequests('dataverse')).toBe(1);
		expect(apiStatuses(t.sim, 'dataverse')).toEqual([]);
	});
});
