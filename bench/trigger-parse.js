// @ts-check
/**
 * Agent Presence Trigger parse cost: per Dataverse payload (Microsoft's sample payloads and a
 * variant with a pre-image), time JSON.parse of the body, and the trigger's validate + normalize
 * of the parsed object (parseDataverseAgentStatus: the zod schemas, the attribute checks, the
 * event/date/presence mapping). n8n's webhook server already pays the JSON.parse; the trigger's
 * share is what comes on top.
 *
 * The goal is an absolute one, GOAL_US per webhook: n8n spends tens of milliseconds on each
 * webhook it runs (npm run bench:e2e), so a parse well under a millisecond is invisible there,
 * whatever its ratio to JSON.parse. The ratio is printed for information.
 *
 * Fair under a busy machine: every payload is warmed up before any is measured (so the JIT has
 * seen every shape, as a process receiving both Create and Update webhooks has), and each round
 * times JSON.parse and parse+normalize back to back; the figure is the median of the rounds' ratios.
 * Run after `npm run build`: node bench/trigger-parse.js [iterations]
 */
const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { parseDataverseAgentStatus } = require('../dist/nodes/DynamicsContactCenter/events/dataverseWebhook');

const FIXTURES = path.join(__dirname, '..', 'test', 'fixtures', 'dataverse');
/** µs per webhook for validate + normalize: 1 ms, a small share of n8n's own per-webhook cost. */
const GOAL_US = 1000;

function payloads() {
	const list = fs
		.readdirSync(FIXTURES)
		.filter((f) => f.endsWith('.json'))
		.map((f) => [f, fs.readFileSync(path.join(FIXTURES, f), 'utf8')]);
	const withImage = JSON.parse(list.find(([f]) => f.includes('update'))[1]);
	withImage.PreEntityImages = [{ key: 'PreImage', value: { LogicalName: 'msdyn_agentstatus', FormattedValues: [], Attributes: [
		{ key: 'msdyn_currentpresenceid', value: { Id: 'f523f628-c07a-e811-8162-000d3aa11f50', LogicalName: 'msdyn_presence', Name: null } },
		{ key: 'msdyn_isagentloggedin', value: true },
		{ key: 'msdyn_availableunitscapacity', value: 100 },
	] } }];
	// Laid out like the fixtures it comes from (3-space indent), so the rows compare alike.
	list.push(['agentstatus-update + pre-image', JSON.stringify(withImage, null, 3)]);
	return list;
}

let sink = 0;
const timePerCall = (fn, n) => {
	const t0 = performance.now();
	for (let i = 0; i < n; i++) fn(i);
	return ((performance.now() - t0) * 1000) / n;
};
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * `triggerUs`: parse+normalize per payload (the goal's measure); `percent`: that over JSON.parse
 * of the fixture as stored;
 * `compactPercent`: over JSON.parse of the same body without whitespace, as a sender may post it.
 * @returns {{ payload: string, bytes: number, jsonUs: number, triggerUs: number, percent: number, compactPercent: number }[]}
 */
function run(iterations = 5000, rounds = 21) {
	// 64 parsed copies per payload, each with its own timestamps: real webhooks never repeat a date,
	// so no cache inside the parser may profit from a repeated one.
	const copy = (text, k) => JSON.parse(text.replace(/Date\((\d+)/g, (_, ms) => `Date(${Number(ms) + k * 1000}`));
	const cases = payloads().map(([name, text]) => ({ name, text, copies: Array.from({ length: 64 }, (_, k) => copy(text, k)) }));
	const parseJson = (c) => () => {
		sink += JSON.parse(c.text).Depth;
	};
	const parseCompact = (c) => () => {
		sink += JSON.parse(c.compact).Depth;
	};
	for (const c of cases) c.compact = JSON.stringify(JSON.parse(c.text));
	const parseTrigger = (c) => (i) => {
		sink += parseDataverseAgentStatus(c.copies[i % 64]).agentId ? 1 : 0;
	};
	for (let w = 0; w < 3; w++) {
		for (const c of cases) timePerCall(parseJson(c), 2000) + timePerCall(parseCompact(c), 2000) + timePerCall(parseTrigger(c), 2000);
	}
	return cases.map((c) => {
		const json = [];
		const trigger = [];
		const ratios = [];
		const compactRatios = [];
		for (let r = 0; r < rounds; r++) {
			const j = timePerCall(parseJson(c), iterations);
			const t = timePerCall(parseTrigger(c), iterations);
			const k = timePerCall(parseCompact(c), iterations);
			json.push(j);
			trigger.push(t);
			ratios.push(t / j);
			compactRatios.push(t / k);
		}
		return {
			payload: c.name,
			bytes: c.text.length,
			jsonUs: median(json),
			triggerUs: median(trigger),
			percent: median(ratios) * 100,
			compactPercent: median(compactRatios) * 100,
		};
	});
}

module.exports = { run, GOAL_US };

if (require.main === module) {
	const rows = run(Number(process.argv[2] ?? 5000));
	console.log(`node ${process.version}; per payload: median of 21 rounds (JSON.parse and parse+normalize timed back to back)`);
	console.log(`goal: parse+normalize < ${GOAL_US} µs per webhook (n8n spends tens of ms per webhook; the share of JSON.parse is informational)`);
	console.log('payload                           bytes   JSON.parse µs   parse+normalize µs   goal met   on top of JSON.parse   (compact body)');
	for (const r of rows) {
		console.log(
			`${r.payload.padEnd(32)} ${String(r.bytes).padStart(6)}   ${r.jsonUs.toFixed(2).padStart(13)}   ${r.triggerUs.toFixed(2).padStart(18)}   ${(r.triggerUs < GOAL_US ? 'yes' : 'NO').padStart(8)}   ${r.percent.toFixed(1).padStart(18)} %   ${r.compactPercent.toFixed(1).padStart(12)} %`,
		);
	}
	if (sink === -1) console.log(sink);
}
