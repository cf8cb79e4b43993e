// @ts-check
/**
 * End-to-end tests in a real n8n, and the demo. Started by scripts/e2e.sh (which built and packed
 * the package, ensured the runtime and installed the package into N8N_USER_FOLDER/.n8n/nodes);
 * runs with the runtime's Node 24.
 *
 * Test mode: simulator → credentials and templates imported with the n8n CLI → templates published
 * → `n8n start` → fixtures posted to the production webhooks / presence changed at the simulated
 * Genesys → the writes the simulator recorded and the executions n8n stored are asserted.
 * Demo mode: the same setup with only the Dynamics → Genesys template published; stays up.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawn, execFileSync } = require('node:child_process');

const env = process.env;
const MODE = env.E2E_MODE === 'demo' ? 'demo' : 'test';
const REPO = /** @type {string} */ (env.E2E_REPO);
const WORK = /** @type {string} */ (env.E2E_WORK);
const N8N_BIN = /** @type {string} */ (env.N8N_BIN);
const USER_FOLDER = /** @type {string} */ (env.N8N_USER_FOLDER);
const N8N_PORT = Number(env.N8N_PORT);
const { IDS, CLIENTS } = require(path.join(REPO, 'test/simulator'));
const { buildWorkflows, SHARED_KEY, SYNC_SOURCE_ID, WEBHOOK_PATH } = require('./workflows');
const { fixtures } = require('./fixtures');
const { Checks } = require('./checks');

env.N8N_ENCRYPTION_KEY = env.N8N_ENCRYPTION_KEY || 'agent-presence-e2e-not-a-secret';
const started = Date.now();
const secs = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
const say = (/** @type {string} */ m) => console.log(`[${secs()}] ${m}`);
const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/** @type {import('node:child_process').ChildProcess[]} */
const children = [];
function stopAll() {
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
async function until(/** @type {() => Promise<any>} */ fn, /** @type {string} */ what, timeoutMs = 30000) {
	const end = Date.now() + timeoutMs;
	for (;;) {
		const v = await fn().catch(() => undefined);
		if (v) return v;
		if (Date.now() > end) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
		await sleep(200);
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

function startProcess(/** @type {string} */ name, /** @type {string[]} */ args, /** @type {string} */ logFile) {
	const out = fs.openSync(logFile, 'a');
	const child = spawn(process.execPath, args, { env, stdio: ['ignore', out, out] });
	children.push(child);
	child.on('exit', (code, signal) => {
		if (!stopping) say(`${name} exited (${signal ?? code}); log: ${logFile}`);
	});
	return child;
}
let stopping = false;

async function main() {
	const simPort = MODE === 'demo' ? Number(env.SIM_PORT || 4010) : await freePort();
	const sim = `http://127.0.0.1:${simPort}`;
	const n8n = `http://127.0.0.1:${N8N_PORT}`;
	const logs = MODE === 'demo' ? USER_FOLDER : WORK;

	// 1. simulator
	startProcess('simulator', [path.join(REPO, 'test/simulator/server.js'), '--port', String(simPort)], path.join(logs, 'simulator.log'));
	await until(async () => (await fetch(`${sim}/__sim/info`)).ok, 'the simulator');
	say(`simulator on ${sim}`);

	// 2. credentials and workflows, imported and published with n8n's CLI (before n8n starts)
	const credentials = simCredentials(sim);
	fs.writeFileSync(path.join(WORK, 'credentials.json'), JSON.stringify(credentials, null, 2));
	const workflows = buildWorkflows({ templatesDir: path.join(REPO, 'templates'), credentials, sim, mode: MODE });
	fs.writeFileSync(path.join(WORK, 'workflows.json'), JSON.stringify(workflows.map((w) => w.json), null, 2));
	n8nCli(['import:credentials', `--input=${path.join(WORK, 'credentials.json')}`]);
	n8nCli(['import:workflow', `--input=${path.join(WORK, 'workflows.json')}`]);
	for (const w of workflows.filter((x) => x.publish)) n8nCli(['publish:workflow', `--id=${w.json.id}`]);

	// 3. n8n
	startProcess('n8n', [N8N_BIN, 'start'], path.join(logs, 'n8n.log'));
	await until(async () => (await fetch(`${n8n}/healthz`)).ok, 'n8n /healthz', 180000);
	say('n8n answers /healthz');
	for (const w of workflows.filter((x) => x.publish && x.webhookId)) {
		// A registered POST webhook answers GET with "not registered for GET requests" rather than "not registered".
		await until(async () => {
			const r = await fetch(`${n8n}/webhook/${w.webhookId}/${WEBHOOK_PATH}`);
			return /POST/.test(await r.text());
		}, `the production webhook of "${w.json.name}"`, 60000);
	}
	const listeners = workflows.filter((x) => x.publish && x.genesysListener).length;
	await until(async () => (await (await fetch(`${sim}/__sim/genesys/notifications`)).json()).openSockets.length >= listeners, `${listeners} Genesys notification socket(s)`, 60000);
	if (workflows.some((x) => x.publish && x.autoRegistered)) {
		await until(async () => (await (await fetch(`${sim}/__sim/state`)).json()).dataverse?.tables?.sdkmessageprocessingsteps?.length > 0, 'the Dataverse webhook registration', 30000);
	}
	// Activation settles in steps (n8n re-publishes triggers shortly after start; the Dataverse
	// registration writes several rows): wait until the simulator has seen no request for 3 s.
	let last = -1;
	let stableSince = Date.now();
	await until(async () => {
		const n = (await (await fetch(`${sim}/__sim/requests`)).json()).length;
		if (n !== last) [last, stableSince] = [n, Date.now()];
		return Date.now() - stableSince > 3000;
	}, 'the simulator to go quiet after activation', 60000);
	say('production webhooks registered, Genesys sockets open, activation settled');

	if (MODE === 'demo') return demo({ n8n, sim, workflows });
	const checks = new Checks({ n8n, sim, workflows, userFolder: USER_FOLDER, say });
	await require('./scenarios').run(checks, { fixtures: fixtures(path.join(REPO, '..', 'shared', 'fixtures', 'dataverse')), IDS, CLIENTS, SHARED_KEY, SYNC_SOURCE_ID });
	stopping = true;
	stopAll();
	const { passed, failed } = checks.summary();
	console.log(`e2e took ${secs()} (after setup)`);
	console.log(`${passed} passed, ${failed} failed`);
	process.exitCode = failed === 0 ? 0 : 1;
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
				authEndpoint: `${sim}/vonage/Auth/connect/token`,
			},
		},
	];
}

async function demo(/** @type {{ n8n: string, sim: string, workflows: any[] }} */ { sim, workflows }) {
	const d2g = workflows.find((w) => w.key === 'dynamics-to-genesys');
	const editor = `http://localhost:${N8N_PORT}`;
	// Alex Agent goes Busy DND: the seed Update fixture with another presence, made by Alex.
	const fixture = path.join(USER_FOLDER, 'presence-change.json');
	const seeds = fixtures(path.join(REPO, '..', 'shared', 'fixtures', 'dataverse'));
	const change = seeds.variant({ presenceId: IDS.dataverse.presences.busyDnd, initiatingUserId: IDS.dataverse.agents.alex });
	fs.writeFileSync(fixture, JSON.stringify(change, null, 2));
	console.log(`
Demo is up (n8n ${editor}, simulator ${sim}). User folder: ${USER_FOLDER}

  Editor:       ${editor}/   (first visit: create the owner account; the templates are under Overview)
  Published:    "${d2g.json.name}"

  Fire a presence change (Alex Agent goes Busy DND in Dynamics 365 Contact Center):
    curl -sS -X POST '${editor}/webhook/${d2g.webhookId}/${WEBHOOK_PATH}?code=${SHARED_KEY}' \\
      -H 'Content-Type: application/json' --data @${fixture}

  See the write n8n made at the simulated Genesys Cloud:
    curl -sS '${sim}/__sim/requests?vendor=genesys'

  Executions: ${editor}/home/executions      Stop: Ctrl-C
`);
	await new Promise(() => {});
}

main().catch((error) => {
	console.error(error instanceof Error ? error.stack : error);
	stopping = true;
	stopAll();
	console.log('0 passed, 1 failed');
	process.exit(1);
});
