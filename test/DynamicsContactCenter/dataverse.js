// @ts-check
/**
 * Dataverse-only test helpers and the shared ones of test/helpers/vendors.js bound to Dataverse.
 */
const vendors = require('../helpers/vendors');

const DV = vendors.IDS.dataverse;
const NODE = vendors.NODE_NAME.dataverse;
const API = vendors.API_ROOT.dataverse;

/** The Dynamics 365 Contact Center action node as the editor exports it. @param {Record<string, any>} parameters @param {Record<string, any>} [extra] */
const dvNode = (parameters, extra) => vendors.nodeOf('dataverse', parameters, extra);

/** Dataverse API calls (token requests left out), in order, with their headers. @param {any} sim */
const apiCalls = (sim) => vendors.apiRequests(sim, 'dataverse');

/** The same calls as `{ method, path, query, body, status }`, for exact comparisons. @param {any} sim */
const calls = (sim) => vendors.apiCalls(sim, 'dataverse');

/**
 * The normalized fields an agent status read adds to the row for a logged-in agent in Busy
 * (the seed's and the generated rows' state). @param {string} agentId @param {string} changedAt
 */
const busyStatusRead = (agentId, changedAt) => ({
	source: 'dataverse',
	event: 'presence_read',
	agentId,
	presenceId: DV.presences.busy,
	presenceName: 'Busy',
	category: 'busy',
	loggedIn: true,
	capacity: 100,
	changedBy: 'AGENT',
	changedAt,
});

module.exports = { DV, NODE, API, dvNode, apiCalls, calls, busyStatusRead };
