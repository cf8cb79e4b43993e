// @ts-check
/** Shared test setup: a simulator, a fresh harness per test, and short-hands for running the node. */
const { startSimulator, IDS } = require('../simulator');
const { createHarness } = require('../harness');

const CRED = 'genesysCloudPresenceApi';
const G = IDS.genesys;

/** @param {any} sim */
function credentialsFor(sim) {
	return {
		[CRED]: {
			region: 'mypurecloud.com',
			clientId: sim.clients.genesys.clientId,
			clientSecret: sim.clients.genesys.clientSecret,
			overrideEndpoints: true,
			apiBaseUrl: sim.urls.genesysApi,
			authEndpoint: `${sim.urls.genesysLogin}/oauth/token`,
		},
	};
}

/** @param {Record<string, any>} parameters @param {Record<string, any>} [extra] */
function genesysNode(parameters, extra = {}) {
	return {
		name: 'Genesys',
		type: 'genesysCloud',
		typeVersion: 1,
		parameters,
		credentials: { [CRED]: { id: '1', name: 'Genesys' } },
		...extra,
	};
}

/** Every request the simulator received for Genesys' API (token requests left out), in a comparable shape. */
function apiCalls(/** @type {any} */ sim) {
	return sim.requests
		.filter((/** @type {any} */ r) => r.vendor === 'genesys' && r.path !== '/oauth/token')
		.map((/** @type {any} */ r) => ({ method: r.method, path: r.path, query: r.query, body: r.body }));
}

const byId = (/** @type {string} */ id) => ({ __rl: true, mode: 'id', value: id });
const byEmail = (/** @type {string} */ email) => ({ __rl: true, mode: 'email', value: email });

function useSimulator() {
	/** @type {{ sim: any, h: any, run: (parameters: Record<string, any>, input?: any[], extra?: Record<string, any>) => Promise<any> }} */
	const ctx = /** @type {any} */ ({});
	beforeAll(async () => {
		ctx.sim = await startSimulator();
	});
	afterAll(async () => {
		await ctx.sim.close();
	});
	beforeEach(async () => {
		ctx.sim.reset();
		ctx.h = await createHarness({ credentials: credentialsFor(ctx.sim) });
		ctx.run = (parameters, input = [{}], extra = {}) =>
			ctx.h.runWorkflow({ nodes: [genesysNode(parameters, extra)], input });
	});
	return ctx;
}

module.exports = { useSimulator, apiCalls, genesysNode, byId, byEmail, G, CRED };

/**
 * The item the node emits for a UserPresence the simulator answers: Genesys' fields (its `source`
 * as `sourceId`) plus the normalized presence fields.
 * @param {{ userId: string, defId: string, systemPresence: string, name: string, category: string|null,
 *   event: string, source?: string, primary?: boolean, message?: string, modifiedDate?: any, extra?: object }} o
 */
function presenceItem(o) {
	const source = o.source ?? 'PURECLOUD';
	const modifiedDate = o.modifiedDate ?? expect.any(String);
	return {
		name: o.name,
		presenceDefinition: {
			id: o.defId,
			systemPresence: o.systemPresence,
			selfUri: `/api/v2/presencedefinitions/${o.defId}`,
		},
		message: o.message ?? '',
		modifiedDate,
		primary: o.primary ?? true,
		selfUri: `/api/v2/users/${o.userId}/presences/${source}`,
		sourceId: source,
		...o.extra,
		source: 'genesys',
		event: o.event,
		agentId: o.userId,
		presenceId: o.defId,
		presenceName: o.name,
		category: o.category,
		changedAt: modifiedDate,
	};
}

module.exports.presenceItem = presenceItem;
