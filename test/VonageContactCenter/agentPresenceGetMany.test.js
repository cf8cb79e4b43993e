// @ts-check
/**
 * Agent Presence → Get Many: given agents or every active user, 50 users per
 * `GET /agents/presences/users?userId=a,b,…` (Agents API "Get presences of users", Accept v1),
 * one normalized item per agent.
 */
const { useSimulator, getCall } = require('../helpers/vendors');
const { guidFrom } = require('../simulator/common');
const { V, AGENTS_ACCEPT, USER_ADMIN_ACCEPT, apiCalls } = require('./vonage');

const t = useSimulator({ vendor: 'vonage' });

/** The warnings the node logs while a test runs: its context takes n8n's Logger from the container. */
function captureWarnings() {
	const { Container } = require(require.resolve('@n8n/di', { paths: [require.resolve('n8n-core')] }));
	const { Logger } = require(require.resolve('@n8n/backend-common', { paths: [require.resolve('n8n-core')] }));
	const original = Container.get(Logger);
	/** @type {string[]} */
	const messages = [];
	const warn = (/** @type {string} */ message) => void messages.push(String(message));
	Container.set(Logger, Object.defineProperty(Object.create(original), 'warn', { value: warn }));
	return { messages, restore: () => void Container.set(Logger, original) };
}
const P = V.presence;
const base = { resource: 'agentPresence', operation: 'getAll' };
const SEED_TIME = '2024-05-01T08:00:00.000Z';
const bulkCall = (/** @type {string[]} */ ids) => ({ ...getCall('/agents/presences/users', { userId: ids.join(',') }), status: 200 });

/** The bulk answer's entry (its category with subCategory) plus the normalized fields. */
function expectedItem(/** @type {string} */ userId, /** @type {string} */ presenceId, /** @type {string} */ category, updated = SEED_TIME) {
	const def = t.sim.state.vonage.definitions.find((/** @type {any} */ d) => d.presenceId === presenceId);
	return {
		userId,
		updated,
		presence: { presenceId, selectable: def.selectable, category: def.category, description: def.description },
		source: 'vonage',
		event: 'presence_read',
		agentId: userId,
		presenceId,
		presenceName: def.description,
		category,
		changedAt: updated,
	};
}

/** 70 more active agents, so a full read takes two bulk calls. */
function addAgents(/** @type {number} */ n) {
	const state = t.sim.state.vonage;
	const template = state.users[5];
	const ids = [];
	for (let i = 0; i < n; i++) {
		const userId = guidFrom(`vcc-getmany-${i}`);
		state.users.push({ ...template, userId, username: `getmany${i}`, email: `getmany${i}@contoso.com` });
		state.presence[userId] = { presenceId: P.away, updated: SEED_TIME };
		ids.push(userId);
	}
	return ids;
}

describe('Agent Presence → Get Many', () => {
	test('given agents: one bulk read with the v1 Accept header, items in the order given, no definitions read', async () => {
		const run = await t.run({ ...base, agentIds: `${V.users.blake}\n${V.users.alex}, ${V.users.blake}`, returnAll: true });
		expect(apiCalls(t.sim)).toEqual([bulkCall([V.users.blake, V.users.alex])]);
		const [req] = t.sim.requests.filter((/** @type {any} */ r) => r.path.startsWith('/agents'));
		expect(req.headers.accept).toBe(AGENTS_ACCEPT);
		expect(run.items('Vonage')).toEqual([
			expectedItem(V.users.blake, P.ready, 'available'),
			expectedItem(V.users.alex, P.ready, 'available'),
		]);
	});

	test('all agents: the active users of the User Admin API, then 50 per bulk read', async () => {
		const extra = addAgents(70);
		const active = t.sim.state.vonage.users.filter((/** @type {any} */ u) => u.active).map((/** @type {any} */ u) => u.userId);
		expect(active).toHaveLength(100);
		const run = await t.run({ ...base, agents: 'all', returnAll: true });
		expect(apiCalls(t.sim)).toEqual([
			{ method: 'GET', path: '/useradmin/users', query: { include: 'Active', page: '1', limit: '1000' }, body: undefined, status: 200 },
			bulkCall(active.slice(0, 50)),
			bulkCall(active.slice(50)),
		]);
		const users = t.sim.requests.find((/** @type {any} */ r) => r.path === '/useradmin/users');
		expect(users.headers.accept).toBe(USER_ADMIN_ACCEPT);
		const items = run.items('Vonage');
		expect(items.map((/** @type {any} */ i) => i.agentId)).toEqual(active);
		expect(items[99]).toEqual({ ...expectedItem(extra[69], P.away, 'away'), agentEmail: 'getmany69@contoso.com' });
		expect(items[0].agentEmail).toBe('alex.agent@contoso.com');
	});

	test("all agents with a supervisor's credentials (user-level: only their groups' agents): the run warns instead of syncing a subset silently", async () => {
		const group = [V.users.alex, V.users.blake];
		t.sim.vonage.credentialOfSupervisor(group);
		const active = t.sim.state.vonage.users.filter((/** @type {any} */ u) => u.active).map((/** @type {any} */ u) => u.userId);
		const warnings = captureWarnings();
		try {
			const run = await t.run({ ...base, agents: 'all', returnAll: true });
			// The Agents API leaves out whom the supervisor cannot see: two items of the 30 active users.
			expect(run.items('Vonage').map((/** @type {any} */ i) => i.agentId)).toEqual(group);
			const message = `Vonage Contact Center answered the presence of 2 of the ${active.length} active users in User Admin; ${active.length - 2} are out of reach of the API credentials' user`;
			expect(warnings.messages).toEqual([expect.stringContaining(message)]);
			expect(run.hints('Vonage')).toEqual([expect.objectContaining({ message: expect.stringContaining(message), location: 'outputPane' })]);
		} finally {
			warnings.restore();
		}
	});

	test("an administrator's credentials reach every agent: no warning", async () => {
		const warnings = captureWarnings();
		try {
			const run = await t.run({ ...base, agents: 'all', returnAll: true });
			expect(run.items('Vonage')).toHaveLength(30);
			expect(warnings.messages).toEqual([]);
			expect(run.hints('Vonage')).toEqual([]);
		} finally {
			warnings.restore();
		}
	});

	test("the simulated Agents API refuses a supervisor's credentials one agent outside their groups", async () => {
		t.sim.vonage.credentialOfSupervisor([V.users.alex]);
		const run = await t.run({ resource: 'agentPresence', operation: 'get', agent: { __rl: true, mode: 'id', value: V.users.casey } });
		expect(run.error.message).toMatch(/^Vonage Contact Center returned 403/);
		expect(run.error.description).toMatch(/a supervisor's credentials reach only the agents in their groups\.$/);
	});

	test('200 given agents: four bulk reads, one token request (the first read goes alone)', async () => {
		const ids = addAgents(200);
		const run = await t.run({ ...base, agentIds: '={{ $json.ids }}', returnAll: true }, [{ ids }]);
		expect(apiCalls(t.sim)).toEqual([0, 50, 100, 150].map((n) => bulkCall(ids.slice(n, n + 50))));
		expect(t.sim.tokenRequests('vonage')).toBe(1);
		expect(run.items('Vonage')).toHaveLength(200);
	});

	test('a Limit lists and reads only that many users', async () => {
		const run = await t.run({ ...base, agents: 'all', returnAll: false, limit: 3 });
		const active = t.sim.state.vonage.users.filter((/** @type {any} */ u) => u.active).map((/** @type {any} */ u) => u.userId);
		expect(apiCalls(t.sim)).toEqual([
			{ method: 'GET', path: '/useradmin/users', query: { include: 'Active', page: '1', limit: '3' }, body: undefined, status: 200 },
			bulkCall(active.slice(0, 3)),
		]);
		expect(run.items('Vonage')).toHaveLength(3);
	});

	test('a presence changed since the seed is read as it is now', async () => {
		await t.run({ resource: 'agentPresence', operation: 'set', agent: { __rl: true, mode: 'id', value: V.users.casey }, presenceBy: 'presence', presence: { __rl: true, mode: 'id', value: P.lunch }, onlyIfDifferent: false });
		t.sim.clearRequests();
		const run = await t.run({ ...base, agentIds: V.users.casey, returnAll: true });
		expect(apiCalls(t.sim)).toEqual([bulkCall([V.users.casey])]);
		const updated = t.sim.state.vonage.presence[V.users.casey].updated;
		expect(updated).not.toBe(SEED_TIME);
		expect(run.items('Vonage')).toEqual([expectedItem(V.users.casey, P.lunch, 'away', updated)]);
	});

	test('an ID that is not a GUID is an input error before any request', async () => {
		const run = await t.run({ ...base, agentIds: `${V.users.alex},alex`, returnAll: true });
		expect(run.error.message).toBe('"alex" is not a Vonage user ID');
		expect(t.sim.requests).toEqual([]);
	});

	test('an unknown user is named; Continue On Fail keeps the other items', async () => {
		const unknown = guidFrom('vcc-user-nobody');
		const input = [{ ids: [V.users.alex, unknown] }, { ids: [V.users.dana] }];
		const run = await t.run({ ...base, agentIds: '={{ $json.ids }}', returnAll: true }, input, { continueOnFail: true });
		expect(apiCalls(t.sim)).toEqual([bulkCall([V.users.alex, unknown]), bulkCall([V.users.dana])]);
		expect(run.rawItems('Vonage').map((/** @type {any} */ i) => [i.json.agentId ?? i.json.error, i.pairedItem])).toEqual([
			[`No Vonage Contact Center presence for user ${unknown}`, { item: 0 }],
			[V.users.dana, { item: 1 }],
		]);
	});

	test("a vendor failure names Vonage Contact Center, the status and Vonage's message", async () => {
		t.sim.inject({ vendor: 'vonage', path: '/agents/presences/users', status: 400, times: 1 });
		const run = await t.run({ ...base, agentIds: V.users.alex, returnAll: true });
		expect(run.error.name).toBe('NodeApiError');
		expect(run.error.message).toBe('Vonage Contact Center returned 400: The request could not be completed (simulated HTTP 400).');
	});

	test('the simulated bulk read refuses more than 50 IDs, as Vonage documents the limit', async () => {
		const ids = addAgents(51);
		const answer = await t.h.request('vonageContactCenterApi', {
			method: 'GET',
			url: `${t.sim.urls.vonage}/agents/presences/users?userId=${ids.join(',')}`,
			headers: { Accept: AGENTS_ACCEPT },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		});
		expect(answer.statusCode).toBe(400);
		expect(answer.body).toEqual({ status: 400, title: 'One or more validation errors occurred.', errors: [{ message: 'The maximum number of user IDs is 50, not 51.', path: 'userId' }] });
	});
});
