// @ts-check
/**
 * Vonage hosts and API versions as Vonage documents them: the token from
 * `https://<region>.cc.vonage.com/Auth/connect/token` ("Resources (Authentication API)"), the APIs
 * from the region's API gateway (`<region>.api.cc.vonage.com`, legacy `<region>.api.newvoicemedia.com`),
 * each API with its own Accept version (Agents v1, User Admin v4, Insights Stats v2/v3). The
 * simulator serves the token and the APIs from different hosts, so a mix-up fails.
 */
const { rl, useSimulator } = require('../helpers/vendors');
const { V, AGENTS_ACCEPT, USER_ADMIN_ACCEPT, credentials, vonageNode } = require('./vonage');
const { createHarness } = require('../harness');
const { createTriggerHarness } = require('../harness/webhook');

const endpoints = require('../../dist/nodes/VonageContactCenter/transport/endpoints');
const { VonageContactCenterApi } = require('../../dist/credentials/VonageContactCenterApi.credentials');

const STATS_ACCEPT = 'application/vnd.newvoicemedia.v2+json';
const ALEX = V.users.alex;
const t = useSimulator({ vendor: 'vonage' });

describe('default (non-override) URLs: exactly the documented ones', () => {
	const regions = ['emea', 'nam', 'apac'];
	test.each(regions)('%s: API gateway per API host option; the token always from <region>.cc.vonage.com', (region) => {
		expect(endpoints.vonageApiBase({ region, domain: 'api.cc.vonage.com' })).toBe(`https://${region}.api.cc.vonage.com`);
		expect(endpoints.vonageApiBase({ region, domain: 'api.newvoicemedia.com' })).toBe(`https://${region}.api.newvoicemedia.com`);
		for (const domain of ['api.cc.vonage.com', 'api.newvoicemedia.com']) {
			expect(endpoints.vonageTokenUrl({ region, domain })).toBe(`https://${region}.cc.vonage.com/Auth/connect/token`);
		}
		// Saved before the API host option: `cc.vonage.com` is the token host, it serves no API.
		expect(endpoints.vonageApiBase({ region, domain: 'cc.vonage.com' })).toBe(`https://${region}.api.cc.vonage.com`);
		// Overrides are only used when switched on.
		const off = { region, domain: 'api.cc.vonage.com', overrideEndpoints: false, apiBaseUrl: 'http://x', authEndpoint: 'http://y' };
		expect(endpoints.vonageApiBase(off)).toBe(`https://${region}.api.cc.vonage.com`);
		expect(endpoints.vonageTokenUrl(off)).toBe(`https://${region}.cc.vonage.com/Auth/connect/token`);
	});

	test('the credential offers the current gateway by default and the legacy one', () => {
		const cred = new VonageContactCenterApi();
		const host = cred.properties.find((p) => p.name === 'domain');
		expect(host.default).toBe('api.cc.vonage.com');
		expect(host.options.map((o) => o.value)).toEqual(['api.cc.vonage.com', 'api.newvoicemedia.com']);
		expect(cred.properties.find((p) => p.name === 'region').options.map((o) => o.value)).toEqual(regions);
		expect(cred.properties.find((p) => p.name === 'apiBaseUrl').placeholder).toBe('https://emea.api.cc.vonage.com');
		expect(cred.properties.find((p) => p.name === 'authEndpoint').placeholder).toBe('https://emea.cc.vonage.com/Auth/connect/token');
		// The credential test goes to the API gateway, never to the token host.
		expect(cred.test.request.baseURL).toContain('"api.cc.vonage.com"');
		expect(cred.test.request.baseURL).toContain('"api.newvoicemedia.com"');
	});
});

describe('token host and API host apart (override pointing at the simulator\'s two hosts)', () => {
	test('the token comes from the authentication host, the API call goes to the API host', async () => {
		const run = await t.h.runWorkflow({ nodes: [vonageNode({ resource: 'agentPresence', operation: 'get', agent: rl('id', ALEX) })] });
		expect(run.items('Vonage')[0]).toMatchObject({ agentId: ALEX, category: 'available' });
		expect(t.sim.requests.map((r) => [r.mount, r.method, r.path, r.status])).toEqual([
			['/vonage-auth', 'POST', '/Auth/connect/token', 200],
			['/vonage', 'GET', `/agents/${ALEX}/presence`, 200],
			['/vonage', 'GET', '/agents/presence-definitions', 200],
		]);
	});

	test('a token endpoint on the API host is not found: the error says so', async () => {
		const h = await createHarness({ credentials: credentials(t.sim, { authEndpoint: `${t.sim.urls.vonage}/Auth/connect/token` }) });
		const run = await h.runWorkflow({ nodes: [vonageNode({ resource: 'agentPresence', operation: 'get', agent: rl('id', ALEX) })] });
		expect(run.nodeError('Vonage').message).toMatch(/^Vonage Contact Center: token request failed \(HTTP 404\)/);
		expect(t.sim.requests.map((r) => [r.mount, r.path, r.status])).toEqual([['/vonage', '/Auth/connect/token', 404]]);
	});

	test('API calls on the token host are not found', async () => {
		const h = await createHarness({ credentials: credentials(t.sim, { apiBaseUrl: t.sim.urls.vonageAuth }) });
		const run = await h.runWorkflow({ nodes: [vonageNode({ resource: 'agentPresence', operation: 'get', agent: rl('id', ALEX) })] });
		expect(run.nodeError('Vonage').message).toBe(`Vonage Contact Center returned 404: Resource not found: /agents/${ALEX}/presence`);
		expect(t.sim.requests.map((r) => [r.mount, r.path, r.status])).toEqual([
			['/vonage-auth', '/Auth/connect/token', 200],
			['/vonage-auth', `/agents/${ALEX}/presence`, 404],
		]);
	});
});

describe('every Vonage call sends its API\'s Accept version', () => {
	test('Agents API v1, User Admin API v4, Insights Stats v2 — across the node and the poll trigger', async () => {
		const nodes = [
			vonageNode({ resource: 'agentPresence', operation: 'get', agent: rl('email', 'alex.agent@contoso.com') }, { name: 'Get' }),
			vonageNode({ resource: 'agentPresence', operation: 'set', agent: rl('id', ALEX), presenceBy: 'category', category: 'away', onlyIfDifferent: false }, { name: 'Set' }),
			vonageNode({ resource: 'presenceDefinition', operation: 'getAll', returnAll: true }, { name: 'Definitions', executeOnce: true }),
			vonageNode({ resource: 'agent', operation: 'get', agent: rl('id', ALEX) }, { name: 'User', executeOnce: true }),
			vonageNode({ resource: 'agent', operation: 'getAll', returnAll: true }, { name: 'Users', executeOnce: true }),
		];
		const run = await t.h.runWorkflow({ nodes });
		for (const n of nodes) expect(run.nodeError(n.name)).toBeUndefined();
		const poll = await createTriggerHarness({
			credentials: credentials(t.sim),
			trigger: { name: 'Poll', type: 'vonageContactCenterPresenceTrigger', parameters: {}, credentials: { vonageContactCenterApi: { id: '1', name: 'Vonage' } } },
		});
		await poll.poll({ mode: 'manual' });

		const calls = t.sim.requests.filter((r) => r.mount === '/vonage');
		const acceptOf = (r) => r.headers.accept;
		const byApi = (prefix) => calls.filter((r) => r.path.startsWith(prefix));
		expect(byApi('/agents').length).toBeGreaterThanOrEqual(3);
		expect(byApi('/useradmin').length).toBeGreaterThanOrEqual(2);
		expect(byApi('/stats').length).toBeGreaterThanOrEqual(1);
		for (const r of byApi('/agents')) expect(acceptOf(r)).toBe(AGENTS_ACCEPT);
		for (const r of byApi('/useradmin')) expect(acceptOf(r)).toBe(USER_ADMIN_ACCEPT);
		for (const r of byApi('/stats')) expect(acceptOf(r)).toBe(STATS_ACCEPT);
		expect(calls.every((r) => r.status === 200)).toBe(true);
		// The scope marker never reaches Vonage.
		for (const r of calls) expect(Object.keys(r.headers).filter((k) => k.startsWith('x-n8n'))).toEqual([]);
	});
});

describe('the simulator refuses other versions the way Vonage does', () => {
	/** @param {string} path @param {string | undefined} accept @param {string} scope */
	async function call(path, accept, scope) {
		const token = await (
			await fetch(t.sim.urls.vonageToken, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({ grant_type: 'client_credentials', client_id: t.sim.clients.vonage.clientId, client_secret: t.sim.clients.vonage.clientSecret, scope }),
			})
		).json();
		/** @type {Record<string, string>} */
		const headers = { authorization: `Bearer ${token.access_token}` };
		if (accept) headers.accept = accept;
		const res = await fetch(`${t.sim.urls.vonage}${path}`, { headers });
		return { status: res.status, body: await res.json() };
	}
	const STATS = `/stats/agent-activities/presence?start=${new Date(Date.now() - 3600 * 1000).toISOString()}`;
	const version = (n) => `application/vnd.newvoicemedia.v${n}+json`;

	test('Insights Stats: v2 and v3 only ("Versioning (Insights Stats API)")', async () => {
		expect((await call(STATS, version(2), 'stats')).status).toBe(200);
		expect((await call(STATS, version(3), 'stats')).status).toBe(200);
		expect(await call(STATS, version(1), 'stats')).toEqual({ status: 400, body: { statusCode: 400, error: 'Bad Request', message: 'Invalid api-version! Valid values: 2,3' } });
		expect(await call(STATS, version(4), 'stats')).toEqual({ status: 400, body: { statusCode: 400, error: 'Bad Request', message: 'Invalid api-version! Valid values: 2,3' } });
		expect(await call(STATS, 'application/json', 'stats')).toEqual({ status: 400, body: { statusCode: 400, error: 'Bad Request', message: 'Invalid Accept header!' } });
	});

	test('User Admin: v4 only ("Versioning (User Admin API)")', async () => {
		expect((await call('/useradmin/users', version(4), 'users:read')).status).toBe(200);
		expect(await call('/useradmin/users', version(1), 'users:read')).toEqual({ status: 400, body: { statusCode: 400, error: 'Bad Request', message: 'Invalid api-version! Valid values: 4' } });
		expect(await call('/useradmin/users', undefined, 'users:read')).toEqual({ status: 400, body: { statusCode: 400, error: 'Bad Request', message: 'Version missing from Accept header!' } });
	});

	test('Agents API: v1 only ("Versioning (Agents API)")', async () => {
		expect((await call('/agents/presence-definitions', version(1), 'users:read')).status).toBe(200);
		const v2 = await call('/agents/presence-definitions', version(2), 'users:read');
		expect(v2.status).toBe(400);
		expect(v2.body.error.code).toBe('UnsupportedApiVersion');
		expect((await call('/agents/presence-definitions', undefined, 'users:read')).status).toBe(400);
	});
});
