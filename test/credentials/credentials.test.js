// @ts-check
/**
 * The three credential types against the simulator, through n8n's credential-test path
 * (RoutingNode + httpRequestWithAuthentication, so preAuthentication fetches the token).
 */
const { createHarness } = require('../harness');
const { startSimulator, allCredentials } = require('../helpers/vendors');

/** @type {any} */ let sim;
/** @type {any} */ let h;
/** @type {any} */ let creds;

beforeAll(async () => {
	sim = await startSimulator();
	h = await createHarness();
	creds = allCredentials(sim);
});
afterAll(async () => sim.close());
beforeEach(() => sim.reset());

const cases = [
	{
		type: 'dynamicsContactCenterApi',
		vendor: 'dataverse',
		vendorName: 'Dynamics 365 Contact Center (Dataverse)',
		testPath: '/api/data/v9.2/WhoAmI',
	},
	{ type: 'genesysCloudPresenceApi', vendor: 'genesys', vendorName: 'Genesys Cloud', testPath: '/api/v2/systempresences' },
	{
		type: 'vonageContactCenterApi',
		vendor: 'vonage',
		vendorName: 'Vonage Contact Center',
		testPath: '/agents/presence-definitions',
	},
];

describe.each(cases)('$type', ({ type, vendor, vendorName, testPath }) => {
	test('valid credentials: token fetched, test request authorised with it', async () => {
		const result = await h.testCredential(type, creds[type]);
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });

		const [tokenRequest, testRequest] = sim.requests;
		expect(sim.requests).toHaveLength(2);
		expect(tokenRequest.method).toBe('POST');
		expect(testRequest).toMatchObject({ vendor, method: 'GET', path: testPath, status: 200 });
		expect(testRequest.headers.authorization).toMatch(/^Bearer \S+$/);
	});

	test('wrong secret: a failure naming the vendor and the reason, without the secret', async () => {
		const wrong = 'definitely-not-the-secret-42';
		const result = await h.testCredential(type, { ...creds[type], clientSecret: wrong });
		expect(result.status).toBe('Error');
		expect(result.message).toContain(`${vendorName}: token request failed (HTTP`);
		expect(result.message).toMatch(/invalid_client/);
		const everything = JSON.stringify({ message: result.message, error: result.error, stack: result.error?.stack });
		expect(everything).not.toContain(wrong);
		// Only the token request went out: nothing was called with a missing token.
		expect(sim.requests.map((r) => r.path)).toHaveLength(1);
	});
});

test('Dataverse token request: client credentials in the form, scope <environment URL>/.default', async () => {
	await h.testCredential('dynamicsContactCenterApi', creds.dynamicsContactCenterApi);
	const token = sim.requests[0];
	expect(token.path).toBe(`/login/${sim.clients.dataverse.tenantId}/oauth2/v2.0/token`);
	expect(token.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
	expect(token.body).toEqual({
		grant_type: 'client_credentials',
		client_id: sim.clients.dataverse.clientId,
		client_secret: sim.clients.dataverse.clientSecret,
		scope: `${sim.urls.dataverse}/.default`,
	});
});

test('Genesys token request: HTTP Basic client auth, grant_type in the form', async () => {
	await h.testCredential('genesysCloudPresenceApi', creds.genesysCloudPresenceApi);
	const token = sim.requests[0];
	const basic = Buffer.from(`${sim.clients.genesys.clientId}:${sim.clients.genesys.clientSecret}`).toString('base64');
	expect(token.path).toBe('/oauth/token');
	expect(token.headers.authorization).toBe(`Basic ${basic}`);
	expect(token.body).toEqual({ grant_type: 'client_credentials' });
});

test('Vonage token request: credentials and scopes in the form; Accept header on API calls', async () => {
	await h.testCredential('vonageContactCenterApi', creds.vonageContactCenterApi);
	const [token, call] = sim.requests;
	expect(token.path).toBe('/Auth/connect/token');
	expect(token.headers.authorization).toBeUndefined();
	expect(token.body).toEqual({
		grant_type: 'client_credentials',
		client_id: sim.clients.vonage.clientId,
		client_secret: sim.clients.vonage.clientSecret,
		scope: 'users:read users:write stats',
	});
	expect(call.headers.accept).toBe('application/vnd.newvoicemedia.v1+json');
});

test('region defaults build the documented hosts', () => {
	const endpoints = {
		...require('../../dist/nodes/GenesysCloud/transport/endpoints'),
		...require('../../dist/nodes/VonageContactCenter/transport/endpoints'),
		...require('../../dist/nodes/DynamicsContactCenter/transport/endpoints'),
	};
	expect(endpoints.genesysApiBase({ region: 'mypurecloud.de' })).toBe('https://api.mypurecloud.de');
	expect(endpoints.genesysTokenUrl({ region: 'mypurecloud.de' })).toBe('https://login.mypurecloud.de/oauth/token');
	expect(endpoints.vonageApiBase({ region: 'nam', domain: 'api.cc.vonage.com' })).toBe('https://nam.api.cc.vonage.com');
	expect(endpoints.vonageTokenUrl({ region: 'apac', domain: 'api.newvoicemedia.com' })).toBe(
		'https://apac.cc.vonage.com/Auth/connect/token',
	);
	const dv = { environmentUrl: 'https://contoso.crm.microsoftdynamics.us/', tenantId: 't-1', cloud: 'usGov' };
	expect(endpoints.dataverseApiBase(dv)).toBe('https://contoso.crm.microsoftdynamics.us/api/data/v9.2');
	expect(endpoints.dataverseTokenUrl(dv)).toBe('https://login.microsoftonline.us/t-1/oauth2/v2.0/token');
	expect(endpoints.dataverseTokenUrl({ ...dv, cloud: 'china' })).toBe('https://login.partner.microsoftonline.cn/t-1/oauth2/v2.0/token');
	expect(endpoints.GENESYS_REGIONS).toHaveLength(18);
	// An override is used only when switched on.
	expect(endpoints.genesysApiBase({ region: 'mypurecloud.ie', apiBaseUrl: 'http://proxy/' })).toBe('https://api.mypurecloud.ie');
	expect(endpoints.genesysApiBase({ overrideEndpoints: true, apiBaseUrl: 'http://proxy/' })).toBe('http://proxy');
});
