// @ts-check
/** Rate limits, token expiry and retries as the node meets them through the shared transport. */
const { useSimulator, byId } = require('../helpers/vendors');
const { apiCalls, G } = require('./genesys');

const t = useSimulator({ vendor: 'genesys' });
const systemPresences = { resource: 'systemPresence', operation: 'getAll' };
const statuses = (/** @type {string} */ path) =>
	t.sim.requests.filter((/** @type {any} */ r) => r.path === path).map((/** @type {any} */ r) => `${r.method} ${r.status}`);

test('429 then success: waits Retry-After and repeats the call', async () => {
	t.sim.inject({ vendor: 'genesys', method: 'GET', path: '/api/v2/systempresences', status: 429, retryAfter: 1 });
	const run = await t.run(systemPresences);
	expect(statuses('/api/v2/systempresences')).toEqual(['GET 429', 'GET 200']);
	expect(run.items('Genesys')).toHaveLength(10);
});

test('429 beyond the bounded attempts surfaces Genesys\' rate-limit message', async () => {
	t.sim.inject({ vendor: 'genesys', method: 'GET', path: '/api/v2/systempresences', status: 429, retryAfter: 0, times: 10 });
	const run = await t.run(systemPresences);
	expect(statuses('/api/v2/systempresences')).toHaveLength(5);
	expect(run.error.message).toBe('Genesys Cloud returned 429: Rate limit exceeded the maximum. Retry the request in [0] seconds');
});

test('401 on an expired token: one new token, the call succeeds', async () => {
	await t.run(systemPresences);
	expect(t.sim.tokenRequests('genesys')).toBe(1);
	expect(t.h.credentialsHelper.preAuthenticationCalls).toBe(1);
	t.sim.expireTokens('genesys');
	t.sim.clearRequests();
	const run = await t.run(systemPresences);
	expect(t.sim.requests.map((/** @type {any} */ r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
		'GET /api/v2/systempresences 401',
		'POST /oauth/token 200',
		'GET /api/v2/systempresences 200',
	]);
	expect(t.h.credentialsHelper.preAuthenticationCalls).toBe(2);
	expect(run.items('Genesys')).toHaveLength(10);
});

test('a token is fetched once and reused across executions', async () => {
	await t.run(systemPresences);
	await t.run(systemPresences);
	expect(t.sim.tokenRequests('genesys')).toBe(1);
	expect(t.sim.requests[1].headers.authorization).toBe(t.sim.requests[2].headers.authorization);
});

test('5xx on PATCH (setting a presence is idempotent) is retried', async () => {
	const path = `/api/v2/users/${G.users.alex}/presences/purecloud`;
	t.sim.inject({ vendor: 'genesys', method: 'PATCH', path, status: 503 });
	const run = await t.run({ resource: 'agentPresence', operation: 'set', agent: byId(G.users.alex), presenceBy: 'presence', presence: byId(G.presence.Busy), onlyIfDifferent: false });
	expect(statuses(path)).toEqual(['PATCH 503', 'PATCH 200']);
	expect(run.items('Genesys')[0]).toMatchObject({ presenceId: G.presence.Busy, written: true });
});

test('5xx on POST (create) is not repeated blindly', async () => {
	t.sim.inject({ vendor: 'genesys', method: 'POST', path: '/api/v2/presence/definitions', status: 503 });
	const run = await t.run({ resource: 'presenceDefinition', operation: 'create', label: 'Coffee', systemPresence: 'Break' });
	expect(apiCalls(t.sim)).toHaveLength(1);
	expect(run.error.message).toBe('Genesys Cloud returned 503: The request could not be completed (simulated HTTP 503).');
});
