// @ts-check
/**
 * `npm run bench`: runs every benchmark against the built package and the local simulator and
 * prints one table — each figure, its goal and whether it is met. Figures only; no
 * test asserts on them. Run alone: node bench/trigger-parse.js | sync-requests.js | genesys-bulk.js
 */
const triggerParse = require('./trigger-parse');
const syncRequests = require('./sync-requests');
const genesysBulk = require('./genesys-bulk');
const bulkReads = require('./bulk-reads');

const yesNo = (ok) => (ok ? 'yes' : 'NO');

async function main() {
	const rows = [];

	process.stderr.write('trigger parse…\n');
	for (const r of triggerParse.run()) {
		rows.push([
			`Trigger: Dataverse parse+normalize per webhook — ${r.payload}`,
			`${r.triggerUs.toFixed(2)} µs (${r.percent.toFixed(0)} % on top of JSON.parse's ${r.jsonUs.toFixed(2)} µs, informational: n8n spends tens of ms per webhook)`,
			`< ${triggerParse.GOAL_US / 1000} ms`,
			yesNo(r.triggerUs < triggerParse.GOAL_US),
		]);
	}

	process.stderr.write('1,000 synced changes…\n');
	for (const r of await syncRequests.run(1000)) {
		const where = `Sync: ${r.changes} Dataverse changes → trigger → Genesys Set, ${r.label}`;
		rows.push([
			`${where}: vendor writes per change`,
			`${(r.writes / r.changes).toFixed(3)} (${r.exactlyOnce} of ${r.changes} written exactly once; ${r.writeAttempts} write requests, ${r.writeAttempts - r.writes} answered 401 and sent again; ${r.failed} failed)`,
			'exactly 1',
			yesNo(r.writes === r.changes && r.exactlyOnce === r.changes && r.failed === 0),
		]);
		rows.push([
			`${where}: token requests`,
			`${r.tokens} in ${r.lifetimes} token lifetime(s) (${r.seconds.toFixed(1)} s run)`,
			'≤ 1 per token lifetime',
			yesNo(r.tokens <= r.lifetimes),
		]);
		rows.push([
			`${where}: other vendor requests per change`,
			`${(r.reads / r.changes).toFixed(2)} Genesys reads (the definitions listing that resolves the category, once per execution); ${r.dataverse} Dataverse requests`,
			'—',
			'info',
		]);
	}

	process.stderr.write('Genesys bulk…\n');
	const [bulk, single] = await genesysBulk.run();
	const bulkGoal = Math.ceil(genesysBulk.USERS / 50);
	rows.push([
		`Bulk: ${genesysBulk.USERS} Genesys users via Bulk Set`,
		`${bulk.api} API + ${bulk.token} token requests, ${bulk.written} written, ${bulk.ms.toFixed(0)} ms`,
		`≤ ${bulkGoal} API requests (50 per call), all written`,
		yesNo(bulk.api <= bulkGoal && bulk.written === genesysBulk.USERS),
	]);
	rows.push([
		`Bulk: ${genesysBulk.USERS} Genesys users one by one (Set)`,
		`${single.api} API + ${single.token} token requests, ${single.written} written, ${single.ms.toFixed(0)} ms`,
		'—',
		'info',
	]);
	rows.push([
		'Bulk versus one by one',
		`${(single.total / bulk.total).toFixed(1)}× fewer requests, ${(single.ms / bulk.ms).toFixed(1)}× less wall time`,
		'fewer requests and less time',
		yesNo(bulk.total < single.total && bulk.ms < single.ms),
	]);

	process.stderr.write('bulk presence reads…\n');
	const reads = await bulkReads.run();
	for (const r of reads.rows) {
		const goal = r.label.includes('Genesys') ? (r.label.includes('all agents') ? '≤ 20 + paging (users, 100 a page)' : '≤ 20') : '—';
		rows.push([
			`Read: ${r.label}`,
			`${bulkReads.per1000(r).toFixed(0)} API requests per 1,000 agents (+ ${r.token} token), ${r.agents} agents read`,
			goal,
			goal === '—' ? 'info' : yesNo(r.label.includes('all agents') ? r.api <= 20 + Math.ceil(r.agents / 100) : r.api <= 20),
		]);
	}
	const dvRead = reads.rows.find((r) => r.label.includes('with e-mail'));
	const gcRead = reads.rows.find((r) => r.label.includes('Genesys') && r.label.includes('all agents'));
	const perRepair = reads.repair.api / reads.repair.agents;
	rows.push([
		'Reconcile: Dynamics ↔ Genesys run, 1,000 agents all in step',
		`${bulkReads.per1000(dvRead) + bulkReads.per1000(gcRead)} API requests (Dynamics ${bulkReads.per1000(dvRead)} + Genesys ${bulkReads.per1000(gcRead)}), nothing written`,
		'—',
		'info',
	]);
	rows.push([
		'Reconcile: per drifted agent repaired',
		`${perRepair.toFixed(1)} Genesys requests (read + write by ID, the definitions listing once per run: ${reads.repair.api} for ${reads.repair.agents})`,
		'—',
		'info',
	]);

	rows.push([
		'End to end in real n8n (latency vs hand-built workflow, RSS after 10,000 webhooks)',
		'see npm run bench:e2e',
		'ours ≤ 0.8× theirs (p50, p95); RSS flat',
		'—',
	]);

	print(rows);
}

function print(rows) {
	const head = ['benchmark', 'measured', 'goal', 'met'];
	const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
	const line = (cells) => `| ${cells.map((s, c) => s.padEnd(widths[c])).join(' | ')} |`;
	console.log(`Benchmarks (node ${process.version}, local simulator, ${new Date().toISOString()})`);
	console.log(line(head));
	console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
	for (const r of rows) console.log(line(r));
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
