// @ts-check
/**
 * What a check against Genesys' Platform API SDK (purecloud-platform-client-v2) found: the current
 * definitions API's spelling of On Queue, the permission it needs, the bulk answer's shape and how
 * a list query parameter is sent.
 */
const { useSimulator, byId } = require('../helpers/vendors');
const { apiCalls, ON_QUEUE_CURRENT_ITEM, G } = require('./genesys');

const t = useSimulator({ vendor: 'genesys' });
const ALEX = G.users.alex;
const VIEW = 'presence:presenceDefinition:view';
/** Presence Definition → Get Many on the current API, every page (`extra`: more parameters). */
const listCurrentDefinitions = (/** @type {Record<string, any>} */ extra = {}) =>
	t.run({ resource: 'presenceDefinition', operation: 'getAll', apiVersion: 'current', returnAll: true, ...extra });
const withoutPermission = (/** @type {string} */ p) => {
	t.sim.state.genesys.permissions = t.sim.state.genesys.permissions.filter((/** @type {string} */ x) => x !== p);
};

describe('On Queue: the current API spells it OnQueue (defect 10)', () => {
	test('current API Get Many: the OnQueue definition is emitted with category available', async () => {
		const run = await listCurrentDefinitions();
		const onQueue = run.items('Genesys').find((/** @type {any} */ d) => d.id === G.presence['On Queue']);
		expect(onQueue).toEqual(ON_QUEUE_CURRENT_ITEM);
	});

	test('legacy API Get: the same definition is spelled On Queue, also category available', async () => {
		const run = await t.run({
			resource: 'presenceDefinition',
			operation: 'get',
			apiVersion: 'legacy',
			presence: byId(G.presence['On Queue']),
		});
		expect(run.items('Genesys')[0]).toMatchObject({ systemPresence: 'On Queue', primary: true, category: 'available' });
	});

	test('no current-API definition carries the legacy spelling "On Queue"', async () => {
		const run = await listCurrentDefinitions();
		expect(run.items('Genesys').map((/** @type {any} */ d) => d.systemPresence)).not.toContain('On Queue');
	});
});

describe('presence:presenceDefinition:view (defect 11)', () => {
	test('Set by category without the view permission: falls back to the legacy listing and sets the presence', async () => {
		withoutPermission(VIEW);
		const run = await t.run({ resource: 'agentPresence', operation: 'set', agent: byId(ALEX), presenceBy: 'category', category: 'away', onlyIfDifferent: false });
		expect(apiCalls(t.sim)).toEqual([
			{ method: 'GET', path: '/api/v2/presence/definitions', query: {}, body: undefined },
			{ method: 'GET', path: '/api/v2/presencedefinitions', query: { pageSize: '100', pageNumber: '1' }, body: undefined },
			{
				method: 'PATCH',
				path: `/api/v2/users/${ALEX}/presences/purecloud`,
				query: {},
				body: { presenceDefinition: { id: G.presence.Away } },
			},
		]);
		expect(t.sim.requests.filter((/** @type {any} */ r) => r.vendor === 'genesys').map((/** @type {any} */ r) => r.status)).toEqual([200, 403, 200, 200]);
		expect(run.items('Genesys')).toEqual([
			expect.objectContaining({ agentId: ALEX, presenceId: G.presence.Away, presenceName: 'Away', category: 'away', written: true }),
		]);
	});

	test('when the legacy listing fails too, the error names the missing permission', async () => {
		withoutPermission(VIEW);
		t.sim.inject({ vendor: 'genesys', method: 'GET', path: '/api/v2/presencedefinitions', status: 403 });
		const run = await t.run({ resource: 'agentPresence', operation: 'set', agent: byId(ALEX), presenceBy: 'systemPresence', systemPresence: 'Busy', onlyIfDifferent: false });
		expect(run.error.message).toBe(
			"Genesys Cloud refused to list presence definitions: the OAuth client's role lacks permission presence:presenceDefinition:view",
		);
		expect(run.error.description).toContain('Add presence:presenceDefinition:view to the client');
		expect(apiCalls(t.sim).map((c) => c.method)).toEqual(['GET', 'GET']);
	});

	test("the current Presence Definition API answers 403 Genesys' way, and the node says which permission", async () => {
		withoutPermission(VIEW);
		const run = await listCurrentDefinitions();
		expect(run.error.httpCode).toBe('403');
		expect(run.error.message).toBe(
			'Genesys Cloud returned 403: Unable to perform the requested action. You are missing the following permission(s): [presence:presenceDefinition:view]',
		);
		const answer = t.sim.requests.find((/** @type {any} */ r) => r.path === '/api/v2/presence/definitions');
		expect(answer.status).toBe(403);
	});

	test('Bulk Set without presence:userPresence:edit: 403 naming it', async () => {
		withoutPermission('presence:userPresence:edit');
		const run = await t.run({
			resource: 'agentPresence',
			operation: 'bulkSet',
			agent: byId(ALEX),
			presenceBy: 'presence',
			presence: byId(G.presence.Away),
		});
		expect(run.error.message).toBe(
			'Genesys Cloud returned 403: Unable to perform the requested action. You must have at least one of the following permissions assigned: [presence:userPresence:edit]',
		);
	});
});

describe('Bulk Set answers are UserPresence objects (defect 12)', () => {
	const params = {
		resource: 'agentPresence',
		operation: 'bulkSet',
		agent: byId('={{ $json.userId }}'),
		presenceBy: 'presence',
		presence: byId(G.presence.Meal),
	};

	test('the answer has no user: each result is matched on its id and emitted', async () => {
		const [a, b] = t.sim.state.genesys.users.map((/** @type {any} */ u) => u.id);
		const run = await t.run(params, [{ userId: a }, { userId: b }]);
		const items = run.items('Genesys');
		expect(items.map((/** @type {any} */ i) => [i.id, i.agentId, i.presenceId, i.written])).toEqual([
			[a, a, G.presence.Meal, true],
			[b, b, G.presence.Meal, true],
		]);
		for (const item of items) expect(item).not.toHaveProperty('user');
	});

	test('a user the answer does not name becomes an error item (Continue On Fail), not an empty one', async () => {
		const [a, b] = t.sim.state.genesys.users.map((/** @type {any} */ u) => u.id);
		const onlyA = {
			id: a,
			name: 'Meal',
			source: 'PURECLOUD',
			primary: true,
			presenceDefinition: { id: G.presence.Meal, systemPresence: 'Meal' },
			message: '',
			modifiedDate: '2024-05-01T09:00:00.000Z',
			selfUri: `/api/v2/users/${a}/presences/PURECLOUD`,
		};
		t.sim.inject({ vendor: 'genesys', method: 'PUT', path: '/api/v2/users/presences/bulk', status: 200, body: [onlyA] });
		const run = await t.run(params, [{ userId: a }, { userId: b }], { onError: 'continueRegularOutput' });
		const items = run.rawItems('Genesys');
		expect(items.map((/** @type {any} */ i) => i.pairedItem.item)).toEqual([0, 1]);
		expect(items[0].json).toMatchObject({ agentId: a, presenceId: G.presence.Meal, written: true, changedAt: '2024-05-01T09:00:00.000Z' });
		expect(items[1].json).toEqual({
			error: `Genesys Cloud's bulk answer has no result for user ${b}`,
			errorDescription:
				'The PUT /api/v2/users/presences/bulk call succeeded, but no UserPresence in its answer names this user; read the presence to see whether it was set',
		});
	});

	test('without Continue On Fail an unmatched result stops the node', async () => {
		const [a] = t.sim.state.genesys.users.map((/** @type {any} */ u) => u.id);
		t.sim.inject({ vendor: 'genesys', method: 'PUT', path: '/api/v2/users/presences/bulk', status: 200, body: [] });
		const run = await t.run(params, [{ userId: a }]);
		expect(run.error.message).toBe(`Genesys Cloud's bulk answer has no result for user ${a}`);
	});
});

describe('divisionId list: the SDK sends it comma-separated in one parameter', () => {
	test('Get Many (current) with two divisions: ?divisionId=a,b, both reach Genesys (organization-wide definitions listed)', async () => {
		const run = await listCurrentDefinitions({ options: { divisionIds: 'home, sales' } });
		const sent = t.sim.requests.filter((/** @type {any} */ r) => r.path === '/api/v2/presence/definitions');
		expect(sent.map((/** @type {any} */ r) => r.search)).toEqual([`?divisionId=${encodeURIComponent('home,sales')}`]);
		expect(run.items('Genesys')).toHaveLength(60);
	});
});
