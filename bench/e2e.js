// @ts-check
/**
 * End to end in a real n8n (npm run bench:e2e; started by scripts/bench-e2e.sh, which builds,
 * packs and installs the package and ensures the runtime; runs with the runtime's Node 24).
 *
 * One n8n, one simulator (in this process, so its request records are read directly), two
 * published workflows doing the same job:
 *   ours        templates/dynamics-to-genesys.json (Agent Presence Trigger → mapping → Dynamics
 *               agent email → Genesys presence by category, Only If Different)
 *   hand-built  bench/workflows/hand-built-dynamics-to-genesys.json (Webhook → Code → 3 × HTTP
 *               Request with n8n's generic OAuth2 credential, client credentials grant)
 * 1. Latency: BENCH_CHANGES (200) sequential presence changes each, interleaved ours/theirs,
 *    alternating agents and presences so every change is a real Genesys write; warm-up excluded.
 *    Latency = the simulator's receive time of the Genesys PATCH − the time the POST was sent.
 * 2. Memory: RSS of the n8n process (/proc/<pid>/status) while BENCH_WEBHOOKS (10,000) more
 *    webhooks go to ours — every BENCH_EXECUTE_EVERY-th (5th) a presence change that runs the
 *    template, the others capacity updates the trigger acknowledges and filters — sampled at every
 *    quarter once the executions so far have finished.
 * n8n's expression engine: scripts/bench-e2e.sh sets N8N_EXPRESSION_ENGINE=legacy unless it is
 * set: with 2.41's default `vm` engine every webhook to a trigger other than n8n's own Webhook node
 * acquires an isolate, n8n handles ~8 webhooks/s here and 10,000 do not fit in 10 minutes.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { startStack, say, secs, sleep, until, REPO } = require('../test/e2e/stack');
const { buildWorkflows, SHARED_KEY } = require('../test/e2e/workflows');
const { fixtures } = require('../test/e2e/fixtures');
const { Checks } = require('../test/e2e/checks');
const { IDS, CLIENTS } = require('../test/simulator');

const env = process.env;
const CHANGES = Number(env.BENCH_CHANGES || 200);
const WARMUP = Number(env.BENCH_WARMUP || 20);
const WEBHOOKS = Number(env.BENCH_WEBHOOKS || 10000);
const CONCURRENCY = Number(env.BENCH_CONCURRENCY || 8);
/** Every Nth webhook of the memory phase is a presence change; the others are capacity updates (filtered, no execution). */
const EXECUTE_EVERY = Math.max(1, Number(env.BENCH_EXECUTE_EVERY || 5));
const HAND_BUILT = path.join(REPO, 'bench/workflows/hand-built-dynamics-to-genesys.json');
const HAND_BUILT_PATH = 'hand-built-dynamics-to-genesys';
const AGENTS = ['alex', 'blake', 'casey', 'dana', 'eli'];

/** n8n's generic OAuth2 credential, client credentials grant, one per vendor (what the hand-built workflow uses). */
function oauth2Credentials(/** @type {string} */ sim) {
	return [
		{
			id: 'benchDvOAuth2001',
			name: 'Dataverse OAuth2 (client credentials)',
			type: 'oAuth2Api',
			data: {
				grantType: 'clientCredentials',
				accessTokenUrl: `${sim}/dataverse/login/${CLIENTS.dataverse.tenantId}/oauth2/v2.0/token`,
				clientId: CLIENTS.dataverse.clientId,
				clientSecret: CLIENTS.dataverse.clientSecret,
				scope: `${sim}/dataverse/.default`,
				authentication: 'body', // Azure AD: client_id/client_secret in the form body
			},
		},
		{
			id: 'benchGnOAuth2001',
			name: 'Genesys Cloud OAuth2 (client credentials)',
			type: 'oAuth2Api',
			data: {
				grantType: 'clientCredentials',
				accessTokenUrl: `${sim}/genesys-login/oauth/token`,
				clientId: CLIENTS.genesys.clientId,
				clientSecret: CLIENTS.genesys.clientSecret,
				scope: '',
				authentication: 'header', // Genesys: HTTP Basic
			},
		},
	];
}

function handBuilt(/** @type {string} */ sim) {
	let text = fs.readFileSync(HAND_BUILT, 'utf8');
	const values = {
		REPLACE_WITH_A_LONG_RANDOM_SHARED_KEY: SHARED_KEY,
		REPLACE_WITH_YOUR_DATAVERSE_ENVIRONMENT_URL: `${sim}/dataverse`,
		REPLACE_WITH_YOUR_GENESYS_API_BASE_URL: `${sim}/genesys`,
		REPLACE_DATAVERSE_OAUTH2_CREDENTIAL_ID: 'benchDvOAuth2001',
		REPLACE_GENESYS_OAUTH2_CREDENTIAL_ID: 'benchGnOAuth2001',
	};
	for (const [k, v] of Object.entries(values)) text = text.split(k).join(v);
	const json = JSON.parse(text);
	json.id = 'benchHandBuilt01';
	return { key: 'hand-built', json, publish: true, webhookPath: HAND_BUILT_PATH };
}

const pct = (/** @type {number[]} */ xs, /** @type {number} */ p) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const rssKb = (/** @type {number} */ pid) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);

async function main() {
	const t0 = Date.now();
	const stack = await startStack({
		inProcessSimulator: true,
		extraCredentials: oauth2Credentials,
		workflows: (sim, credentials) => [
			...buildWorkflows({ templatesDir: path.join(REPO, 'templates'), credentials, sim, mode: 'test' }).filter((w) => w.key === 'dynamics-to-genesys'),
			handBuilt(sim),
		],
	});
	const simulator = stack.simulator;
	const checks = new Checks({ n8n: stack.n8n, sim: stack.sim, workflows: stack.workflows, userFolder: /** @type {string} */ (env.N8N_USER_FOLDER), say });
	const seeds = fixtures(path.join(REPO, 'test', 'fixtures', 'dataverse'));
	const urls = {
		ours: checks.webhookUrl('dynamics-to-genesys', `?code=${SHARED_KEY}`),
		theirs: `${stack.n8n}/webhook/${HAND_BUILT_PATH}?code=${SHARED_KEY}`,
	};
	const keyOf = { ours: 'dynamics-to-genesys', theirs: 'hand-built' };

	// Each agent toggles Busy ⇄ Available, so every change differs from their Genesys presence (all start Available).
	const busy = Object.fromEntries(AGENTS.map((a) => [a, false]));
	let turn = 0;
	function nextChange() {
		const agent = AGENTS[turn++ % AGENTS.length];
		busy[agent] = !busy[agent];
		const body = seeds.variant({
			agentId: IDS.dataverse.agents[agent],
			agentStatusId: IDS.dataverse.agentStatuses[agent],
			presenceId: busy[agent] ? IDS.dataverse.presences.busy : IDS.dataverse.presences.available,
			initiatingUserId: IDS.dataverse.agents[agent],
		});
		return { agent, body: JSON.stringify(body), definition: busy[agent] ? IDS.genesys.presence.Busy : IDS.genesys.presence.Available };
	}
	// An Update whose capacity changed after the presence: the trigger answers 200 and starts nothing (capacity_changed is not among the template's events).
	const capacityUpdate = JSON.stringify(seeds.variant({ initiatingUserId: IDS.dataverse.agents.alex }), (k, v) =>
		k === 'value' && v === '/Date(1722581814000)/' ? '/Date(1722582040000)/' : v);
	const finished = (/** @type {string} */ key) => checks.executions(key).filter((e) => !['new', 'running', 'waiting'].includes(e.status));

	/** One change through one workflow; resolves with ms from POST to the Genesys write, after its execution finished. */
	async function change(/** @type {'ours'|'theirs'} */ who) {
		const { agent, body, definition } = nextChange();
		const writePath = `/api/v2/users/${IDS.genesys.users[agent]}/presences/purecloud`;
		const done = finished(keyOf[who]).length;
		simulator.clearRequests();
		const sent = performance.timeOrigin + performance.now();
		const r = await fetch(urls[who], { method: 'POST', headers: { 'content-type': 'application/json' }, body });
		if (r.status !== 200) throw new Error(`${who}: webhook answered ${r.status}: ${await r.text()}`);
		const write = await until(
			async () => simulator.requests.find((/** @type {any} */ q) => q.vendor === 'genesys' && q.method === 'PATCH' && q.path === writePath),
			`${who}: the Genesys write for ${agent}`, 15000, 1,
		);
		if (write.body?.presenceDefinition?.id !== definition || write.status !== 200) {
			throw new Error(`${who}: unexpected write ${JSON.stringify({ body: write.body, status: write.status })}`);
		}
		await until(async () => finished(keyOf[who]).length > done, `${who}: the execution to finish`, 15000, 5);
		return { ms: write.receivedAt - sent, requests: simulator.requests.length, tokens: simulator.tokenRequests('dataverse') + simulator.tokenRequests('genesys') };
	}

	say(`warm-up: ${WARMUP} changes each (excluded)`);
	for (let i = 0; i < WARMUP; i++) for (const who of /** @type {const} */ (['ours', 'theirs'])) await change(who);
	say(`latency: ${CHANGES} sequential changes each, interleaved`);
	/** @type {Record<'ours'|'theirs', number[]>} */
	const ms = { ours: [], theirs: [] };
	const requestsPerChange = { ours: 0, theirs: 0 };
	const tokenRequests = { ours: 0, theirs: 0 };
	for (let i = 0; i < CHANGES; i++) {
		/** @type {('ours'|'theirs')[]} */
		const order = i % 2 ? ['theirs', 'ours'] : ['ours', 'theirs']; // alternate who goes first
		for (const who of order) {
			const c = await change(who);
			ms[who].push(c.ms);
			requestsPerChange[who] += c.requests;
			tokenRequests[who] += c.tokens;
		}
	}
	const errored = ['dynamics-to-genesys', 'hand-built'].flatMap((k) => checks.executions(k).filter((e) => e.status !== 'success'));
	if (errored.length) throw new Error(`executions that did not succeed: ${JSON.stringify(errored.slice(0, 5))}`);

	say(`memory: ${WEBHOOKS} webhooks to ours (every ${EXECUTE_EVERY}th a presence change, the rest capacity updates the trigger filters), ${CONCURRENCY} in flight; RSS of n8n (pid ${stack.mainPid}) at every quarter`);
	const pid = stack.mainPid;
	const base = finished('dynamics-to-genesys').length;
	/** @type {{ after: number, rssMb: number }[]} */
	const rss = [{ after: 0, rssMb: rssKb(pid) / 1024 }];
	const quarter = Math.ceil(WEBHOOKS / 4);
	let posted = 0;
	let executing = 0;
	let failures = 0;
	const memStart = Date.now();
	for (let q = 1; q <= 4; q++) {
		const target = Math.min(WEBHOOKS, q * quarter);
		await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
			while (posted < target) {
				const presence = posted++ % EXECUTE_EVERY === 0;
				if (presence) executing++;
				const r = await fetch(urls.ours, { method: 'POST', headers: { 'content-type': 'application/json' }, body: presence ? nextChange().body : capacityUpdate });
				await r.arrayBuffer();
				if (r.status !== 200) failures++;
				if (simulator.requests.length > 2000) simulator.clearRequests();
			}
		}));
		await until(async () => finished('dynamics-to-genesys').length >= base + executing, `${executing} executions to finish`, 300000, 250);
		rss.push({ after: target, rssMb: rssKb(pid) / 1024 });
		say(`  ${target} webhooks (${executing} executions): RSS ${rss[rss.length - 1].rssMb.toFixed(0)} MB`);
	}
	const extra = finished('dynamics-to-genesys').length - base - executing;
	if (extra !== 0) throw new Error(`${extra} more executions than presence changes: a capacity update started one`);
	const memSecs = (Date.now() - memStart) / 1000;
	stack.stop();
	report({ ms, requestsPerChange, tokenRequests, rss, failures, memSecs, executing, total: (Date.now() - t0) / 1000 });
}

function report(/** @type {any} */ { ms, requestsPerChange, tokenRequests, rss, failures, memSecs, executing, total }) {
	const f = (/** @type {number} */ x) => `${x.toFixed(1)} ms`;
	const row = (/** @type {string[]} */ cells) => console.log(`| ${cells.join(' | ')} |`);
	const p50 = { ours: pct(ms.ours, 50), theirs: pct(ms.theirs, 50) };
	const p95 = { ours: pct(ms.ours, 95), theirs: pct(ms.theirs, 95) };
	const at = (/** @type {number} */ n) => rss.find((/** @type {any} */ r) => r.after === n)?.rssMb;
	const last = rss[rss.length - 1];
	const growth = last.rssMb / rss[1].rssMb - 1; // from the first quarter (warm caches) to the end
	const ok = (/** @type {boolean} */ b) => (b ? 'met' : 'NOT met');
	const n8nVersion = JSON.parse(fs.readFileSync(path.join(path.dirname(/** @type {string} */ (env.N8N_BIN)), '..', 'package.json'), 'utf8')).version;
	console.log(`\nEnd to end in real n8n ${n8nVersion}, Node ${process.versions.node}, expression engine ${env.N8N_EXPRESSION_ENGINE || 'vm (default)'} (one run, ${CHANGES} changes each after ${WARMUP} warm-up, sequential, interleaved; every change one Genesys PATCH)\n`);
	row(['figure', 'ours (template)', 'hand-built', 'ours ÷ hand-built', 'goal', 'result']);
	row(['---', '---', '---', '---', '---', '---']);
	row(['webhook → Genesys write p50', f(p50.ours), f(p50.theirs), (p50.ours / p50.theirs).toFixed(2), '≤ 0.80', ok(p50.ours <= 0.8 * p50.theirs)]);
	row(['webhook → Genesys write p95', f(p95.ours), f(p95.theirs), (p95.ours / p95.theirs).toFixed(2), '≤ 0.80', ok(p95.ours <= 0.8 * p95.theirs)]);
	row(['vendor requests per change', (requestsPerChange.ours / CHANGES).toFixed(2), (requestsPerChange.theirs / CHANGES).toFixed(2), '', '', '']);
	row(['token requests in the measured changes', String(tokenRequests.ours), String(tokenRequests.theirs), '', '', '']);
	row([`RSS of n8n after 0 / ${rss.slice(1).map((/** @type {any} */ r) => r.after.toLocaleString('en')).join(' / ')} webhooks`, rss.map((/** @type {any} */ r) => `${r.rssMb.toFixed(0)}`).join(' / ') + ' MB', '', '', 'flat', '']);
	row([`RSS growth ${rss[1].after.toLocaleString('en')} → ${last.after.toLocaleString('en')} webhooks`, `${(growth * 100).toFixed(1)} %`, '', '', '≤ 10 % (flat)', ok(growth <= 0.1)]);
	console.log(`Memory phase: ${last.after} webhooks (${executing} presence changes that ran the template, ${last.after - executing} capacity updates the trigger acknowledged and filtered) in ${memSecs.toFixed(0)} s (${(last.after / memSecs).toFixed(0)}/s), ${failures} non-200 answers; RSS at 0 was ${at(0)?.toFixed(0)} MB (after the latency phase).`);
	console.log(`Total ${total.toFixed(0)} s (${secs()} in this process).`);
	if (failures) process.exitCode = 1;
}

main().catch((error) => {
	console.error(error instanceof Error ? error.stack : error);
	process.exit(1);
});
