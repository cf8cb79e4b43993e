#!/usr/bin/env node
// Where n8n spends its CPU per webhook, per workflow: reads the V8 CPU profiles a real-n8n run wrote
// under E2E_CPU_PROF=<dir> (one *.cpuprofile per process) and the measured windows the throughput
// suites wrote there (windows.jsonl, test/e2e/profileWindows.js: workflow, webhooks, start and end
// on the monotonic clock V8's profiles use), and prints, per workflow, milliseconds of CPU per webhook: in all, by the package
// the sampled function belongs to (self time), and inclusive time in the parts worth comparing.
//
//   E2E_CPU_PROF=/tmp/prof E2E_SUITE=throughput npm run test:e2e     (or npm run bench:e2e)
//   node scripts/cpu-profile-summary.mjs /tmp/prof [--top 12]
import fs from 'node:fs';
import path from 'node:path';

const [dir, ...rest] = process.argv.slice(2);
if (!dir) {
	console.error('usage: node scripts/cpu-profile-summary.mjs <E2E_CPU_PROF dir> [--top N]');
	process.exit(2);
}
const top = Number(rest[rest.indexOf('--top') + 1]) || 12;
const windows = fs
	.readFileSync(path.join(dir, 'windows.jsonl'), 'utf8')
	.split('\n')
	.filter(Boolean)
	.map((l) => JSON.parse(l))
	.sort((a, b) => a.startUs - b.startUs);
/** The window holding time t (windows never overlap: the runs measure one thing at a time). */
function windowAt(t) {
	let lo = 0;
	let hi = windows.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (windows[mid].endUs <= t) lo = mid + 1;
		else if (windows[mid].startUs > t) hi = mid - 1;
		else return windows[mid];
	}
	return undefined;
}

/** The package a script belongs to: ours, n8n's own packages, node's internals, or its node_modules name. */
function packageOf(url, functionName) {
	if (!url) return functionName.startsWith('(') ? functionName : '(native)';
	if (url.startsWith('node:')) return 'node internals';
	if (url.includes('n8n-nodes-agent-presence')) return 'this package';
	const m = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
	return m ? m[1] : url;
}

/** Inclusive parts: a sample counts for a part when any frame on its stack matches. */
const PARTS = {
	'this package (inclusive)': (url) => url.includes('n8n-nodes-agent-presence'),
	'expression engine (inclusive)': (url) => /expression|isolated-vm|tournament/i.test(url),
	'database: typeorm / sqlite (inclusive)': (url) => /typeorm|sqlite/.test(url),
	'n8n-core execution (inclusive)': (url, fn) => /n8n-core/.test(url) && /WorkflowExecute|runNode|processRunExecutionData/.test(fn),
};

/** @type {Record<string, { webhooks: number, busyUs: number, idleUs: number, byPackage: Map<string, number>, parts: Record<string, number>, byFunction: Map<string, number> }>} */
const totals = {};
for (const w of windows) {
	totals[w.workflow] ??= { webhooks: 0, busyUs: 0, idleUs: 0, byPackage: new Map(), parts: Object.fromEntries(Object.keys(PARTS).map((k) => [k, 0])), byFunction: new Map() };
	totals[w.workflow].webhooks += w.webhooks;
}
const add = (map, key, us) => map.set(key, (map.get(key) ?? 0) + us);

const profiles = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
for (const file of profiles) {
	const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	// Each node's inclusive parts, computed once per node rather than per sample.
	const partsOf = new Map();
	const parts = (id) => {
		if (partsOf.has(id)) return partsOf.get(id);
		const n = byId.get(id);
		const up = parent.has(id) ? parts(parent.get(id)) : new Set();
		const mine = new Set(up);
		for (const [name, test] of Object.entries(PARTS)) if (test(n.callFrame.url, n.callFrame.functionName)) mine.add(name);
		partsOf.set(id, mine);
		return mine;
	};
	let t = profile.startTime;
	for (let i = 0; i < profile.samples.length; i++) {
		t += profile.timeDeltas[i];
		const us = profile.timeDeltas[i + 1] ?? 0;
		const w = windowAt(t);
		if (!w) continue;
		const total = totals[w.workflow];
		const n = byId.get(profile.samples[i]);
		const fn = n.callFrame.functionName;
		if (fn === '(idle)') {
			total.idleUs += us;
			continue;
		}
		total.busyUs += us;
		add(total.byPackage, packageOf(n.callFrame.url, fn), us);
		add(total.byFunction, `${fn || '(anonymous)'} ${packageOf(n.callFrame.url, fn)}`, us);
		for (const p of parts(n.id)) total.parts[p] += us;
	}
}

const ms = (us, webhooks) => (us / 1000 / webhooks).toFixed(2).padStart(7);
console.log(`${profiles.length} profiles, ${windows.length} windows (${dir})`);
for (const [workflow, s] of Object.entries(totals)) {
	console.log(`\n${workflow}: ${s.webhooks} webhooks, CPU ms per webhook ${ms(s.busyUs, s.webhooks)} (idle ${ms(s.idleUs, s.webhooks).trim()})`);
	for (const [part, us] of Object.entries(s.parts)) console.log(`  ${ms(us, s.webhooks)}  ${part}`);
	console.log('  self time by package:');
	for (const [pkg, us] of [...s.byPackage].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${ms(us, s.webhooks)}  ${pkg}`);
	console.log('  self time by function:');
	for (const [fn, us] of [...s.byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${ms(us, s.webhooks)}  ${fn}`);
}
