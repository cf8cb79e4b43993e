// @ts-check
/**
 * Issue #20, "never lose a change", through the shipped event templates (nodes and connections as
 * in templates/, category mapping, against the simulator): an agent changes presence twice at the
 * source (A, then B), and the two changes' events arrive late, reordered or repeated, each in its
 * own execution as separate deliveries do. The target must end at B, A must never be written after
 * B, and B must never be skipped because of the sync's own earlier write — the defect of comparing
 * the event's time with the target's modification time, which after our write is our write time.
 */
const { useSimulator, IDS, apiCalls, allCredentials, credentialsFor } = require('../helpers/vendors');
const { createHarness } = require('../harness');
const { PEOPLE } = require('../simulator/common');
const { template } = require('../helpers/templates');
const { agentChanges } = require('../helpers/sourceChanges');

const t = useSimulator();
// Every vendor's credential, Microsoft Teams' included.
beforeEach(async () => {
	t.h = await createHarness({ credentials: { ...allCredentials(t.sim), ...credentialsFor(t.sim, 'graph'), ...credentialsFor(t.sim, 'amazonConnect') } });
});
const C = IDS.amazonConnect;
const D = IDS.dataverse;
const G = IDS.genesys;
const V = IDS.vonage;
const U = IDS.graph.users;
const email = (/** @type {string} */ key) => /** @type {any} */ (PEOPLE.find((p) => p.key === key)).email;

/** Each source's trigger item for Alex (as the template's trigger emits it). */
const ITEM = {
	dataverse: (/** @type {string} */ presenceId, /** @type {string} */ category, /** @type {string} */ changedAt) => ({ source: 'dataverse', event: 'presence_changed', agentId: D.agents.alex, presenceId, category, changedAt }),
	genesys: (/** @type {string} */ presenceId, /** @type {string} */ category, /** @type {string} */ changedAt) => ({ source: 'genesys', event: 'presence_changed', agentId: G.users.alex, presenceId, category, changedAt, email: email('alex') }),
	vonage: (/** @type {string} */ presenceId, /** @type {string} */ category, /** @type {string} */ changedAt) => ({ source: 'vonage', event: 'presence_changed', agentId: V.users.alex, presenceId, category, changedAt }),
	amazonConnect: (/** @type {string} */ presenceId, /** @type {string} */ category, /** @type {string} */ changedAt) => ({ source: 'amazonConnect', event: 'presence_changed', agentId: C.users.alex, presenceId, category, changedAt }),
	graph: (/** @type {string} */ presenceId, /** @type {string} */ category, /** @type {string} */ changedAt) => {
		const [availability, activity] = presenceId.split('/');
		return { source: 'teams', event: 'presence_changed', agentId: U.alex, presenceId, category, availability, activity, changedAt };
	},
};
const SOURCE_AGENT = { dataverse: D.agents.alex, genesys: G.users.alex, vonage: V.users.alex, graph: U.alex, amazonConnect: C.users.alex };

/** Alex's presence at each target now, and the writes it received. */
const TARGET = {
	dataverse: {
		now: () => t.sim.state.dataverse.tables.msdyn_agentstatuses.find((/** @type {any} */ r) => r._msdyn_agentid_value === D.agents.alex)._msdyn_currentpresenceid_value,
		writes: () => apiCalls(t.sim, 'dataverse').filter((c) => c.method === 'POST').map((c) => c.body.PresenceId),
	},
	genesys: {
		now: () => t.sim.state.genesys.presences[G.users.alex].sources.PURECLOUD.presenceDefinitionId,
		writes: () => apiCalls(t.sim, 'genesys').filter((c) => c.method === 'PATCH').map((c) => c.body.presenceDefinition.id),
	},
	vonage: {
		now: () => t.sim.state.vonage.presence[V.users.alex].presenceId,
		writes: () => apiCalls(t.sim, 'vonage').filter((c) => c.method === 'PATCH').map((c) => c.body.presenceId),
	},
	amazonConnect: {
		now: () => t.sim.state.amazonConnect.activity[C.users.alex].statusId,
		writes: () => apiCalls(t.sim, 'amazonConnect').filter((c) => c.method === 'PUT').map((c) => c.body.AgentStatusId),
	},
	graph: {
		now: () => TARGET.graph.writes().at(-1),
		writes: () => apiCalls(t.sim, 'graph').filter((c) => c.method === 'POST' && /\/presence\/set/.test(c.path)).map((c) => `${c.body.availability}/${c.body.activity}`),
	},
};

/** Each target's presence write, as sim.hold() matches it. */
const WRITE = {
	dataverse: { vendor: 'dataverse', method: 'POST', path: '/CCaaS_ModifyAgentPresence' },
	genesys: { vendor: 'genesys', method: 'PATCH', path: /\/presences\// },
	vonage: { vendor: 'vonage', method: 'PATCH', path: /presence/ },
	graph: { vendor: 'graph', method: 'POST', path: /\/presence\/set/ },
	amazonConnect: { vendor: 'amazonConnect', method: 'PUT', path: /\/status$/ },
};

/**
 * Per template: the source, Alex's two source presences A and B, and what each becomes in the
 * target. A differs from Alex's presence in the target, so that A's write (if any) is ours.
 */
const CASES = [
	{ file: 'dynamics-to-genesys', from: 'dataverse', to: 'genesys', A: [D.presences.busy, 'busy'], B: [D.presences.away, 'away'], wantA: G.presence.Busy, wantB: G.presence.Away },
	{ file: 'dynamics-to-vonage', from: 'dataverse', to: 'vonage', A: [D.presences.offline, 'offline'], B: [D.presences.away, 'away'], wantA: V.presence.loggedOut, wantB: V.presence.away },
	{ file: 'genesys-to-dynamics', from: 'genesys', to: 'dataverse', A: [G.presence.Available, 'available'], B: [G.presence.Away, 'away'], wantA: D.presences.available, wantB: D.presences.away },
	{ file: 'genesys-to-vonage', from: 'genesys', to: 'vonage', A: [G.presence.Offline, 'offline'], B: [G.presence.Away, 'away'], wantA: V.presence.loggedOut, wantB: V.presence.away },
	{ file: 'genesys-to-teams', from: 'genesys', to: 'graph', A: [G.presence.Available, 'available'], B: [G.presence.Busy, 'busy'], wantA: 'Available/Available', wantB: 'Busy/InACall' },
	{ file: 'vonage-to-dynamics', from: 'vonage', to: 'dataverse', A: [V.presence.ready, 'available'], B: [V.presence.away, 'away'], wantA: D.presences.available, wantB: D.presences.away },
	{ file: 'teams-to-dynamics', from: 'graph', to: 'dataverse', A: ['Available/Available', 'available'], B: ['Away/Away', 'away'], wantA: D.presences.available, wantB: D.presences.away },
	{ file: 'amazon-connect-to-teams', from: 'amazonConnect', to: 'graph', A: [C.status.available, 'available'], B: [C.status.training, 'busy'], wantA: 'Available/Available', wantB: 'Busy/InACall' },
	{ file: 'two-way-dynamics-connect', from: 'dataverse', to: 'amazonConnect', A: [D.presences.busy, 'busy'], B: [D.presences.away, 'away'], wantA: C.status.training, wantB: C.status.break },
	{ file: 'two-way-dynamics-connect', from: 'amazonConnect', to: 'dataverse', A: [C.status.available, 'available'], B: [C.status.lunch, 'away'], wantA: D.presences.available, wantB: D.presences.away },
];

const ago = (/** @type {number} */ s) => new Date(Date.now() - s * 1000).toISOString();

/**
 * The template as shipped, but the read after the write waits `seconds` (not the shipped 15 s)
 * before reading the source again when it has moved on: the same path, in less test time.
 */
const shortWait = (/** @type {string} */ file, seconds = 0.3) => {
	const { w } = template(file);
	const reads = w.nodes.filter((/** @type {any} */ n) => n.parameters.options?.readAgainIfNot !== undefined);
	expect(reads.map((/** @type {any} */ n) => [n.name.endsWith('presence after write'), n.parameters.options.readAgainAfterSeconds])).toEqual(reads.map(() => [true, 15]));
	return template(file, Object.fromEntries(reads.map((/** @type {any} */ n) => [n.name, { options: { ...n.parameters.options, readAgainAfterSeconds: seconds } }])));
};

describe.each(CASES)('$file: an older change never wins, a newer one is never skipped', (c) => {
	const from = /** @type {keyof typeof ITEM} */ (c.from);
	const target = TARGET[/** @type {keyof typeof TARGET} */ (c.to)];
	/** One delivery, one execution of the template. */
	const deliver = async (/** @type {any} */ item, waitSeconds = 0.3) => {
		const run = await t.h.runWorkflow({ ...shortWait(c.file, waitSeconds), input: [item] });
		expect(run.error).toBeUndefined();
		return run;
	};
	let eventA = /** @type {any} */ (null);
	let eventB = /** @type {any} */ (null);
	/** Alex changed to A, then to B, at the source; the events say so with the source's times. */
	const bothChanged = () => {
		const [atA, atB] = [ago(20), ago(10)];
		agentChanges(t.sim, c.from, SOURCE_AGENT[from], c.A[0], atA);
		agentChanges(t.sim, c.from, SOURCE_AGENT[from], c.B[0], atB);
		eventA = ITEM[from](c.A[0], c.A[1], atA);
		eventB = ITEM[from](c.B[0], c.B[1], atB);
	};

	// After both changes happened, whatever order the events arrive in, B alone is written.
	test.each([
		['backlog: A delivered after B happened, then B — B is written, A never is', 'AB'],
		['reordered: B delivered before A — A is skipped as stale', 'BA'],
		['repeated: A, B, B, A — one write, B', 'ABBA'],
	])('%s', async (_title, order) => {
		bothChanged();
		for (const name of order) await deliver(name === 'A' ? eventA : eventB);
		expect(target.writes()).toEqual([c.wantB]);
		expect(target.now()).toBe(c.wantB);
	});

	test('in step: A delivered and written, then B changed and delivered — both written in order', async () => {
		const atA = ago(0);
		agentChanges(t.sim, c.from, SOURCE_AGENT[from], c.A[0], atA);
		await deliver(ITEM[from](c.A[0], c.A[1], atA));
		// B happens after A's write (its event time is later than our write time, and earlier would not matter).
		const atB = ago(0);
		agentChanges(t.sim, c.from, SOURCE_AGENT[from], c.B[0], atB);
		await deliver(ITEM[from](c.B[0], c.B[1], atB));
		const writes = target.writes();
		expect(writes.at(-1)).toBe(c.wantB);
		expect(target.now()).toBe(c.wantB);
	});

	test('concurrent: A\'s and B\'s executions start together after both changes (a backlog released at once) — B is written once', async () => {
		bothChanged();
		// B's execution writes while A's, whose source has moved on, waits before its fallback:
		// B's write is held a moment (a slow vendor), and released well within A's wait.
		const held = t.sim.hold(/** @type {any} */ (WRITE)[c.to]);
		const runs = Promise.all([deliver(eventA, 1.5), deliver(eventB, 1.5)]);
		await Promise.race([held.reached, runs]);
		await Promise.race([runs, new Promise((r) => setTimeout(r, 200))]);
		held.release();
		await runs;
		expect(target.writes()).toEqual([c.wantB]);
		expect(target.now()).toBe(c.wantB);
	});

	test('raced: A read the source before B happened, B overtook A and was written, then A landed — the re-read after A\'s write puts B back', async () => {
		// A must be a write: Teams starts at Alex's Available, which is this case's A, so there B comes first.
		const [A, B, wantA, wantB] = c.to === 'graph' ? [c.B, c.A, c.wantB, c.wantA] : [c.A, c.B, c.wantA, c.wantB];
		const atA = ago(0);
		agentChanges(t.sim, c.from, SOURCE_AGENT[from], A[0], atA);
		// A's execution reads the source (A) and is held at its write, as a slow worker or vendor would hold it.
		const held = t.sim.hold(/** @type {any} */ (WRITE)[c.to]);
		const runA = deliver(ITEM[from](A[0], A[1], atA));
		await Promise.race([held.reached, runA.then(() => Promise.reject(new Error('A was not written')))]);
		// Meanwhile Alex changes to B and B's execution runs start to end: it reads B at the source and writes B.
		const atB = ago(0);
		agentChanges(t.sim, c.from, SOURCE_AGENT[from], B[0], atB);
		await deliver(ITEM[from](B[0], B[1], atB));
		// (Teams' "now" is the last write: there B was already shown, so B's execution wrote nothing)
		if (c.to !== 'graph') expect(target.now()).toBe(wantB);
		// A's write lands after B's (the older change wins for a moment)...
		held.release();
		const run = await runA;
		// (the simulator records a request on arrival: A's held write comes first)
		const writes = target.writes();
		expect(writes[0]).toBe(wantA);
		// ...and A's execution reads the source again after it, sees B and writes B.
		expect(writes.at(-1)).toBe(wantB);
		expect(target.now()).toBe(wantB);
		const again = run.items(Object.keys(run.run.data.resultData.runData).find((/** @type {string} */ n) => n.endsWith('(source moved on)')));
		expect(again.map((/** @type {any} */ i) => [i.written, i.skippedReason])).toEqual([[true, undefined]]);
	});
});
