// @ts-check
/**
 * The reconciliation every sync family ships with (issue #20): each reconcile-<source>-<target>
 * template's Presence mapping → Repair node as shipped, fed items as its bulk reads and Join by
 * email leave them, against the simulator. An agent out of step is written, one in step is not;
 * and every template is a schedule with a manual start, both sides read in bulk, and one Summary.
 */
const fs = require('node:fs');
const path = require('node:path');
const { useSimulator, IDS, apiCalls, allCredentials, credentialsFor } = require('../helpers/vendors');
const { createHarness } = require('../harness');
const { PEOPLE } = require('../simulator/common');
const { MAP } = require('../helpers/templates');

const t = useSimulator();
const D = IDS.dataverse;
const G = IDS.genesys;
const V = IDS.vonage;
const U = IDS.graph.users;
const C = IDS.amazonConnect;
const email = (/** @type {string} */ key) => /** @type {any} */ (PEOPLE.find((p) => p.key === key)).email;
const load = (/** @type {string} */ file) => JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'templates', `${file}.json`), 'utf8'));

const AGENT = { dataverse: D.agents, genesys: G.users, vonage: V.users, teams: U, amazonConnect: C.users };
/** Alex's and Casey's presence in the target now. */
const TARGET_NOW = {
	dataverse: (/** @type {string} */ key) => t.sim.state.dataverse.tables.msdyn_agentstatuses.find((/** @type {any} */ r) => r._msdyn_agentid_value === D.agents[key])._msdyn_currentpresenceid_value,
	genesys: (/** @type {string} */ key) => (t.sim.state.genesys.presences[G.users[key]]?.sources.PURECLOUD ?? {}).presenceDefinitionId,
	vonage: (/** @type {string} */ key) => t.sim.state.vonage.presence[V.users[key]].presenceId,
	amazonConnect: (/** @type {string} */ key) => t.sim.state.amazonConnect.activity[C.users[key]].statusId,
	// Not read by Repair; In step? compares it, which runs in n8n (the e2e), not here.
	teams: () => null,
};
const WRITES = {
	dataverse: () => apiCalls(t.sim, 'dataverse').filter((c) => c.method === 'POST').map((c) => [c.body.AgentId, c.body.PresenceId]),
	genesys: () => apiCalls(t.sim, 'genesys').filter((c) => c.method === 'PATCH').map((c) => [c.path.split('/')[4], c.body.presenceDefinition.id]),
	vonage: () => apiCalls(t.sim, 'vonage').filter((c) => c.method === 'PATCH').map((c) => [c.path.split('/')[2], c.body.presenceId]),
	amazonConnect: () => apiCalls(t.sim, 'amazonConnect').filter((c) => c.method === 'PUT').map((c) => [c.path.split('/')[3], c.body.AgentStatusId]),
	teams: () => apiCalls(t.sim, 'graph').filter((c) => c.method === 'POST' && /\/presence\/set/.test(c.path)).map((c) => [c.path.split('/')[3], `${c.body.availability}/${c.body.activity}`]),
};
/** Per template: Alex's source presence (category) and what it becomes in the target. */
const CASES = [
	{ file: 'reconcile-genesys-dynamics', from: 'genesys', to: 'dataverse', prefix: 'dynamics', src: [G.presence.Away, 'away'], want: D.presences.away },
	{ file: 'reconcile-dynamics-vonage', from: 'dataverse', to: 'vonage', prefix: 'vonage', src: [D.presences.away, 'away'], want: V.presence.away },
	{ file: 'reconcile-vonage-dynamics', from: 'vonage', to: 'dataverse', prefix: 'dynamics', src: [V.presence.away, 'away'], want: D.presences.away },
	{ file: 'reconcile-genesys-vonage', from: 'genesys', to: 'vonage', prefix: 'vonage', src: [G.presence.Away, 'away'], want: V.presence.away },
	{ file: 'reconcile-teams-dynamics', from: 'teams', to: 'dataverse', prefix: 'dynamics', src: ['Away/Away', 'away'], want: D.presences.away },
	// Busy: an app session's Busy shows over a signed-in client's Available (Away would not).
	{ file: 'reconcile-genesys-teams', from: 'genesys', to: 'teams', prefix: 'teams', src: [G.presence.Busy, 'busy'], want: 'Busy/InACall' },
	{ file: 'reconcile-connect-teams', from: 'amazonConnect', to: 'teams', prefix: 'teams', src: [C.status.training, 'busy'], want: 'Busy/InACall' },
	{ file: 'reconcile-connect-dynamics', from: 'amazonConnect', to: 'dataverse', prefix: 'dynamics', src: [C.status.break, 'away'], want: D.presences.away },
	// Away: the first custom status of that category (Break).
	{ file: 'reconcile-dynamics-connect', from: 'dataverse', to: 'amazonConnect', prefix: 'connect', src: [D.presences.away, 'away'], want: C.status.break },
];

// Every vendor's credential, Microsoft Teams' included; Alex and Casey are signed in to Teams
// (Available, not chosen by them), so a session's presence shows.
beforeEach(async () => {
	t.h = await createHarness({ credentials: { ...allCredentials(t.sim), ...credentialsFor(t.sim, 'graph'), ...credentialsFor(t.sim, 'amazonConnect') } });
	for (const key of ['alex', 'casey']) t.sim.graph.userSets(U[key], 'Available', 'Available', false);
});

test('the Teams bulk read: Teams users → Teams presences reads every listed user in one request (Execute Once)', async () => {
	const w = load('reconcile-teams-dynamics');
	const nodes = ['Teams users', 'Teams presences'].map((name) => w.nodes.find((/** @type {any} */ n) => n.name === name));
	const run = await t.h.runWorkflow({ nodes, input: [{}] });
	expect(run.error).toBeUndefined();
	const users = run.items('Teams users');
	const bulk = apiCalls(t.sim, 'graph').filter((c) => c.path === '/v1.0/communications/getPresencesByUserId');
	expect(bulk.map((c) => c.body.ids)).toEqual([users.map((/** @type {any} */ u) => u.agentId)]);
	expect(run.items('Teams presences').map((/** @type {any} */ i) => i.agentId)).toEqual(users.map((/** @type {any} */ u) => u.agentId));
});

test('the Amazon Connect bulk read: Connect users → Connect presences asks GetCurrentUserData for every listed user, 100 a request (Execute Once)', async () => {
	const w = load('reconcile-dynamics-connect');
	// Connect usernames (n8n's Merge) runs in n8n itself: the e2e.
	const nodes = ['Connect users', 'Connect presences'].map((name) => w.nodes.find((/** @type {any} */ n) => n.name === name));
	t.sim.amazonConnect.logOut(C.users.blake);
	const run = await t.h.runWorkflow({ nodes, input: [{}] });
	expect(run.error).toBeUndefined();
	const users = run.items('Connect users');
	const asked = apiCalls(t.sim, 'amazonConnect').filter((c) => c.path.startsWith('/metrics/userdata/'));
	expect(asked.flatMap((c) => c.body.Filters.Agents)).toEqual(users.map((/** @type {any} */ u) => u.agentId));
	expect(asked.map((c) => c.body.Filters.Agents.length).every((n) => n <= 100)).toBe(true);
	// Every listed user once, each with a username to match on; a logged-out user is offline.
	const presences = run.items('Connect presences');
	expect(presences.map((/** @type {any} */ i) => i.agentId)).toEqual(users.map((/** @type {any} */ u) => u.agentId));
	expect(users.find((/** @type {any} */ u) => u.agentId === C.users.blake).username).toBe(email('blake'));
	expect(presences.find((/** @type {any} */ i) => i.agentId === C.users.blake)).toMatchObject({ category: 'offline', loggedIn: false });
});

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

test('every event-driven template names its reconciliation as required, and that template exists', () => {
	const dir = path.join(__dirname, '..', '..', 'templates');
	const events = fs.readdirSync(dir).filter((f) => f.endsWith('.json') && !f.startsWith('reconcile-')).map((f) => f.replace(/\.json$/, ''));
	expect(events).toHaveLength(14);
	for (const file of events) {
		const about = load(file).nodes.find((/** @type {any} */ n) => n.name === 'About this template').parameters.content;
		expect([file, about]).toEqual([file, expect.stringContaining('### Required: reconciliation')]);
		const named = [...about.matchAll(/\*\*(reconcile-[a-z-]+)\.json\*\*/g)].map((m) => m[1]);
		expect([file, named.length > 0]).toEqual([file, true]);
		for (const r of named) expect(fs.existsSync(path.join(dir, `${r}.json`))).toBe(true);
		// The source read before the write and again after it, and what that costs.
		expect(about).toMatch(/reads the source just before the write.*once more after it.*costs two reads/s);
	}
});
