// @ts-check
/**
 * A real n8n with the vendor simulator, shared by the e2e suite (run.js), the fuzz test and the
 * end-to-end benchmark (bench/e2e.js). Everything runs with the runtime's Node 24 and the
 * environment scripts/lib/e2e.sh exported (N8N_BIN, N8N_USER_FOLDER, N8N_PORT, DB_*, …).
 *
 * startStack(): simulator → credentials and workflows imported with n8n's CLI and published →
 * n8n started (one `n8n start`, or in queue mode a main, a webhook process and two workers) →
 * production webhooks registered, Genesys sockets open, activation settled. The stack's
 * stopN8n() / startN8n() stop every n8n process and start them again (the simulator stays up),
 * as an n8n restart in production; respawn(pid) starts one killed n8n process again (test/chaos).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawn, execFileSync } = require('node:child_process');

const env = process.env;
const REPO = /** @type {string} */ (env.E2E_REPO);
const WORK = /** @type {string} */ (env.E2E_WORK);
const N8N_BIN = /** @type {string} */ (env.N8N_BIN);
const QUEUE = env.E2E_QUEUE === '1';
const { CLIENTS } = require('../simulator');
const { WEBHOOK_PATH, postJson } = require('./workflows');
/** The public name n8n's production webhooks have in the e2e (Dataverse's view of WEBHOOK_URL). */
const E2E_PUBLIC_HOST = 'n8n.e2e.test';

env.N8N_ENCRYPTION_KEY = env.N8N_ENCRYPTION_KEY || 'agent-presence-e2e-not-a-secret';
const started = Date.now();
const secs = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
const say = (/** @type {string} */ m) => console.log(`[${secs()}] ${m}`);
const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/** @type {import('node:child_process').ChildProcess[]} */
const children = [];
let stopping = false;
function stopAll() {
	stopping = true;
	for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
}
process.on('exit', stopAll);
for (const sig of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(sig, () => { stopAll(); process.exit(130); });

async function freePort() {
	const net = require('node:net');
	return await new Promise((resolve) => {
		const s = net.createServer().listen(0, '127.0.0.1', () => {
			const { port } = /** @type {import('node:net').AddressInfo} */ (s.address());
			s.close(() => resolve(port));
		});
	});
}

/** Polls fn until it returns a truthy value (returned) or the time is up (throws with what). */
async function until(/** @type {() => Promise<any>} */ fn, /** @type {string} */ what, timeoutMs = 30000, everyMs = 200) {
	const end = Date.now() + timeoutMs;
	for (;;) {
		const v = await fn().catch(() => undefined);
		if (v) return v;
		if (Date.now() > end) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
		await sleep(everyMs);
	}
}

function n8nCli(/** @type {string[]} */ args) {
	const t = Date.now();
	try {
		execFileSync(process.execPath, [N8N_BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
	} catch (error) {
		const e = /** @type {any} */ (error);
		throw new Error(`n8n ${args.join(' ')} failed:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
	}
	say(`n8n ${args[0]} (${((Date.now() - t) / 1000).toFixed(1)}s)`);
}

/**
 * The CLI command that makes an imported workflow live: publish:workflow since n8n 2.0; n8n 1.x
 * has no publishing and activates with update:workflow --active=true (docs/compatibility.md).
 */
function publishArgs(/** @type {string} */ id) {
	const hasPublish = fs.existsSync(path.join(path.dirname(N8N_BIN), '..', 'dist', 'commands', 'publish'));
	return hasPublish ? ['publish:workflow', `--id=${id}`] : ['update:workflow', `--id=${id}`, '--active=true'];
}

/**
 * Runs a workflow once with n8n's CLI (`n8n execute --id`), as a schedule would: a real n8n
 * execution, stored with the others. n8n runs CLI executions in the CLI process, also when the
 * instance is in queue mode. Its own task broker port, so it does not collide with the running n8n.
 */
async function n8nExecute(/** @type {string} */ workflowId) {
	const t = Date.now();
	const port = String(await freePort());
	const { execFile } = require('node:child_process');
	await new Promise((resolve, reject) => {
		execFile(process.execPath, [N8N_BIN, 'execute', `--id=${workflowId}`, '--rawOutput'], { env: { ...env, N8N_RUNNERS_BROKER_PORT: port }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
			if (error) reject(new Error(`n8n execute --id=${workflowId} failed:\n${stdout}${stderr}`));
			else resolve(stdout);
		});
	});
	say(`n8n execute --id=${workflowId} (${((Date.now() - t) / 1000).toFixed(1)}s)`);
}

/** Starts a child that stopAll() stops, logging to logFile. */
function startProcess(/** @type {string} */ name, /** @type {string[]} */ args, /** @type {string} */ logFile, extraEnv = {}) {
	const out = fs.openSync(logFile, 'a');
	// E2E_CPU_PROF=<dir>: V8 CPU profiles of every child (where n8n spends its time).
	const prof = env.E2E_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${env.E2E_CPU_PROF}`] : [];
	const child = spawn(process.execPath, [...prof, ...args], { env: { ...env, ...extraEnv }, stdio: ['ignore', out, out] });
	children.push(child);
	child.on('exit', (code, signal) => {
		if (!stopping && !stoppedOnPurpose.has(child)) say(`${name} exited (${signal ?? code}); log: ${logFile}`);
	});
	return child;
}

/** @type {WeakSet<import('node:child_process').ChildProcess>} */
const stoppedOnPurpose = new WeakSet();

/** SIGTERM to one child, then waits for it to exit (SIGKILL after 60 s). */
async function stopProcess(/** @type {import('node:child_process').ChildProcess} */ child) {
	if (child.exitCode !== null || child.signalCode !== null) return;
	stoppedOnPurpose.add(child);
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 60000);
	await exited;
	clearTimeout(timer);
}

/** Credentials in `n8n import:credentials` form: plain data, n8n encrypts it with N8N_ENCRYPTION_KEY. */
function simCredentials(/** @type {string} */ sim) {
	return [
		{
			id: 'e2eDynamicsCred1',
			name: 'Dynamics 365 Contact Center (simulator)',
			type: 'dynamicsContactCenterApi',
			data: {
				environmentUrl: `${sim}/dataverse`,
				tenantId: CLIENTS.dataverse.tenantId,
				clientId: CLIENTS.dataverse.clientId,
				clientSecret: CLIENTS.dataverse.clientSecret,
				overrideEndpoints: true,
				authEndpoint: `${sim}/dataverse/login/${CLIENTS.dataverse.tenantId}/oauth2/v2.0/token`,
			},
		},
		{
			id: 'e2eGenesysCred01',
			name: 'Genesys Cloud (simulator)',
			type: 'genesysCloudPresenceApi',
			data: {
				clientId: CLIENTS.genesys.clientId,
				clientSecret: CLIENTS.genesys.clientSecret,
				overrideEndpoints: true,
				apiBaseUrl: `${sim}/genesys`,
				authEndpoint: `${sim}/genesys-login/oauth/token`,
			},
		},
		{
			id: 'e2eVonageCred001',
			name: 'Vonage Contact Center (simulator)',
			type: 'vonageContactCenterApi',
			data: {
				clientId: CLIENTS.vonage.clientId,
				clientSecret: CLIENTS.vonage.clientSecret,
				scopes: 'users:read users:write stats',
				overrideEndpoints: true,
				apiBaseUrl: `${sim}/vonage`,
				authEndpoint: `${sim}/vonage-auth/Auth/connect/token`,
			},
		},
		{
			// The secret the e2e signs its Vonage webhook notifications with (the subscription's, as Vonage gives it).
			id: 'e2eVonageHook001',
			name: 'Vonage Contact Center Webhook API (simulator)',
			type: 'vonageContactCenterWebhookApi',
			data: { subscriptionSecret: require('./workflows').VONAGE_SUBSCRIPTION_SECRET },
		},
		{
			// n8n's own Header Auth credential, for the Webhook-node-entry templates' Webhook nodes.
			id: 'e2eWebhookHdrKey',
			name: 'Presence webhook key (simulator)',
			type: 'httpHeaderAuth',
			data: { name: 'x-presence-key', value: require('./workflows').SHARED_KEY },
		},
		{
			// Signed with AWS Signature Version 4; Override Endpoints sends the requests to the simulator.
			id: 'e2eConnectCred01',
			name: 'Amazon Connect (simulator)',
			type: 'amazonConnectApi',
			data: {
				region: CLIENTS.amazonConnect.region,
				instance: CLIENTS.amazonConnect.instanceArn,
				accessKeyId: CLIENTS.amazonConnect.accessKeyId,
				secretAccessKey: CLIENTS.amazonConnect.secretAccessKey,
				overrideEndpoints: true,
				apiBaseUrl: `${sim}/amazon-connect`,
			},
		},
		{
			id: 'e2eTeamsGraphCr1',
			name: 'Microsoft Teams Presence (simulator)',
			type: 'microsoftTeamsPresenceGraphApi',
			data: {
				cloud: 'public',
				tenantId: CLIENTS.graph.tenantId,
				clientId: CLIENTS.graph.clientId,
				clientSecret: CLIENTS.graph.clientSecret,
				overrideEndpoints: true,
				apiBaseUrl: `${sim}/graph/v1.0`,
				authEndpoint: `${sim}/graph-login/${CLIENTS.graph.tenantId}/oauth2/v2.0/token`,
			},
		},
	];
}

/**
 * A workflow to import; its production webhook is /webhook/<webhookPath>, by default
 * <webhookId>/agent-presence (the Agent Presence Trigger's static path).
 * @typedef {{ key: string, json: any, publish: boolean, webhookId?: string, webhookPath?: string, genesysListener?: boolean, autoRegistered?: boolean }} StackWorkflow
 * @typedef {{ n8n: string, main: string, sim: string, simulator?: any, mainPid: number, pids: number[], workflows: StackWorkflow[], logs: string,
 *   stopN8n: () => Promise<void>, startN8n: () => Promise<void>, respawn: (pid: number) => void, stop: () => void }} Stack
 */

/**
 * genesysChannelTtlSeconds: the simulated Genesys notification channels' lifetime (default 24 h).
 * beforeN8n: what happens at the vendors before n8n first starts (history its triggers must not report).
 * @param {{ simPort?: number, inProcessSimulator?: boolean, logs?: string, genesysChannelTtlSeconds?: number,
 *   workflows: (sim: string, credentials: any[]) => StackWorkflow[], extraCredentials?: (sim: string) => any[] | Promise<any[]>,
 *   beforeN8n?: (sim: string) => Promise<void> }} o
 * @returns {Promise<Stack>}
 */
async function startStack({ simPort, inProcessSimulator = false, logs = WORK, genesysChannelTtlSeconds, workflows: buildWorkflows, extraCredentials, beforeN8n }) {
	// 1. simulator: a child process (its own event loop), or in this process when the caller reads its records directly
	let sim;
	let simulator;
	if (inProcessSimulator) {
		simulator = await require('../simulator').startSimulator({
			port: simPort ?? 0,
			genesysNotifications: genesysChannelTtlSeconds ? { channelTtlSeconds: genesysChannelTtlSeconds } : undefined,
		});
		sim = simulator.url;
	} else {
		const port = simPort ?? (await freePort());
		sim = `http://127.0.0.1:${port}`;
		const ttl = genesysChannelTtlSeconds ? ['--genesys-channel-ttl', String(genesysChannelTtlSeconds)] : [];
		startProcess('simulator', [path.join(REPO, 'test/simulator/server.js'), '--port', String(port), ...ttl], path.join(logs, 'simulator.log'));
		await until(async () => (await fetch(`${sim}/__sim/info`)).ok, 'the simulator');
	}
	say(`simulator on ${sim}`);

	// 2. credentials and workflows, imported and published with n8n's CLI (before n8n starts)
	const credentials = [...simCredentials(sim), ...(extraCredentials ? await extraCredentials(sim) : [])];
	fs.writeFileSync(path.join(WORK, 'credentials.json'), JSON.stringify(credentials, null, 2));
	const workflows = buildWorkflows(sim, credentials);
	// A versionId as n8n's own exports carry: n8n 2.0's import:workflow does not make one when it is
	// missing ("NOT NULL constraint failed: workflow_entity.versionId"); later versions do.
	const withVersionIds = workflows.map((w) => ({ versionId: require('node:crypto').randomUUID(), ...w.json }));
	fs.writeFileSync(path.join(WORK, 'workflows.json'), JSON.stringify(withVersionIds, null, 2));
	n8nCli(['import:credentials', `--input=${path.join(WORK, 'credentials.json')}`]);
	n8nCli(['import:workflow', `--input=${path.join(WORK, 'workflows.json')}`]);
	for (const w of workflows.filter((x) => x.publish)) n8nCli(publishArgs(w.json.id));

	// 3. n8n: one process, or main + webhook process + two workers (queue mode). In queue mode the
	// webhook process serves the production webhooks (the main process does not), and WEBHOOK_URL
	// points there, so automatic registrations hand Dataverse the webhook process's URL too.
	const mainPort = Number(env.N8N_PORT);
	const main = `http://127.0.0.1:${mainPort}`;
	let n8n = main;
	const webhookPort = QUEUE ? await freePort() : 0;
	if (QUEUE) {
		n8n = `http://127.0.0.1:${webhookPort}`;
		env.N8N_DISABLE_PRODUCTION_MAIN_PROCESS = 'true';
	}
	// Dataverse only calls webhooks on ports 443/80: n8n's WEBHOOK_URL is a public https name, and the
	// simulator's network table routes it to the process serving production webhooks (a reverse proxy
	// in front of n8n, in production).
	env.WEBHOOK_URL = `https://${E2E_PUBLIC_HOST}/`;
	for (const route of ['dataverse/webhooks', 'graph/subscriptions']) {
		// Graph, too, sends change notifications to HTTPS URLs only.
		// On a fresh connection: the n8n CLI calls above blocked this process, so a pooled keep-alive
		// socket may have been closed by the simulator meanwhile.
		await postJson(`${sim}/__sim/${route}`, { network: { [`${E2E_PUBLIC_HOST}:443`]: n8n } });
	}
	/** @type {import('node:child_process').ChildProcess[]} */
	let n8nProcesses = [];
	/** How each n8n process was started (same index as n8nProcesses), so one can be started again. */
	/** @type {{ name: string, args: string[], log: string, env: Record<string, string> }[]} */
	let specs = [];
	/** Starts an n8n process and remembers how, for respawn(). */
	function startN8nProcess(/** @type {string} */ name, /** @type {string[]} */ args, /** @type {string} */ log, extraEnv = {}) {
		specs.push({ name, args, log, env: extraEnv });
		const child = startProcess(name, args, log, extraEnv);
		n8nProcesses.push(child);
		return child;
	}
	/** Starts n8n (main; in queue mode then the webhook process and two workers) and waits until its triggers are active. */
	async function startN8n() {
		n8nProcesses = [];
		specs = [];
		startN8nProcess('n8n', [N8N_BIN, 'start'], path.join(logs, 'n8n.log'));
		if (QUEUE) {
			await until(async () => (await fetch(`${main}/healthz`)).ok, 'n8n main /healthz', 180000);
			startN8nProcess('n8n webhook', [N8N_BIN, 'webhook'], path.join(logs, 'n8n-webhook.log'), { N8N_PORT: String(webhookPort), N8N_RUNNERS_BROKER_PORT: String(await freePort()) });
			for (const i of [1, 2]) {
				startN8nProcess(`n8n worker ${i}`, [N8N_BIN, 'worker', '--concurrency=10'], path.join(logs, `n8n-worker-${i}.log`), {
					N8N_RUNNERS_BROKER_PORT: String(await freePort()),
					QUEUE_HEALTH_CHECK_PORT: String(await freePort()),
				});
			}
		}
		await until(async () => (await fetch(`${n8n}/healthz`)).ok, `${QUEUE ? 'the webhook process' : 'n8n'} /healthz`, 180000);
		say(QUEUE ? `n8n main on ${main}, webhook process on ${n8n}, 2 workers` : 'n8n answers /healthz');
		await activationSettled();
	}
	/** Waits until the published workflows' webhooks answer, their Genesys sockets are open and the simulator is quiet. */
	async function activationSettled() {
		for (const w of workflows.filter((x) => x.publish && x.webhookId)) {
			// A registered POST webhook answers GET with "not registered for GET requests" rather than "not registered".
			// Up to 3 min as for /healthz: n8n activates the workflows after it answers /healthz, which
			// took over a minute on a 2-core machine shared with other builds.
			await until(async () => {
				const r = await fetch(`${n8n}/webhook/${w.webhookPath ?? `${w.webhookId}/${WEBHOOK_PATH}`}`);
				return /POST/.test(await r.text());
			}, `the production webhook of "${w.json.name}"`, 180000);
		}
		const simGet = async (/** @type {string} */ p) => (await fetch(`${sim}${p}`)).json();
		const listeners = workflows.filter((x) => x.publish && x.genesysListener).length;
		await until(async () => (await simGet('/__sim/genesys/notifications')).openSockets.length >= listeners, `${listeners} Genesys notification socket(s)`, 60000);
		// Each self-registering workflow writes one Webhook service endpoint (then its steps).
		const registrations = workflows.filter((x) => x.publish && x.autoRegistered).length;
		if (registrations > 0) {
			await until(
				async () => ((await simGet('/__sim/state')).dataverse?.tables?.serviceendpoints?.length ?? 0) >= registrations,
				`${registrations} Dataverse webhook registration(s)`,
				30000,
			);
		}
		// Activation settles in steps (n8n re-publishes triggers shortly after start; the Dataverse
		// registration writes several rows): wait until the simulator has seen no request for 3 s.
		let last = -1;
		let stableSince = Date.now();
		await until(async () => {
			const n = (await simGet('/__sim/requests')).length;
			if (n !== last) [last, stableSince] = [n, Date.now()];
			return Date.now() - stableSince > 3000;
		}, 'the simulator to go quiet after activation', 60000);
		say('production webhooks registered, Genesys sockets open, activation settled');
	}
	/**
	 * Stops every n8n process (workers first, main last) the way a service manager does (SIGTERM,
	 * n8n's graceful shutdown), and waits until all have exited: n8n is down, the simulator stays up.
	 */
	async function stopN8n() {
		for (const p of [...n8nProcesses].reverse()) await stopProcess(p);
		n8nProcesses = [];
		say('n8n stopped');
	}
	/**
	 * Starts the n8n process that had `pid` again, as its supervisor would after it died (the
	 * caller killed it: a fault injected by PID). Same command, ports and log.
	 */
	function respawn(/** @type {number} */ pid) {
		const i = n8nProcesses.findIndex((p) => p.pid === pid);
		if (i < 0) throw new Error(`no n8n process has PID ${pid}`);
		stoppedOnPurpose.add(n8nProcesses[i]);
		const { name, args, log, env: extraEnv } = specs[i];
		n8nProcesses[i] = startProcess(name, args, log, extraEnv);
		say(`${name} started again (PID ${n8nProcesses[i].pid})`);
	}
	if (beforeN8n) await beforeN8n(sim);
	await startN8n();
	return {
		n8n,
		main,
		sim,
		simulator,
		get mainPid() {
			return /** @type {number} */ (n8nProcesses[0]?.pid);
		},
		get pids() {
			return n8nProcesses.map((p) => /** @type {number} */ (p.pid));
		},
		stopN8n,
		startN8n,
		respawn,
		workflows,
		logs,
		stop() {
			stopAll();
			if (simulator) simulator.close();
		},
	};
}

module.exports = { startStack, simCredentials, n8nExecute, E2E_PUBLIC_HOST, freePort, until, sleep, say, secs, stopAll, REPO, WORK, QUEUE };
