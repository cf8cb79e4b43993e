// @ts-check
/**
 * Conformance with Genesys' official Platform API SDK (purecloud-platform-client-v2). Every
 * request our nodes and trigger send to the simulator is issued again through the SDK method for
 * that operation, and:
 *  (a) the SDK builds the same request (method, path, query, body) and the simulator accepts it;
 *      the node's request body fits the SDK's body model;
 *  (b) the simulator's answer fits the model the SDK method declares (no field outside it,
 *      required fields present, types right).
 * Where they disagree the SDK is right: fix the node (or the simulator), not this table.
 */
const pc = require('purecloud-platform-client-v2');
const { startSimulator, IDS, credentialsFor } = require('../helpers/vendors');
const { createHarness } = require('../harness');
const { runTrigger } = require('../harness/trigger');
const { check, signature } = require('./sdkModels');

const CRED = 'genesysCloudPresenceApi';
const G = IDS.genesys;

/**
 * @typedef {{ api: string, method: string, http: string, path: string,
 *   args: (p: Record<string, string>, q: Record<string, any>, body: any) => any[],
 *   when?: (p: Record<string, string>) => boolean }} Operation
 */
const list = (/** @type {any} */ v) => (v === undefined ? undefined : String(v).split(','));
/** Query → SDK opts: every query value as given, lists split where the SDK takes an array. */
const opts = (/** @type {Record<string, any>} */ q, /** @type {string[]} */ arrays = []) =>
	Object.fromEntries(Object.entries(q).map(([k, v]) => [k, arrays.includes(k) ? list(v) : v]));

/** @type {Operation[]} The SDK method for each operation the package performs. */
const OPERATIONS = [
	// Presence definitions, current API.
	{ api: 'PresenceApi', method: 'getPresenceDefinitions0', http: 'GET', path: '/api/v2/presence/definitions', args: (p, q) => [opts(q, ['divisionId'])] },
	{ api: 'PresenceApi', method: 'postPresenceDefinitions0', http: 'POST', path: '/api/v2/presence/definitions', args: (p, q, b) => [b] },
	{ api: 'PresenceApi', method: 'getPresenceDefinition0', http: 'GET', path: '/api/v2/presence/definitions/:id', args: (p, q) => [p.id, opts(q)] },
	{ api: 'PresenceApi', method: 'putPresenceDefinition0', http: 'PUT', path: '/api/v2/presence/definitions/:id', args: (p, q, b) => [p.id, b] },
	{ api: 'PresenceApi', method: 'deletePresenceDefinition0', http: 'DELETE', path: '/api/v2/presence/definitions/:id', args: (p) => [p.id] },
	// Presence definitions, legacy API.
	{ api: 'PresenceApi', method: 'getPresencedefinitions', http: 'GET', path: '/api/v2/presencedefinitions', args: (p, q) => [opts(q)] },
	{ api: 'PresenceApi', method: 'postPresencedefinitions', http: 'POST', path: '/api/v2/presencedefinitions', args: (p, q, b) => [b] },
	{ api: 'PresenceApi', method: 'getPresencedefinition', http: 'GET', path: '/api/v2/presencedefinitions/:id', args: (p, q) => [p.id, opts(q)] },
	{ api: 'PresenceApi', method: 'putPresencedefinition', http: 'PUT', path: '/api/v2/presencedefinitions/:id', args: (p, q, b) => [p.id, b] },
	{ api: 'PresenceApi', method: 'deletePresencedefinition', http: 'DELETE', path: '/api/v2/presencedefinitions/:id', args: (p) => [p.id] },
	{ api: 'PresenceApi', method: 'getSystempresences', http: 'GET', path: '/api/v2/systempresences', args: () => [] },
	// Presence sources.
	{ api: 'PresenceApi', method: 'getPresenceSources', http: 'GET', path: '/api/v2/presence/sources', args: (p, q) => [opts(q)] },
	{ api: 'PresenceApi', method: 'getPresenceSettings', http: 'GET', path: '/api/v2/presence/settings', args: () => [] },
	{ api: 'PresenceApi', method: 'postPresenceSources', http: 'POST', path: '/api/v2/presence/sources', args: (p, q, b) => [b] },
	// User presences.
	{ api: 'PresenceApi', method: 'putUsersPresencesBulk', http: 'PUT', path: '/api/v2/users/presences/bulk', args: (p, q, b) => [b] },
	{ api: 'PresenceApi', method: 'getUsersPresencesPurecloudBulk', http: 'GET', path: '/api/v2/users/presences/purecloud/bulk', args: (p, q) => [opts(q, ['id'])] },
	{ api: 'PresenceApi', method: 'getUsersPresenceBulk', http: 'GET', path: '/api/v2/users/presences/:sourceId/bulk', args: (p, q) => [p.sourceId, opts(q, ['id'])] },
	{ api: 'PresenceApi', method: 'getPresenceUserPrimarysource', http: 'GET', path: '/api/v2/presence/users/:userId/primarysource', args: (p) => [p.userId] },
	{ api: 'PresenceApi', method: 'putPresenceUserPrimarysource', http: 'PUT', path: '/api/v2/presence/users/:userId/primarysource', args: (p, q, b) => [p.userId, b] },
	{ api: 'PresenceApi', method: 'getUserPresencesPurecloud', http: 'GET', path: '/api/v2/users/:userId/presences/purecloud', args: (p) => [p.userId] },
	{ api: 'PresenceApi', method: 'patchUserPresencesPurecloud', http: 'PATCH', path: '/api/v2/users/:userId/presences/purecloud', args: (p, q, b) => [p.userId, b] },
	{ api: 'PresenceApi', method: 'getUserPresence', http: 'GET', path: '/api/v2/users/:userId/presences/:sourceId', args: (p) => [p.userId, p.sourceId] },
	{ api: 'PresenceApi', method: 'patchUserPresence', http: 'PATCH', path: '/api/v2/users/:userId/presences/:sourceId', args: (p, q, b) => [p.userId, p.sourceId, b] },
	// Users.
	{ api: 'UsersApi', method: 'postUsersSearch', http: 'POST', path: '/api/v2/users/search', args: (p, q, b) => [b] },
	{ api: 'UsersApi', method: 'getUsers', http: 'GET', path: '/api/v2/users', args: (p, q) => [opts(q, ['expand', 'id'])] },
	{ api: 'UsersApi', method: 'getUser', http: 'GET', path: '/api/v2/users/:userId', args: (p, q) => [p.userId, opts(q, ['expand'])] },
	// Notifications (the trigger).
	{ api: 'NotificationsApi', method: 'postNotificationsChannels', http: 'POST', path: '/api/v2/notifications/channels', args: () => [] },
	{ api: 'NotificationsApi', method: 'headNotificationsChannel', http: 'HEAD', path: '/api/v2/notifications/channels/:channelId', args: (p) => [p.channelId] },
	{ api: 'NotificationsApi', method: 'putNotificationsChannelSubscriptions', http: 'PUT', path: '/api/v2/notifications/channels/:channelId/subscriptions', args: (p, q, b) => [p.channelId, b] },
	{ api: 'NotificationsApi', method: 'postNotificationsChannelSubscriptions', http: 'POST', path: '/api/v2/notifications/channels/:channelId/subscriptions', args: (p, q, b) => [p.channelId, b] },
	{ api: 'NotificationsApi', method: 'deleteNotificationsChannelSubscriptions', http: 'DELETE', path: '/api/v2/notifications/channels/:channelId/subscriptions', args: (p) => [p.channelId] },
];

/** The operation of a recorded request (a literal segment beats a parameter). */
function operationOf(/** @type {any} */ r) {
	const segs = r.path.split('/').filter(Boolean);
	const matches = OPERATIONS.map((op) => {
		const parts = op.path.split('/').filter(Boolean);
		if (op.http !== r.method || parts.length !== segs.length) return null;
		/** @type {Record<string, string>} */
		const params = {};
		let literal = 0;
		for (let i = 0; i < parts.length; i++) {
			const seg = decodeURIComponent(segs[i]);
			if (parts[i].startsWith(':')) params[parts[i].slice(1)] = seg;
			else if (parts[i] === seg) literal++;
			else return null;
		}
		return { op, params, literal };
	}).filter((m) => m !== null);
	matches.sort((a, b) => /** @type {any} */ (b).literal - /** @type {any} */ (a).literal);
	return matches[0] ?? null;
}

/** A recorded request as compared: the query both parsed and as sent (repeats, list joins). */
const shape = (/** @type {any} */ r) => ({ method: r.method, path: r.path, query: r.query, search: canonicalSearch(r.search), body: r.body });
/** `?b=2&a=1` and `?a=1&b=2` are the same query; `?d=x&d=y` and `?d=x,y` are not. */
const canonicalSearch = (/** @type {string | undefined} */ search) =>
	[...new URLSearchParams(search ?? '')].map(([k, v]) => `${k}=${v}`).sort().join('&');
const contentType = (/** @type {any} */ r) => String(r.headers['content-type'] ?? '').split(';')[0] || undefined;

/** @type {any} */ let sim;
/** @type {any} */ let h;
/** @type {any} */ let client;
/** Operation keys (Api.method) checked so far, with how many requests. */
const covered = new Map();

beforeAll(async () => {
	sim = await startSimulator({ genesysNotifications: { heartbeatMs: 60000 } });
	h = await createHarness({ credentials: credentialsFor(sim, 'genesys') });
	// The SDK builds https://api.<environment> from setEnvironment; its gateway setting is how it
	// targets another host, here the simulator over plain HTTP.
	const root = new URL(sim.url);
	client = pc.ApiClient.instance;
	client.setGateway({
		host: root.hostname,
		protocol: 'http',
		port: Number(root.port),
		path_params_api: '/genesys',
		path_params_login: '/genesys-login',
	});
});
afterAll(async () => await sim.close());

const genesysRequests = () => sim.requests.filter((/** @type {any} */ r) => r.vendor === 'genesys');

/**
 * Runs `scenario` (the node doing its work), then issues each API request it sent again through
 * the SDK and checks (a) and (b).
 * @param {() => Promise<any>} scenario
 */
async function conforms(scenario) {
	const before = sim.requests.length;
	await scenario();
	const ours = sim.requests.slice(before).filter((/** @type {any} */ r) => r.vendor === 'genesys' && r.path !== '/oauth/token');
	expect(ours.length).toBeGreaterThan(0);
	for (const r of ours) await replay(r);
	return ours;
}

async function replay(/** @type {any} */ r) {
	const found = operationOf(r);
	if (!found) throw new Error(`${r.method} ${r.path}: no SDK operation for this request`);
	const { op, params } = found;
	const key = `${op.api}.${op.method}`;
	const sig = signature(op.api, op.method);
	// The node's request body fits the SDK's body model.
	if (sig.params.body) expect({ key, problems: check(r.body, sig.params.body) }).toEqual({ key, problems: [] });
	else expect({ key, body: r.body }).toEqual({ key, body: undefined });

	const api = new (/** @type {any} */ (pc)[op.api])();
	const at = sim.requests.length;
	const answer = await api[op.method](...op.args(params, r.query, r.body));
	const sent = sim.requests.slice(at).filter((/** @type {any} */ x) => x.vendor === 'genesys');
	expect(sent).toHaveLength(1);
	// (a) the same request, accepted.
	expect({ key, ...shape(sent[0]) }).toEqual({ key, ...shape(r) });
	if (r.body !== undefined) expect({ key, ct: contentType(sent[0]) }).toEqual({ key, ct: contentType(r) });
	expect({ key, status: sent[0].status }).toEqual({ key, status: r.status });
	expect(sent[0].status).toBeGreaterThanOrEqual(200);
	expect(sent[0].status).toBeLessThan(300);
	// (b) the answer fits the declared model.
	if (sig.returns !== 'void') expect({ key, problems: check(answer, sig.returns) }).toEqual({ key, problems: [] });
	covered.set(key, (covered.get(key) ?? 0) + 1);
}

const node = (/** @type {Record<string, any>} */ parameters) => ({
	name: 'Genesys',
	type: 'genesysCloud',
	typeVersion: 1,
	parameters,
	credentials: { [CRED]: { id: '1', name: 'Genesys' } },
});
async function run(/** @type {Record<string, any>} */ parameters, input = [{}]) {
	const result = await h.runWorkflow({ nodes: [node(parameters)], input });
	if (result.error) throw result.error;
	return result;
}
const byId = (/** @type {string} */ value) => ({ __rl: true, mode: 'id', value });
const byEmail = (/** @type {string} */ value) => ({ __rl: true, mode: 'email', value });

test('token: the SDK\'s client-credentials request is the one the credential sends', async () => {
	const before = sim.requests.length;
	await run({ resource: 'systemPresence', operation: 'getAll' });
	const ours = sim.requests.slice(before).find((/** @type {any} */ r) => r.path === '/oauth/token');
	const at = sim.requests.length;
	const login = await client.loginClientCredentialsGrant(sim.clients.genesys.clientId, sim.clients.genesys.clientSecret);
	const theirs = sim.requests.slice(at).find((/** @type {any} */ r) => r.path === '/oauth/token');
	expect(shape(theirs)).toEqual(shape(ours));
	expect(contentType(theirs)).toBe(contentType(ours));
	expect(theirs.headers.authorization).toBe(ours.headers.authorization);
	expect(theirs.status).toBe(200);
	expect(typeof login.accessToken).toBe('string');
});

describe('through the SDK, each request the package sends', () => {
	test('presence definitions, current API: list (filters), get, create, update, delete', async () => {
		await conforms(async () => {
			await run({
				resource: 'presenceDefinition',
				operation: 'getAll',
				apiVersion: 'current',
				returnAll: true,
				options: { deactivated: true, divisionIds: '*, home', localeCode: 'ALL' },
			});
			await run({ resource: 'presenceDefinition', operation: 'get', apiVersion: 'current', presence: byId(G.presence['On Queue']) });
		});
		const created = await conforms(async () => {
			const made = await run({
				resource: 'presenceDefinition',
				operation: 'create',
				apiVersion: 'current',
				label: 'SDK check',
				systemPresence: 'Meeting',
				additionalFields: { divisionId: '*' },
			});
			const id = made.items('Genesys')[0].id;
			await run({ resource: 'presenceDefinition', operation: 'update', apiVersion: 'current', presence: byId(id), updateFields: { label: 'SDK check 2' } });
			await run({ resource: 'presenceDefinition', operation: 'delete', apiVersion: 'current', presence: byId(id) });
		});
		expect(created.map((r) => r.method)).toEqual(['POST', 'GET', 'PUT', 'DELETE']);
	});

	test('presence definitions, legacy API: paged list, get, create, update, delete; system presences', async () => {
		await conforms(async () => {
			await run({ resource: 'presenceDefinition', operation: 'getAll', apiVersion: 'legacy', returnAll: true, deleted: 'all', options: { pageSize: 25, localeCode: 'en_US' } });
			await run({ resource: 'presenceDefinition', operation: 'get', apiVersion: 'legacy', presence: byId(G.custom.lunch), localeCode: 'ALL' });
			const made = await run({ resource: 'presenceDefinition', operation: 'create', apiVersion: 'legacy', label: 'SDK legacy', systemPresence: 'Away' });
			const id = made.items('Genesys')[0].id;
			await run({ resource: 'presenceDefinition', operation: 'update', apiVersion: 'legacy', presence: byId(id), updateFields: { systemPresence: 'Break' } });
			await run({ resource: 'presenceDefinition', operation: 'delete', apiVersion: 'legacy', presence: byId(id) });
			await run({ resource: 'systemPresence', operation: 'getAll' });
		});
	});

	test('user presence: get and patch, purecloud and another source, user by email; bulk set', async () => {
		const alex = G.users.alex;
		const blake = G.users.blake;
		await conforms(async () => {
			await run({ resource: 'agentPresence', operation: 'get', agent: byId(alex), source: 'purecloud' });
			await run({ resource: 'agentPresence', operation: 'get', agent: byEmail('blake.baker@contoso.com'), source: 'other', sourceId: 'teams-sync' });
			await run({
				resource: 'agentPresence',
				operation: 'set',
				agent: byId(alex),
				source: 'purecloud',
				presenceBy: 'presence',
				presence: byId(G.custom.lunch),
				onlyIfDifferent: true,
				options: { message: 'back at 2', primary: true },
			});
			await run({ resource: 'agentPresence', operation: 'set', agent: byId(blake), source: 'other', sourceId: 'teams-sync', presenceBy: 'category', category: 'busy', onlyIfDifferent: false });
			await run(
				{ resource: 'agentPresence', operation: 'bulkSet', agent: byId('={{ $json.u }}'), presenceBy: 'systemPresence', systemPresence: 'On Queue' },
				[{ u: alex }, { u: blake }],
			);
		});
	});

	test('agents: get by ID and by email, get many (paged listing, email search)', async () => {
		await conforms(async () => {
			await run({ resource: 'agent', operation: 'get', agent: byId(G.users.casey), options: { cacheTtl: 0 } });
			await run({ resource: 'agent', operation: 'get', agent: byEmail('dana.diaz@contoso.com'), options: { cacheTtl: 0 } });
			await run({ resource: 'agent', operation: 'getAll', returnAll: false, limit: 2 });
			await run({ resource: 'agent', operation: 'getAll', returnAll: true, filters: { email: 'alex.agent@contoso.com' } });
		});
	});

	test('user presences in bulk: Get Many for given agents and for all agents (paged users, then bulk reads)', async () => {
		await conforms(async () => {
			await run({ resource: 'agentPresence', operation: 'getAll', agentIds: `${G.users.alex},${G.users.blake}`, returnAll: true });
			await run({ resource: 'agentPresence', operation: 'getAll', agents: 'all', returnAll: true });
		});
	});

	test('user pickers: the live user search and the definitions picker', async () => {
		await conforms(async () => {
			const spec = node({ resource: 'agentPresence', operation: 'set' });
			await h.callMethod(spec, 'listSearch', 'searchUsers', 'casey');
			await h.callMethod(spec, 'listSearch', 'searchUsers', '');
			await h.callMethod(spec, 'listSearch', 'searchPresenceDefinitions', 'lunch');
		});
	});

	test('trigger: channel, subscriptions, users and presences it reads, and what it does on close', async () => {
		await conforms(async () => {
			const t = await runTrigger(h, {
				type: 'genesysCloudPresenceTrigger',
				parameters: { userSelection: 'all' },
				credentials: { [CRED]: { id: '1', name: 'Genesys' } },
			});
			await t.close();
		});
	});

	test('trigger after a dropped socket: the channel check and the catch-up read of presences', async () => {
		const ours = await conforms(async () => {
			const t = await runTrigger(h, {
				type: 'genesysCloudPresenceTrigger',
				parameters: { userSelection: 'ids', userIdList: G.users.casey },
				credentials: { [CRED]: { id: '1', name: 'Genesys' } },
			});
			try {
				expect(sim.genesysNotifications.disconnect({ abrupt: true })).toBe(1);
				// Changed while nobody listens: only the catch-up read after the reconnect sees it.
				await h.request(CRED, {
					method: 'PATCH',
					url: `${sim.urls.genesysApi}/api/v2/users/${G.users.casey}/presences/purecloud`,
					body: { presenceDefinition: { id: G.presence.Break } },
					json: true,
				});
				await t.waitForItems(1);
			} finally {
				await t.close();
			}
		});
		expect(ours.some((r) => r.method === 'HEAD')).toBe(true);
	});

	test('presence sources: create, list (the Presence Source resource and the source pickers)', async () => {
		await conforms(async () => {
			await run({ resource: 'presenceSource', operation: 'create', name: 'n8n presence sync', description: 'SDK conformance' });
			await run({ resource: 'presenceSource', operation: 'getAll', returnAll: true });
			// The replay creates the same source again: active source names are unique.
			sim.state.genesys.sources.length = 0;
		});
	});

	test('a registered source: get, set through the bulk PUT (sourceId), made primary, Only If Different', async () => {
		const id = 'c0ffee00-0000-4000-8000-00000000a11c';
		sim.state.genesys.sources.push({ id, name: 'SDK registered', deactivated: false, selfUri: `/api/v2/presence/sources/${id}` });
		try {
			await conforms(async () => {
				await run({ resource: 'agentPresence', operation: 'get', agent: byId(G.users.dana), source: 'other', sourceId: id, options: { cacheTtl: 0 } });
				const set = { resource: 'agentPresence', operation: 'set', agent: byId(G.users.dana), source: 'other', sourceId: id, presenceBy: 'presence', presence: byId(G.custom.lunch) };
				await run({ ...set, onlyIfDifferent: false, options: { primary: true, cacheTtl: 0 } });
				await run({ ...set, onlyIfDifferent: true, options: { primary: true, cacheTtl: 0 } });
			});
		} finally {
			sim.state.genesys.sources.length = 0;
		}
	});

	test('presence settings: the answer is PresenceSettings', async () => {
		await replay({ method: 'GET', path: '/api/v2/presence/settings', query: {}, search: '', body: undefined, status: 200, headers: {} });
	});

	test('bulk presence read (PURECLOUD): the answer is UcUserPresence', async () => {
		const ids = [G.users.alex, G.users.blake].join(',');
		const r = { method: 'GET', path: '/api/v2/users/presences/purecloud/bulk', query: { id: ids }, search: `?id=${ids}`, body: undefined, status: 200, headers: {} };
		await replay(r);
	});

	test('every operation the package performs went through the SDK', () => {
		const expected = [
			'PresenceApi.getPresenceDefinitions0',
			'PresenceApi.postPresenceDefinitions0',
			'PresenceApi.getPresenceDefinition0',
			'PresenceApi.putPresenceDefinition0',
			'PresenceApi.deletePresenceDefinition0',
			'PresenceApi.getPresencedefinitions',
			'PresenceApi.postPresencedefinitions',
			'PresenceApi.getPresencedefinition',
			'PresenceApi.putPresencedefinition',
			'PresenceApi.deletePresencedefinition',
			'PresenceApi.getSystempresences',
			'PresenceApi.getPresenceSources',
			'PresenceApi.postPresenceSources',
			'PresenceApi.putUsersPresencesBulk',
			'PresenceApi.getUsersPresencesPurecloudBulk',
			'PresenceApi.getUsersPresenceBulk',
			'PresenceApi.getPresenceUserPrimarysource',
			'PresenceApi.putPresenceUserPrimarysource',
			'PresenceApi.getUserPresencesPurecloud',
			'PresenceApi.patchUserPresencesPurecloud',
			'PresenceApi.getUserPresence',
			'PresenceApi.patchUserPresence',
			'UsersApi.postUsersSearch',
			'UsersApi.getUser',
			'UsersApi.getUsers',
			'NotificationsApi.postNotificationsChannels',
			'NotificationsApi.putNotificationsChannelSubscriptions',
		];
		expect([...covered.keys()].sort()).toEqual(expect.arrayContaining(expected.sort()));
		console.log(`SDK conformance: ${[...covered].map(([k, n]) => `${k} ×${n}`).join(', ')}`);
	});
});
