// @ts-check
/** The e2e scenarios: each acts like a vendor or an agent, then asserts the simulator's record. */
'use strict';
const { assert, BY_HAND } = require('./checks');
const { E2E_POLL_SECONDS } = require('./workflows');

const KEY_QUERY = (/** @type {string} */ key) => `?code=${encodeURIComponent(key)}`;
/**
 * How long a scenario waits for a polling trigger's next poll, or for the execution it starts: the
 * e2e's triggers poll every E2E_POLL_SECONDS (workflows.js), so a poll is at most one interval
 * away; five leave room for a poll that runs late on a loaded machine.
 */
const POLL_WAIT_MS = 5 * E2E_POLL_SECONDS * 1000;
/** How often a scenario looks for that poll: well inside the interval, so it acts just after one. */
const POLL_SAMPLE_MS = 500;

/** Waits until `polled()` holds: a polling trigger's next poll reached the simulator. */
async function untilPolled(/** @type {() => Promise<boolean>} */ polled, /** @type {string} */ what) {
	const end = Date.now() + POLL_WAIT_MS;
	while (!(await polled())) {
		if (Date.now() > end) throw new Error(`no ${what} within ${POLL_WAIT_MS / 1000} s`);
		await new Promise((r) => setTimeout(r, POLL_SAMPLE_MS));
	}
}

/**
 * The assertions and vendor actions the scenarios share, bound to one run's checks.
 * @param {import('./checks').Checks} c
 * @param {{ IDS: any, CLIENTS: any, SHARED_KEY: string }} o
 */
function helpers(c, { IDS, CLIENTS, SHARED_KEY }) {
	const key = KEY_QUERY(SHARED_KEY);

	/** Posts a Dataverse payload to a template's production webhook; expects 200 and `executions` new executions. */
	/**
	 * Posts a Dataverse webhook body. `shows`: the change it describes, made in the simulated
	 * Dataverse first — a real one sends the webhook after the row changed, and the templates read
	 * the source's presence before writing (stale check), so a change the source never made is refused.
	 */
	async function deliver(/** @type {string} */ wf, /** @type {any} */ body, /** @type {number} */ executions, /** @type {{ agentId: string, presenceId: string } | undefined} */ shows = undefined) {
		if (shows) await fetch(`${c.sim}/__sim/dataverse/agent-sets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(shows) });
		await c.clearRequests();
		const before = c.executions(wf).length;
		const r = await c.post(c.webhookUrl(wf, c.workflow(wf).autoRegistered ? KEY_QUERY(await generatedKey(wf)) : key), body);
		assert.equal(r.status, 200, `webhook answered ${r.status}: ${r.text}`);
		const all = await c.settledExecutions(wf, before + executions);
		const fresh = all.slice(before);
		assert.equal(fresh.length, executions, `expected ${executions} new execution(s), got ${fresh.length}`);
		for (const e of fresh) assert.equal(e.status, 'success', `execution ${e.id} ended ${e.status}`);
		await c.quiet(executions === 0 ? 1500 : 1000);
		assert.equal(c.executions(wf).length, before + executions, 'a further execution started');
	}

	function expectOneGenesysWrite(/** @type {any[]} */ writes, /** @type {string} */ userId, /** @type {string} */ definitionId, source = 'purecloud') {
		assert.equal(writes.length, 1, `expected exactly one Genesys write, got ${JSON.stringify(writes.map((w) => `${w.method} ${w.path}`))}`);
		const [w] = writes;
		assert.equal(w.method, 'PATCH');
		assert.equal(w.path, `/api/v2/users/${userId}/presences/${source}`);
		assert.equal(w.body?.presenceDefinition?.id, definitionId, `presence definition ${JSON.stringify(w.body)}`);
		assert.equal(w.status, 200);
	}

	/**
	 * The two-way sync's write under its registered presence source: Genesys' bulk PUT naming it in
	 * sourceId (PATCH does not support registered sources), then PUT …/primarysource, so the agent shows it.
	 */
	function expectSyncSourceWrite(/** @type {any[]} */ writes, /** @type {string} */ userId, /** @type {string} */ definitionId, /** @type {string} */ sourceId) {
		assert.deepEqual(
			writes.map((w) => [w.method, w.path, w.body, w.status]),
			[
				['PUT', '/api/v2/users/presences/bulk', [{ id: userId, sourceId, presenceDefinition: { id: definitionId } }], 200],
				['PUT', `/api/v2/presence/users/${userId}/primarysource`, { sourceId }, 200],
			],
		);
	}

	function expectOneDataverseWrite(/** @type {any[]} */ writes, /** @type {string} */ agentId, /** @type {string} */ presenceId) {
		assert.equal(writes.length, 1, `expected exactly one Dataverse write, got ${JSON.stringify(writes.map((w) => `${w.method} ${w.path}`))}`);
		const [w] = writes;
		assert.equal(w.method, 'POST');
		assert.match(w.path, /\/api\/data\/v9\.\d\/CCaaS_ModifyAgentPresence$/);
		assert.equal(w.headers.mscrmcallerid, agentId);
		assert.deepEqual(w.body, { ApiVersion: '1.0', AgentId: agentId, PresenceId: presenceId });
		assert.equal(w.status, 200);
	}

	async function none(/** @type {string[]} */ vendors) {
		for (const v of vendors) assert.deepEqual((await c.writes(v)).map((w) => `${w.method} ${w.path}`), [], `unexpected ${v} writes`);
	}

	const changeGenesysPresence = genesysByHand(c, CLIENTS);

	/** Waits for a Genesys-triggered workflow's next execution(s) after a change by hand. */
	async function afterGenesysChange(/** @type {string} */ wf, /** @type {() => Promise<void>} */ act, executions = 1) {
		await c.clearRequests();
		const before = c.executions(wf).length;
		await act();
		const fresh = (await c.settledExecutions(wf, before + executions)).slice(before);
		for (const e of fresh) assert.equal(e.status, 'success', `execution ${e.id} ended ${e.status}`);
		await c.quiet();
		assert.equal(c.executions(wf).length, before + executions, 'a further execution started');
	}

	/**
	 * The two-way template registers its Dataverse webhook itself with an empty Shared Key: the
	 * trigger generated the key at activation, and it is known only from the registration.
	 */
	/** @type {Record<string, string>} */
	const generatedKeys = {};
	async function generatedKey(wf = 'two-way-dynamics-genesys') {
		if (generatedKeys[wf]) return generatedKeys[wf];
		const state = /** @type {any} */ (await (await fetch(`${c.sim}/__sim/state`)).json());
		const webhookId = c.workflow(wf).webhookId;
		const endpoint = (state.dataverse?.tables?.serviceendpoints ?? []).find((/** @type {any} */ e) => String(e.url).includes(webhookId));
		assert.ok(endpoint, `the trigger of ${wf} registered no Dataverse webhook`);
		generatedKeys[wf] = String(endpoint.authvalue);
		return generatedKeys[wf];
	}

	return { deliver, expectOneGenesysWrite, expectSyncSourceWrite, expectOneDataverseWrite, none, changeGenesysPresence, afterGenesysChange, generatedKey };
}

/**
 * Dynamics → Vonage, the seed Update fixture. Runs first, in the smoke suite too: once Genesys →
 * Vonage (published beside it) sees the Genesys writes that follow, Alex's Vonage presence is
 * already the one they map to, so that chain writes nothing.
 * @param {import('./checks').Checks} c
 * @param {{ fixtures: any, IDS: any }} o
 * @param {ReturnType<typeof helpers>} h
 */
async function dynamicsUpdateToVonage(c, { fixtures, IDS }, { deliver, none }) {
	await c.test('Dynamics → Vonage: seed Update fixture (Alex → Busy) makes one Vonage write: Alex, an Away presence', async () => {
		await deliver('dynamics-to-vonage', fixtures.update, 1);
		const writes = await c.writes('vonage');
		assert.equal(writes.length, 1, `expected one Vonage write, got ${JSON.stringify(writes.map((w) => `${w.method} ${w.path}`))}`);
		assert.equal(writes[0].method, 'PATCH');
		assert.equal(writes[0].path, `/agents/${IDS.vonage.users.alex}/presence`);
		assert.deepEqual(writes[0].body, { presenceId: IDS.vonage.presence.away });
		await none(['genesys', 'dataverse']);
	});
}

/**
 * Dynamics → Genesys, the seed Update fixture: a Dataverse webhook into a published template, one
 * write out at the vendor. The first scenario and one of the smoke suite's.
 * @param {import('./checks').Checks} c
 * @param {{ fixtures: any, IDS: any }} o
 * @param {ReturnType<typeof helpers>} h
 */
async function dynamicsUpdateToGenesys(c, { fixtures, IDS }, { deliver, expectOneGenesysWrite, none }) {
	await c.test('Dynamics → Genesys: seed Update fixture (Alex → Busy) makes one Genesys write: Alex, primary Busy', async () => {
		await deliver('dynamics-to-genesys', fixtures.update, 1);
		expectOneGenesysWrite(await c.writes('genesys'), IDS.genesys.users.alex, IDS.genesys.presence.Busy);
		await none(['dataverse', 'vonage']);
	});
}

/**
 * Genesys → Dynamics through the Genesys trigger's notification WebSocket: one Dataverse write,
 * whose echo the two-way template ignores. Also in the smoke suite.
 * @param {import('./checks').Checks} c
 * @param {{ IDS: any }} o
 * @param {ReturnType<typeof helpers>} h
 */
async function genesysOnQueueToDynamics(c, { IDS }, { afterGenesysChange, changeGenesysPresence, expectOneDataverseWrite, none }) {
	await c.test('Genesys → Dynamics: Eli goes On Queue in Genesys → one Dynamics write: Eli, Available; its Dataverse echo is ignored by the two-way sync', async () => {
		const twoWayBefore = c.executions('two-way-dynamics-genesys').length;
		await afterGenesysChange('genesys-to-dynamics', () => changeGenesysPresence(IDS.genesys.users.eli, IDS.genesys.presence['On Queue']));
		expectOneDataverseWrite(await c.writes('dataverse'), IDS.dataverse.agents.eli, IDS.dataverse.presences.available);
		await none(['genesys', 'vonage']);
		assert.equal(c.executions('two-way-dynamics-genesys').length, twoWayBefore, 'the two-way sync ran for the Dataverse echo');
	});
}

/**
 * The smoke suite (E2E_SUITE=smoke, for other n8n versions): the package loaded and every template
 * imported and published (the stack's start), webhooks → vendor writes (Vonage, Genesys), and a
 * WebSocket trigger → vendor write (Dataverse), in the full suite's order. Minutes instead of the full suite's quarter hour.
 * @param {import('./checks').Checks} c
 * @param {{ fixtures: any, IDS: any, CLIENTS: any, SHARED_KEY: string }} o
 */
async function runSmoke(c, o) {
	const h = helpers(c, o);
	await dynamicsUpdateToVonage(c, o, h);
	await dynamicsUpdateToGenesys(c, o, h);
	await genesysOnQueueToDynamics(c, o, h);
}

/**
 * @param {import('./checks').Checks} c
 * @param {{ fixtures: any, IDS: any, CLIENTS: any, SHARED_KEY: string, SYNC_SOURCE_NAME: string }} o
 */
async function run(c, o) {
	const { fixtures, IDS, CLIENTS, SHARED_KEY, SYNC_SOURCE_NAME } = o;
	const dv = IDS.dataverse;
	const gp = IDS.genesys.presence;
	const gu = IDS.genesys.users;
	const key = KEY_QUERY(SHARED_KEY);
	const h = helpers(c, o);
	const { deliver, expectOneGenesysWrite, expectSyncSourceWrite, expectOneDataverseWrite, none, changeGenesysPresence, afterGenesysChange, generatedKey } = h;

	// ---------------------------------------------------------------- Dynamics → Vonage
	await dynamicsUpdateToVonage(c, o, h);

	// ---------------------------------------------------------------- Dynamics → Genesys
	await dynamicsUpdateToGenesys(c, o, h);

	await c.test('Dynamics → Genesys: seed Create fixture (new agent Blake, Offline) makes one Genesys write: Blake, Offline', async () => {
		await deliver('dynamics-to-genesys', fixtures.create, 1);
		expectOneGenesysWrite(await c.writes('genesys'), gu.blake, gp.Offline);
		await none(['dataverse', 'vonage']);
	});

	const alexDnd = fixtures.variant({ presenceId: dv.presences.busyDnd, initiatingUserId: dv.agents.alex });
	await c.test('Dynamics → Genesys: Alex → Busy DND uses the mapping\'s "Busy - DND" definition, once', async () => {
		await deliver('dynamics-to-genesys', alexDnd, 1, { agentId: dv.agents.alex, presenceId: dv.presences.busyDnd });
		expectOneGenesysWrite(await c.writes('genesys'), gu.alex, IDS.genesys.custom.busyDnd);
	});

	await c.test('Dynamics → Genesys: the same change again runs but writes nothing (Only If Different)', async () => {
		await deliver('dynamics-to-genesys', alexDnd, 1);
		await none(['genesys', 'dataverse', 'vonage']);
		const reads = (await c.requests('genesys')).filter((r) => r.method === 'GET' && r.path.endsWith(`/users/${gu.alex}/presences/purecloud`));
		// Once by Set Genesys presence, once by Set Genesys presence (source moved on) after the source's re-read.
		assert.equal(reads.length, 2, "each Set's Only If Different read the current presence once");
	});

	await c.test('Agent Presence Trigger: bad payloads get their 4xx and start no execution', async () => {
		await c.clearRequests();
		const before = c.executions('dynamics-to-genesys').length;
		const cases = [
			{ what: 'JSON that is no RemoteExecutionContext', url: c.webhookUrl('dynamics-to-genesys', key), body: { hello: 'world' }, status: [400] },
			// n8n's own body parser answers 422 before the trigger runs.
			{ what: 'a body that is not JSON', url: c.webhookUrl('dynamics-to-genesys', key), body: 'not json {', status: [400, 422] },
			{ what: 'the wrong shared key', url: c.webhookUrl('dynamics-to-genesys', KEY_QUERY('wrong-key')), body: fixtures.update, status: [401, 403] },
			{ what: 'no shared key', url: c.webhookUrl('dynamics-to-genesys'), body: fixtures.update, status: [401, 403] },
		];
		for (const t of cases) {
			const r = await c.post(t.url, t.body);
			assert.ok(t.status.includes(r.status), `${t.what}: answered ${r.status} (${r.text.slice(0, 200)}), expected ${t.status.join(' or ')}`);
		}
		await c.quiet(1500);
		assert.equal(c.executions('dynamics-to-genesys').length, before, 'a bad payload started an execution');
		await none(['genesys', 'dataverse', 'vonage']);
	});

	// ---------------------------------------------------------------- Genesys → Dynamics
	await genesysOnQueueToDynamics(c, o, h);

	await c.test('Genesys → Dynamics: Casey goes Away in Genesys → one Dynamics write: Casey, Away', async () => {
		await afterGenesysChange('genesys-to-dynamics', () => changeGenesysPresence(gu.casey, gp.Away));
		expectOneDataverseWrite(await c.writes('dataverse'), dv.agents.casey, dv.presences.away);
		await none(['genesys', 'vonage']);
	});

	/**
	 * The two-way template gives its Genesys presence source by name: the one active source of that
	 * name the simulated organization has (created at activation by the Genesys trigger).
	 */
	async function syncSourceId() {
		const state = /** @type {any} */ (await (await fetch(`${c.sim}/__sim/state`)).json());
		const named = (state.genesys?.sources ?? []).filter((/** @type {any} */ s) => s.name === SYNC_SOURCE_NAME && !s.deactivated);
		assert.equal(named.length, 1, `sources named "${SYNC_SOURCE_NAME}": ${JSON.stringify(state.genesys?.sources)}`);
		return String(named[0].id);
	}

	// ---------------------------------------------------------------- two-way
	await c.test('Two-way: the Genesys presence source "n8n presence sync" (given by name in the template, nothing picked) exists exactly once', async () => {
		await syncSourceId();
	});

	await c.test('Two-way: the trigger generated its own shared key at activation (empty in the template), registered it as the WebhookKey, and refuses the e2e\'s typed key', async () => {
		const generated = await generatedKey();
		assert.match(generated, /^[A-Za-z0-9_-]{43}$/);
		assert.notEqual(generated, SHARED_KEY);
		const before = c.executions('two-way-dynamics-genesys').length;
		const r = await c.post(c.webhookUrl('two-way-dynamics-genesys', key), fixtures.update);
		assert.equal(r.status, 401, `a key other than the generated one answered ${r.status}: ${r.text}`);
		assert.ok(!r.text.includes(generated), 'the 401 shows the generated key');
		await c.quiet(1000);
		assert.equal(c.executions('two-way-dynamics-genesys').length, before, 'a refused delivery started an execution');
	});

	await c.test('Two-way: the seed Update fixture (made by the sync\'s application user) is ignored: 200, no execution, no write', async () => {
		await deliver('two-way-dynamics-genesys', fixtures.update, 0);
		await none(['genesys', 'dataverse', 'vonage']);
	});

	await c.test('Two-way: Dana → Busy DND in Dynamics ends with one Genesys write under the sync source ("Busy - DND"), made her primary source, and no Dynamics write', async () => {
		const danaDnd = fixtures.variant({
			agentId: dv.agents.dana,
			agentStatusId: dv.agentStatuses.dana,
			presenceId: dv.presences.busyDnd,
			initiatingUserId: dv.agents.dana,
		});
		await deliver('two-way-dynamics-genesys', danaDnd, 1, { agentId: dv.agents.dana, presenceId: dv.presences.busyDnd });
		expectSyncSourceWrite(await c.writes('genesys'), gu.dana, IDS.genesys.custom.busyDnd, await syncSourceId());
		await none(['dataverse', 'vonage']);
	});

	await c.test('Two-way: Dana → On Queue in Genesys ends with exactly one Dynamics write (Available) and no Genesys write; the Dataverse echo is ignored', async () => {
		const deliveriesBefore = (await (await fetch(`${c.sim}/__sim/webhook-deliveries`)).json()).length;
		await afterGenesysChange('two-way-dynamics-genesys', () => changeGenesysPresence(gu.dana, gp['On Queue']));
		expectOneDataverseWrite(await c.writes('dataverse'), dv.agents.dana, dv.presences.available);
		await none(['genesys', 'vonage']);
		// Only this template's webhook: two-way Dynamics ⇄ Teams registers its own and gets the echo too.
		const ownHook = c.workflow('two-way-dynamics-genesys').webhookId;
		const deliveries = /** @type {any[]} */ (await (await fetch(`${c.sim}/__sim/webhook-deliveries`)).json())
			.slice(deliveriesBefore)
			.filter((/** @type {any} */ d) => String(d.url).includes(ownHook));
		assert.equal(deliveries.length, 1, `Dataverse delivered ${deliveries.length} webhook(s) for the sync's write`);
		assert.equal(deliveries[0].status, 200, `the echo delivery: ${JSON.stringify(deliveries[0])}`);
	});

	await customPresences(c, { fixtures, IDS }, { deliver, expectOneGenesysWrite, none });
	await teamsScenarios(c, { IDS, CLIENTS }, { afterGenesysChange, changeGenesysPresence, expectOneDataverseWrite });
	await twoWayTeams(c, { fixtures, IDS, SHARED_KEY }, { deliver, expectOneDataverseWrite });
	await acknowledgement(c, { fixtures, key });
	await genesysToVonage(c, { IDS }, { afterGenesysChange, changeGenesysPresence });
	await vonageToDynamics(c, { IDS }, { expectOneDataverseWrite });
}

/**
 * The reconciliation template (Schedule Trigger, run here with `n8n execute`): once every agent
 * is in step a run writes nothing. Then the sync is broken the way it breaks in production: n8n
 * is stopped (every process), presences change in Dynamics meanwhile (Dataverse's webhook
 * deliveries find no n8n), one agent goes On Queue in Genesys, and n8n is started again. The next
 * run repairs each changed agent in Genesys exactly once and leaves the On Queue agent alone
 * (counted as skipped); the run after that writes nothing. Runs last: it restarts n8n.
 * @param {import('./checks').Checks} c
 * @param {{ IDS: any, CLIENTS: any, stack: { stopN8n: () => Promise<void>, startN8n: () => Promise<void> } }} o
 */
async function runReconciliation(c, { IDS, CLIENTS, stack }) {
	const { n8nExecute } = require('./stack');
	const WF = 'reconcile-dynamics-genesys';
	const REPAIR = 'Repair Genesys presence';
	const gp = IDS.genesys.presence;
	const dv = IDS.dataverse;
	const state = async () => /** @type {any} */ (await (await fetch(`${c.sim}/__sim/state`)).json());
	/** Genesys PURECLOUD writes (the two-way sync writes its own presence source, not this one). */
	const purecloudWrites = async () => (await c.writes('genesys')).filter((w) => /\/presences\/purecloud$/i.test(w.path));

	/** One run: its execution succeeded; its Summary item and what Repair Genesys presence output. */
	async function reconcile() {
		const before = c.executions(WF).length;
		await n8nExecute(c.workflow(WF).json.id);
		const runs = await c.settledExecutions(WF, before + 1);
		const run = runs[runs.length - 1];
		assert.equal(runs.length, before + 1, 'one execution per run');
		assert.equal(run.status, 'success', `execution ${run.id} ended ${run.status}`);
		const summary = c.nodeItems(run.id, 'Summary');
		assert.equal(summary.length, 1, `one summary item, got ${JSON.stringify(summary)}`);
		await c.quiet(1500);
		return { summary: summary[0], repairs: c.nodeItems(run.id, REPAIR) };
	}

	/** Logged-in Dynamics agents that have a Genesys user of the same e-mail: the agents a run checks. */
	function checked(/** @type {any} */ s) {
		const emailOf = new Map(s.dataverse.tables.systemusers.map((/** @type {any} */ u) => [u.systemuserid, String(u.internalemailaddress ?? '').toLowerCase()]));
		const genesysByEmail = new Map(s.genesys.users.filter((/** @type {any} */ u) => u.state === 'active').map((/** @type {any} */ u) => [String(u.email).toLowerCase(), u.id]));
		return s.dataverse.tables.msdyn_agentstatuses
			.filter((/** @type {any} */ r) => r.msdyn_isagentloggedin === true)
			.map((/** @type {any} */ r) => ({ agentId: r._msdyn_agentid_value, genesysId: genesysByEmail.get(emailOf.get(r._msdyn_agentid_value)) }))
			.filter((/** @type {any} */ a) => a.genesysId);
	}

	/** Genesys agents a run left alone because they are On Queue (their Repair Genesys presence item). */
	const protectedIn = (/** @type {any[]} */ repairs) => repairs.filter((i) => i.skippedReason === 'protected').map((i) => String(i.agentId)).sort();
	/** @type {string[]} */
	let leftOnQueue = [];

	await c.test('Reconcile: a run brings every agent in step but those On Queue in Genesys; the next run checks them all and writes nothing', async () => {
		await c.clearRequests();
		const first = await reconcile();
		assert.equal(first.summary.failed, 0, `first run: ${JSON.stringify(first.summary)}`);
		leftOnQueue = protectedIn(first.repairs);
		const s = await state();
		for (const id of leftOnQueue) assert.equal(s.genesys.presences[id].sources.PURECLOUD.presenceDefinitionId, gp['On Queue'], `${id} was protected but is not On Queue`);
		await c.clearRequests();
		const agents = checked(s);
		const second = await reconcile();
		assert.deepEqual(second.summary, { agentsChecked: agents.length, inStep: agents.length - leftOnQueue.length, repaired: 0, failed: 0, skipped: leftOnQueue.length });
		assert.deepEqual(protectedIn(second.repairs), leftOnQueue, 'the agents left On Queue');
		assert.deepEqual((await purecloudWrites()).map((w) => `${w.method} ${w.path}`), [], 'unexpected Genesys writes');
	});

	await c.test('Reconcile: n8n stopped; meanwhile Alex and Casey change in Dynamics, Blake logs in to Dynamics as Away and goes On Queue in Genesys; n8n started: the next run repairs Alex and Casey in Genesys, each exactly once, and leaves Blake On Queue (skipped); the run after writes nothing', async () => {
		const CATEGORY = { AVAILABLE: 'available', ONQUEUE: 'available', BUSY: 'busy', MEETING: 'busy', TRAINING: 'busy', AWAY: 'away', BREAK: 'away', MEAL: 'away', IDLE: 'away', OFFLINE: 'offline' };
		const before = await state();
		const genesysCategory = (/** @type {string} */ userId) => {
			const defId = before.genesys.presences[userId].sources.PURECLOUD.presenceDefinitionId;
			const def = before.genesys.definitions.find((/** @type {any} */ d) => d.id === defId);
			return /** @type {any} */ (CATEGORY)[String(def.systemPresence).toUpperCase().replace(/[\s_-]+/g, '')];
		};
		const people = ['alex', 'casey'];
		for (const p of people) assert.notEqual(genesysCategory(IDS.genesys.users[p]), undefined);
		for (const p of people) assert.ok(!leftOnQueue.includes(IDS.genesys.users[p]), `${p} is On Queue in Genesys: a run would not repair them`);
		/** For each agent a Dynamics presence whose category differs from their Genesys presence. */
		const PRIMARY = { available: gp.Available, busy: gp.Busy, away: gp.Away };
		const plan = people.map((p) => {
			const genesysId = IDS.genesys.users[p];
			const category = /** @type {'available'|'busy'|'away'} */ (['available', 'busy', 'away'].find((x) => x !== genesysCategory(genesysId)));
			return { p, genesysId, agentId: dv.agents[p], presenceId: dv.presences[category], definitionId: PRIMARY[category] };
		});
		const blake = IDS.genesys.users.blake;

		const deliveries = async () => /** @type {any[]} */ (await (await fetch(`${c.sim}/__sim/webhook-deliveries`)).json());
		const deliveredBefore = (await deliveries()).length;
		await stack.stopN8n();
		try {
			assert.equal(await fetch(`${c.n8n}/healthz`).then(() => 'up', () => 'down'), 'down', 'n8n still answers after it was stopped');
			const token = await dataverseToken(c, CLIENTS);
			for (const step of plan) await dataverseByHand(c, token, step.agentId, step.presenceId);
			// Blake logs in to Dynamics as Away while taking queue calls in Genesys.
			await dataverseByHand(c, token, dv.agents.blake, dv.presences.away);
			await genesysByHand(c, CLIENTS)(blake, gp['On Queue']);
			const missed = (await deliveries()).slice(deliveredBefore);
			assert.ok(missed.length >= plan.length + 1 && missed.every((d) => d.status !== 200), `deliveries while n8n was down: ${JSON.stringify(missed.map((d) => d.status ?? d.error))}`);
		} finally {
			await stack.startN8n();
		}

		await c.clearRequests();
		const agents = checked(await state());
		assert.ok(agents.some((a) => a.genesysId === blake), 'Blake is not among the agents checked');
		const run = await reconcile();
		const writes = await purecloudWrites();
		assert.deepEqual(
			writes.map((w) => [w.method, w.path, w.body?.presenceDefinition?.id, w.status]).sort(),
			plan.map((x) => ['PATCH', `/api/v2/users/${x.genesysId}/presences/purecloud`, x.definitionId, 200]).sort(),
			'one Genesys write per agent changed while n8n was down, none for Blake',
		);
		const skipped = [...leftOnQueue, blake].sort();
		assert.deepEqual(run.summary, { agentsChecked: agents.length, inStep: agents.length - plan.length - skipped.length, repaired: plan.length, failed: 0, skipped: skipped.length });
		assert.deepEqual(protectedIn(run.repairs), skipped, 'the agents left On Queue');
		const blakeRepair = run.repairs.filter((i) => i.agentId === blake);
		assert.deepEqual(
			blakeRepair.map((i) => [i.written, i.skippedReason, i.protectedState, i.presenceId]),
			[[false, 'protected', 'onQueue', gp['On Queue']]],
			`Repair Genesys presence for Blake: ${JSON.stringify(blakeRepair)}`,
		);
		assert.equal((await state()).genesys.presences[blake].sources.PURECLOUD.presenceDefinitionId, gp['On Queue'], 'Blake is no longer On Queue');

		await c.clearRequests();
		const again = await reconcile();
		assert.deepEqual(again.summary, { agentsChecked: agents.length, inStep: agents.length - skipped.length, repaired: 0, failed: 0, skipped: skipped.length });
		assert.deepEqual(protectedIn(again.repairs), skipped, 'the agents left On Queue');
		assert.deepEqual((await purecloudWrites()).map((w) => `${w.method} ${w.path}`), [], 'the run after the repair wrote to Genesys');
	});
}

/** A Dataverse token for the e2e's own calls (client credentials at the simulated Microsoft Entra ID). */
async function dataverseToken(/** @type {import('./checks').Checks} */ c, /** @type {any} */ CLIENTS) {
	const r = await fetch(`${c.sim}/dataverse/login/${CLIENTS.dataverse.tenantId}/oauth2/v2.0/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ grant_type: 'client_credentials', client_id: CLIENTS.dataverse.clientId, client_secret: CLIENTS.dataverse.clientSecret, scope: `${c.sim}/dataverse/.default` }).toString(),
	});
	assert.equal(r.status, 200, `Dataverse token by hand answered ${r.status}`);
	return /** @type {string} */ ((await r.json()).access_token);
}

/** An agent changes their own Dynamics presence (CCaaS_ModifyAgentPresence as that agent). */
async function dataverseByHand(/** @type {import('./checks').Checks} */ c, /** @type {string} */ token, /** @type {string} */ agentId, /** @type {string} */ presenceId) {
	const r = await fetch(`${c.sim}/dataverse/api/data/v9.2/CCaaS_ModifyAgentPresence`, {
		method: 'POST',
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', mscrmcallerid: agentId, [BY_HAND]: '1' },
		body: JSON.stringify({ ApiVersion: '1.0', AgentId: agentId, PresenceId: presenceId }),
	});
	assert.equal(r.status, 200, `CCaaS_ModifyAgentPresence by hand answered ${r.status}: ${await r.text()}`);
}

/**
 * Microsoft Teams: a Genesys agent in a meeting shows Busy / In a conference call in Teams (one
 * setPresence of the sync app's session), and a Teams user presenting is Busy DND in Dynamics
 * (the Teams trigger polls Graph, every 15 s in the e2e, so this waits for its baseline poll first).
 * @param {import('./checks').Checks} c
 * @param {{ IDS: any, CLIENTS: any }} o
 * @param {{ afterGenesysChange: Function, changeGenesysPresence: Function, expectOneDataverseWrite: Function }} helpers
 */
async function teamsScenarios(c, { IDS, CLIENTS }, { afterGenesysChange, changeGenesysPresence, expectOneDataverseWrite }) {
	const teamsWrites = async () => (await c.writes('graph')).filter((r) => /\/presence\/set/.test(r.path));
	await c.test('Genesys → Teams: Alex → Meeting in Genesys makes one Teams write: the app session Busy/InAConferenceCall for Alex', async () => {
		await afterGenesysChange('genesys-to-teams', () => changeGenesysPresence(IDS.genesys.users.alex, IDS.genesys.presence.Meeting));
		const writes = await teamsWrites();
		assert.equal(writes.length, 1, `Teams writes: ${JSON.stringify(writes.map((w) => w.path))}`);
		assert.equal(writes[0].path, `/v1.0/users/${IDS.graph.users.alex}/presence/setPresence`);
		assert.deepEqual(writes[0].body, { sessionId: CLIENTS.graph.clientId, availability: 'Busy', activity: 'InAConferenceCall', expirationDuration: 'PT4H' });
		assert.equal(writes[0].status, 200);
	});

	await c.test('Teams → Dynamics: Casey presenting in Teams (DoNotDisturb/Presenting) makes one Dynamics write: Casey, Busy DND', async () => {
		const wf = 'teams-to-dynamics';
		const polled = async () => (await c.requests('graph')).some((r) => r.path === '/v1.0/communications/getPresencesByUserId' && r.status === 200);
		// The first poll after publishing records the baseline; a change before it would be history.
		await c.clearRequests();
		await untilPolled(polled, 'Graph poll by the Teams trigger');
		await c.clearRequests();
		const before = c.executions(wf).length;
		const r = await fetch(`${c.sim}/__sim/graph/user-sets`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ userId: IDS.graph.users.casey, availability: 'DoNotDisturb', activity: 'Presenting' }),
		});
		assert.equal(r.status, 204);
		const fresh = (await c.settledExecutions(wf, before + 1, POLL_WAIT_MS)).slice(before);
		assert.equal(fresh[0].status, 'success', `execution ${fresh[0].id} ended ${fresh[0].status}`);
		expectOneDataverseWrite(await c.writes('dataverse'), IDS.dataverse.agents.casey, IDS.dataverse.presences.busyDnd);
	});
}

/**
 * Two-way Dynamics ⇄ Teams without echoes: Eli presenting in Teams makes one Dynamics write (Busy
 * DND), whose Dataverse echo (made by the sync's application user) starts nothing; Dynamics Busy
 * DND then makes one Teams write (preferred DoNotDisturb), which the Teams trigger sees as no change
 * of availability, so nothing comes back.
 * @param {import('./checks').Checks} c
 * @param {{ fixtures: any, IDS: any, SHARED_KEY: string }} o
 * @param {{ deliver: Function, expectOneDataverseWrite: Function }} helpers
 */
async function twoWayTeams(c, { fixtures, IDS, SHARED_KEY }, { deliver, expectOneDataverseWrite }) {
	const wf = 'two-way-dynamics-teams';
	const dv = IDS.dataverse;
	const eli = IDS.graph.users.eli;
	const pollsOfEli = async () =>
		(await c.requests('graph')).filter((r) => r.path === '/v1.0/communications/getPresencesByUserId' && r.status === 200 && (r.body?.ids ?? []).includes(eli)).length;
	async function nextPoll() {
		await c.clearRequests();
		await untilPolled(async () => (await pollsOfEli()) > 0, 'Graph poll by the two-way Teams trigger');
	}
	const teamsWrites = async () => (await c.writes('graph')).filter((r) => /\/presence\/set/.test(r.path));

	await c.test('Two-way Dynamics ⇄ Teams: Eli presenting in Teams makes one Dynamics write (Busy DND); its Dataverse echo starts nothing', async () => {
		await nextPoll();
		await c.clearRequests();
		const before = c.executions(wf).length;
		await fetch(`${c.sim}/__sim/graph/user-sets`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ userId: eli, availability: 'DoNotDisturb', activity: 'Presenting' }),
		});
		const fresh = (await c.settledExecutions(wf, before + 1, POLL_WAIT_MS)).slice(before);
		assert.equal(fresh[0].status, 'success', `execution ${fresh[0].id} ended ${fresh[0].status}`);
		expectOneDataverseWrite(await c.writes('dataverse'), dv.agents.eli, dv.presences.busyDnd);
		assert.deepEqual(await teamsWrites(), [], 'no Teams write');
		const echo = fixtures.variant({ agentId: dv.agents.eli, agentStatusId: dv.agentStatuses.eli, presenceId: dv.presences.busyDnd, initiatingUserId: dv.applicationUserId });
		await deliver(wf, echo, 0);
	});

	await c.test('Two-way Dynamics ⇄ Teams: Eli → Busy DND in Dynamics makes one Teams write (preferred DoNotDisturb) and nothing comes back', async () => {
		const change = fixtures.variant({ agentId: dv.agents.eli, agentStatusId: dv.agentStatuses.eli, presenceId: dv.presences.busyDnd, initiatingUserId: dv.agents.eli });
		await deliver(wf, change, 1, { agentId: dv.agents.eli, presenceId: dv.presences.busyDnd });
		const writes = await teamsWrites();
		assert.equal(writes.length, 1, `Teams writes: ${JSON.stringify(writes.map((w) => w.path))}`);
		assert.equal(writes[0].path, `/v1.0/users/${eli}/presence/setUserPreferredPresence`);
		assert.deepEqual(writes[0].body, { availability: 'DoNotDisturb', activity: 'DoNotDisturb' });
		const after = c.executions(wf).length;
		await nextPoll();
		await c.quiet(3000);
		assert.equal(c.executions(wf).length, after, 'the Teams trigger echoed the sync\'s own write');
		assert.deepEqual((await c.writes('dataverse')).map((w) => w.path), [], 'no Dataverse write');
	});
}

/**
 * A valid Dataverse event is answered with the trigger's JSON acknowledgement (n8n 2.41 sent the
 * text "firstEntryJson" while the webhook description left responseData to its default).
 * @param {import('./checks').Checks} c
 * @param {{ fixtures: any, key: string }} o
 */
async function acknowledgement(c, { fixtures, key }) {
	await c.test('Agent Presence Trigger: a valid Dataverse event is answered 200 with the JSON acknowledgement', async () => {
		const wf = 'dynamics-to-vonage';
		const before = c.executions(wf).length;
		const r = await c.post(c.webhookUrl(wf, key), fixtures.update);
		assert.equal(r.status, 200, `webhook answered ${r.status}: ${r.text}`);
		assert.deepEqual(JSON.parse(r.text), { message: 'Event received', event: 'presence_changed' }, `body ${r.text}`);
		await c.settledExecutions(wf, before + 1);
		await c.quiet(1000);
	});
}

/**
 * Genesys Cloud → Vonage: the template's Map Presence row (Genesys Meal → Vonage Lunch, chosen from
 * the two lists, so the row holds both IDs) decides the write; a presence without a row gets Vonage's
 * presence of the same category (Busy → Away: Vonage has no busy category).
 * @param {import('./checks').Checks} c
 * @param {{ IDS: any }} o
 * @param {{ afterGenesysChange: Function, changeGenesysPresence: Function }} helpers
 */
async function genesysToVonage(c, { IDS }, { afterGenesysChange, changeGenesysPresence }) {
	const wf = 'genesys-to-vonage';
	const alex = IDS.genesys.users.alex;
	const vonageWrites = async () => (await c.writes('vonage')).map((w) => ({ method: w.method, path: w.path, body: w.body, status: w.status }));
	const oneWrite = (/** @type {string} */ presenceId) => [{ method: 'PATCH', path: `/agents/${IDS.vonage.users.alex}/presence`, body: { presenceId }, status: 200 }];

	await c.test('Genesys → Vonage: Alex → Meal in Genesys makes one Vonage write: Lunch, the presence the mapping row chose', async () => {
		await afterGenesysChange(wf, () => changeGenesysPresence(alex, IDS.genesys.presence.Meal));
		assert.deepEqual(await vonageWrites(), oneWrite(IDS.vonage.presence.lunch));
	});

	await c.test('Genesys → Vonage: Alex → Busy (no row) makes one Vonage write: Away, the same category', async () => {
		await afterGenesysChange(wf, () => changeGenesysPresence(alex, IDS.genesys.presence.Busy));
		assert.deepEqual(await vonageWrites(), oneWrite(IDS.vonage.presence.away));
	});
}

/**
 * Vonage Contact Center → Dynamics 365: Vonage's signed agent.presencechanged notification (the
 * webhook Vonage sends) to the template's trigger; the Map Presence row (Vonage Lunch → the
 * organization's Dynamics "Lunch") decides the write, anything else gets the same category.
 * @param {import('./checks').Checks} c
 * @param {{ IDS: any }} o
 * @param {{ expectOneDataverseWrite: Function }} helpers
 */
async function vonageToDynamics(c, { IDS }, { expectOneDataverseWrite }) {
	const wf = 'vonage-to-dynamics';
	const { signWebhook } = require('../simulator/vonage');
	const { VONAGE_SUBSCRIPTION_SECRET } = require('./workflows');
	const event = (/** @type {string} */ presenceId, /** @type {string} */ type, /** @type {string} */ description) => ({
		specversion: '1.0',
		type: 'agent.presencechanged.v0',
		id: `e2e-${presenceId}-${Date.now()}`,
		source: '/agent',
		subject: IDS.vonage.agentDisplayIds.alex,
		time: new Date().toISOString(),
		datacontenttype: 'application/json',
		data: {
			timestamp: new Date().toISOString(),
			presence: { presenceId, category: { type, description: type, subcategory: type }, description },
			user: { agentId: IDS.vonage.agentDisplayIds.alex, userId: IDS.vonage.users.alex },
		},
	});
	async function deliverVonage(/** @type {any} */ body) {
		// The event reports a change Vonage made: the template reads Vonage's presence before it writes.
		await fetch(`${c.sim}/__sim/vonage/agent-sets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: body.data.user.userId, presenceId: body.data.presence.presenceId }) });
		await c.clearRequests();
		const before = c.executions(wf).length;
		const signed = signWebhook(body, VONAGE_SUBSCRIPTION_SECRET);
		const r = await c.post(c.webhookUrl(wf), signed.body, signed.headers);
		assert.equal(r.status, 200, `webhook answered ${r.status}: ${r.text}`);
		const fresh = (await c.settledExecutions(wf, before + 1)).slice(before);
		assert.equal(fresh[0].status, 'success', `execution ${fresh[0].id} ended ${fresh[0].status}`);
		await c.quiet(1000);
		assert.equal(c.executions(wf).length, before + 1, 'a further execution started');
	}

	await c.test('Vonage → Dynamics: Alex → Lunch in Vonage makes one Dynamics write: the organization\'s "Lunch", the presence the mapping row chose', async () => {
		// Alex shows Available in Dynamics (an earlier scenario may have left Lunch there, which Only If Different would keep).
		await fetch(`${c.sim}/__sim/dataverse/agent-sets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ agentId: IDS.dataverse.agents.alex, presenceId: IDS.dataverse.presences.available }) });
		await deliverVonage(event(IDS.vonage.presence.lunch, 'extendedAway', 'Lunch'));
		expectOneDataverseWrite(await c.writes('dataverse'), IDS.dataverse.agents.alex, IDS.dataverse.presences.lunch);
	});

	await c.test('Vonage → Dynamics: Alex → Ready (no row) makes one Dynamics write: Available, the same category', async () => {
		await deliverVonage(event(IDS.vonage.presence.ready, 'ready', 'Ready'));
		expectOneDataverseWrite(await c.writes('dataverse'), IDS.dataverse.agents.alex, IDS.dataverse.presences.available);
	});
}

/**
 * Custom presences: a Dynamics change to the organization's own "Lunch" presence (base status Away)
 * ends in exactly one Genesys write of the Away definition — the Dynamics → Genesys template resolves
 * custom presences through their base status by default.
 * @param {import('./checks').Checks} c
 * @param {{ fixtures: any, IDS: any }} o
 * @param {{ deliver: Function, expectOneGenesysWrite: Function, none: Function }} helpers
 */
async function customPresences(c, { fixtures, IDS }, { deliver, expectOneGenesysWrite, none }) {
	const dv = IDS.dataverse;
	await c.test('Dynamics → Genesys: Alex → the custom presence "Lunch" (base status Away) makes one Genesys write: Alex, Away', async () => {
		const lunch = fixtures.variant({ presenceId: dv.presences.lunch, initiatingUserId: dv.agents.alex });
		await deliver('dynamics-to-genesys', lunch, 1, { agentId: dv.agents.alex, presenceId: dv.presences.lunch });
		expectOneGenesysWrite(await c.writes('genesys'), IDS.genesys.users.alex, IDS.genesys.presence.Away);
		await none(['dataverse', 'vonage']);
		const lookups = (await c.requests('dataverse')).filter((r) => r.method === 'GET' && r.path.endsWith(`/msdyn_presences(${dv.presences.lunch})`));
		// Once by the trigger, once by each of the template's source reads: Dynamics presence now (the
		// stale check) and Dynamics presence after write (did it move on while we wrote?).
		assert.equal(lookups.length, 3, 'the trigger and the two source reads each read the custom presence once');
	});
}

/**
 * The Genesys Cloud Presence Trigger's background loop in a real n8n (everything it does after
 * trigger() returned: credentials, HTTP, token, emits): after the simulator drops its socket it
 * reconnects and reports the change made in the gap exactly once; before its channel expires it
 * renews it. Needs the reconnect workflow (workflows.js) published and a short channel TTL.
 * @param {import('./checks').Checks} c
 * @param {{ IDS: any, CLIENTS: any, engine: string, userId: string }} o
 */
async function runGenesysReconnect(c, { IDS, CLIENTS, engine, userId }) {
	const wf = 'genesys-reconnect';
	const node = 'Genesys presence changed';
	const gp = IDS.genesys.presence;
	const topic = `v2.users.${userId}.presence`;
	const { until } = require('./stack');
	const snapshot = async () => /** @type {any} */ (await (await fetch(`${c.sim}/__sim/genesys/notifications`)).json());
	const channel = async () => {
		const snap = await snapshot();
		const ch = snap.channels.find((/** @type {any} */ x) => x.topics.includes(topic));
		return ch && { ...ch, open: snap.openSockets.some((/** @type {any} */ s) => s.channelId === ch.id) };
	};
	const byHand = genesysByHand(c, CLIENTS);

	/** One change → exactly one successful execution whose item is that change. */
	async function expectOneItem(/** @type {number} */ before, /** @type {string} */ definitionId, /** @type {string} */ category) {
		const fresh = (await c.settledExecutions(wf, before + 1, 60000)).slice(before);
		await c.quiet(3000);
		assert.equal(c.executions(wf).length, before + 1, `expected exactly one execution, got ${c.executions(wf).length - before}`);
		assert.equal(fresh[0].status, 'success', `execution ${fresh[0].id} ended ${fresh[0].status}`);
		const items = c.nodeItems(fresh[0].id, node);
		assert.equal(items.length, 1, `expected one item, got ${JSON.stringify(items)}`);
		assert.equal(items[0].agentId, userId);
		assert.equal(items[0].presenceId, definitionId);
		assert.equal(items[0].category, category);
	}

	await c.test(`[${engine}] Genesys Cloud Presence Trigger: socket dropped and token revoked, Blake goes Away in the gap → it reconnects and emits exactly one item`, async () => {
		const ch = await until(channel, 'the reconnect workflow\'s channel', 30000);
		assert.ok(ch.open, 'the channel has no open socket before the drop');
		const before = c.executions(wf).length;
		const opened = (await snapshot()).socketsOpened;
		// The reconnect must also fetch a new token (401 → the credential's preAuthentication).
		await fetch(`${c.sim}/__sim/expire-tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ vendor: 'genesys' }) });
		const r = await fetch(`${c.sim}/__sim/genesys/notifications/disconnect`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ channelId: ch.id }),
		});
		assert.equal((await r.json()).disconnected, 1, 'the simulator dropped no socket');
		await byHand(userId, gp.Away);
		await until(async () => (await snapshot()).socketsOpened > opened && (await channel())?.open, 'the trigger to reconnect', 45000);
		await expectOneItem(before, gp.Away, 'away');
	});

	await c.test(`[${engine}] Genesys Cloud Presence Trigger: renews its channel before it expires, then still emits (Blake → Busy, one item)`, async () => {
		const ch = await until(channel, 'the reconnect workflow\'s channel', 30000);
		const firstExpiry = Date.parse(ch.expires);
		const ttlMs = firstExpiry - Date.now();
		// Past the channel's first expiry: only a renewal from the background loop keeps it.
		await new Promise((r) => setTimeout(r, Math.max(0, ttlMs) + 2000));
		const now = await channel();
		assert.ok(now, `the channel expired (its expiry was ${ch.expires})`);
		assert.equal(now.id, ch.id, 'the channel was replaced instead of renewed');
		assert.ok(Date.parse(now.expires) > firstExpiry, `the channel was not renewed (expires ${now.expires})`);
		assert.ok(now.open, 'the channel has no open socket after the renewal');
		const before = c.executions(wf).length;
		await byHand(userId, gp.Busy);
		await expectOneItem(before, gp.Busy, 'busy');
	});
}

/** An agent changes their own Genesys presence (the e2e calls the simulated Genesys directly). */
function genesysByHand(/** @type {import('./checks').Checks} */ c, /** @type {any} */ CLIENTS) {
	let token = '';
	return async function change(/** @type {string} */ userId, /** @type {string} */ definitionId, retried = false) {
		if (!token) {
			const basic = Buffer.from(`${CLIENTS.genesys.clientId}:${CLIENTS.genesys.clientSecret}`).toString('base64');
			const r = await fetch(`${c.sim}/genesys-login/oauth/token`, {
				method: 'POST',
				headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
				body: 'grant_type=client_credentials',
			});
			token = (await r.json()).access_token;
		}
		const r = await fetch(`${c.sim}/genesys/api/v2/users/${userId}/presences/purecloud`, {
			method: 'PATCH',
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', [BY_HAND]: '1' },
			body: JSON.stringify({ presenceDefinition: { id: definitionId } }),
		});
		if (r.status === 401 && !retried) {
			// The scenario revoked the tokens: the agent signs in again.
			token = '';
			return await change(userId, definitionId, true);
		}
		assert.equal(r.status, 200, `Genesys PATCH by hand answered ${r.status}`);
	};
}

/**
 * An agent changes their own Vonage presence (as ContactPad does: the Agents API's "Set agent's
 * presence" with a users:write token). On fresh connections: it also runs right after the n8n CLI
 * calls, which blocked this process, so a pooled keep-alive socket may be stale.
 * @param {string} sim @param {any} CLIENTS @param {string} userId @param {string} presenceId
 */
async function vonageByHand(sim, CLIENTS, userId, presenceId) {
	const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: CLIENTS.vonage.clientId, client_secret: CLIENTS.vonage.clientSecret, scope: 'users:write' }).toString();
	const token = await send(`${sim}/vonage-auth/Auth/connect/token`, 'POST', { 'content-type': 'application/x-www-form-urlencoded' }, form);
	assert.equal(token.status, 200, `Vonage token by hand answered ${token.status}`);
	const r = await send(
		`${sim}/vonage/agents/${userId}/presence`,
		'PATCH',
		{ authorization: `Bearer ${token.json.access_token}`, 'content-type': 'application/json', accept: 'application/vnd.newvoicemedia.v1+json', [BY_HAND]: '1' },
		JSON.stringify({ presenceId }),
	);
	assert.equal(r.status, 200, `Vonage PATCH presence by hand answered ${r.status}`);
}

/** One HTTP request on its own connection; the JSON answer parsed. */
function send(/** @type {string} */ url, /** @type {string} */ method, /** @type {Record<string,string>} */ headers, /** @type {string} */ body) {
	const http = require('node:http');
	return /** @type {Promise<{ status: number, json: any }>} */ (
		new Promise((resolve, reject) => {
			const rq = http.request(url, { method, agent: false, headers }, (res) => {
				let text = '';
				res.on('data', (c) => (text += c));
				res.on('end', () => {
					try {
						resolve({ status: Number(res.statusCode), json: text ? JSON.parse(text) : undefined });
					} catch {
						reject(new Error(`${method} ${url} answered ${res.statusCode} with no JSON: ${text.slice(0, 200)}`));
					}
				});
			});
			rq.on('error', reject);
			rq.end(body);
		})
	);
}

/** What the Vonage poll scenario's agent did before n8n started: history, which no poll may report. */
const VONAGE_POLL_HISTORY = 'meeting';

/** Before n8n starts: the poll workflow's agent goes to Meeting (run.js passes it to startStack). */
async function vonagePollHistory(/** @type {string} */ sim, /** @type {any} */ IDS, /** @type {any} */ CLIENTS, /** @type {string} */ agent) {
	await vonageByHand(sim, CLIENTS, IDS.vonage.users[agent], IDS.vonage.presence[VONAGE_POLL_HISTORY]);
}

/**
 * The Vonage Contact Center Presence Trigger (a poll of Insights Stats, every 15 s in the e2e, its cursor in
 * the workflow's static data) in a real n8n on its default engine: its first poll at activation
 * only sets the cursor, so the agent's change made before n8n started is never emitted; a change
 * after activation starts exactly one execution whose item is that change (the ended Meeting
 * activity Insights Stats returns with it is history too); the next poll, with no change, starts
 * none. Runs beside the other scenarios (its waits are the trigger's polls) and changes
 * only its own agent. It never clears the simulator's records: it keeps every Insights Stats
 * request it sees, sampling them while it waits.
 * @param {import('./checks').Checks} c
 * @param {{ IDS: any, CLIENTS: any, engine: string, agent: string }} o
 */
async function runVonagePoll(c, { IDS, CLIENTS, engine, agent }) {
	const wf = 'vonage-poll';
	const node = 'Vonage presence changed';
	const agentId = IDS.vonage.agentDisplayIds[agent];
	const { sleep } = require('./stack');
	/** @type {Map<string, any>} Insights Stats requests of this workflow's polls, by window start. */
	const polls = new Map();
	async function sample() {
		for (const r of await c.requests('vonage')) {
			if (r.method === 'GET' && r.path === '/stats/agent-activities/presence' && r.query.agentId === agentId && !polls.has(r.query.start)) polls.set(r.query.start, r);
		}
	}
	/** Samples the polls until done() holds (or the time is up, as the Teams scenarios allow). */
	async function until(/** @type {() => boolean} */ done, /** @type {string} */ what, timeoutMs = POLL_WAIT_MS) {
		const end = Date.now() + timeoutMs;
		for (;;) {
			await sample();
			if (done()) return;
			if (Date.now() > end) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
			await sleep(250);
		}
	}
	const activities = async () => /** @type {any[]} */ ((await (await fetch(`${c.sim}/__sim/state`)).json()).vonage.activities).filter((a) => a.agentId === agentId);

	await c.test(`[${engine}] Vonage poll: activation's first poll emitted nothing (${agent}'s change to Meeting before n8n started is history)`, async () => {
		assert.equal(c.executions(wf).length, 0, 'the poll workflow ran before any change after activation');
		const history = (await activities()).filter((a) => a.name === 'Meeting');
		assert.equal(history.length, 1, `${agent} has no Meeting activity from before n8n started: ${JSON.stringify(history)}`);
	});

	/** @type {any} */
	let emitted;
	await c.test(`[${engine}] Vonage poll: ${agent} → Break at Vonage → exactly one execution; its one item is that change, as the trigger emits it`, async () => {
		await vonageByHand(c.sim, CLIENTS, IDS.vonage.users[agent], IDS.vonage.presence.break);
		const [change] = (await activities()).filter((a) => a.name === 'Break');
		assert.ok(change, `the simulator recorded no Break activity for ${agent}`);
		await until(() => c.executions(wf).length > 0, 'the poll workflow\'s execution');
		const fresh = await c.settledExecutions(wf, 1);
		await c.quiet(3000);
		assert.equal(c.executions(wf).length, 1, `expected exactly one execution, got ${c.executions(wf).length}`);
		assert.equal(fresh[0].status, 'success', `execution ${fresh[0].id} ended ${fresh[0].status}`);
		assert.deepEqual(c.nodeItems(fresh[0].id, node), [
			{
				source: 'vonage',
				event: 'presence_changed',
				agentId,
				presenceId: null,
				presenceName: 'Break',
				category: 'away',
				loggedIn: true,
				changedAt: change.start,
				categoryType: 'Away',
				eligibleForRouting: false,
				agentDisplayId: agentId,
				reason: null,
			},
		]);
		emitted = { execution: fresh[0], change };
	});

	await c.test(`[${engine}] Vonage poll: the next poll, with no change, starts no execution`, async () => {
		assert.ok(emitted, 'no execution to follow');
		await sample();
		const seen = new Set(polls.keys());
		await until(() => [...polls.keys()].some((k) => !seen.has(k)), 'the next poll');
		const next = [...polls.values()].filter((r) => !seen.has(r.query.start));
		// One page per poll; its window starts where the emitting poll's ended, after the change.
		for (const r of next) {
			assert.deepEqual(r.query, { start: r.query.start, include: 'Processed', page: '1', limit: '1000', agentId }, `the poll's query ${r.search}`);
			assert.ok(Date.parse(r.query.start) > Date.parse(emitted.change.start), `the window ${r.query.start} starts before the change (${emitted.change.start})`);
			assert.equal(r.headers.accept, 'application/vnd.newvoicemedia.v2+json');
			assert.equal(r.status, 200);
		}
		await c.quiet(3000);
		assert.equal(c.executions(wf).length, 1, 'a poll with no change started an execution');
	});
}

/**
 * The Microsoft Teams Presence Notification Trigger in a real n8n on its default engine: at
 * activation it subscribed to Graph change notifications for the group's members (Graph validated
 * n8n's public HTTPS webhook URL by the handshake); a change Graph notifies is emitted once; the
 * `reauthorizationRequired` lifecycle notification renews the subscription without an execution.
 * @param {import('./checks').Checks} c
 * @param {{ IDS: any, engine: string }} o
 */
async function runTeamsNotifications(c, { IDS, engine }) {
	const wf = 'teams-notifications';
	const node = 'Teams presence notified';
	const graphState = async () => /** @type {any} */ (await (await fetch(`${c.sim}/__sim/graph/subscriptions`)).json());
	const members = [IDS.graph.users.alex, IDS.graph.users.blake, IDS.graph.users.casey];
	/** @type {any} */
	let sub;
	await c.test(`[${engine}] Teams notifications: activation made one subscription on the group's members, n8n answered both validation handshakes`, async () => {
		const { subscriptions, deliveries } = await graphState();
		assert.equal(subscriptions.length, 1, `subscriptions: ${JSON.stringify(subscriptions)}`);
		sub = subscriptions[0];
		assert.equal(sub.resource, `/communications/presences?$filter=id in (${members.map((m) => `'${m}'`).join(',')})`);
		assert.match(sub.notificationUrl, /^https:\/\/n8n\.e2e\.test\/webhook\/.+\/notifications$/);
		const validations = deliveries.filter((/** @type {any} */ d) => d.kind === 'validation');
		assert.ok(validations.length >= 2 && validations.every((/** @type {any} */ d) => d.status === 200), `validations: ${JSON.stringify(validations)}`);
	});
	await c.test(`[${engine}] Teams notifications: Blake goes Away in Teams → Graph notifies → exactly one execution with Blake's change`, async () => {
		await c.quiet(1000);
		const before = c.executions(wf).length;
		await fetch(`${c.sim}/__sim/graph/user-sets`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ userId: IDS.graph.users.blake, availability: 'Away', activity: 'Away', userConfigured: false }),
		});
		const fresh = (await c.settledExecutions(wf, before + 1, 30000)).slice(before);
		await c.quiet(2000);
		assert.equal(c.executions(wf).length, before + 1, 'expected exactly one execution');
		assert.equal(fresh[0].status, 'success', `execution ${fresh[0].id} ended ${fresh[0].status}`);
		const items = c.nodeItems(fresh[0].id, node);
		assert.deepEqual(items.map((/** @type {any} */ i) => [i.source, i.event, i.agentId, i.presenceId, i.category]), [['teams', 'presence_changed', IDS.graph.users.blake, 'Away/Away', 'away']]);
	});
	await c.test(`[${engine}] Teams notifications: reauthorizationRequired renews the subscription (PATCH) and starts nothing`, async () => {
		assert.ok(sub, 'no subscription');
		const before = c.executions(wf).length;
		await c.clearRequests();
		await fetch(`${c.sim}/__sim/graph/subscriptions/lifecycle`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ subscriptionId: sub.id, event: 'reauthorizationRequired' }),
		});
		await c.quiet(2000);
		const patches = (await c.requests('graph')).filter((r) => r.method === 'PATCH');
		assert.deepEqual(patches.map((r) => [r.path, r.status]), [[`/v1.0/subscriptions/${sub.id}`, 200]]);
		const { subscriptions } = await graphState();
		assert.equal(subscriptions[0].renewals, 1);
		assert.equal(c.executions(wf).length, before, 'a lifecycle notification started an execution');
	});
}


/**
 * Amazon Connect (its poll trigger polls GetCurrentUserData, every 15 s in the e2e; each template watches its
 * own agent, workflows.js CONNECT_WATCHED): a status change in Connect reaches Teams mapped, once;
 * Dynamics ⇄ Connect both directions, once each, without echo; an agent on a contact is left alone;
 * a reconciliation run repairs an agent put out of step, once.
 * @param {import('./checks').Checks} c
 * @param {{ fixtures: any, IDS: any, CLIENTS: any, SHARED_KEY: string }} o
 */
async function runAmazonConnect(c, o) {
	const { n8nExecute } = require('./stack');
	const { CONNECT_WATCHED } = require('./workflows');
	const { IDS, CLIENTS, fixtures } = o;
	const C = IDS.amazonConnect;
	const dv = IDS.dataverse;
	const { deliver, expectOneDataverseWrite, none } = helpers(c, o);
	const TO_TEAMS = 'amazon-connect-to-teams';
	const TWO_WAY = 'two-way-dynamics-connect';
	const blake = C.users[CONNECT_WATCHED[TO_TEAMS]];
	const dana = C.users[CONNECT_WATCHED[TWO_WAY]];
	const sim = async (/** @type {string} */ route, /** @type {any} */ body) => {
		const r = await fetch(`${c.sim}/__sim/${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
		assert.ok(r.status < 300, `${route} answered ${r.status}`);
	};
	const connectWrites = async () => (await c.writes('amazonConnect')).filter((w) => w.method === 'PUT');
	const teamsWrites = async () => (await c.writes('graph')).filter((r) => /\/presence\/set/.test(r.path));
	/** Polls (GetCurrentUserData) that asked for exactly this agent, answered 200. */
	const pollsOf = async (/** @type {string} */ userId) =>
		(await c.requests('amazonConnect')).filter((r) => r.path.startsWith('/metrics/userdata/') && r.status === 200 && JSON.stringify(r.body?.Filters?.Agents) === JSON.stringify([userId])).length;
	/** Waits for the trigger's next poll of `userId`. */
	async function nextPoll(/** @type {string} */ userId) {
		const before = await pollsOf(userId);
		await untilPolled(async () => (await pollsOf(userId)) > before, `poll of ${userId}`);
	}
	/** The agent changes status in Connect; the workflow's next poll starts exactly `executions` execution(s), each a success. */
	async function afterConnectChange(/** @type {string} */ wf, /** @type {string} */ userId, /** @type {string} */ statusId, executions = 1) {
		// A baseline first: a change before the trigger's first poll would be history.
		await nextPoll(userId);
		await c.clearRequests();
		const before = c.executions(wf).length;
		await sim('amazon-connect/agent-sets', { userId, statusId });
		const fresh = (await c.settledExecutions(wf, before + executions, POLL_WAIT_MS)).slice(before);
		for (const e of fresh) assert.equal(e.status, 'success', `execution ${e.id} ended ${e.status}`);
		await c.quiet(1500);
		assert.equal(c.executions(wf).length, before + executions, 'a further execution started');
	}

	await c.test('Connect → Teams: Blake → Training in Amazon Connect (the row Training → Busy/InAConferenceCall) makes one Teams write: the app session for Blake', async () => {
		// Blake is signed in to Teams (Available, not chosen): a session's presence shows.
		await sim('graph/user-sets', { userId: IDS.graph.users.blake, availability: 'Available', activity: 'Available', userConfigured: false });
		await afterConnectChange(TO_TEAMS, blake, C.status.training);
		const writes = await teamsWrites();
		assert.deepEqual(
			writes.map((w) => [w.path, w.body, w.status]),
			[[`/v1.0/users/${IDS.graph.users.blake}/presence/setPresence`, { sessionId: CLIENTS.graph.clientId, availability: 'Busy', activity: 'InAConferenceCall', expirationDuration: 'PT4H' }, 200]],
		);
		await none(['dataverse', 'genesys', 'vonage']);
		assert.deepEqual(await connectWrites(), [], 'unexpected Amazon Connect writes');
	});

	const danaTo = (/** @type {string} */ presenceId) => fixtures.variant({ agentId: dv.agents.dana, agentStatusId: dv.agentStatuses.dana, presenceId, initiatingUserId: dv.agents.dana });

	await c.test('Dynamics → Connect: Dana → Away in Dynamics makes one PutUserStatus (Break, the first status of that kind); the next poll sees it and writes nothing back (no echo)', async () => {
		// Just after a poll: the delivery's one execution settles before the poll that sees its write.
		await nextPoll(dana);
		await deliver(TWO_WAY, danaTo(dv.presences.away), 1, { agentId: dv.agents.dana, presenceId: dv.presences.away });
		const writes = await connectWrites();
		assert.deepEqual(writes.map((w) => [w.path, w.body, w.status]), [[`/users/${C.instanceId}/${dana}/status`, { AgentStatusId: C.status.break }, 200]]);
		await none(['dataverse', 'genesys', 'vonage']);
		// The poll that follows reports Dana's new status: one execution, nothing written anywhere.
		await c.clearRequests();
		const before = c.executions(TWO_WAY).length;
		const fresh = (await c.settledExecutions(TWO_WAY, before + 1, POLL_WAIT_MS)).slice(before);
		assert.equal(fresh[0].status, 'success');
		await c.quiet(1500);
		assert.deepEqual(c.nodeItems(fresh[0].id, 'Set Dynamics presence').map((i) => [i.written, i.skippedReason]), [[false, 'same']]);
		await none(['dataverse', 'genesys', 'vonage']);
		assert.deepEqual(await connectWrites(), [], 'the echo wrote to Amazon Connect');
	});

	await c.test('Connect → Dynamics: Dana → Training in Amazon Connect makes one Dynamics write (Busy) and no Connect write', async () => {
		await afterConnectChange(TWO_WAY, dana, C.status.training);
		expectOneDataverseWrite(await c.writes('dataverse'), dv.agents.dana, dv.presences.busy);
		assert.deepEqual(await connectWrites(), [], 'unexpected Amazon Connect writes');
	});

	await c.test('Dynamics → Connect: Dana on a contact in Amazon Connect is not overwritten (On a Contact is protected): no PutUserStatus', async () => {
		await sim('amazon-connect/start-contact', { userId: dana });
		try {
			const before = c.executions(TWO_WAY).length;
			await deliver(TWO_WAY, danaTo(dv.presences.available), 1, { agentId: dv.agents.dana, presenceId: dv.presences.available });
			assert.deepEqual(await connectWrites(), [], 'a status was written for an agent on a contact');
			const [run] = c.executions(TWO_WAY).slice(before);
			assert.deepEqual(c.nodeItems(run.id, 'Set Connect presence').map((i) => [i.written, i.skippedReason, i.protectedState]), [[false, 'protected', 'onContact']]);
		} finally {
			await sim('amazon-connect/end-contacts', { userId: dana });
		}
	});

	await c.test('Reconcile Dynamics → Connect: a run brings every agent in step; Casey put out of step in Connect is repaired by the next run, exactly once; the run after writes nothing', async () => {
		const WF = 'reconcile-dynamics-connect';
		async function reconcile() {
			const before = c.executions(WF).length;
			await n8nExecute(c.workflow(WF).json.id);
			const runs = await c.settledExecutions(WF, before + 1);
			const run = runs[runs.length - 1];
			assert.equal(run.status, 'success', `execution ${run.id} ended ${run.status}`);
			const summary = c.nodeItems(run.id, 'Summary');
			assert.equal(summary.length, 1, `one summary item, got ${JSON.stringify(summary)}`);
			const failures = c.nodeItems(run.id, 'Repair Connect presence', 1);
			return { ...summary[0], failures: failures.map((i) => i.error) };
		}
		// Earlier scenarios leave Dynamics agents in Busy DND, which Amazon Connect has no status for (the
		// template's note says to add a custom status for it; until then the repair fails naming the
		// category). Only those agents are moved, to Busy, so later scenarios see what they expect.
		const before = /** @type {any} */ (await (await fetch(`${c.sim}/__sim/state`)).json());
		for (const row of before.dataverse.tables.msdyn_agentstatuses) {
			if (String(row._msdyn_currentpresenceid_value).toLowerCase() === dv.presences.busyDnd) await sim('dataverse/agent-sets', { agentId: row._msdyn_agentid_value, presenceId: dv.presences.busy });
		}
		const first = await reconcile();
		assert.equal(first.failed, 0, `first run: ${JSON.stringify(first)}`);
		const casey = C.users.casey;
		const state = /** @type {any} */ (await (await fetch(`${c.sim}/__sim/state`)).json());
		const now = state.amazonConnect.activity[casey].statusId;
		// A status of another kind than the one the first run left.
		const other = now === C.status.training ? C.status.lunch : C.status.training;
		await sim('amazon-connect/agent-sets', { userId: casey, statusId: other });
		await c.clearRequests();
		const second = await reconcile();
		const writes = await connectWrites();
		assert.deepEqual(writes.map((w) => [w.path, w.body, w.status]), [[`/users/${C.instanceId}/${casey}/status`, { AgentStatusId: now }, 200]]);
		assert.equal(second.repaired, 1, `second run: ${JSON.stringify(second)}`);
		assert.equal(second.failed, 0, `second run: ${JSON.stringify(second)}`);
		await c.clearRequests();
		const third = await reconcile();
		assert.deepEqual({ repaired: third.repaired, failed: third.failed }, { repaired: 0, failed: 0 }, `third run: ${JSON.stringify(third)}`);
		assert.deepEqual(await connectWrites(), [], 'the run after the repair wrote to Amazon Connect');
	});
}

module.exports = { run, runAmazonConnect, runSmoke, runGenesysReconnect, runReconciliation, runTeamsNotifications, runVonagePoll, vonagePollHistory };
