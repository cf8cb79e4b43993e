// @ts-check
/**
 * The simulator's bulk presence read (GET /api/v2/users/presences/purecloud/bulk) against what
 * Genesys' Platform API SDK builds and expects: the SDK's own call is accepted and its answer is
 * the UcUserPresence list; more than 50 ids are refused as Genesys documents ("Limit 50").
 */
const platformClient = require('purecloud-platform-client-v2');

const { createHarness } = require('../harness');
const { startSimulator, IDS, allCredentials } = require('../helpers/vendors');

const CRED = 'genesysCloudPresenceApi';
const BULK = '/api/v2/users/presences/purecloud/bulk';
const USERS = IDS.genesys.users;

/** @type {any} */ let sim;
/** @type {any} */ let h;

beforeAll(async () => {
	sim = await startSimulator();
	h = await createHarness({ credentials: allCredentials(sim) });
});
afterAll(async () => await sim.close());

const get = async (/** @type {string} */ query) =>
	await h.request(CRED, { method: 'GET', url: `${sim.urls.genesysApi}${BULK}?${query}`, json: true, returnFullResponse: true, ignoreHttpStatusErrors: true });

/** UcUserPresence's properties (index.d.ts of the SDK), nothing else. */
const UC_USER_PRESENCE = ['id', 'name', 'userId', 'source', 'sourceId', 'presenceDefinition', 'message', 'modifiedDate', 'selfUri'];

test("the SDK's getUsersPresencesPurecloudBulk is accepted and answered with UcUserPresence", async () => {
	const api = new URL(sim.urls.genesysApi);
	const client = new platformClient.ApiClient.constructor();
	client.setGateway({ host: api.hostname, protocol: 'http', port: Number(api.port), path_params_api: api.pathname.replace(/^\//, '') });
	// A token the simulator issued, taken from a request the credential authenticated.
	const warmUp = await h.request(CRED, { method: 'GET', url: `${sim.urls.genesysApi}/api/v2/systempresences`, json: true, returnFullResponse: true });
	expect(warmUp.statusCode).toBe(200);
	const bearer = String(sim.requests.filter((/** @type {any} */ r) => r.path === '/api/v2/systempresences').pop().headers.authorization).replace(/^Bearer /, '');
	client.setAccessToken(bearer);
	const presences = await new platformClient.PresenceApi(client).getUsersPresencesPurecloudBulk({ id: [USERS.alex, USERS.blake] });

	const read = sim.requests[sim.requests.length - 1];
	expect([read.method, read.path, read.status]).toEqual(['GET', BULK, 200]);
	// The JavaScript SDK joins the multi-valued `id` with commas.
	expect(read.query).toEqual({ id: `${USERS.alex},${USERS.blake}` });
	expect(presences.map((/** @type {any} */ p) => p.userId)).toEqual([USERS.alex, USERS.blake]);
	for (const p of presences) {
		expect(Object.keys(p).filter((k) => !UC_USER_PRESENCE.includes(k))).toEqual([]);
		expect(Object.keys(p.presenceDefinition).sort()).toEqual(['id', 'selfUri', 'systemPresence']);
		expect(p.id).not.toBe(p.userId);
	}
});

test('repeated id parameters are read; unknown users are left out', async () => {
	const res = await get(`id=${USERS.casey}&id=${USERS.dana}&id=00000000-0000-4000-8000-00000000dead`);
	expect(res.statusCode).toBe(200);
	expect(res.body.map((/** @type {any} */ p) => p.userId)).toEqual([USERS.casey, USERS.dana]);
	expect(res.body[0]).toMatchObject({ presenceDefinition: { id: IDS.genesys.presence.Available }, message: '', modifiedDate: expect.any(String) });
});

test('more than 50 ids, or none, are refused with 400', async () => {
	const users = sim.state.genesys.users.slice(0, 51).map((/** @type {any} */ u) => u.id);
	const tooMany = await get(users.map((id) => `id=${id}`).join('&'));
	expect(tooMany.statusCode).toBe(400);
	expect(tooMany.body).toMatchObject({ status: 400, code: 'bad.request', message: 'Too many user ids: 51. The limit is 50 per request.' });
	const fifty = await get(users.slice(0, 50).join(',').replace(/^/, 'id='));
	expect(fifty.statusCode).toBe(200);
	expect(fifty.body).toHaveLength(50);
	const none = await get('');
	expect(none.statusCode).toBe(400);
});
