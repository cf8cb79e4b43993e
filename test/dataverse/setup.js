// @ts-check
/**
 * Shared fixture for the Dynamics 365 Contact Center node tests: the vendor simulator, a harness
 * whose Dataverse credential points at it, and helpers to build nodes and read what Dataverse got.
 */
const { startSimulator, IDS } = require('../simulator');
const { createHarness } = require('../harness');

const DV = IDS.dataverse;
const NODE = 'Dynamics';
const API = '/api/data/v9.2';

/** @param {any} sim */
function credentialsFor(sim) {
	const client = sim.clients.dataverse;
	return {
		dynamicsContactCenterApi: {
			environmentUrl: sim.urls.dataverse,
			tenantId: client.tenantId,
			clientId: client.clientId,
			clientSecret: client.clientSecret,
			overrideEndpoints: true,
			apiBaseUrl: `${sim.urls.dataverse}${API}`,
			authEndpoint: sim.urls.dataverseLogin(),
		},
	};
}

/** @param {any} [simOptions] */
async function startDataverse(simOptions) {
	const sim = await startSimulator(simOptions);
	return sim;
}

/** A fresh harness (fresh token store) on a reset simulator: every test starts from the seed. */
async function freshHarness(/** @type {any} */ sim) {
	sim.reset();
	return await createHarness({ credentials: credentialsFor(sim) });
}

/** The node as the editor exports it. */
function dvNode(/** @type {Record<string, any>} */ parameters, /** @type {Record<string, any>} */ extra = {}) {
	return {
		name: NODE,
		type: 'dynamicsContactCenter',
		typeVersion: 1,
		parameters,
		credentials: { dynamicsContactCenterApi: { id: '1', name: 'Dataverse' } },
		...extra,
	};
}

const rl = (/** @type {string} */ mode, /** @type {string} */ value) => ({ __rl: true, mode, value });

/** Dataverse API calls the simulator received (token requests left out), in order. */
function apiCalls(/** @type {any} */ sim) {
	return sim.requests
		.filter((/** @type {any} */ r) => r.vendor === 'dataverse' && r.path.startsWith(API))
		.map((/** @type {any} */ r) => ({
			method: r.method,
			path: r.path.slice(API.length),
			query: r.query,
			body: r.body,
			status: r.status,
			headers: r.headers,
		}));
}

/** The shape-only view of apiCalls for exact comparisons. */
function calls(/** @type {any} */ sim) {
	return apiCalls(sim).map(({ method, path, query, body, status }) => ({
		method,
		path,
		query,
		...(body === undefined ? {} : { body }),
		status,
	}));
}

module.exports = { DV, NODE, API, startDataverse, freshHarness, credentialsFor, dvNode, rl, apiCalls, calls };
