// @ts-check
/** Amazon Connect test helpers, and the shared ones of test/helpers/vendors.js bound to Amazon Connect. */
const vendors = require('../helpers/vendors');

const C = vendors.IDS.amazonConnect;

/** The Amazon Connect action node as the editor exports it. @param {Record<string, any>} parameters @param {Record<string, any>} [extra] */
const connectNode = (parameters, extra) => vendors.nodeOf('amazonConnect', parameters, extra);

/** The Amazon Connect calls as `{ method, path, query, body, status }`. @param {any} sim */
const apiCalls = (sim) => vendors.apiCalls(sim, 'amazonConnect');

/** The simulator's status record. @param {any} sim @param {string} id */
const statusOf = (sim, id) => sim.state.amazonConnect.statuses.find((/** @type {any} */ s) => s.AgentStatusId === id);

/** ListAgentStatuses as the node sends it (one page of up to 1000). */
const LIST_STATUSES = { method: 'GET', path: `/agent-status/${C.instanceId}`, query: { maxResults: '1000' }, body: undefined, status: 200 };

/** GetCurrentUserData for the given agents. @param {string[]} agents */
const userDataCall = (agents) => ({ method: 'POST', path: `/metrics/userdata/${C.instanceId}`, query: {}, body: { Filters: { Agents: agents }, MaxResults: 100 }, status: 200 });

/**
 * An AWS SDK client (`new Client(config)`) for the simulator at `endpoint`, signing with the test IAM
 * user's keys and never retrying, so each call is one request. @param {any} Client @param {any} sim
 * @param {string} endpoint @param {Record<string, any>} [over]
 */
const sdkClient = (Client, sim, endpoint, over = {}) => {
	const k = sim.clients.amazonConnect;
	return new Client({ region: C.region, endpoint, credentials: { accessKeyId: k.accessKeyId, secretAccessKey: k.secretAccessKey }, maxAttempts: 1, ...over });
};

module.exports = { C, connectNode, apiCalls, statusOf, LIST_STATUSES, userDataCall, sdkClient };
