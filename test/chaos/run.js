// @ts-check
/**
 * Faults in queue mode (npm run test:chaos, started by scripts/test-chaos.sh, which built and
 * installed the package and started Redis and PostgreSQL). The test:queue stack (test/e2e/stack.js:
 * main, `n8n webhook`, two workers) runs templates/dynamics-to-genesys.json against the simulator.
 *
 * Each run posts Dataverse webhooks for CHAOS_AGENTS agents × 2 changes, an agent's changes 2 s
 * apart, the change made in the simulated Dataverse before its post (the template re-reads the
 * source), at a multiple of the rate a short probe found the machine sustains; a fault is injected
 * by PID mid-burst; deliveries refused, 5xx or 404 are sent again once (as Dataverse retries). Then,
 * from the simulator's request log and n8n's execution_entity: webhooks 2xx, Genesys writes,
 * stale writes (an older change written after a newer one), duplicate writes, newer changes skipped,
 * agents out of step before and after one run of templates/reconcile-dynamics-genesys.json.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { startStack, n8nExecute, until, sleep, say, secs, stopAll, REPO } = require('../e2e/stack');
const { buildWorkflows, SHARED_KEY } = require('../e2e/workflows');
const { fixtures } = require('../e2e/fixtures');
const { Checks, assert } = require('../e2e/checks');
const { IDS } = require('../simulator');

const env = process.env;
const SYNC = 'dynamics-to-genesys';
const RECONCILE = 'reconcile-dynamics-genesys';
/** The template's nodes a finding's trace reports. */
const SET = 'Set Genesys presence';
const AFTER_WRITE = 'Dynamics presence after write';
const SET_MOVED_ON = 'Set Genesys presence (source moved on)';
/** The simulated Genesys has agent006 … agent125 beyond the seeded people: the chaos suite's agents. */
const MAX_AGENTS = 120;
const AGENTS = Number(env.CHAOS_AGENTS || 8);
const RUNS = (env.CHAOS_RUNS || 'none@1,none@2,worker@1,worker@2,webhook@1,webhook@2,redis@1,redis@2').split(',').map((r) => {
	const [fault, times = '1'] = r.trim().split('@');
	return { fault, times: Number(times) };
});
/** An agent's two changes are this far apart. */
const CHANGE_GAP_MS = 2000;
const FAULTS = ['none', 'worker', 'webhook', 'redis'];

if (!Number.isInteger(AGENTS) || AGENTS < 1 || AGENTS > MAX_AGENTS) {
	console.error(`CHAOS_AGENTS=${env.CHAOS_AGENTS}: a whole number from 1 to ${MAX_AGENTS} expected`);
	process.exit(2);
}
for (const r of RUNS) {
	if (!FAULTS.includes(r.fault) || !(r.times > 0)) {
		console.error(`CHAOS_RUNS: "${r.fault}@${r.times}" is not fault@multiple (faults: ${FAULTS.join(', ')}; multiple > 0)`);
		process.exit(2);
	}
}

/** Categories both sides share, with each side's presence for it. */
const CATEGORIES = /** @type {const} */ (['available', 'busy', 'away']);
const DV = { available: IDS.dataverse.presences.available, busy: IDS.dataverse.presences.busy, away: IDS.dataverse.presences.away };
const GC = { available: IDS.genesys.presence.Available, busy: IDS.genesys.presence.Busy, away: IDS.genesys.presence.Away };
const lower = (/** @type {unknown} */ s) => String(s ?? '').toLowerCase();
const categoryOf = (/** @type {Record<string, string>} */ ids, /** @type {string} */ id) => CATEGORIES.find((k) => lower(ids[k]) === lower(id)) ?? `other (${id})`;

/**
 * @typedef {{ n: string, email: string, agentId: string, agentStatusId: string, genesysId: string }} Agent
 * @typedef {{ agent: Agent, which: 'older' | 'newer', category: string, at: number, status: number | string, resent?: number | string }} Delivery
 */

async function main() {
	const stack = await startStack({
		workflows: (_sim, credentials) => buildWorkflows({ templatesDir: path.join(REPO, 'templates'), credentials, mode: 'test' }).filter((w) => [SYNC, RECONCILE].includes(w.key)),
	});
	const c = new Checks({ n8n: stack.n8n, sim: stack.sim, workflows: stack.workflows, userFolder: /** @type {string} */ (env.N8N_USER_FOLDER), say });
	/** GET (or POST `body` to) the simulator's control API; its JSON answer (undefined for 204). */
	async function simJson(/** @type {string} */ p, /** @type {any} */ body = undefined) {
		const init = body ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : undefined;
		// Once more on a network error: a pooled keep-alive socket the simulator closed meanwhile
		// (every control call is idempotent).
		const r = await fetch(`${stack.sim}${p}`, init).catch(() => fetch(`${stack.sim}${p}`, init));
		if (!r.ok) throw new Error(`simulator ${p}: ${r.status} ${await r.text()}`);
		return r.status === 204 ? undefined : /** @type {any} */ (await r.json());
	}
	const state = () => simJson('/__sim/state');

	const agents = await provision(simJson);
	say(`${agents.length} agents provisioned in Dataverse (agent006 …, Genesys users of the same e-mail)`);
	const seeds = fixtures(path.join(REPO, 'test', 'fixtures', 'dataverse'));
	const url = c.webhookUrl(SYNC, `?code=${encodeURIComponent(SHARED_KEY)}`);

	/** One change: made in Dataverse, then its webhook posted; a refused connection is status 'refused'. */
	async function change(/** @type {Agent} */ a, /** @type {string} */ category) {
		await simJson('/__sim/dataverse/agent-sets', { agentId: a.agentId, presenceId: /** @type {any} */ (DV)[category] });
		return post(a, category);
	}
	async function post(/** @type {Agent} */ a, /** @type {string} */ category) {
		const body = seeds.variant({ agentId: a.agentId, agentStatusId: a.agentStatusId, presenceId: /** @type {any} */ (DV)[category], initiatingUserId: a.agentId });
		return c.post(url, body).then((r) => r.status, (e) => `refused (${e.cause?.code ?? e.message})`);
	}
	/** Agents whose Genesys presence is not their Dynamics presence's category. */
	async function outOfStep() {
		const s = await state();
		return agents.filter((a) => {
			const row = s.dataverse.tables.msdyn_agentstatuses.find((/** @type {any} */ r) => r.msdyn_agentstatusid === a.agentStatusId);
			const def = s.genesys.presences[a.genesysId]?.sources?.PURECLOUD?.presenceDefinitionId;
			return categoryOf(DV, row._msdyn_currentpresenceid_value) !== categoryOf(GC, def);
		});
	}
	/** Waits until the simulator has seen no request for `ms` (n8n has done what it will). */
	async function settle(ms = 5000, timeoutMs = 240000) {
		let last = -1;
		let since = Date.now();
		await until(async () => {
			const n = (await simJson('/__sim/requests')).length;
			if (n !== last) [last, since] = [n, Date.now()];
			return Date.now() - since > ms;
		}, 'the simulator to go quiet', timeoutMs, 250);
	}
	async function reconcile() {
		await n8nExecute(c.workflow(RECONCILE).json.id);
		await settle(3000);
	}

	// Every agent in step first (the provisioned agents are Offline in Genesys, Available in Dynamics).
	await reconcile();
	assert.deepEqual((await outOfStep()).map((a) => a.email), [], 'agents out of step after the first reconciliation');

	const rate = await probe();
	console.log(`\nSustainable rate (probe: ${agents.length} changes, one per agent, 4 in flight, until every execution finished): ${rate.toFixed(2)} changes/s\n`);

	/** The probe: one change per agent, 4 in flight; changes per second until the executions are done. */
	async function probe() {
		const before = c.executions(SYNC).length;
		const s = await state();
		const started = performance.now();
		let next = 0;
		await Promise.all(Array.from({ length: 4 }, async () => {
			while (next < agents.length) {
				const a = agents[next++];
				const now = categoryOf(GC, s.genesys.presences[a.genesysId].sources.PURECLOUD.presenceDefinitionId);
				const status = await change(a, /** @type {string} */ (CATEGORIES.find((k) => k !== now)));
				if (status !== 200) throw new Error(`probe: webhook answered ${status}`);
			}
		}));
		await c.settledExecutions(SYNC, before + agents.length, 240000);
		const seconds = (performance.now() - started) / 1000;
		await settle(2000);
		assert.deepEqual((await outOfStep()).map((a) => a.email), [], 'agents out of step after the probe');
		return agents.length / seconds;
	}

	/** @type {any[]} */
	const rows = [];
	for (const [i, run] of RUNS.entries()) {
		const label = `${run.fault === 'none' ? 'no fault' : FAULT_LABEL[run.fault]}, ${(rate * run.times).toFixed(1)} changes/s (${run.times}× sustainable)`;
		say(`run ${i + 1}/${RUNS.length}: ${label}`);
		rows.push({ label, ...(await burst(run, rate * run.times, i)) });
	}

	/**
	 * One run: the burst with its fault, the deliveries sent again, the counts, one reconciliation.
	 * @param {{ fault: string, times: number }} run
	 */
	async function burst(run, changesPerSecond, /** @type {number} */ index) {
		const s = await state();
		const firstExecution = Math.max(0, ...c.executions(SYNC).map((e) => Number(e.id))) + 1;
		await c.clearRequests();
		// Each agent's older then newer change: the two categories other than their presence now
		// (every change a real write), in an order that alternates between runs.
		const plan = agents.flatMap((a, k) => {
			const now = categoryOf(GC, s.genesys.presences[a.genesysId].sources.PURECLOUD.presenceDefinitionId);
			const [x, y] = CATEGORIES.filter((cat) => cat !== now);
			const [older, newer] = (index + k) % 2 ? [y, x] : [x, y];
			// Older changes at half the rate, each newer one 2 s after its agent's older one: together the rate.
			const at = (k * 2000) / changesPerSecond;
			return [
				{ agent: a, which: /** @type {const} */ ('older'), category: older, at },
				{ agent: a, which: /** @type {const} */ ('newer'), category: newer, at: at + CHANGE_GAP_MS },
			];
		}).sort((p, q) => p.at - q.at);
		const duration = plan[plan.length - 1].at;
		const t0 = performance.now();
		/** @type {Delivery[]} */
		const deliveries = [];
		const fault = injectFault(run.fault, duration / 2);
		await Promise.all(plan.map(async (p) => {
			await sleep(Math.max(0, p.at - (performance.now() - t0)));
			deliveries.push({ ...p, status: await change(p.agent, p.category) });
		}));
		await fault;
		// Deliveries refused, 5xx or 404 are sent again once, as Dataverse retries, once the webhook answers again.
		const failed = deliveries.filter((d) => !isOk(d.status)).sort((p, q) => p.at - q.at);
		if (failed.length) {
			await until(async () => /POST/.test(await (await fetch(url.replace(/\?.*/, ''))).text()), 'the production webhook to answer again', 240000);
			for (const d of failed) d.resent = await post(d.agent, d.category);
		}
		await settle();
		const log = /** @type {any[]} */ (await simJson('/__sim/requests?vendor=genesys'));
		// The change each finished execution carried (its Presence mapping item), from n8n's PostgreSQL.
		const carried = c.executions(SYNC).filter((e) => Number(e.id) >= firstExecution && e.status === 'success').flatMap((e) => c.nodeItems(e.id, 'Presence mapping (edit here)'));
		const counts = count(deliveries, log, carried);
		const before = await outOfStep();
		await reconcile();
		const after = await outOfStep();
		const row = { ...counts, webhooks: deliveries.filter((d) => isOk(d.status) || isOk(d.resent)).length, sent: deliveries.length, before: before.length, after: after.length };
		say(`run ${index + 1}: ${JSON.stringify({ ...row, staleAgents: undefined, duplicateAgents: undefined, skippedAgents: undefined })}`);
		// Findings, by agent: their deliveries and the Genesys writes they got.
		const findings = new Set([...counts.staleAgents, ...counts.duplicateAgents, ...counts.skippedAgents, ...after, ...(run.fault === 'none' ? before : [])]);
		const timeline = findings.size ? /** @type {any[]} */ (await simJson('/__sim/requests')) : [];
		for (const a of findings) {
			const events = deliveries.filter((d) => d.agent === a).map((d) => `${d.which} ${d.category} at ${(d.at / 1000).toFixed(1)}s → ${d.status}${d.resent !== undefined ? `, again → ${d.resent}` : ''}`);
			const writes = writesOf(log, a).map((w) => categoryOf(GC, w.body?.presenceDefinition?.id));
			say(`  ${a.email}: events [${events.join('; ')}]; Genesys writes [${writes.join(', ')}]`);
			trace(a, firstExecution, timeline, t0);
		}
		await c.test(`chaos: ${FAULT_NAME[run.fault]} at ${run.times}× the sustainable rate: 0 stale, 0 duplicate writes, 0 newer changes skipped, 0 agents out of step after one reconciliation${run.fault === 'none' ? ' (and before it)' : ''}`, async () => {
			assert.deepEqual(
				{ stale: row.stale, duplicates: row.duplicates, newerSkipped: row.newerSkipped, afterReconcile: row.after, ...(run.fault === 'none' ? { beforeReconcile: row.before } : {}) },
				{ stale: 0, duplicates: 0, newerSkipped: 0, afterReconcile: 0, ...(run.fault === 'none' ? { beforeReconcile: 0 } : {}) },
				`agents: ${[...findings].map((a) => a.email).join(', ')}`,
			);
		});
		return row;
	}

	/**
	 * What happened to one agent, for a finding: each of the run's executions that carried them (what
	 * each Set decided, what the source showed after the write) and their vendor requests in order,
	 * in seconds from the burst's start.
	 */
	function trace(/** @type {Agent} */ a, /** @type {number} */ firstExecution, /** @type {any[]} */ timeline, /** @type {number} */ t0) {
		const origin = performance.timeOrigin + t0;
		for (const e of c.executions(SYNC).filter((x) => Number(x.id) >= firstExecution)) {
			const mapped = c.nodeItems(e.id, 'Presence mapping (edit here)').find((m) => lower(m.agentId) === lower(a.agentId));
			if (!mapped) continue;
			const node = (/** @type {string} */ name) => c.nodeItems(e.id, name).map((i) => (i.written !== undefined ? `written ${i.written}${i.skippedReason ? ` (${i.skippedReason})` : ''}` : categoryOf(DV, i.presenceId))).join(', ') || 'did not run';
			say(`    execution ${e.id} (${e.status}): ${categoryOf(DV, mapped.presenceId)}; ${SET}: ${node(SET)}; after write: ${node(AFTER_WRITE)}; ${SET_MOVED_ON}: ${node(SET_MOVED_ON)}`);
		}
		// The agent's Genesys presence, and Dataverse's presence read on the agent's behalf (MSCRMCallerID).
		const mine = timeline.filter((q) => lower(q.path).includes(lower(a.genesysId)) || lower(q.headers?.mscrmcallerid) === lower(a.agentId));
		for (const q of mine) say(`    ${((q.receivedAt - origin) / 1000).toFixed(3)}s ${q.vendor} ${q.method} ${q.path}${q.search ?? ''} → ${q.status}${q.body?.presenceDefinition ? ` ${categoryOf(GC, q.body.presenceDefinition.id)}` : ''}`);
	}

	/** The fault, injected by PID `atMs` into the burst; resolves when the service is back. */
	async function injectFault(/** @type {string} */ fault, /** @type {number} */ atMs) {
		if (fault === 'none') return;
		await sleep(atMs);
		const [, webhookPid, worker1Pid] = stack.pids;
		if (fault === 'worker') {
			// While it runs executions: wait (briefly) until one is running, then SIGKILL, and its supervisor starts it again.
			await until(async () => c.executions(SYNC).some((e) => e.status === 'running'), 'an execution running', 10000, 50).catch(() => undefined);
			process.kill(worker1Pid, 'SIGKILL');
			say(`worker 1 (PID ${worker1Pid}) killed`);
			await gone(worker1Pid);
			stack.respawn(worker1Pid);
		} else if (fault === 'webhook') {
			// A restart as a service manager does it: SIGTERM, wait for the exit, start again.
			process.kill(webhookPid, 'SIGTERM');
			say(`n8n webhook (PID ${webhookPid}) stopped`);
			await gone(webhookPid);
			stack.respawn(webhookPid);
		} else if (fault === 'redis') {
			const pid = Number(fs.readFileSync(/** @type {string} */ (env.QUEUE_REDIS_PIDFILE), 'utf8').trim());
			process.kill(pid, 'SIGTERM');
			say(`Redis (PID ${pid}) stopped`);
			await gone(pid);
			const r = spawnSync('redis-server', [/** @type {string} */ (env.QUEUE_REDIS_CONF)], { encoding: 'utf8' });
			if (r.status !== 0) throw new Error(`redis-server did not start again: ${r.stderr}${r.stdout}`);
			say('Redis started again');
		}
	}

	const table = [
		'| run | webhooks 2xx | Genesys writes | out of step before / after reconcile | stale writes | duplicate writes | newer skipped |',
		'| --- | --- | --- | --- | --- | --- | --- |',
		...rows.map((r) => `| ${r.label} | ${r.webhooks} / ${r.sent} | ${r.writes} | ${r.before} / ${r.after} | ${r.stale} | ${r.duplicates} | ${r.newerSkipped} |`),
	];
	console.log(`\nChaos (${agents.length} agents × 2 changes, an agent's changes ${CHANGE_GAP_MS / 1000} s apart; queue mode: main, webhook process, 2 workers):\n${table.join('\n')}\n`);
	stack.stop();
	const { passed, failed } = c.summary();
	console.log(`chaos took ${secs()} (after setup)`);
	console.log(`${passed} passed, ${failed} failed`);
	process.exitCode = failed === 0 ? 0 : 1;
}

const FAULT_NAME = { none: 'no fault', worker: 'worker killed', webhook: 'n8n webhook restarted', redis: 'Redis restarted' };
const FAULT_LABEL = { worker: 'worker killed during an execution (started again)', webhook: '`n8n webhook` restarted', redis: 'Redis restarted (no persistence)' };
const isOk = (/** @type {unknown} */ status) => typeof status === 'number' && status >= 200 && status < 300;

/** Resolves once no process has `pid` (it was killed). */
async function gone(/** @type {number} */ pid) {
	await until(async () => {
		try {
			process.kill(pid, 0);
			return false;
		} catch {
			return true;
		}
	}, `PID ${pid} to exit`, 60000, 50);
}

/** Dataverse agents for agent006 … (each a Genesys user of the same e-mail in the simulator). */
async function provision(/** @type {(p: string, body?: any) => Promise<any>} */ simJson) {
	const s = await simJson('/__sim/state');
	const people = Array.from({ length: AGENTS }, (_, i) => {
		const n = String(6 + i).padStart(3, '0');
		return { n, email: `agent${n}@contoso.com`, first: 'Agent', last: n };
	});
	const { agents } = await simJson('/__sim/dataverse/agents', { agents: people });
	return people.map((p, i) => {
		const user = s.genesys.users.find((/** @type {any} */ u) => lower(u.email) === p.email);
		if (!user) throw new Error(`the simulated Genesys has no user ${p.email}`);
		return { n: p.n, email: p.email, agentId: agents[i].agentId, agentStatusId: agents[i].agentStatusId, genesysId: user.id };
	});
}

/** The Genesys presence writes (PATCH …/presences/purecloud answered 200) an agent got, in order. */
function writesOf(/** @type {any[]} */ log, /** @type {Agent} */ a) {
	return log.filter((q) => q.method === 'PATCH' && q.status === 200 && lower(q.path) === lower(`/api/v2/users/${a.genesysId}/presences/purecloud`));
}

/**
 * Counts of one run, before reconciliation: writes; stale (an agent's older change written after
 * their newer one); duplicates (a presence written again to an agent); newer skipped (an execution
 * that finished with an agent's newer change, which no write ever applied). `carried`: the Presence
 * mapping items of the run's successful executions.
 * @param {Delivery[]} deliveries
 */
function count(deliveries, /** @type {any[]} */ log, /** @type {any[]} */ carried) {
	/** @type {Agent[]} */ const staleAgents = [];
	/** @type {Agent[]} */ const duplicateAgents = [];
	/** @type {Agent[]} */ const skippedAgents = [];
	let writes = 0;
	let stale = 0;
	let duplicates = 0;
	const agents = [...new Set(deliveries.map((d) => d.agent))];
	for (const a of agents) {
		const target = (/** @type {'older'|'newer'} */ which) => /** @type {any} */ (GC)[/** @type {Delivery} */ (deliveries.find((d) => d.agent === a && d.which === which)).category];
		const defs = writesOf(log, a).map((w) => lower(w.body?.presenceDefinition?.id));
		writes += defs.length;
		const older = lower(target('older'));
		const newer = lower(target('newer'));
		const staleHere = defs.filter((d, i) => d === older && defs.slice(0, i).includes(newer)).length;
		const dupHere = defs.length - new Set(defs).size;
		stale += staleHere;
		duplicates += dupHere;
		if (staleHere) staleAgents.push(a);
		if (dupHere) duplicateAgents.push(a);
		const ran = carried.some((m) => lower(m.agentId) === lower(a.agentId) && lower(m.presenceId) === newer);
		if (ran && !defs.includes(newer)) skippedAgents.push(a);
	}
	return { writes, stale, duplicates, newerSkipped: skippedAgents.length, staleAgents, duplicateAgents, skippedAgents };
}

main().catch((error) => {
	console.error(error instanceof Error ? `${error.stack}${error.cause ? `\ncause: ${/** @type {any} */ (error.cause).stack ?? error.cause}` : ''}` : error);
	stopAll();
	console.log('0 passed, 1 failed');
	process.exit(1);
});
