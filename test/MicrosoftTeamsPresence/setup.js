// @ts-check
/** Shared test setup for the Microsoft Teams Presence nodes: a simulator, a fresh harness per test, short-hands. */
const { startSimulator, IDS } = require('../simulator');
const { createHarness } = require('../harness');

const CRED = 'microsoftTeamsPresenceGraphApi';
const OAUTH2 = 'microsoftTeamsPresenceOAuth2Api';
const T = IDS.graph;

/** @param {any} sim @param {Record<string, any>} [over] */
function credentialsFor(sim, over = {}) {
	return {
		[CRED]: {
			cloud: 'public',
			tenantId: sim.clients.graph.tenantId,
			clientId: sim.clients.graph.clientId,
			clientSecret: sim.clients.graph.clientSecret,
			overrideEndpoints: true,
			apiBaseUrl: sim.urls.graph,
			authEndpoint: sim.urls.graphToken,
			...over,
		},
	};
}

/** @param {Record<string, any>} parameters @param {Record<string, any>} [extra] */
function teamsNode(parameters, extra = {}) {
	return {
		name: 'Teams',
		type: 'microsoftTeamsPresence',
		typeVersion: 1,
		parameters: { resource: 'agentPresence', ...parameters },
		credentials: { [CRED]: { id: '1', name: 'Teams' } },
		...extra,
	};
}

/** Every request Graph received (token requests left out), in a comparable shape. */
function apiCalls(/** @type {any} */ sim) {
	return sim.requests
		.filter((/** @type {any} */ r) => r.vendor === 'graph' && r.mount === '/graph')
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
		ctx.run = (parameters, input = [{}], extra = {}) => ctx.h.runWorkflow({ nodes: [teamsNode(parameters, extra)], input });
	});
	return ctx;
}

/**
 * The item the node emits for a Graph presence: Graph's fields (without `id`) plus the normalized ones.
 * @param {{ id: string, availability: string, activity: string, category: string|null, event: string, statusMessage?: any, extra?: object }} o
 */
function presenceItem(o) {
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

module.exports = { useSimulator, apiCalls, teamsNode, credentialsFor, byId, byEmail, presenceItem, T, CRED, OAUTH2 };
