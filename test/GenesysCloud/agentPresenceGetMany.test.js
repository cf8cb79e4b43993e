// @ts-check
/**
 * Agent Presence → Get Many: given agents or every agent, 50 users per bulk read
 * (GET /api/v2/users/presences/purecloud/bulk?id=a,b,…), one normalized item per agent.
 */
const { useSimulator, getCall } = require('../helpers/vendors');
const { guidFrom } = require('../simulator/common');
const { apiCalls, G } = require('./genesys');

const t = useSimulator({ vendor: 'genesys' });
const base = { resource: 'agentPresence', operation: 'getAll' };
const SOURCE_ID = guidFrom('gc-source-PURECLOUD');
const SEED_DATE = '2024-05-01T08:00:00.000Z';
const bulkCall = (/** @type {string[]} */ ids) => getCall('/api/v2/users/presences/purecloud/bulk', { id: ids.join(',') });
const usersPage = (/** @type {number} */ pageNumber, pageSize = 100) => getCall('/api/v2/users', { pageSize: String(pageSize), pageNumber: String(pageNumber) });
/** The users the simulator seeds, in its order (the five people, then Agent 006…125). */
const ALL_IDS = [
	...Object.values(G.users),
	...Array.from({ length: G.userCount - 5 }, (_, i) => guidFrom(`gc-user-${String(i + 6).padStart(3, '0')}`)),
];

/** The item for an agent's bulk answer (UcUserPresence) plus the normalized fields. */
function bulkItem(/** @type {string} */ userId, /** @type {string} */ defId, /** @type {string} */ systemPresence, /** @type {string} */ name, /** @type {string} */ category, modifiedDate = SEED_DATE) {
	return {
		id: guidFrom(`gc-presence-${userId}-PURECLOUD`),
		name,
		sourceId: SOURCE_ID,
		presenceDefinition: { id: defId, systemPresence, selfUri: `/api/v2/presencedefinitions/${defId}` },
		message: '',
		modifiedDate,
		selfUri: `/api/v2/users/${userId}/presences/PURECLOUD`,
		source: 'genesys',
		event: 'presence_read',
		agentId: userId,
		presenceId: defId,
		presenceName: name,
		category,
		changedAt: modifiedDate,
	};
}

describe('Agent Presence: Get Many', () => {
	test('given agents: one bulk read, one item per agent in the order given', async () => {
		await t.h.request('genesysCloudPresenceApi', {
			method: 'PATCH',
			url: `${t.sim.urls.genesysApi}/api/v2/users/${G.users.blake}/presences/purecloud`,
			body: { presenceDefinition: { id: G.custom.lunch } },
			json: true,
		});
		t.sim.requests.length = 0;
		const run = await t.run({ ...base, agentIds: `${G.users.blake}, ${G.users.alex}\n${G.users.blake}`, returnAll: true });
		expect(apiCalls(t.sim)).toEqual([bulkCall([G.users.blake, G.users.alex])]);
		const items = run.items('Genesys');
		expect(items).toEqual([
			bulkItem(G.users.blake, G.custom.lunch, 'Meal', 'Lunch', 'away', expect.any(String)),
			bulkItem(G.users.alex, G.presence.Available, 'Available', 'Available', 'available'),
		]);
		expect(items[0].changedAt).not.toBe(SEED_DATE);
	});

	test('an expression giving a list of 120 IDs: three bulk reads of at most 50, Limit applied first', async () => {
		const ids = ALL_IDS.slice(0, 120);
		const run = await t.run({ ...base, agentIds: '={{ $json.ids }}', returnAll: true }, [{ ids }]);
		expect(apiCalls(t.sim)).toEqual([bulkCall(ids.slice(0, 50)), bulkCall(ids.slice(50, 100)), bulkCall(ids.slice(100))]);
		expect(run.items('Genesys').map((/** @type {any} */ i) => i.agentId)).toEqual(ids);
		// The first read fetches the token alone; the parallel ones after it reuse it.
		expect(t.sim.tokenRequests('genesys')).toBe(1);

		t.sim.requests.length = 0;
		const limited = await t.run({ ...base, agentIds: '={{ $json.ids }}', returnAll: false, limit: 3 }, [{ ids }]);
		expect(apiCalls(t.sim)).toEqual([bulkCall(ids.slice(0, 3))]);
		expect(limited.items('Genesys')).toHaveLength(3);
	});

	test('all agents: every page of GET /api/v2/users, then the bulk reads; each item has the agent e-mail', async () => {
		const run = await t.run({ ...base, agents: 'all', returnAll: true });
		expect(apiCalls(t.sim)).toEqual([
			usersPage(1),
			usersPage(2),
			bulkCall(ALL_IDS.slice(0, 50)),
			bulkCall(ALL_IDS.slice(50, 100)),
			bulkCall(ALL_IDS.slice(100)),
		]);
		const items = run.items('Genesys');
		expect(items).toHaveLength(G.userCount);
		// The user listing's e-mail rides along, to match agents with another system.
		expect(items[0]).toEqual({ ...bulkItem(G.users.alex, G.presence.Available, 'Available', 'Available', 'available'), agentEmail: 'alex.agent@contoso.com' });
		expect(items[124]).toEqual({ ...bulkItem(ALL_IDS[124], G.presence.Offline, 'Offline', 'Offline', 'offline'), agentEmail: 'agent125@contoso.com' });
	});

	test('all agents with a Limit: only as many users are listed and read', async () => {
		const run = await t.run({ ...base, agents: 'all', returnAll: false, limit: 7 });
		expect(apiCalls(t.sim)).toEqual([usersPage(1, 7), bulkCall(ALL_IDS.slice(0, 7))]);
		expect(run.items('Genesys')).toHaveLength(7);
	});

	test('an unknown user ID is a clear error naming it; Continue On Fail keeps the other items', async () => {
		const unknown = guidFrom('gc-user-nobody');
		const run = await t.run({ ...base, agentIds: `${G.users.alex},${unknown}`, returnAll: true });
		expect(run.error.name).toBe('NodeOperationError');
		expect(run.error.message).toBe(`No Genesys Cloud presence for user ${unknown}`);
		expect(apiCalls(t.sim)).toEqual([bulkCall([G.users.alex, unknown])]);

		const input = [{ ids: `${G.users.alex},${unknown}` }, { ids: G.users.casey }];
		const kept = await t.run({ ...base, agentIds: '={{ $json.ids }}', returnAll: true }, input, { continueOnFail: true });
		expect(kept.rawItems('Genesys').map((/** @type {any} */ i) => [i.json.agentId ?? i.json.error, i.pairedItem])).toEqual([
			[`No Genesys Cloud presence for user ${unknown}`, { item: 0 }],
			[G.users.casey, { item: 1 }],
		]);
	});

	test('no IDs is an input error before any request', async () => {
		const run = await t.run({ ...base, agentIds: ' , ', returnAll: true });
		expect(run.error.message).toBe('No agent given');
		expect(t.sim.requests).toEqual([]);
	});

	test("a vendor failure names Genesys Cloud, the status and Genesys' message", async () => {
		t.sim.inject({ vendor: 'genesys', path: '/api/v2/users/presences/purecloud/bulk', status: 400, times: 1 });
		const run = await t.run({ ...base, agentIds: G.users.alex, returnAll: true });
		expect(run.error.name).toBe('NodeApiError');
		expect(run.error.message).toBe('Genesys Cloud returned 400: The request could not be completed (simulated HTTP 400).');
		expect(apiCalls(t.sim)).toEqual([bulkCall([G.users.alex])]);
	});
});
