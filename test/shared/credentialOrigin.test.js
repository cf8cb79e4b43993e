// @ts-check
/**
 * The bearer token goes only to the credential's API host: an absolute link handed out by a
 * vendor answer (Dataverse @odata.nextLink, Graph @odata.nextLink) or by the editor (a picker's
 * paginationToken) is followed only when its origin is the API base's origin. A second loopback
 * server stands in for the foreign host and records every request that reaches it.
 */
const http = require('node:http');
const { startSimulator, freshHarness, nodeOf, apiCalls, credentialsFor } = require('../helpers/vendors');
const { createHarness } = require('../harness');

const REFUSAL = 'Refusing to send credentials to an unexpected host';

/** @type {any} */ let sim;
/** @type {any} */ let h;
/** @type {http.Server} */ let foreign;
/** @type {Array<{ method?: string, url?: string, authorization?: string }>} */ let foreignHits = [];
/** @type {string} */ let foreignOrigin;

beforeAll(async () => {
	sim = await startSimulator();
	foreign = http.createServer((req, res) => {
		foreignHits.push({ method: req.method, url: req.url, authorization: req.headers.authorization });
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end('{"value":[]}');
	});
	await new Promise((resolve) => foreign.listen(0, '127.0.0.1', () => resolve(undefined)));
	const address = /** @type {import('node:net').AddressInfo} */ (foreign.address());
	foreignOrigin = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
	await sim.close();
	await new Promise((resolve) => foreign.close(() => resolve(undefined)));
});
beforeEach(() => {
	foreignHits = [];
});

describe('Dynamics 365 Contact Center', () => {
	beforeEach(async () => {
		h = await freshHarness(sim, 'dataverse');
	});

	test('a foreign @odata.nextLink in a page is refused: nothing reaches the foreign host', async () => {
		const nextLink = `${foreignOrigin}/api/data/v9.2/msdyn_presences?$skiptoken=x`;
		sim.inject({
			vendor: 'dataverse',
			method: 'GET',
			path: '/msdyn_presences',
			status: 200,
			body: { value: [{ msdyn_presenceid: '00000000-0000-4000-8000-000000000001', msdyn_name: 'Planted' }], '@odata.nextLink': nextLink },
		});
		const run = await h.runWorkflow({
			nodes: [nodeOf('dataverse', { resource: 'presenceDefinition', operation: 'getAll', returnAll: true })],
		});
		const error = run.nodeError('Dynamics');
		expect(error.message).toBe(REFUSAL);
		expect(error.description).toBe(
			`Dynamics 365 Contact Center (Dataverse) was asked to follow a link to ${foreignOrigin}, which is not the credential's API host ${new URL(sim.urls.dataverse).origin}; nothing was sent.`,
		);
		expect(foreignHits).toEqual([]);
		expect(apiCalls(sim, 'dataverse').map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual(['GET /msdyn_presences 200']);
	});

	test('a foreign paginationToken from the editor is refused by the presence picker', async () => {
		const node = nodeOf('dataverse', { resource: 'agentPresence', operation: 'set' });
		await expect(
			h.callMethod(node, 'listSearch', 'searchPresences', '', `${foreignOrigin}/api/data/v9.2/msdyn_presences?$skiptoken=x`),
		).rejects.toThrow(REFUSAL);
		expect(foreignHits).toEqual([]);
		expect(apiCalls(sim, 'dataverse')).toEqual([]);
	});

	test('a same-origin token is still followed', async () => {
		const node = nodeOf('dataverse', { resource: 'agentPresence', operation: 'set' });
		const token = `${sim.urls.dataverse}/api/data/v9.2/msdyn_presences?$select=msdyn_presenceid,msdyn_name&$filter=statecode eq 0`;
		const result = await h.callMethod(node, 'listSearch', 'searchPresences', '', token);
		expect(result.results.length).toBeGreaterThan(0);
		expect(apiCalls(sim, 'dataverse').map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual(['GET /msdyn_presences 200']);
	});
});

describe('Microsoft Teams (Graph)', () => {
	beforeEach(async () => {
		sim.reset();
		h = await createHarness({ credentials: credentialsFor(sim, 'graph') });
	});
	const teams = {
		name: 'Teams',
		type: 'microsoftTeamsPresence',
		typeVersion: 1,
		parameters: { resource: 'agentPresence', operation: 'set' },
		credentials: { microsoftTeamsPresenceGraphApi: { id: '1', name: 'Teams' } },
	};

	test('a foreign @odata.nextLink handed back as the agent picker’s paginationToken is refused', async () => {
		await expect(h.callMethod(teams, 'listSearch', 'searchAgents', '', `${foreignOrigin}/v1.0/users?$skiptoken=x`)).rejects.toThrow(REFUSAL);
		expect(foreignHits).toEqual([]);
		expect(sim.requests.filter((/** @type {any} */ r) => r.vendor === 'graph' && r.mount === '/graph')).toEqual([]);
	});

	test('a foreign @odata.nextLink in Graph’s users page is not followed', async () => {
		sim.inject({
			vendor: 'graph',
			method: 'GET',
			path: '/users',
			status: 200,
			body: { value: [{ id: 'u1', displayName: 'Planted' }], '@odata.nextLink': `${foreignOrigin}/v1.0/users?$skiptoken=x` },
		});
		const first = await h.callMethod(teams, 'listSearch', 'searchAgents');
		expect(first.paginationToken).toBe(`${foreignOrigin}/v1.0/users?$skiptoken=x`);
		// The editor sends the token back for the next page: refused before any request.
		await expect(h.callMethod(teams, 'listSearch', 'searchAgents', '', first.paginationToken)).rejects.toThrow(REFUSAL);
		expect(foreignHits).toEqual([]);
	});
});
