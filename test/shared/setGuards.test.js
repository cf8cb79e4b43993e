// @ts-check
/**
 * The Set guards of every vendor's Set operation, run through n8n's engine against the simulator:
 * "Don't Override When Current Is" (protected states) and "Source Changed At" (stale events, with
 * duplicated and reversed deliveries in one execution and across executions).
 */
const { startSimulator, freshHarness, nodeOf, apiCalls, byId, IDS, credentialsFor } = require('../helpers/vendors');
const { createHarness } = require('../harness');

const G = IDS.genesys;
const DV = IDS.dataverse;
const V = IDS.vonage;
const T = IDS.graph;

/** @type {any} */ let sim;
/** @type {any} */ let h;
beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => sim.close());

const calls = (/** @type {any} */ vendor) => apiCalls(sim, vendor).map((c) => `${c.method} ${c.path}${c.query && Object.keys(c.query).length ? ` ${JSON.stringify(c.query)}` : ''}`);
/** A Set's guard fields when it wrote, and when it skipped a stale event (as guardFields() picks them). */
const written = (/** @type {string} */ previousPresenceId, /** @type {string} */ previousCategory, /** @type {string} */ presenceId) => ({
	written: true,
	previousPresenceId,
	previousCategory,
	presenceId,
});
const stale = (
	/** @type {string} */ sourceChangedAt,
	/** @type {string} */ previousPresenceId,
	/** @type {string} */ previousCategory,
	/** @type {string} */ presenceId,
) => ({ written: false, skippedReason: 'stale', sourceChangedAt, previousPresenceId, previousCategory, presenceId });
const guardFields = (/** @type {any} */ item) => {
	/** @type {Record<string, any>} */ const out = {};
	for (const k of ['written', 'skippedReason', 'protectedState', 'sourceChangedAt', 'previousPresenceId', 'previousCategory', 'presenceId']) {
		if (k in item) out[k] = item[k];
	}
	return out;
};
/** Items that each carry the presence to set and the source's changedAt, as a trigger emits them. */
const events = (/** @type {Array<[string, string]>} */ list) => list.map(([presenceId, changedAt]) => ({ presenceId, changedAt }));
const OLD = '2025-01-01T00:00:00.000Z';
const NEW = '2025-06-01T00:00:00.000Z';

/**
 * Runs `node` on reversed and duplicated deliveries in one execution (`newer`, `older`, `newer`
 * again), then, requests cleared, on `older` alone in a later execution; each run with the calls
 * `vendor` received during it.
 * @param {any} node @param {any} vendor @param {string} newer @param {string} older
 */
async function reversedThenLater(node, vendor, newer, older) {
	const run = await h.runWorkflow({ nodes: [node], input: events([[newer, NEW], [older, OLD], [newer, NEW]]) });
	const runCalls = calls(vendor);
	sim.clearRequests();
	const later = await h.runWorkflow({ nodes: [node], input: events([[older, OLD]]) });
	return { run, runCalls, later, laterCalls: calls(vendor) };
}

describe('Genesys Cloud → Set', () => {
	const ALEX = G.users.alex;
	const ON_QUEUE = G.presence['On Queue'];
	const presencePath = `/api/v2/users/${ALEX}/presences/purecloud`;
	beforeEach(async () => {
		h = await freshHarness(sim, 'genesys');
	});
	const putOnQueue = (/** @type {string} */ userId) => {
		sim.state.genesys.presences[userId].sources.PURECLOUD = { presenceDefinitionId: ON_QUEUE, message: '', modifiedDate: '2024-05-01T08:00:00.000Z' };
	};
	const set = (/** @type {Record<string, any>} */ p) =>
		nodeOf('genesys', { resource: 'agentPresence', operation: 'set', agent: byId(ALEX), source: 'purecloud', presenceBy: 'presence', presence: byId(G.presence.Available), ...p });
	/** Bulk Set of Busy for the item's userId, with these options. */
	const bulkSet = (/** @type {Record<string, any>} */ options) =>
		nodeOf('genesys', { resource: 'agentPresence', operation: 'bulkSet', agent: byId('={{ $json.userId }}'), source: 'purecloud', presenceBy: 'presence', presence: byId(G.presence.Busy), options });

	test('On Queue is protected: read even with Only If Different off, nothing written', async () => {
		putOnQueue(ALEX);
		const run = await h.runWorkflow({ nodes: [set({ onlyIfDifferent: false, options: { dontOverrideWhen: ['onQueue'] } })] });
		expect(calls('genesys')).toEqual([`GET ${presencePath}`]);
		expect(run.items('Genesys').map(guardFields)).toEqual([
			{ written: false, skippedReason: 'protected', protectedState: 'onQueue', previousPresenceId: ON_QUEUE, previousCategory: 'available', presenceId: ON_QUEUE },
		]);
		expect(run.items('Genesys')[0].presenceDefinition.systemPresence).toBe('On Queue');
	});

	test('a protected category; an unprotected presence is written as before', async () => {
		const run = await h.runWorkflow({
			nodes: [set({ presence: byId(G.presence.Busy), options: { dontOverrideWhen: ['away', 'onQueue'] } })],
		});
		expect(calls('genesys')).toEqual([`GET ${presencePath}`, `PATCH ${presencePath}`]);
		expect(run.items('Genesys').map(guardFields)).toEqual([
			written(G.presence.Available, 'available', G.presence.Busy),
		]);
		sim.clearRequests();
		const again = await h.runWorkflow({ nodes: [set({ presence: byId(G.presence.Away), options: { dontOverrideWhen: ['busy'] } })] });
		expect(calls('genesys')).toEqual([`GET ${presencePath}`]);
		expect(again.items('Genesys').map(guardFields)).toEqual([
			{ written: false, skippedReason: 'protected', protectedState: 'busy', previousPresenceId: G.presence.Busy, previousCategory: 'busy', presenceId: G.presence.Busy },
		]);
	});

	test('stale: reversed and duplicated deliveries in one execution — the newer is written once', async () => {
		const node = set({ onlyIfDifferent: false, presence: byId('={{ $json.presenceId }}'), options: { sourceChangedAt: '={{ $json.changedAt }}' } });
		const run = await h.runWorkflow({
			nodes: [node],
			input: events([[G.presence.Busy, NEW], [G.presence.Away, OLD], [G.presence.Busy, NEW]]),
		});
		expect(calls('genesys')).toEqual([`GET ${presencePath}`, `PATCH ${presencePath}`, `GET ${presencePath}`, `GET ${presencePath}`]);
		expect(run.items('Genesys').map(guardFields)).toEqual([
			written(G.presence.Available, 'available', G.presence.Busy),
			stale(OLD, G.presence.Busy, 'busy', G.presence.Busy),
			stale(NEW, G.presence.Busy, 'busy', G.presence.Busy),
		]);
	});

	test('stale across executions: the older event delivered later is skipped', async () => {
		const node = set({ onlyIfDifferent: false, presence: byId('={{ $json.presenceId }}'), options: { sourceChangedAt: '={{ $json.changedAt }}' } });
		const first = await h.runWorkflow({ nodes: [node], input: events([[G.presence.Busy, NEW]]) });
		const second = await h.runWorkflow({ nodes: [node], input: events([[G.presence.Away, OLD]]) });
		expect(first.items('Genesys')[0].written).toBe(true);
		expect(guardFields(second.items('Genesys')[0])).toMatchObject({ written: false, skippedReason: 'stale', presenceId: G.presence.Busy });
		expect(calls('genesys')).toEqual([`GET ${presencePath}`, `PATCH ${presencePath}`, `GET ${presencePath}`]);
		expect(sim.state.genesys.presences[ALEX].sources.PURECLOUD.presenceDefinitionId).toBe(G.presence.Busy);
	});

	test('Source Presence ID ≠ Source\'s Current Presence ID: stale, whatever the target\'s time; equal: written after our own write', async () => {
		const node = set({
			onlyIfDifferent: false,
			presence: byId('={{ $json.presenceId }}'),
			options: { sourceChangedAt: '={{ $json.changedAt }}', sourcePresenceId: '={{ $json.eventId }}', sourceCurrentPresenceId: '={{ $json.sourceNow }}' },
		});
		// The source moved on from "a" to "b": the event for "a" is stale (no write), though newer than the target.
		const stale = await h.runWorkflow({ nodes: [node], input: [{ presenceId: G.presence.Away, changedAt: NEW, eventId: 'A', sourceNow: 'b' }] });
		expect(guardFields(stale.items('Genesys')[0])).toMatchObject({ written: false, skippedReason: 'stale', presenceId: G.presence.Available });
		expect(stale.items('Genesys')[0]).toMatchObject({ sourcePresenceId: 'A', sourceCurrentPresenceId: 'b' });
		expect(calls('genesys')).toEqual([`GET ${presencePath}`]);
		sim.clearRequests();
		// Our write, then an event older than it that the source still shows (IDs compared case-blind): written.
		await h.runWorkflow({ nodes: [node], input: [{ presenceId: G.presence.Busy, changedAt: NEW, eventId: 'b', sourceNow: 'b' }] });
		const next = await h.runWorkflow({ nodes: [node], input: [{ presenceId: G.presence.Away, changedAt: OLD, eventId: 'c', sourceNow: 'C' }] });
		expect(guardFields(next.items('Genesys')[0])).toMatchObject({ written: true, presenceId: G.presence.Away });
		expect(sim.state.genesys.presences[ALEX].sources.PURECLOUD.presenceDefinitionId).toBe(G.presence.Away);
	});

	test('one of the two presence IDs empty fails the item clearly, nothing sent', async () => {
		const run = await h.runWorkflow({ nodes: [set({ options: { sourcePresenceId: 'x' } })] });
		expect(run.nodeError('Genesys').message).toBe("Source's Current Presence ID is empty: the stale check needs both presence IDs");
		expect(calls('genesys')).toEqual([]);
	});

	test('Bulk Set: an event the source has moved on from is left out of the PUT', async () => {
		const node = bulkSet({ sourcePresenceId: '={{ $json.eventId }}', sourceCurrentPresenceId: '={{ $json.sourceNow }}' });
		const run = await h.runWorkflow({ nodes: [node], input: [{ userId: ALEX, eventId: 'a', sourceNow: 'b' }, { userId: G.users.dana, eventId: 'b', sourceNow: 'b' }] });
		expect(apiCalls(sim, 'genesys')[1].body.map((/** @type {any} */ p) => p.id)).toEqual([G.users.dana]);
		expect(run.items('Genesys').map((/** @type {any} */ i) => [i.written, i.skippedReason])).toEqual([[false, 'stale'], [true, undefined]]);
	});

	test('a Source Changed At that is not a date fails the item clearly, nothing sent', async () => {
		const run = await h.runWorkflow({ nodes: [set({ options: { sourceChangedAt: 'yesterday' } })] });
		expect(run.nodeError('Genesys').message).toBe('Source Changed At is not a date: "yesterday"');
		expect(calls('genesys')).toEqual([]);
	});

	test('Bulk Set: current presences read in bulk, the On Queue agent left alone, the rest written in one PUT', async () => {
		const CASEY = G.users.casey;
		const DANA = G.users.dana;
		putOnQueue(CASEY);
		const node = bulkSet({ dontOverrideWhen: ['onQueue'] });
		const run = await h.runWorkflow({ nodes: [node], input: [ALEX, CASEY, DANA].map((userId) => ({ userId })) });
		expect(calls('genesys')).toEqual([
			`GET /api/v2/users/presences/purecloud/bulk {"id":"${ALEX},${CASEY},${DANA}"}`,
			'PUT /api/v2/users/presences/bulk',
		]);
		const put = apiCalls(sim, 'genesys')[1];
		expect(put.body).toEqual([ALEX, DANA].map((id) => ({ id, presenceDefinition: { id: G.presence.Busy } })));
		expect(run.items('Genesys').map(guardFields)).toEqual([
			{ written: true, previousPresenceId: null, previousCategory: null, presenceId: G.presence.Busy },
			{ written: false, skippedReason: 'protected', protectedState: 'onQueue', previousPresenceId: ON_QUEUE, previousCategory: 'available', presenceId: ON_QUEUE },
			{ written: true, previousPresenceId: null, previousCategory: null, presenceId: G.presence.Busy },
		]);
	});
});

describe('Dynamics 365 Contact Center → Set', () => {
	const P = DV.presences;
	beforeEach(async () => {
		h = await freshHarness(sim, 'dataverse');
	});
	const statusQuery = (/** @type {string} */ agentId) =>
		`GET /msdyn_agentstatuses ${JSON.stringify({ $select: '_msdyn_currentpresenceid_value,msdyn_presencemodifiedby,msdyn_presencemodifiedon', $filter: `_msdyn_agentid_value eq ${agentId}`, $top: '1' })}`;
	const set = (/** @type {string} */ agentId, /** @type {Record<string, any>} */ p) =>
		nodeOf('dataverse', { resource: 'agentPresence', operation: 'set', agent: byId(agentId), presenceBy: 'presence', presence: byId(P.available), ...p });

	test('a presence set by SYSTEM is protected; one the agent set is not', async () => {
		const options = { dontOverrideWhen: ['setBySystem'] };
		// Blake's status row: Offline, msdyn_presencemodifiedby SYSTEM.
		const run = await h.runWorkflow({ nodes: [set(DV.agents.blake, { onlyIfDifferent: false, options })] });
		expect(calls('dataverse')).toEqual([statusQuery(DV.agents.blake)]);
		expect(run.items('Dynamics').map(guardFields)).toEqual([
			{ written: false, skippedReason: 'protected', protectedState: 'setBySystem', previousPresenceId: P.offline, previousCategory: 'offline', presenceId: P.available },
		]);
		sim.clearRequests();
		// Alex's: Busy, set by AGENT.
		const alex = await h.runWorkflow({ nodes: [set(DV.agents.alex, { options })] });
		expect(calls('dataverse')).toEqual([statusQuery(DV.agents.alex), 'POST /CCaaS_ModifyAgentPresence']);
		expect(alex.items('Dynamics').map(guardFields)).toEqual([
			written(P.busy, 'busy', P.available),
		]);
	});

	test('stale: reversed and duplicated deliveries in one execution, then across executions', async () => {
		const alex = DV.agents.alex;
		const node = set(alex, { onlyIfDifferent: false, presence: byId('={{ $json.presenceId }}'), options: { sourceChangedAt: '={{ $json.changedAt }}' } });
		// Alex's row was last changed 2024-08-02T07:00:38Z: both events are newer than that.
		const { run, runCalls, later, laterCalls } = await reversedThenLater(node, 'dataverse', P.away, P.available);
		expect(runCalls).toEqual([statusQuery(alex), 'POST /CCaaS_ModifyAgentPresence', statusQuery(alex), statusQuery(alex)]);
		expect(run.items('Dynamics').map(guardFields)).toEqual([
			written(P.busy, 'busy', P.away),
			stale(OLD, P.away, 'away', P.available),
			stale(NEW, P.away, 'away', P.away),
		]);
		expect(laterCalls).toEqual([statusQuery(alex)]);
		expect(later.items('Dynamics').map(guardFields)).toEqual([stale(OLD, P.away, 'away', P.available)]);
	});

	test('an event older than the agent’s own last change is stale on its first delivery', async () => {
		const run = await h.runWorkflow({ nodes: [set(DV.agents.alex, { options: { sourceChangedAt: '2024-08-02T07:00:00Z' } })] });
		expect(calls('dataverse')).toEqual([statusQuery(DV.agents.alex)]);
		expect(run.items('Dynamics')[0]).toMatchObject({ written: false, skippedReason: 'stale', sourceChangedAt: '2024-08-02T07:00:00.000Z' });
	});
});

describe('Vonage Contact Center → Set', () => {
	const ALEX = V.users.alex;
	const P = V.presence;
	beforeEach(async () => {
		h = await freshHarness(sim, 'vonage');
	});
	const set = (/** @type {Record<string, any>} */ p) =>
		nodeOf('vonage', { resource: 'agentPresence', operation: 'set', agent: byId(ALEX), presenceBy: 'presence', presence: byId(P.away), ...p });
	const path = `/agents/${ALEX}/presence`;

	test('a protected category: read with Only If Different off, nothing written', async () => {
		const run = await h.runWorkflow({ nodes: [set({ onlyIfDifferent: false, options: { dontOverrideWhen: ['available'] } })] });
		expect(calls('vonage')).toEqual([`GET ${path}`, 'GET /agents/presence-definitions']);
		expect(run.items('Vonage').map(guardFields)).toEqual([
			{ written: false, skippedReason: 'protected', protectedState: 'available', previousPresenceId: P.ready, previousCategory: 'available', presenceId: P.ready },
		]);
	});

	test('stale: reversed and duplicated deliveries in one execution, then across executions', async () => {
		const node = set({ onlyIfDifferent: false, presence: byId('={{ $json.presenceId }}'), options: { sourceChangedAt: '={{ $json.changedAt }}' } });
		const { run, runCalls, later, laterCalls } = await reversedThenLater(node, 'vonage', P.away, P.ready);
		expect(runCalls).toEqual([`GET ${path}`, 'GET /agents/presence-definitions', `PATCH ${path}`, `GET ${path}`, `GET ${path}`]);
		expect(run.items('Vonage').map(guardFields)).toEqual([
			written(P.ready, 'available', P.away),
			stale(OLD, P.away, 'away', P.away),
			stale(NEW, P.away, 'away', P.away),
		]);
		expect(later.items('Vonage').map(guardFields)).toEqual([stale(OLD, P.away, 'away', P.away)]);
		expect(laterCalls.filter((c) => c.startsWith('PATCH'))).toEqual([]);
		expect(sim.state.vonage.presence[ALEX].presenceId).toBe(P.away);
	});
});

describe('Microsoft Teams → Set / Set Preferred', () => {
	beforeEach(async () => {
		sim.reset();
		h = await createHarness({ credentials: credentialsFor(sim, 'graph') });
	});
	const teams = (/** @type {Record<string, any>} */ p) => ({
		name: 'Teams',
		type: 'microsoftTeamsPresence',
		typeVersion: 1,
		parameters: { resource: 'agentPresence', presenceBy: 'category', category: 'available', ...p },
		credentials: { microsoftTeamsPresenceGraphApi: { id: '1', name: 'Teams' } },
	});
	const graphCalls = () => sim.requests.filter((/** @type {any} */ r) => r.vendor === 'graph' && r.mount === '/graph').map((/** @type {any} */ r) => `${r.method} ${r.path}`);

	test('a user in a call is protected (Set), a presenting user too (Set Preferred)', async () => {
		sim.graph.userSets(T.users.casey, 'Busy', 'InACall');
		const run = await h.runWorkflow({
			nodes: [teams({ operation: 'set', agent: byId(T.users.casey), onlyIfDifferent: false, options: { dontOverrideWhen: ['InACall', 'Presenting'] } })],
		});
		expect(graphCalls()).toEqual([`GET /v1.0/users/${T.users.casey}/presence`]);
		expect(run.items('Teams').map(guardFields)).toEqual([
			{ written: false, skippedReason: 'protected', protectedState: 'InACall', previousPresenceId: 'Busy/InACall', previousCategory: 'busy', presenceId: 'Busy/InACall' },
		]);
		sim.clearRequests();
		// Dana presents (DoNotDisturb/Presenting).
		const preferred = await h.runWorkflow({
			nodes: [teams({ operation: 'setPreferred', agent: byId(T.users.dana), options: { dontOverrideWhen: ['Presenting'] } })],
		});
		expect(graphCalls()).toEqual([`GET /v1.0/users/${T.users.dana}/presence`]);
		expect(preferred.items('Teams')[0]).toMatchObject({ written: false, skippedReason: 'protected', protectedState: 'Presenting' });
	});

	test('Source Changed At has no effect for Teams: nothing extra is read', async () => {
		const run = await h.runWorkflow({
			nodes: [teams({ operation: 'set', agent: byId(T.users.casey), onlyIfDifferent: false, options: { sourceChangedAt: OLD } })],
		});
		expect(graphCalls()).toEqual([`POST /v1.0/users/${T.users.casey}/presence/setPresence`, `GET /v1.0/users/${T.users.casey}/presence`]);
		expect(run.items('Teams')[0]).toMatchObject({ written: true });
	});
});
