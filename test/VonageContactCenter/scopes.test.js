// @ts-check
/**
 * Scopes as Vonage's Authentication API grants them: a token request naming one scope the API
 * client lacks fails as a whole (`invalid_scope`), so the credential falls back to a token per
 * scope, each operation uses the token for the scope it needs, and an operation whose scope the
 * client lacks fails naming that scope — while the others keep working. Tokens are kept on the
 * credential (shared by every worker) and reused by the next execution.
 */
const { rl, useSimulator } = require('../helpers/vendors');
const { V, vonageNode, apiCalls, tokenCalls } = require('./vonage');
const { createTriggerHarness } = require('../harness/webhook');
const { credentials } = require('./vonage');

const ALEX = V.users.alex;
const P = V.presence;
const getNode = () => vonageNode({ resource: 'agentPresence', operation: 'get', agent: rl('id', ALEX) });
const setNode = () => vonageNode({ resource: 'agentPresence', operation: 'set', agent: rl('id', ALEX), presenceBy: 'presence', presence: rl('id', P.away), onlyIfDifferent: false });
const scopesAsked = (sim) => tokenCalls(sim).map((r) => [r.body.scope, r.status]);

describe('a client lacking users:write', () => {
	const t = useSimulator({ vendor: 'vonage', simulator: { clients: { vonage: { scopes: ['users:read', 'stats'] } } } });

	test('the simulator refuses the whole request when one scope is not granted', async () => {
		const res = await fetch(t.sim.urls.vonageToken, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ grant_type: 'client_credentials', client_id: t.sim.clients.vonage.clientId, client_secret: t.sim.clients.vonage.clientSecret, scope: 'users:read users:write' }),
		});
		expect(res.status).toBe(400);
		expect(await res.json()).toEqual({ error: 'invalid_scope', error_description: '"users:write" is an invalid scope' });
	});

	test('the credential test fails naming the ungranted scope, not "Connection tested successfully"', async () => {
		const result = await t.h.testCredential('vonageContactCenterApi', credentials(t.sim).vonageContactCenterApi);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Vonage Contact Center: the API client is not granted the scope "users:write"\. /);
		expect(result.message).toContain('invalid_scope: "users:write" is an invalid scope');
		expect(apiCalls(t.sim)).toEqual([]);
	});

	test('a mistyped scope fails the credential test, naming it', async () => {
		const typo = { ...credentials(t.sim).vonageContactCenterApi, scopes: 'users:read user:read stats' };
		const result = await t.h.testCredential('vonageContactCenterApi', typo);
		expect(result.status).toBe('Error');
		expect(result.message).toContain('not granted the scope "user:read".');
		expect(result.message).not.toContain('"stats"');
	});

	test('Set fails naming users:write; Get still works, with a users:read token', async () => {
		const set = await t.h.runWorkflow({ nodes: [setNode()] });
		const error = set.nodeError('Vonage');
		expect(error.message).toBe(
			'Vonage Contact Center: the API client is not granted the scope "users:write", which this operation needs. Allow it for the API client in VCC Admin. Vonage Contact Center: token request failed (HTTP 400): invalid_scope: "users:write" is an invalid scope (requested scope "users:write")',
		);
		// One combined request, refused; then one per scope.
		expect(scopesAsked(t.sim)).toEqual([
			['users:read users:write stats', 400],
			['users:read', 200],
			['users:write', 400],
			['stats', 200],
		]);
		// Nothing was written.
		expect(apiCalls(t.sim)).toEqual([]);
		expect(t.sim.state.vonage.presence[ALEX].presenceId).toBe(P.ready);

		const get = await t.h.runWorkflow({ nodes: [getNode()] });
		expect(get.nodeError('Vonage')).toBeUndefined();
		expect(get.items('Vonage')[0]).toMatchObject({ agentId: ALEX, presenceId: P.ready, category: 'available' });
		// The tokens were kept on the credential: no new token request.
		expect(tokenCalls(t.sim)).toHaveLength(4);
		// Issued in order: the users:read token, then the stats one.
		const [usersRead] = t.sim.issuedTokens.slice(-2);
		for (const r of t.sim.requests.filter((r) => r.path.startsWith('/agents'))) {
			expect(r.headers.authorization).toBe(`Bearer ${usersRead}`);
		}
	});
});

describe('a client granted only stats', () => {
	const t = useSimulator({ vendor: 'vonage', simulator: { clients: { vonage: { scopes: ['stats'] } } } });

	test('the presence poll trigger runs with a stats token', async () => {
		const trigger = await createTriggerHarness({
			credentials: credentials(t.sim),
			trigger: { name: 'Poll', type: 'vonageContactCenterPresenceTrigger', parameters: {}, credentials: { vonageContactCenterApi: { id: '1', name: 'Vonage' } } },
		});
		expect(await trigger.poll()).toEqual({ emitted: false, items: [] });
		const out = await trigger.poll();
		expect(out.emitted).toBe(false);
		const stats = t.sim.requests.filter((r) => r.path === '/stats/agent-activities/presence');
		expect(stats.map((r) => r.status)).toEqual([200]);
		expect(scopesAsked(t.sim)).toEqual([
			['users:read users:write stats', 400],
			['users:read', 400],
			['users:write', 400],
			['stats', 200],
		]);
	});

	test('a credential asking for stats alone: one token request', async () => {
		const trigger = await createTriggerHarness({
			credentials: credentials(t.sim, { scopes: 'stats' }),
			trigger: { name: 'Poll', type: 'vonageContactCenterPresenceTrigger', parameters: {}, credentials: { vonageContactCenterApi: { id: '1', name: 'Vonage' } } },
		});
		await trigger.poll();
		await trigger.poll();
		expect(scopesAsked(t.sim)).toEqual([['stats', 200]]);
	});

	test('Get fails naming users:read or users:write', async () => {
		const run = await t.h.runWorkflow({ nodes: [getNode()] });
		expect(run.nodeError('Vonage').message).toMatch(
			/^Vonage Contact Center: the API client is not granted the scope "users:read" or "users:write", which this operation needs\./,
		);
		expect(apiCalls(t.sim)).toEqual([]);
	});
});

describe('a client with every scope', () => {
	const t = useSimulator({ vendor: 'vonage' });

	test('one token request for all of them, reused by every operation', async () => {
		await t.h.runWorkflow({ nodes: [getNode()] });
		await t.h.runWorkflow({ nodes: [setNode()] });
		expect(scopesAsked(t.sim)).toEqual([['users:read users:write stats', 200]]);
		expect(t.sim.state.vonage.presence[ALEX].presenceId).toBe(P.away);
	});

	test('a scope Vonage does not grant only fails the operations that need it', async () => {
		const { createHarness } = require('../harness');
		const h = await createHarness({ credentials: credentials(t.sim, { scopes: 'users:read agents-availability:write' }) });
		const run = await h.runWorkflow({ nodes: [getNode()] });
		// users:read alone is granted: Get works even though the other scope is unknown to Vonage.
		expect(run.nodeError('Vonage')).toBeUndefined();
		expect(scopesAsked(t.sim)).toEqual([
			['users:read agents-availability:write', 400],
			['users:read', 200],
			['agents-availability:write', 400],
		]);
	});
});

describe('a client with none of the requested scopes', () => {
	const t = useSimulator({ vendor: 'vonage', simulator: { clients: { vonage: { scopes: ['agents-availability:read'] } } } });

	test('the token error names the scopes requested', async () => {
		const run = await t.h.runWorkflow({ nodes: [getNode()] });
		expect(run.nodeError('Vonage').message).toBe(
			'Vonage Contact Center: token request failed (HTTP 400): invalid_scope: "users:read" is an invalid scope (requested scopes "users:read users:write stats")',
		);
		expect(apiCalls(t.sim)).toEqual([]);
	});
});
