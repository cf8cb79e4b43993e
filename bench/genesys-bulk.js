// @ts-check
/**
 * Setting 1,000 Genesys Cloud users' presence: Bulk Set (PUT /api/v2/users/presences/bulk, 50
 * per call) versus one Set (PATCH) per user, through n8n's engine against the local simulator.
 * Run after a build: `npm run build && node bench/genesys-bulk.js`.
 */
const { startSimulator, IDS } = require('../test/simulator');
const { createHarness } = require('../test/harness');

const USERS = 1000;
const CRED = 'genesysCloudPresenceApi';

/** Agents beyond the simulator's seeded ones, so that 1,000 exist. */
function extraUsers(count) {
	return Array.from({ length: count }, (_, i) => {
		const n = String(i + 1).padStart(4, '0');
		const id = `b0000000-0000-4000-8000-00000000${n}`;
		return { id, name: `Bench Agent ${n}`, email: `bench${n}@contoso.com`, state: 'active', selfUri: `/api/v2/users/${id}` };
	});
}

async function measure(sim, label, parameters, input) {
	sim.reset();
	const h = await createHarness({
		credentials: {
			[CRED]: {
				clientId: sim.clients.genesys.clientId,
				clientSecret: sim.clients.genesys.clientSecret,
				overrideEndpoints: true,
				apiBaseUrl: sim.urls.genesysApi,
				authEndpoint: `${sim.urls.genesysLogin}/oauth/token`,
			},
		},
	});
	const node = { name: 'Genesys', type: 'genesysCloud', typeVersion: 1, parameters, credentials: { [CRED]: { id: '1', name: 'x' } } };
	const started = process.hrtime.bigint();
	const run = await h.runWorkflow({ nodes: [node], input });
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	if (run.error) throw new Error(`${label}: ${run.error.message}`);
	const items = run.items('Genesys');
	const written = items.filter((i) => i.written === true).length;
	const token = sim.tokenRequests('genesys');
	const total = sim.requests.filter((r) => r.vendor === 'genesys').length;
	return { label, items: items.length, written, token, api: total - token, total, ms };
}

/** Both rows, after a warm-up: [Bulk Set, one-by-one Set]. */
async function run() {
	const seeded = IDS.genesys.userCount;
	const sim = await startSimulator({ seed: { genesys: { users: extraUsers(USERS - seeded) } } });
	try {
		const ids = sim.state.genesys.users.map((u) => u.id).slice(0, USERS);
		if (ids.length !== USERS) throw new Error(`simulator has ${ids.length} users, need ${USERS}`);
		const input = ids.map((userId) => ({ userId }));
		const common = {
			resource: 'agentPresence',
			agent: { __rl: true, mode: 'id', value: '={{ $json.userId }}' },
			presenceBy: 'presence',
			presence: { __rl: true, mode: 'id', value: IDS.genesys.presence.Away },
			// One PATCH per user, as Bulk Set sends no read either.
			onlyIfDifferent: false,
		};
		// Warm-up: loads the package and JIT-compiles the paths, so neither row pays for it.
		await measure(sim, 'warm-up', { ...common, operation: 'set' }, input.slice(0, 20));
		return [
			await measure(sim, 'Bulk Set (PUT …/presences/bulk)', { ...common, operation: 'bulkSet' }, input),
			await measure(sim, 'Set one by one (PATCH)', { ...common, operation: 'set' }, input),
		];
	} finally {
		await sim.close();
	}
}

function print(rows) {
	const head = ['operation', 'users', 'written', 'token req', 'API req', 'total req', 'wall ms'];
	const body = rows.map((r) => [r.label, r.items, r.written, r.token, r.api, r.total, r.ms.toFixed(0)].map(String));
	const widths = head.map((h, c) => Math.max(h.length, ...body.map((b) => b[c].length)));
	const line = (cells) => `| ${cells.map((s, c) => (c === 0 ? s.padEnd(widths[c]) : s.padStart(widths[c]))).join(' | ')} |`;
	console.log(`Genesys Cloud: set ${USERS} users' presence against the simulator (node ${process.version})`);
	console.log(line(head));
	console.log(`|${widths.map((w, c) => (c === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
	for (const b of body) console.log(line(b));
	const [bulk, single] = rows;
	console.log(`Bulk Set: ${(single.total / bulk.total).toFixed(1)}x fewer requests, ${(single.ms / bulk.ms).toFixed(1)}x faster wall time.`);
}

module.exports = { run, USERS };

if (require.main === module) {
	run()
		.then(print)
		.catch((error) => {
			console.error(error);
			process.exitCode = 1;
		});
}
