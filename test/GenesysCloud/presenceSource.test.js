// @ts-check
/**
 * Presence Source (Get Many, Create — PresenceApi getPresenceSources / postPresenceSources) and the
 * source pickers that list them by name: Other Source on the Set and Get operations, and the
 * trigger's Ignore Changes Made By Source.
 */
const { useSimulator, byId, credentialRef } = require('../helpers/vendors');
const { apiCalls, G } = require('./genesys');

const t = useSimulator({ vendor: 'genesys' });
const CASEY = G.users.casey;
const create = (/** @type {string} */ name, extra = {}) => t.run({ resource: 'presenceSource', operation: 'create', name, ...extra });

describe('Presence Source', () => {
	test('Create: POST /api/v2/presence/sources with the Source model; the item is the created source', async () => {
		const run = await create('n8n presence sync', { description: 'Writes of the n8n presence sync' });
		expect(apiCalls(t.sim)).toEqual([
			{ method: 'POST', path: '/api/v2/presence/sources', query: {}, body: { name: 'n8n presence sync', description: 'Writes of the n8n presence sync' } },
		]);
		const [item] = run.items('Genesys');
		expect(item).toEqual({
			id: expect.any(String),
			name: 'n8n presence sync',
			description: 'Writes of the n8n presence sync',
			deactivated: false,
			selfUri: `/api/v2/presence/sources/${item.id}`,
		});
	});

	test('Get Many: the active sources (deactivated=false), Limit applied to the one answer', async () => {
		await create('n8n presence sync');
		await create('Teams sync');
		t.sim.requests.length = 0;
		const all = await t.run({ resource: 'presenceSource', operation: 'getAll', returnAll: true });
		expect(apiCalls(t.sim)).toEqual([{ method: 'GET', path: '/api/v2/presence/sources', query: { deactivated: 'false' }, body: undefined }]);
		expect(all.items('Genesys').map((/** @type {any} */ s) => s.name)).toEqual(['n8n presence sync', 'Teams sync']);
		const one = await t.run({ resource: 'presenceSource', operation: 'getAll', returnAll: false, limit: 1 });
		expect(one.items('Genesys').map((/** @type {any} */ s) => s.name)).toEqual(['n8n presence sync']);
	});

	test('Create without presence:source:add: Genesys\' 403, naming the permission; nothing is created', async () => {
		t.sim.state.genesys.permissions = t.sim.state.genesys.permissions.filter((/** @type {string} */ p) => p !== 'presence:source:add');
		const run = await create('n8n presence sync');
		expect(run.nodeError('Genesys').message).toMatch(/Genesys Cloud returned 403: .*\[presence:source:add\]/);
		expect(t.sim.state.genesys.sources).toEqual([]);
	});

	test('Create with an empty name is a clear input error and sends nothing', async () => {
		const run = await create('  ');
		expect(run.nodeError('Genesys').message).toBe('A presence source needs a name');
		expect(apiCalls(t.sim)).toEqual([]);
	});
});

describe('source pickers', () => {
	test('Set → Other Source lists the sources by name (ID stored), and the Set writes to the one picked', async () => {
		await create('n8n presence sync');
		const [source] = t.sim.state.genesys.sources;
		const options = await t.h.callMethod(
			{ type: 'genesysCloud', typeVersion: 1, parameters: { resource: 'agentPresence', operation: 'set', source: 'other' }, credentials: credentialRef('genesys') },
			'loadOptions',
			'presenceSources',
		);
		expect(options).toEqual([{ name: 'n8n presence sync', value: source.id, description: undefined }]);
		t.sim.requests.length = 0;
		await t.run({ resource: 'agentPresence', operation: 'set', agent: byId(CASEY), source: 'other', sourceId: options[0].value, presenceBy: 'category', category: 'busy', onlyIfDifferent: false });
		expect(apiCalls(t.sim).filter((c) => c.method === 'PATCH').map((c) => c.path)).toEqual([`/api/v2/users/${CASEY}/presences/${source.id}`]);
	});

	test('the trigger\'s Ignore Changes Made By Source lists the same sources', async () => {
		await create('n8n presence sync');
		const options = await t.h.callMethod(
			{ type: 'genesysCloudPresenceTrigger', typeVersion: 1, parameters: { userSelection: 'all' }, credentials: credentialRef('genesys') },
			'loadOptions',
			'presenceSources',
		);
		expect(options.map((/** @type {any} */ o) => o.name)).toEqual(['n8n presence sync']);
	});
});
