// @ts-check
/**
 * Agent Presence Trigger parse cost: per Dataverse payload (the seed fixtures and a variant with a
 * pre-image), time JSON.parse of the body, and the trigger's validate + normalize of the parsed
 * object (parseDataverseAgentStatus: zod schemas, attribute checks, event/date/presence mapping).
 * n8n's webhook server already pays the JSON.parse; the trigger's share is what comes on top.
 * Run after `npm run build`: node bench/trigger-parse.js [iterations]
 */
const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { parseDataverseAgentStatus } = require('../dist/nodes/shared/dataverseWebhook');

const ITERATIONS = Number(process.argv[2] ?? 20000);
const dir = '/work/shared/fixtures/dataverse';
const payloads = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]);
const withImage = JSON.parse(payloads.find(([f]) => f.includes('update'))[1]);
withImage.PreEntityImages = [{ key: 'PreImage', value: { LogicalName: 'msdyn_agentstatus', FormattedValues: [], Attributes: [
	{ key: 'msdyn_currentpresenceid', value: { Id: 'f523f628-c07a-e811-8162-000d3aa11f50', LogicalName: 'msdyn_presence', Name: null } },
	{ key: 'msdyn_isagentloggedin', value: true },
	{ key: 'msdyn_availableunitscapacity', value: 100 },
] } }];
payloads.push(['agentstatus-update + pre-image', JSON.stringify(withImage)]);

/** Median of `rounds` timings of `n` calls, in microseconds per call. */
function measure(fn, n, rounds = 7) {
	const times = [];
	for (let r = 0; r < rounds; r++) {
		const t0 = performance.now();
		for (let i = 0; i < n; i++) fn(i);
		times.push(((performance.now() - t0) * 1000) / n);
	}
	times.sort((a, b) => a - b);
	return times[Math.floor(rounds / 2)];
}

let sink = 0;
console.log(`node ${process.version}, ${ITERATIONS} iterations × 7 rounds (median)`);
console.log('payload                           bytes   JSON.parse µs   parse+normalize µs   on top of JSON.parse');
for (const [name, text] of payloads) {
	const parsedCopies = Array.from({ length: 64 }, () => JSON.parse(text));
	// Warm up both paths so the JIT has compiled them.
	for (let i = 0; i < 5000; i++) {
		sink += JSON.parse(text).Depth;
		sink += parseDataverseAgentStatus(parsedCopies[i % 64]).agentId ? 1 : 0;
	}
	const jsonUs = measure(() => {
		sink += JSON.parse(text).Depth;
	}, ITERATIONS);
	const triggerUs = measure((i) => {
		sink += parseDataverseAgentStatus(parsedCopies[i % 64]).agentId ? 1 : 0;
	}, ITERATIONS);
	const pct = (triggerUs / jsonUs) * 100;
	console.log(
		`${name.padEnd(32)} ${String(text.length).padStart(6)}   ${jsonUs.toFixed(2).padStart(13)}   ${triggerUs.toFixed(2).padStart(18)}   ${pct.toFixed(1).padStart(8)} %  (goal ≤ 10 %)`,
	);
}
if (sink === -1) console.log(sink);
