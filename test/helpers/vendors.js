// @ts-check
/**
 * The one test fixture for the three vendors: start the simulator, credentials pointed at it
 * (through the credentials' advanced endpoint overrides, as a user would point them at a proxy),
 * a node as the editor exports it, the API calls a vendor received, resource-locator values and
 * a jest fixture (a simulator per test file, a reset simulator and a fresh harness per test).
 * Vendors are named by their API: `dataverse`, `genesys`, `vonage`, `graph` (Microsoft Teams).
 * VENDORS lists the three contact-centre systems; `graph` is used by name.
 */
const { startSimulator, IDS } = require('../simulator');
const { createHarness } = require('../harness');

/** @typedef {'dataverse' | 'genesys' | 'vonage' | 'graph' | 'amazonConnect'} Vendor */

/** @type {Vendor[]} */
const VENDORS = ['dataverse', 'genesys', 'vonage'];
/** Microsoft Teams' delegated (authorization-code) credential type, next to `graph`'s application one. */
const GRAPH_DELEGATED_TYPE = 'microsoftTeamsPresenceOAuth2Api';

/**
 * The helper vendor of each id in the package's registry (nodes/shared/vendors.ts): test/repository/
 * vendors.test.js checks that every registry vendor has one, with its credential, node and simulator.
 * @type {Record<string, Vendor>}
 */
const HELPER_VENDOR = { dataverse: 'dataverse', genesys: 'genesys', vonage: 'vonage', teams: 'graph', amazonConnect: 'amazonConnect' };

/**
 * One of each helper vendor's own presence values (an ID, a system presence, a status type) that
 * its registry entry's categoryOf maps onto a category: test/repository/vendors.test.js uses it.
 * @type {Record<Vendor, string>}
 */
const PRESENCE_SAMPLE = {
	dataverse: 'f523f628-c07a-e811-8162-000d3aa11f50',
	genesys: 'On Queue',
	vonage: 'Ready',
	graph: 'Available',
	amazonConnect: 'ROUTABLE',
};

/** Each vendor's credential type. */
const CREDENTIAL_TYPE = {
	dataverse: 'dynamicsContactCenterApi',
	genesys: 'genesysCloudPresenceApi',
	vonage: 'vonageContactCenterApi',
	graph: 'microsoftTeamsPresenceGraphApi',
	amazonConnect: 'amazonConnectApi',
};

/** Each vendor's action node: its type and the name the tests give it. */
const NODE_TYPE = { dataverse: 'dynamicsContactCenter', genesys: 'genesysCloud', vonage: 'vonageContactCenter', graph: 'microsoftTeamsPresence', amazonConnect: 'amazonConnect' };
const NODE_NAME = { dataverse: 'Dynamics', genesys: 'Genesys', vonage: 'Vonage', graph: 'Teams', amazonConnect: 'Connect' };

/** Where each vendor's Web API starts on its host (paths in apiCalls are relative to it). */
const API_ROOT = { dataverse: '/api/data/v9.2', genesys: '', vonage: '', graph: '', amazonConnect: '' };

/** Whether a recorded request is a call to the vendor's API (not a token request). */
const IS_API_CALL = {
	dataverse: (/** @type {any} */ r) => r.path.startsWith(API_ROOT.dataverse),
	genesys: (/** @type {any} */ r) => r.path !== '/oauth/token',
	vonage: (/** @type {any} */ r) => r.path.toLowerCase() !== '/auth/connect/token',
	// Graph and its token authority are two hosts (two mounts).
	graph: (/** @type {any} */ r) => r.mount === '/graph',
	// Amazon Connect's "token" requests are AWS STS AssumeRole calls, on their own host (mount).
	amazonConnect: (/** @type {any} */ r) => r.mount === '/amazon-connect',
};

/**
 * One vendor's credential data, pointed at the simulator.
 * @param {any} sim what startSimulator() returned @param {Vendor} vendor
 * @param {Record<string, any>} [overrides] fields to change (e.g. a narrower Vonage `scopes`)
 * @returns {Record<string, Record<string, any>>} `{ [credential type]: data }`, as createHarness takes it
 */
function credentialsFor(sim, vendor, overrides = {}) {
	const client = sim.clients[vendor];
	/** @type {Record<Vendor, () => Record<string, any>>} */
	const data = {
		dataverse: () => ({
			environmentUrl: sim.urls.dataverse,
			tenantId: client.tenantId,
			clientId: client.clientId,
			clientSecret: client.clientSecret,
			overrideEndpoints: true,
			apiBaseUrl: `${sim.urls.dataverse}${API_ROOT.dataverse}`,
			authEndpoint: sim.urls.dataverseLogin(),
		}),
		genesys: () => ({
			region: 'mypurecloud.com',
			clientId: client.clientId,
			clientSecret: client.clientSecret,
			overrideEndpoints: true,
			apiBaseUrl: sim.urls.genesysApi,
			authEndpoint: `${sim.urls.genesysLogin}/oauth/token`,
		}),
		vonage: () => ({
			region: 'emea',
			domain: 'cc.vonage.com',
			clientId: client.clientId,
			clientSecret: client.clientSecret,
			scopes: 'users:read users:write stats',
			overrideEndpoints: true,
			apiBaseUrl: sim.urls.vonage,
			authEndpoint: sim.urls.vonageToken,
		}),
		amazonConnect: () => ({
			region: client.region,
			instance: client.instanceArn,
			accessKeyId: client.accessKeyId,
			secretAccessKey: client.secretAccessKey,
			overrideEndpoints: true,
			apiBaseUrl: sim.urls.amazonConnect,
		}),
		graph: () => ({
			cloud: 'public',
			tenantId: client.tenantId,
			clientId: client.clientId,
			clientSecret: client.clientSecret,
			overrideEndpoints: true,
			apiBaseUrl: sim.urls.graph,
			authEndpoint: sim.urls.graphToken,
		}),
	};
	return { [CREDENTIAL_TYPE[vendor]]: { ...data[vendor](), ...overrides } };
}

/**
 * Microsoft Teams' delegated credential, signed in: its data with an access token the simulator
 * issued for `userId` (with `tokenScopes`), as createHarness takes it.
 * @param {any} sim @param {{ userId: string, scope: string, tokenScopes?: string[] }} signIn
 * `scope` is what the credential asks for; `tokenScopes` what the issued token carries (the simulator's default when absent)
 */
function graphDelegatedCredentials(sim, { userId, scope, tokenScopes }) {
	const client = sim.clients.graph;
	return {
		[GRAPH_DELEGATED_TYPE]: {
			grantType: 'authorizationCode',
			cloud: 'public',
			tenantId: client.tenantId,
			clientId: client.clientId,
			clientSecret: client.clientSecret,
			authUrl: `${sim.url}/graph-login/${client.tenantId}/oauth2/v2.0/authorize`,
			accessTokenUrl: sim.urls.graphToken,
			scope,
			authentication: 'body',
			apiBaseUrl: sim.urls.graph,
			oauthTokenData: { token_type: 'Bearer', access_token: sim.graph.delegatedToken(userId, tokenScopes) },
		},
	};
}

/**
 * n8n's CredentialTypes knows the delegated type extends oAuth2Api; a test harness is told.
 * @param {any} harness what createHarness (or a trigger harness's `harness`) gave
 */
function knowsDelegatedGraph(harness) {
	harness.credentialsHelper.getParentTypes = (/** @type {string} */ type) => (type === GRAPH_DELEGATED_TYPE ? ['oAuth2Api'] : []);
	harness.credentialsHelper.runPreAuthentication ??= async () => undefined;
	return harness;
}

/** All three vendors' credential data, pointed at the simulator. @param {any} sim */
function allCredentials(sim) {
	return Object.assign({}, ...VENDORS.map((vendor) => credentialsFor(sim, vendor)));
}

/**
 * A node's `credentials` parameter as an exported workflow has it.
 * @param {Vendor | string} vendorOrType a vendor, or a credential type
 */
function credentialRef(vendorOrType) {
	const type = CREDENTIAL_TYPE[/** @type {Vendor} */ (vendorOrType)] ?? vendorOrType;
	return { [type]: { id: `${type}-1`, name: `${type} (simulator)` } };
}

/**
 * A vendor's action node as the editor exports it.
 * @param {Vendor} vendor @param {Record<string, any>} parameters @param {Record<string, any>} [extra] e.g. `onError`
 */
function nodeOf(vendor, parameters, extra = {}) {
	return {
		name: NODE_NAME[vendor],
		type: NODE_TYPE[vendor],
		typeVersion: 1,
		parameters,
		credentials: credentialRef(vendor),
		...extra,
	};
}

/**
 * Every call the simulator received for a vendor's API (token requests left out), in order, with
 * the path relative to the vendor's API root and the headers.
 * @param {any} sim @param {Vendor} vendor
 */
function apiRequests(sim, vendor) {
	return sim.requests
		.filter((/** @type {any} */ r) => r.vendor === vendor && IS_API_CALL[vendor](r))
		.map((/** @type {any} */ r) => ({
			method: r.method,
			path: r.path.slice(API_ROOT[vendor].length),
			query: r.query,
			body: r.body,
			status: r.status,
			headers: r.headers,
		}));
}

/**
 * The API calls a vendor received in the one comparable shape `{ method, path, query, body, status }`.
 * @param {any} sim @param {Vendor} vendor
 */
function apiCalls(sim, vendor) {
	return apiRequests(sim, vendor).map(({ method, path, query, body, status }) => ({ method, path, query, body, status }));
}

/**
 * A GET as apiCalls() shows it, without its status (vendor readers that keep it add `status`).
 * @param {string} path @param {Record<string, string>} [query]
 */
const getCall = (path, query = {}) => ({ method: 'GET', path, query, body: undefined });

/** The token requests a vendor received, as the simulator recorded them. @param {any} sim @param {Vendor} vendor */
function tokenRequests(sim, vendor) {
	return sim.requests.filter((/** @type {any} */ r) => r.vendor === vendor && !IS_API_CALL[vendor](r));
}

/** A resource-locator value as workflow JSON stores it. */
const rl = (/** @type {string} */ mode, /** @type {any} */ value) => ({ __rl: true, mode, value });
const byId = (/** @type {any} */ id) => rl('id', id);
const byEmail = (/** @type {string} */ email) => rl('email', email);
const fromList = (/** @type {string} */ value) => rl('list', value);

/**
 * The item a Microsoft Teams node emits for a Graph presence: Graph's fields (without `id`) plus
 * the normalized ones.
 * @param {{ id: string, availability: string, activity: string, category: string|null, event: string, statusMessage?: any, extra?: object }} o
 */
function graphPresenceItem(o) {
	const known = o.availability !== 'PresenceUnknown';
	return {
		availability: o.availability,
		activity: o.activity,
		statusMessage: o.statusMessage ?? null,
		outOfOfficeSettings: { message: null, isOutOfOffice: false },
		...o.extra,
		source: 'teams',
		event: o.event,
		agentId: o.id,
		presenceId: known ? `${o.availability}/${o.activity}` : null,
		presenceName: !known ? null : o.availability === o.activity ? o.availability : `${o.availability} (${o.activity})`,
		category: o.category,
		changedAt: null,
	};
}

/**
 * A fresh harness (fresh credential store, so no cached token) on a reset simulator: every test
 * starts from the seed.
 * @param {any} sim @param {Vendor} [vendor] whose credentials; all three when left out
 * @param {Record<string, any>} [overrides] credential fields to change
 */
async function freshHarness(sim, vendor, overrides) {
	sim.reset();
	return await createHarness({ credentials: vendor ? credentialsFor(sim, vendor, overrides) : allCredentials(sim) });
}

/**
 * The simulator alone, for tests that call it without n8n (e.g. through a vendor's SDK): started
 * once per test file (`ctx.sim`) and reset before each test. @param {any} [simulatorOptions]
 */
function useBareSimulator(simulatorOptions) {
	/** @type {{ sim: any }} */
	const ctx = { sim: undefined };
	beforeAll(async () => {
		ctx.sim = await startSimulator(simulatorOptions);
	});
	afterAll(async () => {
		await ctx.sim?.close();
	});
	beforeEach(() => ctx.sim.reset());
	return ctx;
}

/**
 * The jest fixture: the simulator started once per test file (`ctx.sim`), reset before each test,
 * and a fresh harness per test (`ctx.h`). With a vendor, `ctx.run(parameters, input, extra)`
 * runs that vendor's node on the input items.
 * @param {{ vendor?: Vendor, simulator?: any, credentials?: Record<string, any> }} [options]
 *   simulator: startSimulator's options; credentials: the vendor's credential fields to change
 */
function useSimulator(options = {}) {
	/** @type {{ sim: any, h: any, run: (parameters: Record<string, any>, input?: any[], extra?: Record<string, any>) => Promise<any> }} */
	const ctx = /** @type {any} */ (useBareSimulator(options.simulator));
	beforeEach(async () => {
		ctx.h = await freshHarness(ctx.sim, options.vendor, options.credentials);
		const vendor = options.vendor;
		if (vendor) {
			ctx.run = (parameters, input = [{}], extra = {}) =>
				ctx.h.runWorkflow({ nodes: [nodeOf(vendor, parameters, extra)], input });
		}
	});
	return ctx;
}

module.exports = {
	IDS,
	VENDORS,
	HELPER_VENDOR,
	PRESENCE_SAMPLE,
	GRAPH_DELEGATED_TYPE,
	CREDENTIAL_TYPE,
	NODE_TYPE,
	NODE_NAME,
	API_ROOT,
	startSimulator,
	credentialsFor,
	graphDelegatedCredentials,
	knowsDelegatedGraph,
	allCredentials,
	credentialRef,
	nodeOf,
	apiRequests,
	apiCalls,
	getCall,
	tokenRequests,
	rl,
	byId,
	byEmail,
	fromList,
	graphPresenceItem,
	freshHarness,
	useBareSimulator,
	useSimulator,
};
