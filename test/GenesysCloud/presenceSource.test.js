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
		// A registered source: written with the bulk PUT naming it in sourceId (PATCH does not support it).
		expect(apiCalls(t.sim).filter((c) => c.method === 'PUT').map((c) => [c.path, c.body])).toEqual([
			['/api/v2/users/presences/bulk', [{ id: CASEY, sourceId: source.id, presenceDefinition: { id: G.presence.Busy } }]],
		]);
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

describe('Source by Name (nothing to pick: the two-way template\'s "n8n presence sync")', () => {
	const ALEX = G.users.alex;
	const setByName = (/** @type {Record<string, any>} */ options = {}, name = 'n8n presence sync') =>
		t.run(
			{
				resource: 'agentPresence',
				operation: 'set',
				agent: { __rl: true, mode: 'id', value: '={{ $json.userId }}' },
				source: 'name',
				sourceName: name,
				presenceBy: 'category',
				category: 'busy',
				onlyIfDifferent: false,
				options,
			},
			[{ userId: CASEY }, { userId: ALEX }],
		);
	const sourceCalls = () => apiCalls(t.sim).filter((c) => c.path === '/api/v2/presence/sources');
	/** The bulk PUTs' entries, as [user, sourceId, body]. */
	const patches = () =>
		apiCalls(t.sim)
			.filter((c) => c.method === 'PUT' && c.path === '/api/v2/users/presences/bulk')
			.flatMap((c) => c.body.map((/** @type {any} */ e) => [e.id, e.sourceId, { presenceDefinition: e.presenceDefinition }]));
	const BUSY = { presenceDefinition: { id: G.presence.Busy } };

	test('first run: not found, created once, both items written with it; second run (nothing cached): found, not created; later runs: cached', async () => {
		const first = await setByName();
		expect(t.sim.state.genesys.sources).toHaveLength(1);
		const [source] = t.sim.state.genesys.sources;
		expect(source).toMatchObject({ name: 'n8n presence sync', deactivated: false });
		expect(sourceCalls()).toEqual([
			{ method: 'GET', path: '/api/v2/presence/sources', query: { deactivated: 'false' }, body: undefined },
			{ method: 'POST', path: '/api/v2/presence/sources', query: {}, body: { name: 'n8n presence sync' } },
		]);
		expect(patches()).toEqual([
			[CASEY, source.id, BUSY],
			[ALEX, source.id, BUSY],
		]);
		// Not the users' primary source: Genesys answers primary false, and nobody sees the write.
		const item = (/** @type {string} */ userId, /** @type {any} */ answer) => ({
			id: userId,
			name: 'Busy',
			sourceId: source.id,
			presenceDefinition: { id: G.presence.Busy, systemPresence: 'Busy', selfUri: `/api/v2/presencedefinitions/${G.presence.Busy}` },
			message: '',
			modifiedDate: answer.modifiedDate,
			primary: false,
			selfUri: `/api/v2/users/${userId}/presences/${source.id}`,
			written: false,
			previousPresenceId: null,
			previousCategory: null,
			skippedReason: 'sourceNotPrimary',
			source: 'genesys',
			event: 'presence_set',
			agentId: userId,
			presenceId: G.presence.Busy,
			presenceName: 'Busy',
			category: 'busy',
			changedAt: answer.modifiedDate,
		});
		const items = first.items('Genesys');
		expect(items).toEqual([item(CASEY, items[0]), item(ALEX, items[1])]);
		expect(items[0].modifiedDate).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/));

		// As another n8n process (or with the cache off) would: one listing for both items, no create.
		t.sim.requests.length = 0;
		await setByName({ cacheTtl: 0 });
		expect(sourceCalls()).toEqual([{ method: 'GET', path: '/api/v2/presence/sources', query: { deactivated: 'false' }, body: undefined }]);
		expect(patches().map(([u, id]) => [u, id])).toEqual([
			[CASEY, source.id],
			[ALEX, source.id],
		]);

		t.sim.requests.length = 0;
		await setByName();
		expect(sourceCalls()).toEqual([]);
		expect(patches()).toHaveLength(2);
		expect(t.sim.state.genesys.sources).toHaveLength(1);
	});

	test('an existing source is found by its name (any case), never created again', async () => {
		await create('N8N Presence Sync');
		const [source] = t.sim.state.genesys.sources;
		t.sim.requests.length = 0;
		await setByName();
		expect(sourceCalls().map((c) => c.method)).toEqual(['GET']);
		expect(patches().map(([u, id]) => [u, id])).toEqual([
			[CASEY, source.id],
			[ALEX, source.id],
		]);
	});

	test('without presence:source:add: Genesys\' 403 naming the permission, per item; nothing written', async () => {
		t.sim.state.genesys.permissions = t.sim.state.genesys.permissions.filter((/** @type {string} */ p) => p !== 'presence:source:add');
		const run = await setByName();
		expect(run.nodeError('Genesys').message).toMatch(/Genesys Cloud returned 403: .*\[presence:source:add\]/);
		expect(patches()).toEqual([]);
		expect(t.sim.state.genesys.sources).toEqual([]);
	});

	test('two active sources with the name: a clear error, nothing created or written', async () => {
		await create('n8n presence sync');
		t.sim.state.genesys.sources.push({ ...t.sim.state.genesys.sources[0], id: 'a0a0a0a0-0000-4000-8000-000000000002' });
		t.sim.requests.length = 0;
		const run = await setByName();
		expect(run.nodeError('Genesys').message).toBe('Genesys Cloud has 2 presence sources named "n8n presence sync"');
		expect(sourceCalls().map((c) => c.method)).toEqual(['GET']);
		expect(patches()).toEqual([]);
	});

	test('Get with a source name that does not exist: a clear error, nothing created', async () => {
		const run = await t.run({ resource: 'agentPresence', operation: 'get', agent: byId(CASEY), source: 'name', sourceName: 'n8n presence sync' });
		expect(run.nodeError('Genesys').message).toBe('Genesys Cloud has no presence source named "n8n presence sync"');
		expect(sourceCalls().map((c) => c.method)).toEqual(['GET']);
	});

	test('the Set offers Source by Name with "n8n presence sync" as the default; picking by list or ID stays', () => {
		const { description } = require('../../dist/nodes/GenesysCloud/actions/agentPresence/set.operation');
		const source = description.find((/** @type {any} */ p) => p.name === 'source');
		expect(source.options.map((/** @type {any} */ o) => o.value)).toEqual(['purecloud', 'other', 'name']);
		expect(description.find((/** @type {any} */ p) => p.name === 'sourceName')).toMatchObject({ type: 'string', default: 'n8n presence sync' });
		expect(description.find((/** @type {any} */ p) => p.name === 'sourceId')).toMatchObject({ typeOptions: { loadOptionsMethod: 'presenceSources' } });
	});
});
