// @ts-check
/**
 * The lookup cache across executions (Cache Lookups For): agent e-mail ↔ ID and presence
 * definitions are read once per credential and TTL, shared by concurrent executions, dropped when
 * the vendor answers 404/400 for a cached ID, and never hold a secret. Each test runs workflows
 * through n8n's engine on ONE harness (one n8n process) against the simulator.
 */
const path = require('node:path');
const { createHarness } = require('../harness');
const { startSimulator, IDS, allCredentials, apiCalls, nodeOf, byEmail, byId, credentialsFor } = require('../helpers/vendors');

const cache = require(path.join(__dirname, '..', '..', 'dist', 'nodes', 'shared', 'lookupCache.js'));

const G = IDS.genesys;
const ALEX = 'alex.agent@contoso.com';
const SEARCH = 'POST /api/v2/users/search';
const DEFINITIONS = 'GET /api/v2/presence/definitions';

/** @type {any} */ let sim;
/** @type {any} */ let h;

beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => await sim.close());
beforeEach(async () => {
	sim.reset();
	h = await createHarness({ credentials: allCredentials(sim) });
});
afterEach(() => jest.useRealTimers());

/** Genesys Set by e-mail and category: a user search and the definitions listing to resolve. */
const genesysSet = (/** @type {Record<string, any>} */ extra = {}, /** @type {string} */ category = 'busy') =>
	nodeOf('genesys', {
		resource: 'agentPresence',
		operation: 'set',
		agent: byEmail(ALEX),
		source: 'purecloud',
		presenceBy: 'category',
		category,
		onlyIfDifferent: true,
		options: {},
		...extra,
	});

/** Runs one workflow; the vendor's calls it made, as `METHOD path`. */
async function calls(/** @type {any} */ node, /** @type {'genesys' | 'dataverse'} */ vendor = 'genesys') {
	const before = apiCalls(sim, vendor).length;
	const result = await h.runWorkflow({ nodes: [node], input: [{}] });
	if (result.error) throw result.error;
	return {
		result,
		calls: apiCalls(sim, vendor)
			.slice(before)
			.map((c) => `${c.method} ${c.path}`),
	};
}

const presencePath = `/api/v2/users/${G.users.alex}/presences/purecloud`;

test('a second execution within the TTL makes no lookup request: only the read and the write', async () => {
	const first = await calls(genesysSet({}, 'busy'));
	expect(first.calls).toEqual([SEARCH, DEFINITIONS, `GET ${presencePath}`, `PATCH ${presencePath}`]);
	const second = await calls(genesysSet({}, 'away'));
	expect(second.calls).toEqual([`GET ${presencePath}`, `PATCH ${presencePath}`]);
	expect(second.result.items('Genesys')[0]).toMatchObject({ agentId: G.users.alex, category: 'away', written: true });
});

test('Cache Lookups For 0 turns the cache off', async () => {
	await calls(genesysSet({ options: { cacheTtl: 0 } }, 'busy'));
	const second = await calls(genesysSet({ options: { cacheTtl: 0 } }, 'away'));
	expect(second.calls).toEqual([SEARCH, DEFINITIONS, `GET ${presencePath}`, `PATCH ${presencePath}`]);
});

test('after the TTL the lookups are made again', async () => {
	jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'] });
	jest.setSystemTime(new Date('2026-01-05T10:00:00Z'));
	await calls(genesysSet({ options: { cacheTtl: 60 } }, 'busy'));
	jest.setSystemTime(new Date('2026-01-05T10:00:59Z'));
	expect((await calls(genesysSet({ options: { cacheTtl: 60 } }, 'away'))).calls).toEqual([`GET ${presencePath}`, `PATCH ${presencePath}`]);
	jest.setSystemTime(new Date('2026-01-05T10:01:01Z'));
	expect((await calls(genesysSet({ options: { cacheTtl: 60 } }, 'busy'))).calls).toEqual([
		SEARCH,
		DEFINITIONS,
		`GET ${presencePath}`,
		`PATCH ${presencePath}`,
	]);
});

test('a 404 for a cached user ID drops the entry and retries once with a fresh lookup', async () => {
	await calls(genesysSet({}, 'busy'));
	// The agent is re-created in Genesys Cloud: same e-mail, new user ID.
	const g = sim.state.genesys;
	const NEW_ID = '0f0e0d0c-0b0a-4909-8807-060504030201';
	const user = g.users.find((/** @type {any} */ u) => u.id === G.users.alex);
	g.presences[NEW_ID] = g.presences[user.id];
	delete g.presences[user.id];
	user.id = NEW_ID;
	const newPath = `/api/v2/users/${NEW_ID}/presences/purecloud`;

	const { calls: made, result } = await calls(genesysSet({}, 'away'));
	expect(made).toEqual([`GET ${presencePath}`, SEARCH, DEFINITIONS, `GET ${newPath}`, `PATCH ${newPath}`]);
	expect(result.items('Genesys')[0]).toMatchObject({ agentId: NEW_ID, category: 'away', written: true });
	// The fresh answer is cached in turn.
	expect((await calls(genesysSet({}, 'busy'))).calls).toEqual([`GET ${newPath}`, `PATCH ${newPath}`]);
});

test('a 404 that is not about a cached ID is not retried', async () => {
	const node = nodeOf('genesys', {
		resource: 'agentPresence',
		operation: 'get',
		agent: byId('0f0e0d0c-0b0a-4909-8807-0605040302ff'),
		source: 'purecloud',
	});
	const before = apiCalls(sim, 'genesys').length;
	const result = await h.runWorkflow({ nodes: [node], input: [{}] });
	expect(result.error?.message).toMatch(/Genesys Cloud/);
	expect(apiCalls(sim, 'genesys').slice(before)).toHaveLength(1);
});

test('two credentials never share entries', async () => {
	await calls(genesysSet({}, 'busy'));
	const other = { ...genesysSet({}, 'away'), credentials: { genesysCloudPresenceApi: { id: 'genesysCloudPresenceApi-2', name: 'Other org' } } };
	expect((await calls(other)).calls).toEqual([SEARCH, DEFINITIONS, `GET ${presencePath}`, `PATCH ${presencePath}`]);
	const keys = cache.lookupCacheSnapshot().map(([key]) => key);
	expect(keys.filter((k) => k.startsWith('genesysCloudPresenceApi-1|'))).toHaveLength(2);
	expect(keys.filter((k) => k.startsWith('genesysCloudPresenceApi-2|'))).toHaveLength(2);
});

test('concurrent executions share one lookup request per key', async () => {
	const before = apiCalls(sim, 'genesys').length;
	const runs = await Promise.all(
		[0, 1, 2].map(async () => await h.runWorkflow({ nodes: [genesysSet({ onlyIfDifferent: false }, 'busy')], input: [{}] })),
	);
	for (const r of runs) expect(r.error).toBeUndefined();
	const made = apiCalls(sim, 'genesys').slice(before).map((c) => `${c.method} ${c.path}`);
	expect(made.filter((c) => c === SEARCH)).toHaveLength(1);
	expect(made.filter((c) => c === DEFINITIONS)).toHaveLength(1);
	expect(made.filter((c) => c === `PATCH ${presencePath}`)).toHaveLength(3);
});

test('Dynamics 365 Contact Center: agent by e-mail, by ID (Agent → Get) and category presences are cached', async () => {
	const dvAlex = IDS.dataverse?.users?.alex ?? '97c90b02-4e38-ef11-a315-000d3a5a54dc';
	const set = (/** @type {string} */ category) =>
		nodeOf('dataverse', { resource: 'agentPresence', operation: 'set', agent: byEmail(ALEX), presenceBy: 'category', category, onlyIfDifferent: true });
	const first = await calls(set('away'), 'dataverse');
	expect(first.calls.map((c) => c.split('?')[0])).toEqual([
		'GET /systemusers',
		'GET /msdyn_presences',
		'GET /CCaaS_GetPresence(ApiVersion=@v)',
		'POST /CCaaS_ModifyAgentPresence',
	]);
	const second = await calls(set('away'), 'dataverse');
	expect(second.calls).toEqual(['GET /CCaaS_GetPresence(ApiVersion=@v)']);
	expect(second.result.items('Dynamics')[0]).toMatchObject({ agentId: dvAlex, written: false, skippedReason: 'same' });

	const get = nodeOf('dataverse', { resource: 'agent', operation: 'get', agent: byId(dvAlex) });
	const a = await calls(get, 'dataverse');
	expect(a.calls).toEqual([`GET /systemusers(${dvAlex})`]);
	const b = await calls(get, 'dataverse');
	expect(b.calls).toEqual([]);
	expect(b.result.items('Dynamics')[0]).toEqual(a.result.items('Dynamics')[0]);
	expect(b.result.items('Dynamics')[0].internalemailaddress).toBe(ALEX);
});

test('no cached entry holds a secret or a token', async () => {
	await calls(genesysSet({}, 'busy'));
	await calls(nodeOf('dataverse', { resource: 'agentPresence', operation: 'set', agent: byEmail(ALEX), presenceBy: 'category', category: 'busy', onlyIfDifferent: true }), 'dataverse');
	const stored = JSON.stringify(cache.lookupCacheSnapshot());
	expect(cache.lookupCacheSnapshot().length).toBeGreaterThanOrEqual(4);
	const secrets = [
		...['genesys', 'dataverse'].map((v) => Object.values(credentialsFor(sim, /** @type {any} */ (v)))[0].clientSecret),
		...sim.requests
			.map((/** @type {any} */ r) => String(r.headers.authorization ?? ''))
			.filter((a) => a.startsWith('Bearer '))
			.map((a) => a.slice('Bearer '.length)),
	];
	expect(secrets.length).toBeGreaterThan(2);
	for (const secret of new Set(secrets)) expect(stored.includes(secret)).toBe(false);
	expect(stored).not.toMatch(/bearer|access_token|clientSecret|client_secret/i);
});

test('Vonage Contact Center: the user by e-mail and the presence definitions are cached', async () => {
	const set = (/** @type {string} */ category) =>
		nodeOf('vonage', { resource: 'agentPresence', operation: 'set', agent: byEmail(ALEX), presenceBy: 'category', category, onlyIfDifferent: false });
	const before = apiCalls(sim, 'vonage').length;
	const first = await h.runWorkflow({ nodes: [set('away')], input: [{}] });
	expect(first.error).toBeUndefined();
	const firstCalls = apiCalls(sim, 'vonage').slice(before).map((c) => `${c.method} ${c.path}`);
	expect(firstCalls.some((c) => c.startsWith('GET /useradmin/users'))).toBe(true);
	expect(firstCalls).toContain('GET /agents/presence-definitions');
	const mid = apiCalls(sim, 'vonage').length;
	const second = await h.runWorkflow({ nodes: [set('busy')], input: [{}] });
	expect(second.error).toBeUndefined();
	const secondCalls = apiCalls(sim, 'vonage').slice(mid).map((c) => `${c.method} ${c.path}`);
	expect(secondCalls).toEqual([expect.stringMatching(/^PATCH \/agents\/[^/]+\/presence$/)]);
	expect(second.items('Vonage')[0]).toMatchObject({ written: true });
});
