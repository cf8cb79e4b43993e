// @ts-check
/**
 * Under E2E_CPU_PROF=<dir>, the measured windows of a real-n8n run, one JSON line each in
 * <dir>/windows.jsonl, on the monotonic clock V8's CPU profiles also use: what
 * scripts/cpu-profile-summary.mjs needs to say where n8n spent each workflow's time. Without
 * E2E_CPU_PROF nothing is written.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

/** Now, in microseconds on CLOCK_MONOTONIC (V8's profile timestamps). */
const nowUs = () => Number(process.hrtime.bigint() / 1000n);

/** Records that `webhooks` webhooks to `workflow` ran between startUs and now. */
function recordWindow(/** @type {string} */ workflow, /** @type {number} */ webhooks, /** @type {number} */ startUs) {
	const dir = process.env.E2E_CPU_PROF;
	if (!dir) return;
	fs.appendFileSync(path.join(dir, 'windows.jsonl'), `${JSON.stringify({ workflow, webhooks, startUs, endUs: nowUs() })}\n`);
}

module.exports = { nowUs, recordWindow };
