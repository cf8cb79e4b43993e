// @ts-check
/**
 * Fault tests: the action nodes' presence writes under 429s, expiring tokens, 5xx bursts and a
 * vendor that hangs. Each scenario ends with `expectEveryChangeAccountedFor`: every input item
 * became exactly one output item, and each change was either written exactly once at the
 * simulator (counted from `sim.requests`, final state checked) or came back as an item carrying
 * its error with nothing written.
 */
const { IDS, credentialRef, apiCalls, useSimulator } = require('../helpers/vendors');

const DV_API = '/api/data/v9.2';
const rl = (/** @type {string} */ value) => ({ __rl: true, mode: 'id', value });
const ok = (/** @type {any} */ r) => r.status >= 200 && r.status < 300;

/**
 * A node that sets each input item's agent (`agentId`) to its presence (`presenceId`), given by ID.
 * @param {string} type @param {string} operation @param {string} credential @param {object} [extra]
 */
const presenceWriter = (type, operation, credential, extra = {}) => (/** @type {any} */ options = {}) => ({
	name: 'Node',
	type,
	parameters: {
		resource: 'agentPresence',
		operation,
		agent: rl('={{ $json.agentId }}'),
		presenceBy: 'presence',
		presence: rl('={{ $json.presenceId }}'),
		...extra,
		options,
	},
	credentials: credentialRef(credential),
});

const genesysAgents = (/** @type {any} */ sim) => sim.state.genesys.users.map((/** @type {any} */ u) => u.id);
const genesysPresenceOf = (/** @type {any} */ sim, /** @type {string} */ id) =>
	sim.state.genesys.presences[id]?.sources?.PURECLOUD?.presenceDefinitionId;

/**
 * One presence-writing operation per action node: how to build the node, which simulator
 * requests are its writes (and which agents each one wrote), and where the simulator keeps the
 * agent's presence.
 * @type {Record<string, { vendor: string, node: (options?: any) => any, agents: (sim: any) => string[], target: string,
 *   writes: (r: any) => string[], stateOf: (sim: any, agentId: string) => string | undefined }>}
 */
const OPERATIONS = {
	genesysSet: {
		vendor: 'genesys',
		node: presenceWriter('genesysCloud', 'set', 'genesysCloudPresenceApi', { onlyIfDifferent: false }),
		agents: genesysAgents,
		target: IDS.genesys.presence.Away,
		writes: (r) => {
			const m = /^\/api\/v2\/users\/([^/]+)\/presences\/purecloud$/.exec(r.path);
			return r.method === 'PATCH' && m ? [m[1]] : [];
		},
		stateOf: genesysPresenceOf,
	},
	genesysBulkSet: {
		vendor: 'genesys',
		node: presenceWriter('genesysCloud', 'bulkSet', 'genesysCloudPresenceApi', { onlyIfDifferent: false }),
		agents: genesysAgents,
		target: IDS.genesys.presence.Away,
		writes: (r) =>
			r.method === 'PUT' && r.path === '/api/v2/users/presences/bulk' && Array.isArray(r.body)
				? r.body.map((/** @type {any} */ e) => e.id)
				: [],
		stateOf: genesysPresenceOf,
	},
	dataverseSet: {
		vendor: 'dataverse',
		node: presenceWriter('dynamicsContactCenter', 'set', 'dynamicsContactCenterApi'),
		agents: (sim) => sim.state.dataverse.tables.msdyn_agentstatuses.map((/** @type {any} */ s) => s._msdyn_agentid_value),
		target: IDS.dataverse.presences.busyDnd,
		writes: (r) =>
			r.method === 'POST' && r.path === `${DV_API}/CCaaS_ModifyAgentPresence` && r.body ? [r.body.AgentId] : [],
		stateOf: (sim, id) =>
			sim.state.dataverse.tables.msdyn_agentstatuses.find((/** @type {any} */ s) => s._msdyn_agentid_value === id)
				?._msdyn_currentpresenceid_value,
	},
	vonageSet: {
		vendor: 'vonage',
		node: presenceWriter('vonageContactCenter', 'set', 'vonageContactCenterApi', { onlyIfDifferent: false }),
		agents: (sim) => Object.keys(sim.state.vonage.presence),
		target: IDS.vonage.presence.lunch,
		writes: (r) => {
			const m = /^\/agents\/([^/]+)\/presence$/.exec(r.path);
			return r.method === 'PATCH' && m ? [m[1]] : [];
		},
		stateOf: (sim, id) => sim.state.vonage.presence[id]?.presenceId,
	},
};

/** One simulator per test file; a reset simulator and a fresh harness (empty token store) per test. */
const useFaultSimulator = () => useSimulator();

/**
 * Runs `count` changes (one input item per agent, all to the operation's target presence) with
 * Continue On Fail on, and returns what is needed to check them.
 * @param {any} ctx @param {string} opName @param {{ count: number, options?: any }} o
 */
async function runChanges(ctx, opName, o) {
	const op = OPERATIONS[opName];
	const agents = op.agents(ctx.sim).slice(0, o.count);
	if (agents.length !== o.count) throw new Error(`the simulator has ${agents.length} agents for ${opName}, need ${o.count}`);
	const before = Object.fromEntries(agents.map((id) => [id, op.stateOf(ctx.sim, id)]));
	for (const id of agents) if (before[id] === op.target) throw new Error(`${id} already has the target presence`);
	const input = agents.map((agentId) => ({ agentId, presenceId: op.target }));
	const run = await ctx.h.runWorkflow({ nodes: [{ ...op.node(o.options), onError: 'continueRegularOutput' }], input });
	return { op, agents, before, run };
}

/**
 * The contract: one output item per input item (paired to it); an item without `error` was
 * written exactly once and the simulator now has the target; an item with `error` carries the
 * vendor's message and nothing was written for it.
 * @param {any} sim @param {Awaited<ReturnType<typeof runChanges>>} result
 * @returns {{ written: string[], failed: string[], errors: any[] }}
 */
function expectEveryChangeAccountedFor(sim, { op, agents, before, run }) {
	expect(run.error).toBeUndefined();
	const raw = run.rawItems('Node');
	expect(raw.map((/** @type {any} */ item) => item.pairedItem)).toEqual(agents.map((_, item) => ({ item })));

	/** @type {Record<string, number>} successful writes per agent, as the simulator answered them */
	const writes = {};
	for (const r of sim.requests) {
		if (r.vendor !== op.vendor || !ok(r)) continue;
		for (const id of op.writes(r)) writes[id] = (writes[id] ?? 0) + 1;
	}
	const written = [];
	const failed = [];
	const errors = [];
	agents.forEach((id, i) => {
		const json = raw[i].json;
		if (json.error === undefined) {
			expect({ id, writes: writes[id] ?? 0, state: op.stateOf(sim, id), agentId: json.agentId }).toEqual({
				id,
				writes: 1,
				state: op.target,
				agentId: id,
			});
			written.push(id);
		} else {
			expect(typeof json.error).toBe('string');
			expect({ id, writes: writes[id] ?? 0, state: op.stateOf(sim, id) }).toEqual({ id, writes: 0, state: before[id] });
			failed.push(id);
			errors.push(json);
		}
	});
	// No write the run did not account for (e.g. an agent not in the input).
	expect(Object.keys(writes).sort()).toEqual([...written].sort());
	return { written, failed, errors };
}

/**
 * runChanges, then the contract, then that every change was written and none failed.
 * @param {any} ctx @param {string} opName @param {{ count: number, options?: any }} o
 */
async function expectAllWritten(ctx, opName, o) {
	const result = await runChanges(ctx, opName, o);
	const { written, failed } = expectEveryChangeAccountedFor(ctx.sim, result);
	expect({ written: written.length, failed }).toEqual({ written: o.count, failed: [] });
	return result;
}

/**
 * runChanges, then the contract, then that exactly the first `failing` agents failed and the rest
 * were written. Returns the error items.
 * @param {any} ctx @param {string} opName @param {{ count: number, options?: any }} o @param {number} failing
 */
async function expectFirstFailed(ctx, opName, o, failing) {
	const result = await runChanges(ctx, opName, o);
	const { written, failed, errors } = expectEveryChangeAccountedFor(ctx.sim, result);
	expect(failed).toEqual(result.agents.slice(0, failing));
	expect(written).toEqual(result.agents.slice(failing));
	return errors;
}

/** Statuses the simulator answered for the vendor's API (token endpoint left out), in order. */
const apiStatuses = (/** @type {any} */ sim, /** @type {any} */ vendor) => apiCalls(sim, vendor).map((c) => c.status);

/**
 * Calls `fn(record, n)` as the simulator records each request (before it is answered), e.g. to
 * expire the tokens between two bulk calls. Returns the undo.
 * @param {any} sim @param {(r: any, n: number) => void} fn
 */
function onRequest(sim, fn) {
	const requests = sim.requests;
	let n = 0;
	requests.push = function push(/** @type {any[]} */ ...records) {
		const length = Array.prototype.push.apply(this, records);
		for (const r of records) fn(r, ++n);
		return length;
	};
	return () => delete requests.push;
}

module.exports = {
	OPERATIONS,
	useFaultSimulator,
	runChanges,
	expectEveryChangeAccountedFor,
	expectAllWritten,
	expectFirstFailed,
	apiStatuses,
	onRequest,
	IDS,
};
