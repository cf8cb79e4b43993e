// @ts-check
const { useSimulator, byId } = require('../helpers/vendors');
const { apiCalls, registerSource, G } = require('./genesys');

const t = useSimulator({ vendor: 'genesys' });
const BULK = '/api/v2/users/presences/bulk';
const params = {
	resource: 'agentPresence',
	operation: 'bulkSet',
	agent: byId('={{ $json.userId }}'),
	presenceBy: 'presence',
	presence: byId('={{ $json.definitionId }}'),
};
const users = () => t.sim.state.genesys.users.map((/** @type {any} */ u) => u.id);

describe('Agent Presence: Bulk Set', () => {
	test('120 users: 3 PUTs of 50, 50 and 20; one item per user, paired to its input', async () => {
		const ids = users().slice(0, 120);
		const input = ids.map((/** @type {string} */ userId, /** @type {number} */ i) => ({
			userId,
			definitionId: i % 2 ? G.presence.Away : G.custom.lunch,
		}));
		const run = await t.run(params, input);
		const calls = apiCalls(t.sim);
		expect(calls.map((c) => [c.method, c.path, c.body.length])).toEqual([
			['PUT', BULK, 50],
			['PUT', BULK, 50],
			['PUT', BULK, 20],
		]);
		expect(calls.flatMap((c) => c.body)).toEqual(
			// PURECLOUD is no registered source: named by no sourceId (and not in the deprecated `source`).
			input.map((/** @type {any} */ x) => ({ id: x.userId, presenceDefinition: { id: x.definitionId } })),
		);
		const items = run.rawItems('Genesys');
		expect(items).toHaveLength(120);
		items.forEach((/** @type {any} */ item, /** @type {number} */ i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json).toMatchObject({
				id: ids[i],
				sourceId: 'PURECLOUD',
				written: true,
				previousPresenceId: null,
				previousCategory: null,
				source: 'genesys',
				event: 'presence_set',
				agentId: ids[i],
				presenceId: input[i].definitionId,
				presenceName: i % 2 ? 'Away' : 'Lunch',
				category: 'away',
			});
			expect(item.json.changedAt).toBe(item.json.modifiedDate);
		});
		expect(t.sim.state.genesys.presences[ids[119]].sources.PURECLOUD.presenceDefinitionId).toBe(G.presence.Away);
	});

	test('category per item and a registered source: resolved once, sent in sourceId; not the users\' primary source, so not written', async () => {
		const [a, b] = users();
		const source = registerSource(t.sim, 'Teams sync');
		const run = await t.run(
			{ ...params, source: 'other', sourceId: source, presenceBy: 'category', category: '={{ $json.category }}' },
			[
				{ userId: a, category: 'offline' },
				{ userId: b, category: 'busy' },
			],
		);
		expect(apiCalls(t.sim)).toEqual([
			{ method: 'GET', path: '/api/v2/presence/definitions', query: {}, body: undefined },
			{
				method: 'PUT',
				path: BULK,
				query: {},
				body: [
					{ id: a, sourceId: source, presenceDefinition: { id: G.presence.Offline } },
					{ id: b, sourceId: source, presenceDefinition: { id: G.presence.Busy } },
				],
			},
		]);
		expect(run.items('Genesys').map((/** @type {any} */ i) => [i.agentId, i.sourceId, i.category, i.written, i.skippedReason])).toEqual([
			[a, source, 'offline', false, 'sourceNotPrimary'],
			[b, source, 'busy', false, 'sourceNotPrimary'],
		]);
		expect(t.sim.state.genesys.presences[b].sources[source].presenceDefinitionId).toBe(G.presence.Busy);
	});

	test('429 on a bulk call: waits Retry-After, sends it again, all users set', async () => {
		t.sim.inject({ vendor: 'genesys', method: 'PUT', path: BULK, status: 429, retryAfter: 0 });
		const ids = users().slice(0, 3);
		const run = await t.run(params, ids.map((/** @type {string} */ userId) => ({ userId, definitionId: G.presence.Busy })));
		expect(t.sim.requests.filter((/** @type {any} */ r) => r.path === BULK).map((/** @type {any} */ r) => r.status)).toEqual([429, 200]);
		expect(run.items('Genesys').map((/** @type {any} */ i) => i.presenceId)).toEqual([G.presence.Busy, G.presence.Busy, G.presence.Busy]);
	});

	test('Continue On Fail: a bad item and a rejected batch become error items, the rest is written', async () => {
		const ids = users().slice(0, 53);
		const ghost = '11111111-2222-4333-8444-555555555555';
		const input = ids.map((/** @type {string} */ userId) => ({ userId, definitionId: G.presence.Meal }));
		input[1] = { userId: '', definitionId: G.presence.Meal }; // no user: fails before any request
		input[52] = { userId: ghost, definitionId: G.presence.Meal }; // Genesys rejects the second batch
		const run = await t.run(params, input, { onError: 'continueRegularOutput' });
		const calls = apiCalls(t.sim);
		expect(calls.map((c) => c.body.length)).toEqual([50, 2]);
		const items = run.rawItems('Genesys');
		expect(items.map((/** @type {any} */ i) => i.pairedItem.item)).toEqual(input.map((_, i) => i));
		expect(items[1].json).toEqual({ error: 'No agent given', errorDescription: 'Pick an agent from the list, or give a Genesys Cloud user ID or email' });
		for (const i of [51, 52]) {
			expect(items[i].json).toEqual({
				error: `Genesys Cloud returned 400: Entry 1: user not found: ${ghost}`,
				errorDescription: expect.stringContaining('(correlation ID '),
				httpCode: '400',
			});
		}
		expect(items[50].json).toMatchObject({ agentId: ids[50], presenceId: G.presence.Meal, written: true });
		expect(items.filter((/** @type {any} */ i) => i.json.written === true)).toHaveLength(50);
	});

	test('without Continue On Fail a rejected batch stops the node with Genesys\' message', async () => {
		const ghost = '11111111-2222-4333-8444-555555555555';
		const run = await t.run(params, [{ userId: ghost, definitionId: G.presence.Meal }]);
		expect(run.error.message).toBe(`Genesys Cloud returned 400: Entry 0: user not found: ${ghost}`);
	});

	test('without Continue On Fail a bad item stops the node at that item, before any bulk call is sent', async () => {
		const [a, b] = users();
		const input = [
			{ userId: a, definitionId: G.presence.Meal },
			{ userId: '', definitionId: G.presence.Meal },
			{ userId: b, definitionId: G.presence.Meal },
		];
		const run = await t.run(params, input);
		expect(run.error.message).toBe('No agent given');
		expect(run.error.context.itemIndex).toBe(1);
		expect(apiCalls(t.sim)).toEqual([]);
	});
});
