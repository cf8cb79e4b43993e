// @ts-check
/**
 * Requests per synced change, counted at the simulator: 1,000 Dataverse msdyn_agentstatus Update
 * webhooks (test/fixtures/dataverse/agentstatus-update.json, one per agent, each with its own presence) posted to the Agent
 * Presence Trigger, whose workflow sets the agent's presence in Genesys Cloud by category
 * (Genesys Cloud → Agent Presence → Set). Each webhook is one execution, as in n8n; the credential
 * store is shared across them, as n8n's stored credential is.
 *
 * Two runs: Genesys' own token lifetime (24 h: the whole run is one lifetime), and a 2-second
 * lifetime so the run spans many (n8n refreshes on the 401 the expired token meets).
 * Run after `npm run build`: node bench/sync-requests.js [changes]
 */
const fs = require('node:fs');
const path = require('node:path');

const { startSimulator, IDS } = require('../test/simulator');
const { createTriggerHarness } = require('../test/harness/webhook');
const { allCredentials, credentialRef } = require('../test/helpers/vendors');

const KEY = 'bench-shared-key';
const FIXTURE = path.join(__dirname, '..', 'test', 'fixtures', 'dataverse', 'agentstatus-update.json');
const PRESENCES = IDS.dataverse.presences;
/** Dataverse presence → the Genesys definition the category resolves to (the simulator's primaries). */
const ROTATION = [
	[PRESENCES.available, IDS.genesys.presence.Available],
	[PRESENCES.busy, IDS.genesys.presence.Busy],
	[PRESENCES.away, IDS.genesys.presence.Away],
	[PRESENCES.offline, IDS.genesys.presence.Offline],
];

const agentId = (k) => `d0000000-0000-4000-8000-${String(k).padStart(12, '0')}`;

/** The fixture's Update webhook for agent k, moved to its own presence and timestamps. */
function webhookFor(template, k) {
	const body = JSON.parse(template);
	const presenceId = ROTATION[k % ROTATION.length][0];
	for (const a of body.InputParameters[0].value.Attributes) {
		if (a.key === 'msdyn_agentid') a.value.Id = agentId(k);
		if (a.key === 'msdyn_currentpresenceid') a.value.Id = presenceId;
		if (a.key === 'msdyn_presencemodifiedon') a.value = `/Date(${1722582038000 + k * 1000})/`;
	}
	return body;
}

/** @param {number} changes @param {number | undefined} ttlSeconds */
async function measure(changes, ttlSeconds) {
	const users = Array.from({ length: changes }, (_, k) => ({
		id: agentId(k),
		name: `Sync Agent ${k}`,
		email: `sync${k}@contoso.com`,
		state: 'active',
		selfUri: `/api/v2/users/${agentId(k)}`,
	}));
	const sim = await startSimulator({ seed: { genesys: { users } }, ...(ttlSeconds ? { tokenTtlSeconds: { genesys: ttlSeconds } } : {}) });
	try {
		const t = await createTriggerHarness({
			credentials: allCredentials(sim),
			trigger: { name: 'Dataverse', type: 'agentPresenceTrigger', parameters: { source: 'dataverse', verification: 'queryKey', sharedKey: KEY } },
			downstream: [
				{
					name: 'Genesys',
					type: 'genesysCloud',
					parameters: {
						resource: 'agentPresence',
						operation: 'set',
						agent: { __rl: true, mode: 'id', value: '={{ $json.agentId }}' },
						presenceBy: 'category',
						category: '={{ $json.category }}',
						onlyIfDifferent: false,
					},
					credentials: credentialRef('genesysCloudPresenceApi'),
				},
			],
		});
		const template = fs.readFileSync(FIXTURE, 'utf8');
		const started = process.hrtime.bigint();
		let failed = 0;
		for (let k = 0; k < changes; k++) {
			const out = await t.post({ body: webhookFor(template, k), query: { code: KEY } });
			if (out.status !== 200 || !out.executed || out.itemsOf('Genesys').length !== 1) failed++;
		}
		const seconds = Number(process.hrtime.bigint() - started) / 1e9;

		const genesys = sim.requests.filter((r) => r.vendor === 'genesys');
		const isWrite = (r) => r.method === 'PATCH' && /\/presences\/purecloud$/.test(r.path);
		const writes = genesys.filter(isWrite);
		const okWrites = writes.filter((r) => r.status >= 200 && r.status < 300);
		const perAgent = new Map();
		for (const r of okWrites) {
			const id = r.path.split('/')[4];
			perAgent.set(id, (perAgent.get(id) ?? 0) + 1);
		}
		let exactlyOnce = 0;
		for (let k = 0; k < changes; k++) {
			const state = sim.state.genesys.presences[agentId(k)]?.sources?.PURECLOUD?.presenceDefinitionId;
			if (perAgent.get(agentId(k)) === 1 && state === ROTATION[k % ROTATION.length][1]) exactlyOnce++;
		}
		const tokens = sim.tokenRequests('genesys');
		const ttl = ttlSeconds ?? 86399;
		return {
			label: ttlSeconds ? `token lifetime ${ttlSeconds} s` : 'token lifetime 24 h (Genesys default)',
			changes,
			failed,
			exactlyOnce,
			writeAttempts: writes.length,
			writes: okWrites.length,
			reads: genesys.length - writes.length - tokens,
			tokens,
			lifetimes: Math.max(1, Math.ceil(seconds / ttl)),
			seconds,
			dataverse: sim.requests.filter((r) => r.vendor === 'dataverse').length,
		};
	} finally {
		await sim.close();
	}
}

/** @param {number} [changes] */
async function run(changes = 1000) {
	return [await measure(changes, undefined), await measure(changes, 2)];
}

module.exports = { run };

if (require.main === module) {
	run(Number(process.argv[2] ?? 1000))
		.then((rows) => {
			console.log('run                                   changes  written once  write req (ok)  reads  token req  token lifetimes  wall s');
			for (const r of rows) {
				console.log(
					`${r.label.padEnd(37)} ${String(r.changes).padStart(7)}  ${String(r.exactlyOnce).padStart(12)}  ${`${r.writeAttempts} (${r.writes})`.padStart(14)}  ${String(r.reads).padStart(5)}  ${String(r.tokens).padStart(9)}  ${String(r.lifetimes).padStart(15)}  ${r.seconds.toFixed(1).padStart(6)}`,
				);
			}
		})
		.catch((error) => {
			console.error(error);
			process.exitCode = 1;
		});
}
