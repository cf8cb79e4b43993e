// @ts-check
/**
 * Vonage-only test helpers and the shared ones of test/helpers/vendors.js bound to Vonage.
 */
const vendors = require('../helpers/vendors');

const V = vendors.IDS.vonage;
const AGENTS_ACCEPT = 'application/vnd.newvoicemedia.v1+json';
const USER_ADMIN_ACCEPT = 'application/vnd.newvoicemedia.v4+json';
const CRED = vendors.CREDENTIAL_TYPE.vonage;

/** Vonage credential data pointed at the simulator. @param {any} sim @param {Record<string, any>} [overrides] */
const credentials = (sim, overrides) => vendors.credentialsFor(sim, 'vonage', overrides);

/** The Vonage Contact Center action node as the editor exports it. @param {Record<string, any>} parameters @param {Record<string, any>} [extra] */
const vonageNode = (parameters, extra) => vendors.nodeOf('vonage', parameters, extra);

/** The Vonage API calls (token requests left out) as `{ method, path, query, body, status }`. @param {any} sim */
const apiCalls = (sim) => vendors.apiCalls(sim, 'vonage');

/** The Vonage token requests. @param {any} sim */
const tokenCalls = (sim) => vendors.tokenRequests(sim, 'vonage');

/** The agents' presence a definition stands for, as Vonage answers it (no subCategory). @param {any} sim @param {string} presenceId */
function presenceOf(sim, presenceId) {
	const def = sim.state.vonage.definitions.find((/** @type {any} */ d) => d.presenceId === presenceId);
	const { subCategory, ...category } = def.category;
	return { presenceId: def.presenceId, selectable: def.selectable, category, description: def.description };
}

module.exports = { V, AGENTS_ACCEPT, USER_ADMIN_ACCEPT, CRED, credentials, vonageNode, apiCalls, tokenCalls, presenceOf };
