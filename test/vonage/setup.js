// @ts-check
/**
 * Shared setup for the Vonage Contact Center workflow tests: one simulator per test file, a fresh
 * harness (so a fresh credential store and token) per test, and helpers to read what the
 * simulated Vonage received.
 */
const { startSimulator, IDS } = require('../simulator');
const { createHarness } = require('../harness');

const V = IDS.vonage;
const AGENTS_ACCEPT = 'application/vnd.newvoicemedia.v1+json';
const USER_ADMIN_ACCEPT = 'application/vnd.newvoicemedia.v4+json';
const CRED = 'vonageContactCenterApi';

/** @param {any} sim @param {Record<string, any>} [overrides] */
function credentials(sim, overrides = {}) {
	return {
		[CRED]: {
			region: 'emea',
			domain: 'cc.vonage.com',
			clientId: sim.clients.vonage.clientId,
			clientSecret: sim.clients.vonage.clientSecret,
			scopes: 'users:read users:write stats',
			overrideEndpoints: true,
			apiBaseUrl: sim.urls.vonage,
			authEndpoint: sim.urls.vonageToken,
			...overrides,
		},
	};
}

/** A Vonage node as the editor exports it. */
function vonageNode(parameters, extra = {}) {
	return {
		name: 'Vonage',
		type: 'vonageContactCenter',
		typeVersion: 1,
		parameters,
		credentials: { [CRED]: { id: '1', name: 'Vonage' } },
		...extra,
	};
}

/** A resource locator value as stored in workflow JSON. */
const rl = (mode, value) => ({ __rl: true, mode, value });

/** API requests (token requests left out) as { method, path, query, body, status }. */
function apiCalls(sim) {
	return sim.requests
		.filter((r) => r.vendor === 'vonage' && r.path.toLowerCase() !== '/auth/connect/token')
		.map((r) => ({ method: r.method, path: r.path, query: r.query, body: r.body, status: r.status }));
}

function tokenCalls(sim) {
	return sim.requests.filter((r) => r.vendor === 'vonage' && r.path.toLowerCase() === '/auth/connect/token');
}

/** The agents' presence a definition stands for, as Vonage answers it (no subCategory). */
function presenceOf(sim, presenceId) {
	const def = sim.state.vonage.definitions.find((d) => d.presenceId === presenceId);
	const { subCategory, ...category } = def.category;
	return { presenceId: def.presenceId, selectable: def.selectable, category, description: def.description };
}

/**
 * Starts the simulator for a test file; `ctx.sim` and a fresh `ctx.h` per test.
 * @param {{ credentials?: Record<string, any>, simulator?: any }} [options] simulator: startSimulator options
 */
function useVonage(options = {}) {
	/** @type {{ sim: any, h: any }} */
	const ctx = /** @type {any} */ ({});
	beforeAll(async () => {
		ctx.sim = await startSimulator(options.simulator);
	});
	afterAll(async () => {
		await ctx.sim.close();
	});
	beforeEach(async () => {
		ctx.sim.reset();
		ctx.h = await createHarness({ credentials: credentials(ctx.sim, options.credentials) });
	});
	return ctx;
}

module.exports = {
	V,
	AGENTS_ACCEPT,
	USER_ADMIN_ACCEPT,
	CRED,
	credentials,
	vonageNode,
	rl,
	apiCalls,
	tokenCalls,
	presenceOf,
	useVonage,
};
