// @ts-check
/**
 * 5xx bursts and a vendor that hangs past the request timeout, for every presence write. Writes
 * the vendor documents as idempotent (Genesys PATCH and bulk PUT, Vonage PATCH) are retried and
 * end written once; Dataverse's CCaaS_ModifyAgentPresence is a POST, never repeated blindly, so
 * the changes it hit end as items carrying the error — with nothing written for them.
 */
const { OPERATIONS, useFaultSimulator, runChanges, expectEveryChangeAccountedFor, expectAllWritten, expectFirstFailed, apiStatuses } = require('./faults');

const COUNTS = { genesysSet: 6, genesysBulkSet: 120, dataverseSet: 5, vonageSet: 6 };
const RETRIED = ['genesysSet', 'genesysBulkSet', 'vonageSet'].map((name) => [name, COUNTS[name]]);

/** The simulator request pattern of each operation's write. */
const WRITE = {
	genesysSet: { method: 'PATCH', pathRegex: '/presences/purecloud$' },
	genesysBulkSet: { method: 'PUT', path: '/api/v2/users/presences/bulk' },
	dataverseSet: { method: 'POST', path: '/CCaaS_ModifyAgentPresence' },
	vonageSet: { method: 'PATCH', pathRegex: '^/agents/[^/]+/presence$' },
};

const t = useFaultSimulator();

describe('a burst of 5xx on the writes', () => {
	test.each(RETRIED)('%s (idempotent write): retried with backoff, every change written once', async (name, count) => {
		const { vendor } = OPERATIONS[name];
		t.sim.inject({ vendor, ...WRITE[name], status: 503, times: 2 });
		await expectAllWritten(t, name, { count });
		expect(apiStatuses(t.sim, vendor).filter((s) => s === 503)).toEqual([503, 503]);
	});

	test('dataverseSet (POST, not repeated): the two changes the burst hit are error items, the rest written', async () => {
		t.sim.inject({ vendor: 'dataverse', ...WRITE.dataverseSet, status: 503, times: 2 });
		const errors = await expectFirstFailed(t, 'dataverseSet', { count: COUNTS.dataverseSet }, 2);
		for (const e of errors) {
			expect(e.error).toMatch(/^Dynamics 365 Contact Center \(Dataverse\) returned 503: /);
			expect(e.httpCode).toBe('503');
		}
	});

	test('genesysBulkSet: a chunk failing past the retry limit fails its 50 items, the others are written', async () => {
		// The first chunk is answered 503 five times (backoff 0.5 + 1 + 2 + 4 s): the policy gives up on it.
		t.sim.inject({ vendor: 'genesys', ...WRITE.genesysBulkSet, status: 503, times: 5 });
		const errors = await expectFirstFailed(t, 'genesysBulkSet', { count: COUNTS.genesysBulkSet }, 50);
		for (const e of errors) expect(e.error).toMatch(/^Genesys Cloud returned 503: /);
		expect(apiStatuses(t.sim, 'genesys')).toEqual([503, 503, 503, 503, 503, 200, 200]);
	}, 20000);
});

describe('a vendor that hangs past the request timeout (Timeout option 250 ms, vendor silent for 1.5 s)', () => {
	const HANG = { status: 504, delayMs: 1500, times: 1 };

	test.each(RETRIED)('%s (idempotent write): the timed-out write is sent again, every change written once', async (name, count) => {
		const { vendor } = OPERATIONS[name];
		t.sim.inject({ vendor, ...WRITE[name], ...HANG });
		await expectAllWritten(t, name, { count, options: { timeout: 250 } });
		// The first write attempt got no answer in time (still unanswered when the run ended).
		const attempts = t.sim.requests.filter((/** @type {any} */ r) => OPERATIONS[name].writes(r).length > 0);
		expect(attempts[0].status).toBe(0);
		expect(OPERATIONS[name].writes(attempts[1])).toEqual(OPERATIONS[name].writes(attempts[0]));
	});

	test('dataverseSet (POST): the timed-out change is an error item naming the timeout, the rest written', async () => {
		t.sim.inject({ vendor: 'dataverse', ...WRITE.dataverseSet, ...HANG });
		const errors = await expectFirstFailed(t, 'dataverseSet', { count: COUNTS.dataverseSet, options: { timeout: 250 } }, 1);
		expect(errors[0].error).toMatch(/^Dynamics 365 Contact Center \(Dataverse\): timeout of 250ms exceeded$/);
	});

	test('without the option the transport default (30 s) applies: the same run does not time out', async () => {
		t.sim.inject({ vendor: 'genesys', ...WRITE.genesysSet, status: 504, delayMs: 300, times: 1 });
		const result = await runChanges(t, 'genesysSet', { count: 1 });
		const { failed } = expectEveryChangeAccountedFor(t.sim, result);
		// The slow answer was waited for: a 504, then (idempotent) the retry wrote it.
		expect(failed).toEqual([]);
		expect(apiStatuses(t.sim, 'genesys')).toEqual([504, 200]);
	});
});
