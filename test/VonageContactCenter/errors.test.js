// @ts-check
/** Rate limits, token refresh, vendor errors with Vonage's message, Continue On Fail, bad input. */
const { createHarness } = require('../harness');
const { rl, useSimulator } = require('../helpers/vendors');
const { V, credentials, vonageNode, apiCalls, tokenCalls } = require('./vonage');

const ALEX = V.users.alex;
const P = V.presence;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const t = useSimulator({ vendor: 'vonage' });

const getNode = (user, extra) => vonageNode({ resource: 'agentPresence', operation: 'get', agent: user }, extra);
const setNode = (presenceId, extra) =>
	vonageNode({ resource: 'agentPresence', operation: 'set', agent: rl('id', ALEX), presenceBy: 'presence', presence: rl('id', presenceId), onlyIfDifferent: false }, extra);

describe('rate limits and transient errors', () => {
	test('429 with Retry-After: waits, retries the PATCH, succeeds', async () => {
		t.sim.inject({ vendor: 'vonage', method: 'PATCH', path: `/agents/${ALEX}/presence`, status: 429, retryAfter: 0 });
		const run = await t.h.runWorkflow({ nodes: [setNode(P.away)] });
		expect(run.items('Vonage')[0]).toMatchObject({ presenceId: P.away, written: true });
		expect(apiCalls(t.sim)).toEqual([
			{ method: 'PATCH', path: `/agents/${ALEX}/presence`, query: {}, body: { presenceId: P.away }, status: 429 },
			{ method: 'PATCH', path: `/agents/${ALEX}/presence`, query: {}, body: { presenceId: P.away }, status: 200 },
		]);
	});

	test('429 on a users page: that page is asked again, paging goes on', async () => {
		t.sim.inject({ vendor: 'vonage', method: 'GET', path: '/useradmin/users', status: 429, retryAfter: 0 });
		const run = await t.h.runWorkflow({ nodes: [vonageNode({ resource: 'agent', operation: 'getAll', returnAll: true, options: { pageSize: 20 } })] });
		expect(run.items('Vonage')).toHaveLength(30);
		expect(apiCalls(t.sim).map((c) => [c.query.page, c.status])).toEqual([['1', 429], ['1', 200], ['2', 200]]);
	});

	test('a 503 on the PATCH is retried (setting a presence is idempotent)', async () => {
		t.sim.inject({ vendor: 'vonage', method: 'PATCH', path: `/agents/${ALEX}/presence`, status: 503 });
		const run = await t.h.runWorkflow({ nodes: [setNode(P.away)] });
		expect(run.items('Vonage')[0]).toMatchObject({ presenceId: P.away });
		expect(apiCalls(t.sim).map((c) => c.status)).toEqual([503, 200]);
	});
});

describe('401 → token refresh', () => {
	test('an expired token is replaced once and the request answered', async () => {
		await t.h.runWorkflow({ nodes: [getNode(rl('id', ALEX))] });
		const first = t.h.credentialsHelper.store.vonageContactCenterApi.accessToken;
		t.sim.expireTokens('vonage');
		t.sim.clearRequests();
		const run = await t.h.runWorkflow({ nodes: [setNode(P.away)] });
		expect(run.items('Vonage')[0]).toMatchObject({ presenceId: P.away, written: true });
		expect(apiCalls(t.sim).map((c) => `${c.method} ${c.status}`)).toEqual(['PATCH 401', 'PATCH 200']);
		expect(tokenCalls(t.sim)).toHaveLength(1);
		expect(t.h.credentialsHelper.preAuthenticationCalls).toBe(2);
		const second = t.h.credentialsHelper.store.vonageContactCenterApi.accessToken;
		expect(second).not.toBe(first);
		expect(t.sim.requests.filter((r) => r.method === 'PATCH').map((r) => r.headers.authorization)).toEqual([
			`Bearer ${first}`,
			`Bearer ${second}`,
		]);
	});
});

describe('vendor errors carry Vonage\'s message', () => {
	test('a credential whose Scopes lack the operation\'s scope: the error names it, nothing is sent', async () => {
		const h = await createHarness({ credentials: credentials(t.sim, { scopes: 'users:read' }) });
		const run = await h.runWorkflow({ nodes: [setNode(P.away)] });
		expect(run.nodeError('Vonage').message).toBe(
			'Vonage Contact Center: this operation needs the scope "users:write", which the credential does not request: add it to the credential\'s Scopes (and allow it for the API client in VCC Admin)',
		);
		expect(tokenCalls(t.sim).map((r) => r.body.scope)).toEqual(['users:read']);
		expect(apiCalls(t.sim)).toEqual([]);
	});

	test('403 naming the scope (Vonage names it): the hint is in the description', async () => {
		t.sim.inject({ vendor: 'vonage', method: 'PATCH', path: `/agents/${ALEX}/presence`, status: 403, body: { message: 'The access token does not grant the scope required for this endpoint (users:write).' } });
		const run = await t.h.runWorkflow({ nodes: [setNode(P.away)] });
		const error = run.nodeError('Vonage');
		expect(error.message).toBe(
			'Vonage Contact Center returned 403: The access token does not grant the scope required for this endpoint (users:write).',
		);
		expect(error.httpCode).toBe('403');
		expect(error.description).toMatch(/needs the scope "users:write": add it to the credential's Scopes/);
	});

	test('403 whose text does not name a scope: the node names it', async () => {
		t.sim.inject({ vendor: 'vonage', method: 'GET', path: '/useradmin/users', status: 403, body: { message: 'Forbidden' } });
		const run = await t.h.runWorkflow({ nodes: [vonageNode({ resource: 'agent', operation: 'getAll', returnAll: true })] });
		expect(run.nodeError('Vonage').message).toBe(
			'Vonage Contact Center returned 403: Forbidden (this endpoint needs the scope "users:read" or "users:write")',
		);
	});

	test('404 for an unknown user', async () => {
		const run = await t.h.runWorkflow({ nodes: [getNode(rl('id', UNKNOWN))] });
		const error = run.nodeError('Vonage');
		expect(error.message).toBe(`Vonage Contact Center returned 404: User ${UNKNOWN} was not found.`);
		expect(error.httpCode).toBe('404');
	});

	test('400 for an unknown presence (validation errors listed)', async () => {
		const run = await t.h.runWorkflow({ nodes: [setNode(UNKNOWN)] });
		expect(run.nodeError('Vonage').message).toBe(
			`Vonage Contact Center returned 400: One or more validation errors occurred. Presence definition ${UNKNOWN} does not exist.`,
		);
		expect(apiCalls(t.sim).map((c) => c.status)).toEqual([400]);
	});

	test('a 429 that never ends: bounded attempts, then the vendor message', async () => {
		t.sim.inject({ vendor: 'vonage', method: 'GET', path: `/agents/${ALEX}/presence`, status: 429, retryAfter: 0, times: 10 });
		const run = await t.h.runWorkflow({ nodes: [getNode(rl('id', ALEX))] });
		expect(run.nodeError('Vonage').message).toBe('Vonage Contact Center returned 429: Too many requests. Please retry later.');
		expect(apiCalls(t.sim)).toHaveLength(5);
	});
});

describe('Continue On Fail', () => {
	test('a failing item becomes an error item; the others go on, each paired to its input', async () => {
		const run = await t.h.runWorkflow({
			nodes: [getNode(rl('id', '={{ $json.userId }}'), { onError: 'continueRegularOutput' })],
			input: [{ userId: ALEX }, { userId: UNKNOWN }, { userId: 'not-a-guid' }, { userId: V.users.blake }],
		});
		const items = run.items('Vonage');
		expect(items).toHaveLength(4);
		expect(items[0]).toMatchObject({ agentId: ALEX, category: 'available' });
		expect(items[1]).toEqual({
			error: `Vonage Contact Center returned 404: User ${UNKNOWN} was not found.`,
			errorDescription: `User ${UNKNOWN} was not found.`,
			httpCode: '404',
		});
		expect(items[2]).toEqual({
			error: '"not-a-guid" is not a Vonage user ID',
			errorDescription: 'Vonage user IDs are GUIDs, e.g. daab05ec-ba50-45af-a6fd-3b01cdc6f39b.',
		});
		expect(items[3]).toMatchObject({ agentId: V.users.blake });
		expect(run.rawItems('Vonage').map((i) => i.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		// The bad ID never reached Vonage.
		// A Ready presence is looked up among the definitions (once per run): Ready (Outbound) is not available.
		expect(apiCalls(t.sim).map((c) => c.path)).toEqual([
			`/agents/${ALEX}/presence`,
			'/agents/presence-definitions',
			`/agents/${UNKNOWN}/presence`,
			`/agents/${V.users.blake}/presence`,
		]);
	});

	test('without it, the first failure stops the node with the item index', async () => {
		const run = await t.h.runWorkflow({
			nodes: [getNode(rl('id', '={{ $json.userId }}'))],
			input: [{ userId: ALEX }, { userId: UNKNOWN }, { userId: V.users.blake }],
		});
		const error = run.nodeError('Vonage');
		expect(error.message).toMatch(/returned 404/);
		expect(error.context.itemIndex).toBe(1);
		expect(apiCalls(t.sim).map((c) => c.path)).toEqual([`/agents/${ALEX}/presence`, '/agents/presence-definitions', `/agents/${UNKNOWN}/presence`]);
	});
});

describe('bad input: a clear NodeOperationError, nothing sent', () => {
	// Values from expressions (the usual case: they come from the input item) are checked at run time.
	const expr = (value) => `={{ ${JSON.stringify(value)} }}`;
	test.each([
		['empty agent', getNode(rl('id', expr(''))), 'No agent given: pick one, or give its ID or email'],
		['user ID not a GUID', getNode(rl('id', expr('alex'))), '"alex" is not a Vonage user ID'],
		['user email malformed', getNode(rl('email', expr('alex-at-contoso'))), '"alex-at-contoso" is not an email address'],
		['presence ID not a GUID', setNode(expr('Ready')), '"Ready" is not a Vonage presence ID'],
		['presence empty', setNode(expr(' ')), 'No presence given: pick one or give its ID'],
		[
			'unknown category',
			vonageNode({ resource: 'agentPresence', operation: 'set', agent: rl('id', ALEX), presenceBy: 'category', category: expr('lunch') }),
			'Unknown presence category "lunch"',
		],
		['agent by email, not an email', vonageNode({ resource: 'agent', operation: 'get', agent: rl('email', expr('bob')) }), '"bob" is not an email address'],
	])('%s', async (_name, node, message) => {
		const run = await t.h.runWorkflow({ nodes: [node] });
		const error = run.nodeError('Vonage');
		expect(error.message).toBe(message);
		expect(error.name).toBe('NodeOperationError');
		expect(apiCalls(t.sim)).toEqual([]);
	});

	test('a literal bad ID is stopped before the run by the locator validation', async () => {
		await expect(t.h.runWorkflow({ nodes: [getNode(rl('id', 'alex'))] })).rejects.toThrow(/Not a Vonage user ID \(a GUID\)/);
		await expect(t.h.runWorkflow({ nodes: [setNode('Ready')] })).rejects.toThrow(/Not a Vonage presence ID \(a GUID\)/);
		expect(apiCalls(t.sim)).toEqual([]);
	});

	test('an email no active user has', async () => {
		const run = await t.h.runWorkflow({ nodes: [getNode(rl('email', 'nobody@contoso.com'))] });
		expect(run.nodeError('Vonage').message).toBe('No active Vonage Contact Center user has the email nobody@contoso.com');
		expect(apiCalls(t.sim).map((c) => c.path)).toEqual(['/useradmin/users']);
	});

	test('an email two active users share: ambiguous, give the ID', async () => {
		const dup = t.sim.state.vonage.users.find((u) => u.userId === V.users.eli);
		dup.email = 'alex.agent@contoso.com';
		const run = await t.h.runWorkflow({ nodes: [getNode(rl('email', 'alex.agent@contoso.com'))] });
		const error = run.nodeError('Vonage');
		expect(error.message).toBe('2 active Vonage Contact Center users have the email alex.agent@contoso.com: give the agent by ID');
		expect(error.description).toBe(`Matching user IDs: ${ALEX}, ${V.users.eli}`);
	});
});
