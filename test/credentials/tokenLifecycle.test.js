// @ts-check
/**
 * Token caching and refresh as n8n does it: the token is fetched once (preAuthentication while
 * the expirable property is empty), stored on the credential, reused by later requests and
 * executions, and replaced once after the vendor answers 401.
 */
const { createHarness } = require('../harness');
const { startSimulator, allCredentials } = require('../helpers/vendors');

/** @type {any} */ let sim;
beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => sim.close());
beforeEach(() => sim.reset());

const calls = {
	dynamicsContactCenterApi: { vendor: 'dataverse', path: (s) => `${s.urls.dataverse}/api/data/v9.2/WhoAmI`, headers: {} },
	genesysCloudPresenceApi: { vendor: 'genesys', path: (s) => `${s.urls.genesysApi}/api/v2/systempresences`, headers: {} },
	vonageContactCenterApi: {
		vendor: 'vonage',
		path: (s) => `${s.urls.vonage}/agents/presence-definitions`,
		headers: { Accept: 'application/vnd.newvoicemedia.v1+json' },
	},
};

describe.each(Object.entries(calls))('%s', (type, call) => {
	const send = (h) => h.request(type, { method: 'GET', url: call.path(sim), headers: call.headers, json: true });

	test('one token for several requests, kept on the credential for the next execution', async () => {
		const h = await createHarness({ credentials: allCredentials(sim) });
		await send(h);
		await send(h);
		await send(h);
		expect(sim.tokenRequests(call.vendor)).toBe(1);
		const token = h.credentialsHelper.store[type].accessToken;
		expect(typeof token).toBe('string');
		const apiCalls = sim.requests.filter((r) => !r.path.includes('token'));
		expect(apiCalls).toHaveLength(3);
		for (const r of apiCalls) expect(r.headers.authorization).toBe(`Bearer ${token}`);
	});

	test('after the vendor expires the token: 401, one new token, the request retried and answered', async () => {
		const h = await createHarness({ credentials: allCredentials(sim) });
		await send(h);
		const first = h.credentialsHelper.store[type].accessToken;
		sim.expireTokens(call.vendor);
		const answer = await send(h);
		expect(answer).toBeTruthy();
		expect(sim.tokenRequests(call.vendor)).toBe(2);
		const second = h.credentialsHelper.store[type].accessToken;
		expect(second).not.toBe(first);
		expect(sim.requests.map((r) => r.status)).toEqual([200, 200, 401, 200, 200]);
	});

	test('wrong secret in a node request: the error names the vendor and hides the secret', async () => {
		const wrong = 'wrong-secret-value-123456';
		const creds = allCredentials(sim);
		creds[type].clientSecret = wrong;
		const h = await createHarness({ credentials: creds });
		const error = await send(h).then(
			() => undefined,
			(e) => e,
		);
		expect(error).toBeDefined();
		const text = JSON.stringify({ message: error.message, messages: error.messages, description: error.description });
		expect(text).toMatch(/token request failed \(HTTP 40[01]\)/);
		expect(text).not.toContain(wrong);
	});
});
