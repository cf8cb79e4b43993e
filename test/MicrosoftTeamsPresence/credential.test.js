// @ts-check
/** The Graph credential through n8n's credential-test path, its clouds, token caching and scope. */
const { startSimulator } = require('../simulator');
const { createHarness } = require('../harness');
const { credentialsFor: vendorCredentials, CREDENTIAL_TYPE, IDS } = require('../helpers/vendors');

const CRED = CREDENTIAL_TYPE.graph;
const T = IDS.graph;
const credentialsFor = (/** @type {any} */ sim, /** @type {Record<string, any>} */ over = {}) => vendorCredentials(sim, 'graph', over);

/** @type {any} */ let sim;
/** @type {any} */ let h;
beforeAll(async () => {
	sim = await startSimulator();
	h = await createHarness();
});
afterAll(async () => sim.close());
beforeEach(() => sim.reset());

describe('Microsoft Teams Presence (Graph) API credential', () => {
	test('valid: token for https://graph.microsoft.com/.default, then a real presence read', async () => {
		const result = await h.testCredential(CRED, credentialsFor(sim)[CRED]);
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		const [token, probe] = sim.requests;
		expect(sim.requests).toHaveLength(2);
		expect(token).toMatchObject({ vendor: 'graph', method: 'POST', path: `/${T.tenantId}/oauth2/v2.0/token` });
		expect(token.body).toMatchObject({ grant_type: 'client_credentials', client_id: sim.clients.graph.clientId, scope: 'https://graph.microsoft.com/.default' });
		expect(probe).toMatchObject({ method: 'POST', path: '/v1.0/communications/getPresencesByUserId', status: 200, body: { ids: ['00000000-0000-0000-0000-000000000000'] } });
		expect(probe.headers.authorization).toMatch(/^Bearer \S+$/);
	});

	test('the scope follows the cloud (US Government L5 → dod-graph.microsoft.us), which the simulator (global) refuses', async () => {
		const result = await h.testCredential(CRED, credentialsFor(sim, { cloud: 'usGovL5' })[CRED]);
		expect(result.status).toBe('Error');
		expect(result.message).toContain('Microsoft Teams (Graph): token request failed (HTTP 400): invalid_scope');
		expect(sim.requests[0].body.scope).toBe('https://dod-graph.microsoft.us/.default');
	});

	test('wrong secret: names Graph and invalid_client, never the secret', async () => {
		const wrong = 'not-the-graph-secret-77';
		const result = await h.testCredential(CRED, credentialsFor(sim, { clientSecret: wrong })[CRED]);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Microsoft Teams \(Graph\): token request failed \(HTTP 401\): invalid_client/);
		expect(JSON.stringify({ m: result.message, s: result.error?.stack })).not.toContain(wrong);
	});

	test('no presence permission: Graph answers 403, and the credential test names Presence.Read.All', async () => {
		sim.clients.graph.roles.splice(0, sim.clients.graph.roles.length, 'User.Read.All');
		try {
			const result = await h.testCredential(CRED, credentialsFor(sim)[CRED]);
			expect(result.status).toBe('Error');
			expect(sim.requests[1]).toMatchObject({ path: '/v1.0/communications/getPresencesByUserId', status: 403 });
			// n8n's credentials tester answers a 403 with the rule's message.
			const type = h.credentialsHelper.credentialType(CRED);
			const rule = type.test.rules.find((/** @type {any} */ r) => r.properties.value === 403);
			expect(rule.properties.message).toMatch(/lacks the application permission Presence\.Read\.All \(or Presence\.ReadWrite\.All/);
		} finally {
			sim.clients.graph.roles.splice(0, sim.clients.graph.roles.length, 'Presence.ReadWrite.All', 'User.Read.All');
		}
	});

	test('the token is cached across executions and refreshed once after it expires', async () => {
		const h2 = await createHarness({ credentials: credentialsFor(sim) });
		const call = () => h2.request(CRED, { method: 'GET', url: `${sim.urls.graph}/users/${T.users.alex}/presence`, json: true });
		await call();
		await call();
		expect(sim.tokenRequests('graph')).toBe(1);
		sim.expireTokens('graph');
		await call();
		expect(sim.tokenRequests('graph')).toBe(2);
	});

	test('default hosts per cloud, from "Microsoft Graph national cloud deployments"', () => {
		const { graphApiBase, graphTokenUrl, graphScope } = require('../../dist/nodes/MicrosoftTeamsPresence/transport/endpoints');
		const of = (/** @type {string} */ cloud) => ({ api: graphApiBase({ cloud }), token: graphTokenUrl({ cloud, tenantId: 't' }), scope: graphScope({ cloud }) });
		expect(of('public')).toEqual({ api: 'https://graph.microsoft.com/v1.0', token: 'https://login.microsoftonline.com/t/oauth2/v2.0/token', scope: 'https://graph.microsoft.com/.default' });
		expect(of('usGovL4')).toEqual({ api: 'https://graph.microsoft.us/v1.0', token: 'https://login.microsoftonline.us/t/oauth2/v2.0/token', scope: 'https://graph.microsoft.us/.default' });
		expect(of('usGovL5')).toEqual({ api: 'https://dod-graph.microsoft.us/v1.0', token: 'https://login.microsoftonline.us/t/oauth2/v2.0/token', scope: 'https://dod-graph.microsoft.us/.default' });
		expect(of('china')).toEqual({ api: 'https://microsoftgraph.chinacloudapi.cn/v1.0', token: 'https://login.partner.microsoftonline.cn/t/oauth2/v2.0/token', scope: 'https://microsoftgraph.chinacloudapi.cn/.default' });
	});
});
