// @ts-check
/**
 * A shipped template as the harness runs it: the nodes and connections exactly as in templates/,
 * its trigger(s) replaced by the harness's Input wired to the mapping node, and the Map Presence
 * rows stored the way the editor stores a user's picks (IDs).
 */
const fs = require('node:fs');
const path = require('node:path');
const { apiCalls, IDS } = require('./vendors');

/** The mapping node every template names the same. */
const MAP = 'Presence mapping (edit here)';

/** A template's nodes after its trigger(s), the input wired to the mapping node; `picks` edits nodes by name. */
function template(/** @type {string} */ file, /** @type {Record<string, Record<string, any>>} */ picks = {}) {
	const w = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'templates', `${file}.json`), 'utf8'));
	const triggers = w.nodes.filter((/** @type {any} */ n) => /Trigger$/i.test(n.type)).map((/** @type {any} */ n) => n.name);
	const nodes = w.nodes
		.filter((/** @type {any} */ n) => n.type !== 'n8n-nodes-base.stickyNote' && !triggers.includes(n.name))
		.map((/** @type {any} */ n) => ({ ...n, parameters: { ...n.parameters, ...(picks[n.name] ?? {}) } }));
	const connections = Object.fromEntries(Object.entries(w.connections).filter(([from]) => !triggers.includes(from)));
	connections.Input = { main: [[{ node: MAP, type: 'main', index: 0 }]] };
	return { w, nodes, connections };
}

/** Map Presence rows, as the editor stores them. */
const rows = (/** @type {Array<[string, string]>} */ pairs) => ({ mappings: { rows: pairs.map(([from, to]) => ({ from, to })) } });

/** What the templates wrote to Dynamics 365 (its POSTs: the presence action), path and body. */
const dataverseWrites = (/** @type {any} */ sim) =>
	apiCalls(sim, 'dataverse')
		.filter((c) => c.method === 'POST')
		.map((c) => ({ path: c.path, body: c.body }));

/** The CCaaS_ModifyAgentPresence call that sets agent `key` of the simulator to `presenceId`. */
const modify = (/** @type {string} */ key, /** @type {string} */ presenceId) => ({
	path: '/CCaaS_ModifyAgentPresence',
	body: { ApiVersion: '1.0', AgentId: IDS.dataverse.agents[key], PresenceId: presenceId },
});


/**
 * A source trigger's presence_changed item, as a template's Map Presence receives it.
 * @param {string} source @param {{ agentId: string, presenceId: string, presenceName: string, category: string } & Record<string, any>} fields
 */
const changeOf = (source, fields) => ({ source, event: 'presence_changed', ...fields });

/**
 * The Teams setPresence write a template run makes for simulator person `key` (an app session of
 * the Graph credential, 4 hours), as [path, body]; `t.sim` is read at call time.
 * @param {{ sim: any }} t
 */
const sessionWrite = (t) => (/** @type {string} */ key, /** @type {string} */ availability, /** @type {string} */ activity) => [
	`/v1.0/users/${IDS.graph.users[key]}/presence/setPresence`,
	{ sessionId: t.sim.clients.graph.clientId, availability, activity, expirationDuration: 'PT4H' },
];

/** The writes a template run sent each vendor, as [path, body], in order (`t.sim` the simulator, read at call time; `apiCalls` test/helpers/vendors' reader). */
const vendorWrites = (/** @type {{ sim: any }} */ t, /** @type {Function} */ apiCalls) => ({
	teams: () => apiCalls(t.sim, 'graph').filter((/** @type {any} */ c) => c.method === 'POST' && /\/presence\/set/.test(c.path)).map((/** @type {any} */ c) => [c.path, c.body]),
	dataverse: () => apiCalls(t.sim, 'dataverse').filter((/** @type {any} */ c) => c.method === 'POST').map((/** @type {any} */ c) => [c.path, c.body]),
	amazonConnect: () => apiCalls(t.sim, 'amazonConnect').filter((/** @type {any} */ c) => c.method === 'PUT').map((/** @type {any} */ c) => [c.path, c.body]),
});

module.exports = { MAP, template, rows, dataverseWrites, modify, changeOf, sessionWrite, vendorWrites };
