// @ts-check
/**
 * Webhook throughput in one n8n, on whatever expression engine it runs: the Agent Presence
 * Trigger (versions 1 and 2) → No Op and Webhook → Agent Presence Event → No Op versus n8n's
 * Webhook → No Op (E2E_SUITE=throughput). They
 * are measured in alternating rounds in the same process, so a busy machine slows all alike; the
 * figure is webhooks per second until every execution they started has finished, and (n8n's
 * /metrics, which run.js turns on for this suite) how many expression isolates n8n acquired per
 * webhook.
 */
'use strict';

const { nowUs, recordWindow } = require('./profileWindows');

const KEYS = ['throughput-agent-presence-v1', 'throughput-agent-presence-v2', 'throughput-webhook', 'throughput-webhook-event'];
/** The workflows that check the shared key in the query string (the bare Webhook → No Op checks nothing). */
const KEYED = new Set(['throughput-agent-presence-v1', 'throughput-agent-presence-v2', 'throughput-webhook-event']);

/**
 * @param {import('./checks').Checks} c
 * @param {{ body: any, key: string, count: number, concurrency: number, rounds: number }} o
 */
async function run(c, { body, key, count, concurrency, rounds }) {
	/** @type {Record<string, string>} */
	const targets = {};
	for (const wf of KEYS) {
		const query = KEYED.has(wf) ? `?code=${encodeURIComponent(key)}` : '';
		targets[wf] = `${c.n8n}/webhook/${c.workflow(wf).webhookPath}${query}`;
	}
	/** @type {Record<string, number[]>} */
	const rates = Object.fromEntries(KEYS.map((k) => [k, []]));
	/** @type {Record<string, number[]>} expression isolates n8n acquired per webhook */
	const isolates = Object.fromEntries(KEYS.map((k) => [k, []]));
	const acquired = async () => {
		const r = await fetch(`${c.n8n}/metrics`).catch(() => undefined);
		if (!r?.ok) return NaN;
		const m = /^n8n_expression_pool_acquired_total(?:\{[^}]*\})?\s+(\S+)/m.exec(await r.text());
		return m ? Number(m[1]) : NaN;
	};
	for (let round = 0; round < rounds; round++) {
		// Rotate which goes first, so none always runs on a warmer (or busier) n8n.
		const order = [...KEYS.slice(round % KEYS.length), ...KEYS.slice(0, round % KEYS.length)];
		for (const wf of order) {
			const before = c.executions(wf).length;
			const acquiredBefore = await acquired();
			const started = performance.now();
			const startUs = nowUs();
			let next = 0;
			let failed = 0;
			await Promise.all(
				Array.from({ length: concurrency }, async () => {
					while (next < count) {
						next++;
						const r = await c.post(targets[wf], body);
						if (r.status !== 200) failed++;
					}
				}),
			);
			await c.settledExecutions(wf, before + count, 600000);
			recordWindow(`${process.env.N8N_EXPRESSION_ENGINE || 'vm'}: ${wf}`, count, startUs);
			const seconds = (performance.now() - started) / 1000;
			if (failed) throw new Error(`${wf}: ${failed} of ${count} webhooks were not answered 200`);
			rates[wf].push(count / seconds);
			const perWebhook = ((await acquired()) - acquiredBefore) / count;
			isolates[wf].push(perWebhook);
			c.say(`round ${round + 1}: ${wf}: ${count} webhooks in ${seconds.toFixed(1)} s = ${(count / seconds).toFixed(1)}/s, ${perWebhook.toFixed(2)} isolates per webhook`);
		}
	}
	const median = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
	const engine = `${process.env.N8N_EXPRESSION_ENGINE || 'vm'} engine${process.env.N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE === 'true' ? ', lazy isolate acquisition' : ''}`;
	console.log(`\nWebhook throughput (${engine}; ${count} webhooks × ${rounds} rounds, ${concurrency} in flight; medians):`);
	const webhook = median(rates['throughput-webhook']);
	for (const wf of KEYS) {
		const iso = median(isolates[wf]);
		const label = wf.replace('throughput-', '').padEnd(24);
		console.log(`  ${label} ${median(rates[wf]).toFixed(1).padStart(6)}/s  ${(median(rates[wf]) / webhook).toFixed(2)}× Webhook  ${Number.isNaN(iso) ? 'isolates n/a' : `${iso.toFixed(2)} isolates/webhook`}`);
	}
	return { rates, isolates };
}

module.exports = { run };
