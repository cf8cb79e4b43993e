// @ts-check
/** Agent Presence → Get / Set against the simulated Vonage Agents API. */
const { rl, useSimulator } = require('../helpers/vendors');
const { V, AGENTS_ACCEPT, USER_ADMIN_ACCEPT, vonageNode, apiCalls, tokenCalls, presenceOf } = require('./vonage');

const ALEX = V.users.alex;
const P = V.presence;
const t = useSimulator({ vendor: 'vonage' });

/** The normalized item the node emits for an agent presence answer. */
function expectedItem(userId, presenceId, updated, event, category, extra = {}) {
	const presence = presenceOf(t.sim, presenceId);
	return {
		userId,
		updated,
		presence,
		source: 'vonage',
		event,
		agentId: userId,
		presenceId,
		presenceName: presence.description,
		category,
		changedAt: updated,
		...extra,
	};
}

/** A Set with Only If Different off: written, nothing read before. */
const NOT_READ = { written: true, previousPresenceId: null, previousCategory: null };

const updatedOf = (userId) => t.sim.state.vonage.presence[userId].updated;

describe('Agent Presence → Get', () => {
	test('reads GET /agents/{userId}/presence with the v1 Accept header and bearer token', async () => {
		const run = await t.h.runWorkflow({
			nodes: [vonageNode({ resource: 'agentPresence', operation: 'get', agent: rl('id', ALEX) })],
		});
		expect(run.items('Vonage')).toEqual([
			expectedItem(ALEX, P.ready, '2024-05-01T08:00:00.000Z', 'presence_read', 'available'),
		]);
		// A Ready presence is looked up among the definitions: Ready (Outbound) is not available.
		expect(apiCalls(t.sim)).toEqual([
			{ method: 'GET', path: `/agents/${ALEX}/presence`, query: {}, body: undefined, status: 200 },
			{ method: 'GET', path: '/agents/presence-definitions', query: {}, body: undefined, status: 200 },
		]);
		const [req] = t.sim.requests.filter((r) => r.path.startsWith('/agents'));
		expect(req.headers.accept).toBe(AGENTS_ACCEPT);
		expect(req.headers.authorization).toMatch(/^Bearer \S+$/);
		// The credential asked for its default scopes, client credentials in the form body.
		const [token] = tokenCalls(t.sim);
		expect(token.body).toEqual({
			grant_type: 'client_credentials',
			client_id: t.sim.clients.vonage.clientId,
			client_secret: t.sim.clients.vonage.clientSecret,
			scope: 'users:read users:write stats',
		});
	});

	test('resolves a user given by email through the User Admin API, once per run', async () => {
		const casey = V.users.casey;
		const run = await t.h.runWorkflow({
			nodes: [
				vonageNode({ resource: 'agentPresence', operation: 'get', agent: rl('email', '={{ $json.email }}') }),
			],
			input: [{ email: 'casey.chen@contoso.com' }, { email: 'CASEY.CHEN@contoso.com' }],
		});
		const item = expectedItem(casey, P.ready, '2024-05-01T08:00:00.000Z', 'presence_read', 'available');
		expect(run.items('Vonage')).toEqual([item, item]);
		expect(run.rawItems('Vonage').map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(apiCalls(t.sim)).toEqual([
			{ method: 'GET', path: '/useradmin/users', query: { include: 'Active', page: '1', limit: '1000' }, body: undefined, status: 200 },
			{ method: 'GET', path: `/agents/${casey}/presence`, query: {}, body: undefined, status: 200 },
			{ method: 'GET', path: '/agents/presence-definitions', query: {}, body: undefined, status: 200 },
			{ method: 'GET', path: `/agents/${casey}/presence`, query: {}, body: undefined, status: 200 },
		]);
		expect(t.sim.requests.find((r) => r.path === '/useradmin/users').headers.accept).toBe(USER_ADMIN_ACCEPT);
	});
});

describe('Agent Presence → Set', () => {
	const setNode = (params) => vonageNode({ resource: 'agentPresence', operation: 'set', agent: rl('id', ALEX), onlyIfDifferent: false, ...params });

	test('PATCHes { presenceId } and emits the seed response plus the normalized fields', async () => {
		const run = await t.h.runWorkflow({ nodes: [setNode({ presenceBy: 'presence', presence: rl('id', P.loggedOut) })] });
		const updated = updatedOf(ALEX);
		expect(updated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
		expect(updated).not.toBe('2024-05-01T08:00:00.000Z');
		// The seed's example: Logged Out, category LoggedOut.
		expect(run.items('Vonage')).toEqual([
			expectedItem(ALEX, P.loggedOut, updated, 'presence_set', 'offline', NOT_READ),
		]);
		expect(run.items('Vonage')[0].presence).toEqual({
			presenceId: 'eaed6862-14fa-4114-be62-b8709b5d4a49',
			selectable: true,
			category: { categoryType: 'LoggedOut', description: 'Logged Out' },
			description: 'Logged Out',
		});
		expect(apiCalls(t.sim)).toEqual([
			{ method: 'PATCH', path: `/agents/${ALEX}/presence`, query: {}, body: { presenceId: P.loggedOut }, status: 200 },
		]);
		const patch = t.sim.requests.find((r) => r.method === 'PATCH');
		expect(patch.headers.accept).toBe(AGENTS_ACCEPT);
		expect(patch.headers['content-type']).toMatch(/^application\/json/);
		expect(t.sim.state.vonage.presence[ALEX].presenceId).toBe(P.loggedOut);
	});

	test('takes the presence picked from the list (list mode of the locator)', async () => {
		const run = await t.h.runWorkflow({ nodes: [setNode({ presenceBy: 'presence', presence: rl('list', P.break) })] });
		expect(run.items('Vonage')).toEqual([
			expectedItem(ALEX, P.break, updatedOf(ALEX), 'presence_set', 'away', NOT_READ),
		]);
		expect(apiCalls(t.sim).map((c) => c.body)).toEqual([{ presenceId: P.break }]);
	});

	test.each([
		['available', 'ready', 'available'],
		['busy', 'away', 'away'],
		['do_not_disturb', 'away', 'away'],
		['away', 'away', 'away'],
		['offline', 'loggedOut', 'offline'],
	])('category %s resolves to the first selectable fitting definition (%s)', async (category, key, normalized) => {
		// Start Logged Out so even "available" is a real change.
		t.sim.state.vonage.presence[ALEX].presenceId = key === 'loggedOut' ? P.ready : P.loggedOut;
		const run = await t.h.runWorkflow({ nodes: [setNode({ presenceBy: 'category', category })] });
		expect(apiCalls(t.sim)).toEqual([
			{ method: 'GET', path: '/agents/presence-definitions', query: {}, body: undefined, status: 200 },
			{ method: 'PATCH', path: `/agents/${ALEX}/presence`, query: {}, body: { presenceId: P[key] }, status: 200 },
		]);
		expect(run.items('Vonage')).toEqual([
			expectedItem(ALEX, P[key], updatedOf(ALEX), 'presence_set', normalized, NOT_READ),
		]);
	});

	test('a category skips non-selectable definitions and errors clearly when none fits', async () => {
		for (const d of t.sim.state.vonage.definitions) if (d.category.categoryType === 'Ready') d.selectable = false;
		const run = await t.h.runWorkflow({ nodes: [setNode({ presenceBy: 'category', category: 'available' })] });
		const error = run.nodeError('Vonage');
		expect(error.message).toBe('No selectable Vonage presence fits the category "available"');
		expect(error.description).toMatch(/categoryType Ready/);
		expect(apiCalls(t.sim).map((c) => c.method)).toEqual(['GET']);
	});

	describe('Only If Different', () => {
		test('same presence: reads, does not write, written: false', async () => {
			const run = await t.h.runWorkflow({
				nodes: [setNode({ presenceBy: 'presence', presence: rl('id', P.ready), onlyIfDifferent: true })],
			});
			expect(run.items('Vonage')).toEqual([
				expectedItem(ALEX, P.ready, '2024-05-01T08:00:00.000Z', 'presence_set', 'available', { written: false, previousPresenceId: P.ready, previousCategory: 'available', skippedReason: 'same' }),
			]);
			expect(apiCalls(t.sim)).toEqual([
				{ method: 'GET', path: `/agents/${ALEX}/presence`, query: {}, body: undefined, status: 200 },
				{ method: 'GET', path: '/agents/presence-definitions', query: {}, body: undefined, status: 200 },
			]);
		});

		test('different presence: reads, then writes, written: true', async () => {
			const run = await t.h.runWorkflow({
				nodes: [setNode({ presenceBy: 'presence', presence: rl('id', P.away), onlyIfDifferent: true })],
			});
			expect(run.items('Vonage')).toEqual([
				expectedItem(ALEX, P.away, updatedOf(ALEX), 'presence_set', 'away', { written: true, previousPresenceId: P.ready, previousCategory: 'available' }),
			]);
			// The previous presence is Ready: its category needs the definitions (Ready (Outbound) is busy).
			expect(apiCalls(t.sim).map((c) => `${c.method} ${c.path}`)).toEqual([
				`GET /agents/${ALEX}/presence`,
				'GET /agents/presence-definitions',
				`PATCH /agents/${ALEX}/presence`,
			]);
		});

		test('category already held (Break is an Away presence): no write', async () => {
			t.sim.state.vonage.presence[ALEX].presenceId = P.break;
			const run = await t.h.runWorkflow({ nodes: [setNode({ presenceBy: 'category', category: 'away', onlyIfDifferent: true })] });
			expect(run.items('Vonage')).toEqual([
				expectedItem(ALEX, P.break, '2024-05-01T08:00:00.000Z', 'presence_set', 'away', { written: false, previousPresenceId: P.break, previousCategory: 'away', skippedReason: 'same' }),
			]);
			expect(apiCalls(t.sim).map((c) => `${c.method} ${c.path}`)).toEqual([`GET /agents/${ALEX}/presence`]);
		});

		test('category not held: reads, resolves, writes', async () => {
			const run = await t.h.runWorkflow({ nodes: [setNode({ presenceBy: 'category', category: 'offline', onlyIfDifferent: true })] });
			expect(run.items('Vonage')[0]).toMatchObject({ presenceId: P.loggedOut, category: 'offline', written: true });
			expect(apiCalls(t.sim)).toEqual([
				{ method: 'GET', path: `/agents/${ALEX}/presence`, query: {}, body: undefined, status: 200 },
				{ method: 'GET', path: '/agents/presence-definitions', query: {}, body: undefined, status: 200 },
				{ method: 'PATCH', path: `/agents/${ALEX}/presence`, query: {}, body: { presenceId: P.loggedOut }, status: 200 },
			]);
		});
	});
});
