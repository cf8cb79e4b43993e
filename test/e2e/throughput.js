// @ts-check
/**
 * Webhook throughput in one n8n, on whatever expression engine it runs: Agent Presence Trigger →
 * No Op versus n8n's Webhook → No Op (E2E_SUITE=throughput). The two are measured in alternating
 * rounds in the same process, so a busy machine slows both alike; the figure is webhooks per
 * second until every execution they started has finished.
 */
'use strict';

/**
 * @param {import('./checks').Checks} c
 * @param {{ body: any, key: string, count: number, concurrency: number, rounds: number }} o
 */
async function run(c, { body, key, count, concurrency, rounds }) {
	const targets = {
		'throughput-agent-presence': `${c.n8n}/webhook/${c.workflow('throughput-agent-presence').webhookPath}?code=${encodeURIComponent(key)}`,
		'throughput-webhook': `${c.n8n}/webhook/${c.workflow('throughput-webhook').webhookPath}`,
	};
	/** @type {Record<string, number[]>} */
	const rates = { 'throughput-agent-presence': [], 'throughput-webhook': [] };
	for (let round = 0; round < rounds; round++) {
		// Alternate which goes first, so neither always runs on a warmer (or busier) n8n.
		const order = Object.keys(targets);
		if (round % 2) order.reverse();
		for (const wf of order) {
			const before = c.executions(wf).length;
			const started = performance.now();
			let next = 0;
			let failed = 0;
			await Promise.all(
				Array.from({ length: concurrency }, async () => {
					while (next < count) {
						next++;
						const r = await c.post(targets[/** @type {keyof typeof targets} */ (wf)], body);
						if (r.status !== 200) failed++;
					}
				}),
			);
			await c.settledExecutions(wf, before + count, 600000);
			const seconds = (performance.now() - started) / 1000;
			if (failed) throw new Error(`${wf}: ${failed} of ${count} webhooks were not answered 200`);
			rates[wf].push(count / seconds);
			c.say(`round ${round + 1}: ${wf}: ${count} webhooks in ${seconds.toFixed(1)} s = ${(count / seconds).toFixed(1)}/s`);
		}
	}
	const median = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
	const ap = median(rates['throughput-agent-presence']);
	const wh = median(rates['throughput-webhook']);
	console.log(`\nWebhook throughput (${process.env.N8N_EXPRESSION_ENGINE || 'vm'} engine${process.env.N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE === 'true' ? ', lazy isolate acquire' : ''}; ${count} webhooks × ${rounds} rounds, ${concurrency} in flight; median):`);
	console.log(`  Agent Presence Trigger → No Op  ${ap.toFixed(1)}/s`);
	console.log(`  Webhook → No Op                 ${wh.toFixed(1)}/s`);
	console.log(`  ratio                           ${(ap / wh).toFixed(2)}×`);
	return { agentPresence: ap, webhook: wh, ratio: ap / wh };
}

module.exports = { run };
