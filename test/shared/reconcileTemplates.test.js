// @ts-check
/**
 * The reconciliation every sync family ships with (issue #20): each reconcile-<source>-<target>
 * template's Presence mapping → Repair node as shipped, fed items as its bulk reads and Join by
 * email leave them, against the simulator. An agent out of step is written, one in step is not;
 * and every template is a schedule with a manual start, both sides read in bulk, and one Summary.
 */
const fs = require('node:fs');
const path = require('node:path');
const { useSimulator, IDS, apiCalls } = require('../helpers/vendors');
const { PEOPLE } = require('../simulator/common');
const { MAP } = require('../helpers/templates');

const t = useSimulator();
const D = IDS.dataverse;
const G = IDS.genesys;
const V = IDS.vonage;
const email = (/** @type {string} */ key) => /** @type {any} */ (PEOPLE.find((p) => p.key === key)).email;
const load = (/** @type {string} */ file) => JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'templates', `${file}.json`), 'utf8'));

const AGENT = { dataverse: D.agents, genesys: G.users, vonage: V.users };
/** Alex's and Casey's presence in the target now. */
const TARGET_NOW = {
	dataverse: (/** @type {string} */ key) => t.sim.state.dataverse.tables.msdyn_agentstatuses.find((/** @type {any} */ r) => r._msdyn_agentid_value === D.agents[key])._msdyn_currentpresenceid_value,
	genesys: (/** @type {string} */ key) => (t.sim.state.genesys.presences[G.users[key]]?.sources.PURECLOUD ?? {}).presenceDefinitionId,
	vonage: (/** @type {string} */ key) => t.sim.state.vonage.presence[V.users[key]].presenceId,
};
const WRITES = {
	dataverse: () => apiCalls(t.sim, 'dataverse').filter((c) => c.method === 'POST').map((c) => [c.body.AgentId, c.body.PresenceId]),
	genesys: () => apiCalls(t.sim, 'genesys').filter((c) => c.method === 'PATCH').map((c) => [c.path.split('/')[4], c.body.presenceDefinition.id]),
	vonage: () => apiCalls(t.sim, 'vonage').filter((c) => c.method === 'PATCH').map((c) => [c.path.split('/')[2], c.body.presenceId]),
};
/** Per template: Alex's source presence (category) and what it becomes in the target. */
const CASES = [
	{ file: 'reconcile-genesys-dynamics', from: 'genesys', to: 'dataverse', prefix: 'dynamics', src: [G.presence.Away, 'away'], want: D.presences.away },
	{ file: 'reconcile-dynamics-vonage', from: 'dataverse', to: 'vonage', prefix: 'vonage', src: [D.presences.away, 'away'], want: V.presence.away },
	{ file: 'reconcile-vonage-dynamics', from: 'vonage', to: 'dataverse', prefix: 'dynamics', src: [V.presence.away, 'away'], want: D.presences.away },
	{ file: 'reconcile-genesys-vonage', from: 'genesys', to: 'vonage', prefix: 'vonage', src: [G.presence.Away, 'away'], want: V.presence.away },
];

describe.each(CASES)('$file', (c) => {
	const w = load(c.file);
	const pick = (/** @type {string} */ name) => w.nodes.find((/** @type {any} */ n) => n.name === name);
	const repair = w.nodes.find((/** @type {any} */ n) => /^Repair /.test(n.name));
	const agent = /** @type {any} */ (AGENT)[c.from];
	const target = /** @type {any} */ (AGENT)[c.to];
	/** The source's bulk-read item for `key`, as Join by email leaves it: with the target side's fields. */
	const joined = (/** @type {string} */ key, /** @type {string} */ presenceId, /** @type {string} */ category) => ({
		source: c.from,
		event: 'presence_read',
		agentId: agent[key],
		presenceId,
		category,
		agentEmail: email(key),
		matchEmail: email(key).toLowerCase(),
		[`${c.prefix}AgentId`]: target[key],
		[`${c.prefix}PresenceId`]: /** @type {any} */ (TARGET_NOW)[c.to](key),
	});

	test('a schedule and Run now start both bulk reads; Repair writes with Only If Different; one Summary', () => {
		const starts = ['Every 5 minutes', 'Run now'].map((name) => w.connections[name].main[0].map((/** @type {any} */ x) => x.node));
		expect(starts[0]).toEqual(starts[1]);
		const reads = starts[0].filter((/** @type {string} */ n) => n !== 'Tally').map(pick);
		expect(reads.map((/** @type {any} */ n) => [n.parameters.operation, n.parameters.returnAll])).toEqual([['getAll', true], ['getAll', true]]);
		expect(repair.parameters).toMatchObject({ operation: 'set', onlyIfDifferent: true });
		expect(pick(MAP).parameters.sync).toBe(`${c.from}:${c.to}`);
		expect(pick('Summary').parameters.assignments.assignments.map((/** @type {any} */ a) => a.name)).toEqual(['agentsChecked', 'inStep', 'repaired', 'failed', 'skipped']);
		expect(JSON.stringify(w.nodes.find((/** @type {any} */ n) => n.name === 'About this template').parameters.content)).toMatch(/Required beside/);
	});

	test('the agent out of step is repaired, the one in step is left alone', async () => {
		const casey = joined('casey', c.src[0], c.src[1]);
		// Casey's target presence is already what the mapping gives: write it there first.
		await t.h.runWorkflow({
			nodes: [pick(MAP), repair],
			connections: { Input: { main: [[{ node: MAP, type: 'main', index: 0 }]] }, [MAP]: { main: [[{ node: repair.name, type: 'main', index: 0 }]] } },
			input: [casey],
		});
		t.sim.clearRequests();
		const run = await t.h.runWorkflow({
			nodes: [pick(MAP), repair],
			connections: { Input: { main: [[{ node: MAP, type: 'main', index: 0 }]] }, [MAP]: { main: [[{ node: repair.name, type: 'main', index: 0 }]] } },
			input: [joined('alex', c.src[0], c.src[1]), joined('casey', c.src[0], c.src[1])],
		});
		expect(run.error).toBeUndefined();
		expect(/** @type {any} */ (WRITES)[c.to]()).toEqual([[target.alex, c.want]]);
		expect(run.items(repair.name).map((/** @type {any} */ i) => [i.written, i.skippedReason])).toEqual([[true, undefined], [false, 'same']]);
	});
});
