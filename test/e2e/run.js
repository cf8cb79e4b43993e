// @ts-check
/**
 * End-to-end tests in a real n8n, and the demo. Started by scripts/test-e2e.sh, test-fuzz.sh,
 * test-queue.sh and demo.sh (whose shared setup, scripts/lib/e2e.sh, built and packed the
 * package, ensured the runtime and installed the package into N8N_USER_FOLDER/.n8n/nodes);
 * runs with the runtime's Node 24. The n8n + simulator setup is stack.js (shared with the fuzz
 * test and bench/e2e.js).
 *
 * Test mode: simulator → credentials and templates imported with the n8n CLI → templates published
 * → `n8n start` (or, with E2E_QUEUE=1, n8n in queue mode) → fixtures posted to the production
 * webhooks / presence changed at the simulated Genesys → the writes the simulator recorded and the
 * executions n8n stored are asserted; then the fuzzer (fuzz.js) posts mutated and random bodies.
 * Demo mode: the same setup with only the Dynamics → Genesys template published; stays up.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { startStack, freePort, say, secs, stopAll, REPO, WORK, QUEUE } = require('./stack');

const env = process.env;
const MODE = env.E2E_MODE === 'demo' ? 'demo' : 'test';
/**
 * scenarios (npm run test:e2e, test:queue), fuzz (npm run test:fuzz), all, reconnect (only the
 * Genesys reconnect scenario, on both engines), throughput (Agent Presence Trigger vs n8n's
 * Webhook node, E2E_THROUGHPUT_WEBHOOKS per round) or smoke (every template published, then one
 * webhook → vendor write and one WebSocket trigger → vendor write: the check on other n8n versions)
 * or queues (the RabbitMQ and Redis sources, queue-sources.js; also part of all; .ci/run runs it on its own)
 * or connect (only the Amazon Connect scenarios, also part of scenarios).
 */
const SUITE = env.E2E_SUITE || 'scenarios';
const WITH_SCENARIOS = SUITE === 'scenarios' || SUITE === 'all';
const SMOKE = SUITE === 'smoke';
const WITH_CONNECT = WITH_SCENARIOS || SUITE === 'connect';
// A mistyped suite would start n8n, run nothing and pass.
if (!['scenarios', 'fuzz', 'all', 'reconnect', 'throughput', 'smoke', 'queues', 'connect'].includes(SUITE)) {
	console.error(`E2E_SUITE=${SUITE}: unknown suite (scenarios, smoke, fuzz, all, reconnect, throughput, queues or connect)`);
	process.exit(2);
}
/** The message-broker sources (the brokers are started by test-e2e.sh; without them there is nothing to run). */
const WITH_QUEUES = MODE === 'test' && (SUITE === 'all' || SUITE === 'queues');
const WITH_RECONNECT = MODE === 'test' && (WITH_SCENARIOS || SUITE === 'reconnect');
/** Short-lived Genesys notification channels, so the reconnect scenario sees a renewal within the run. */
const GENESYS_CHANNEL_TTL_SECONDS = 30;
/** The engine n8n runs on (its default is vm); the reconnect scenario also runs on the other one. */
const ENGINE = env.N8N_EXPRESSION_ENGINE || 'vm';
const USER_FOLDER = /** @type {string} */ (env.N8N_USER_FOLDER);
const N8N_PORT = Number(env.N8N_PORT);
const { IDS, CLIENTS } = require(path.join(REPO, 'test/simulator'));
const { buildWorkflows, reconnectWorkflow, teamsDelegatedCredential, teamsNotificationWorkflow, throughputWorkflows, vonagePollWorkflow, RECONNECT_USER, SHARED_KEY, SYNC_SOURCE_NAME, VONAGE_POLL_AGENT, WEBHOOK_PATH } = require('./workflows');
const { fuzzWorkflow } = require('./fuzz');
const { fixtures } = require('./fixtures');
const { Checks } = require('./checks');
const queueSources = require('./queue-sources');

const FIXTURES_DIR = path.join(REPO, 'test', 'fixtures', 'dataverse');

async function main() {
	// n8n's /metrics counts the expression isolates it acquires (throughput.js reads it).
	if (SUITE === 'throughput') env.N8N_METRICS = env.N8N_METRICS || 'true';
	const stack = await startStack({
		simPort: MODE === 'demo' ? Number(env.SIM_PORT || 4010) : undefined,
		logs: MODE === 'demo' ? USER_FOLDER : WORK,
		genesysChannelTtlSeconds: WITH_RECONNECT ? GENESYS_CHANNEL_TTL_SECONDS : undefined,
		extraCredentials: async (sim) => [
			...(WITH_SCENARIOS && MODE === 'test' ? [await teamsDelegatedCredential(sim)] : []),
			...(WITH_QUEUES ? queueSources.brokerCredentials() : []),
		],
		// The Vonage poll scenario's agent changes presence before n8n starts: history no poll may report.
		beforeN8n: WITH_SCENARIOS && MODE === 'test' ? (sim) => require('./scenarios').vonagePollHistory(sim, IDS, CLIENTS, VONAGE_POLL_AGENT) : undefined,
		workflows: (sim, credentials) => {
			if (SUITE === 'reconnect') return [reconnectWorkflow(credentials)];
			if (SUITE === 'throughput') return throughputWorkflows(credentials);
			const templates = buildWorkflows({ templatesDir: path.join(REPO, 'templates'), credentials, mode: MODE });
			if (SUITE === 'queues') return queueSources.queueSourceWorkflows(templates, credentials, SHARED_KEY);
			if (WITH_RECONNECT) templates.push(reconnectWorkflow(credentials));
			if (WITH_SCENARIOS && MODE === 'test') {
				templates.push(teamsNotificationWorkflow(credentials), vonagePollWorkflow(credentials));
				// RabbitMQ and Redis (pub/sub) in front of the event node, when test-e2e.sh started the brokers.
				templates.push(...queueSources.queueSourceWorkflows(templates, credentials, SHARED_KEY));
			}
			return MODE === 'test' && SUITE !== 'scenarios' && SUITE !== 'connect' && !SMOKE ? [...templates, fuzzWorkflow(credentials)] : templates;
		},
	});
	const { n8n, sim, workflows } = stack;

	if (MODE === 'demo') return demo({ sim, workflows });
	const checks = new Checks({ n8n, sim, workflows, userFolder: USER_FOLDER, say });
	const scenarios = require('./scenarios');
	const reconnect = { IDS, CLIENTS, userId: IDS.genesys.users[RECONNECT_USER] };
	// The Vonage poll scenario waits for the trigger's polls: it runs beside the others
	// (it changes only its own agent and never clears the simulator's records), not after them.
	const vonagePoll = WITH_SCENARIOS ? scenarios.runVonagePoll(checks, { IDS, CLIENTS, engine: ENGINE, agent: VONAGE_POLL_AGENT }) : undefined;
	if (WITH_SCENARIOS) await scenarios.run(checks, { fixtures: fixtures(FIXTURES_DIR), IDS, CLIENTS, SHARED_KEY, SYNC_SOURCE_NAME });
	if (WITH_QUEUES) await queueSources.run(checks, { fixtures: fixtures(FIXTURES_DIR), IDS, SHARED_KEY });
	if (SMOKE) await scenarios.runSmoke(checks, { fixtures: fixtures(FIXTURES_DIR), IDS, CLIENTS, SHARED_KEY });
	if (WITH_SCENARIOS) await scenarios.runTeamsNotifications(checks, { IDS, engine: ENGINE });
	if (WITH_CONNECT && MODE === 'test') await scenarios.runAmazonConnect(checks, { fixtures: fixtures(FIXTURES_DIR), IDS, CLIENTS, SHARED_KEY });
	if (WITH_RECONNECT) await scenarios.runGenesysReconnect(checks, { ...reconnect, engine: ENGINE });
	await vonagePoll;
	// Last: it stops and starts n8n.
	if (WITH_SCENARIOS) await scenarios.runReconciliation(checks, { IDS, CLIENTS, stack });
	if (SUITE === 'throughput') {
		const count = Number(env.E2E_THROUGHPUT_WEBHOOKS || 200);
		await require('./throughput').run(checks, { body: fixtures(FIXTURES_DIR).update, key: SHARED_KEY, count, concurrency: 8, rounds: 3 });
	}
	if (SUITE === 'fuzz' || SUITE === 'all') await require('./fuzz').run(checks, { fixturesDir: FIXTURES_DIR, repo: REPO, count: Number(env.E2E_FUZZ_COUNT || 10000), pids: stack.pids });
	stack.stop();
	// The trigger's background loop depends on the expression engine: run it on the other one too,
	// in a second n8n (its own user folder and database) with only the reconnect workflow.
	if (WITH_RECONNECT && !QUEUE) {
		const engine = ENGINE === 'legacy' ? 'vm' : 'legacy';
		const otherChecks = await otherEngine(engine);
		await scenarios.runGenesysReconnect(otherChecks.checks, { ...reconnect, engine });
		otherChecks.stop();
		checks.results.push(...otherChecks.checks.results);
	}
	const { passed, failed } = checks.summary();
	console.log(`e2e took ${secs()} (after setup)`);
	console.log(`${passed} passed, ${failed} failed`);
	process.exitCode = failed === 0 ? 0 : 1;
}

/** A second n8n on another expression engine with only the reconnect workflow published. */
async function otherEngine(/** @type {string} */ engine) {
	const userFolder = path.join(WORK, `n8n-home-${engine}`);
	fs.cpSync(path.join(USER_FOLDER, '.n8n', 'nodes'), path.join(userFolder, '.n8n', 'nodes'), { recursive: true });
	const logs = path.join(WORK, `logs-${engine}`);
	fs.mkdirSync(logs, { recursive: true });
	Object.assign(env, {
		N8N_EXPRESSION_ENGINE: engine,
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(await freePort()),
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
	});
	say(`second n8n on the ${engine} expression engine (${userFolder})`);
	const stack = await startStack({
		logs,
		genesysChannelTtlSeconds: GENESYS_CHANNEL_TTL_SECONDS,
		workflows: (_sim, credentials) => [reconnectWorkflow(credentials)],
	});
	return { checks: new Checks({ n8n: stack.n8n, sim: stack.sim, workflows: stack.workflows, userFolder, say }), stop: () => stack.stop() };
}

async function demo(/** @type {{ sim: string, workflows: any[] }} */ { sim, workflows }) {
	const d2g = workflows.find((w) => w.key === 'dynamics-to-genesys');
	const editor = `http://localhost:${N8N_PORT}`;
	// Alex Agent goes Busy DND: the seed Update fixture with another presence, made by Alex.
	const fixture = path.join(USER_FOLDER, 'presence-change.json');
	const seeds = fixtures(FIXTURES_DIR);
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
	console.error(error instanceof Error ? `${error.stack}${error.cause ? `\ncause: ${/** @type {any} */ (error.cause).stack ?? error.cause}` : ''}` : error);
	stopAll();
	console.log('0 passed, 1 failed');
	process.exit(1);
});
