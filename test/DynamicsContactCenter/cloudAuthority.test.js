// @ts-check
/**
 * The Azure AD authority per Microsoft cloud ("National clouds"): the credential's preAuthentication
 * derives the token URL from the Cloud option. The request goes out through an n8n request helper
 * whose only job is name resolution — each authority host is mapped onto the simulator's Azure AD —
 * so the assertion is on the exact URL the credential asked for and on the token the simulator issued.
 */
const { startSimulator } = require('../helpers/vendors');
const { DynamicsContactCenterApi } = require('../../dist/credentials/DynamicsContactCenterApi.credentials');

/** @type {any} */ let sim;
beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => sim && (await sim.close()));
beforeEach(() => sim.reset());

const AUTHORITIES = {
	public: 'https://login.microsoftonline.com',
	usGov: 'https://login.microsoftonline.us',
	china: 'https://login.partner.microsoftonline.cn',
};

/** n8n's IHttpRequestHelper, resolving the public authority hosts to the simulator. */
function mappedHelper(/** @type {string[]} */ asked) {
	return {
		helpers: {
			async httpRequest(/** @type {any} */ options) {
				asked.push(options.url);
				const url = new URL(options.url);
				const host = Object.values(AUTHORITIES).find((a) => new URL(a).host === url.host);
				if (!host) throw new Error(`no route to ${url.host}`);
				const res = await fetch(`${sim.urls.dataverseLoginBase}${url.pathname}`, { method: options.method, headers: options.headers, body: options.body });
				return { statusCode: res.status, headers: Object.fromEntries(res.headers), body: await res.json() };
			},
		},
	};
}

test.each(Object.entries(AUTHORITIES))('cloud %s: token from %s/<tenant>/oauth2/v2.0/token', async (cloud, authority) => {
	const client = sim.clients.dataverse;
	const asked = [];
	const credential = new DynamicsContactCenterApi();
	const result = await credential.preAuthentication.call(/** @type {any} */ (mappedHelper(asked)), {
		environmentUrl: sim.urls.dataverse,
		cloud,
		tenantId: client.tenantId,
		clientId: client.clientId,
		clientSecret: client.clientSecret,
	});
	expect(asked).toEqual([`${authority}/${client.tenantId}/oauth2/v2.0/token`]);
	expect(result.accessToken).toBe(sim.issuedTokens[sim.issuedTokens.length - 1]);
	expect(sim.tokenRequests('dataverse')).toBe(1);
});

test('the China option names the current authority, not the legacy login.chinacloudapi.cn', () => {
	const cloud = new DynamicsContactCenterApi().properties.find((p) => p.name === 'cloud');
	const china = /** @type {any[]} */ (cloud?.options).find((o) => o.value === 'china');
	expect(china.name).toContain('login.partner.microsoftonline.cn');
});
