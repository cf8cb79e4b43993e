// @ts-check
/**
 * Jest setupFilesAfterEnv: for the test file about to run, captures every string written to the
 * console, process.stdout/stderr and n8n's LoggerProxy, every workflow run's data (items, errors,
 * through n8n-core's workflowExecuteAfter hook), what trigger nodes emitted, webhook answers,
 * credential-test results and editor-method results. The capture is written to SECRET_SCAN_DIR
 * after the file; the global teardown (secretScanGlobal.js) scans all of them for the
 * simulator's client secrets and issued tokens.
 */
const fs = require('node:fs');
const path = require('node:path');
const { createCapture } = require('./secretScanCore');

const capture = createCapture();
const testName = () => {
	try {
		return expect.getState().currentTestName ?? '(file)';
	} catch {
		return '(file)';
	}
};
const at = (/** @type {string} */ kind) => `${kind} @ ${testName()}`;

// Console (n8n's winston console transport writes here too), and raw stdout/stderr.
for (const level of /** @type {const} */ (['log', 'info', 'warn', 'error', 'debug', 'trace'])) {
	const original = console[level];
	console[level] = function tee(/** @type {any[]} */ ...args) {
		capture.addLog(at(`console.${level}`), args);
		return original.apply(this, args);
	};
}
// winston writes info lines to console._stdout / console._stderr, Jest's console's own streams.
const streams = [
	['stdout', process.stdout],
	['stderr', process.stderr],
	['console._stdout', /** @type {any} */ (console)._stdout],
	['console._stderr', /** @type {any} */ (console)._stderr],
];
for (const [where, stream] of streams) {
	if (!stream || typeof stream.write !== 'function' || stream.write.__secretScan) continue;
	const original = stream.write;
	stream.write = Object.assign(
		function tee(/** @type {any} */ chunk, /** @type {any[]} */ ...rest) {
			capture.add(at(where), typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
			return original.call(this, chunk, ...rest);
		},
		{ __secretScan: true },
	);
}

// Loaded only now: n8n's winston console transport binds console.log when it is created.
const { ExecutionLifecycleHooks } = require('n8n-core');
const { LoggerProxy } = require('n8n-workflow');

// n8n's LoggerProxy (what nodes' this.logger and n8n-core log through), before and after init().
const proxy = /** @type {any} */ (LoggerProxy);
const LEVELS = ['error', 'warn', 'info', 'debug'];
const teeLogger = () => {
	for (const level of LEVELS) {
		const impl = proxy[level];
		if (impl.__secretScan) continue;
		proxy[level] = Object.assign(
			(/** @type {unknown} */ message, /** @type {unknown} */ meta) => {
				capture.addLog(at(`logger.${level}`), [message, meta]);
				return impl(message, meta);
			},
			{ __secretScan: true },
		);
	}
};
teeLogger();
const init = proxy.init;
proxy.init = (/** @type {any} */ logger) => {
	init(logger);
	teeLogger();
};

// Every workflow execution's full run data (every harness runs workflows through these hooks).
const runHook = ExecutionLifecycleHooks.prototype.runHook;
ExecutionLifecycleHooks.prototype.runHook = async function observed(/** @type {string} */ hookName, /** @type {any[]} */ parameters) {
	if (hookName === 'workflowExecuteAfter') capture.add(at('run data'), parameters?.[0]);
	return await runHook.call(this, hookName, parameters);
};

// Harness entry points whose results are not workflow runs.
const harness = require('../harness');
const webhook = require('../harness/webhook');
const trigger = require('../harness/trigger');

/** @param {string} where @param {(...args: any[]) => Promise<any>} fn */
const observed = (where, fn) =>
	async function (/** @type {any[]} */ ...args) {
		try {
			const result = await fn.apply(this, args);
			capture.add(at(where), result);
			return result;
		} catch (error) {
			capture.add(at(`${where} (thrown)`), error);
			throw error;
		}
	};

const createHarness = harness.createHarness;
harness.createHarness = async (/** @type {any[]} */ ...args) => {
	const h = await createHarness(...args);
	for (const name of ['testCredential', 'callMethod', 'request']) h[name] = observed(`harness.${name}`, h[name]);
	return h;
};
const createTriggerHarness = webhook.createTriggerHarness;
webhook.createTriggerHarness = async (/** @type {any[]} */ ...args) => {
	const t = await createTriggerHarness(...args);
	for (const name of ['post', 'poll', 'callHook']) t[name] = observed(`trigger harness.${name}`, t[name]);
	return t;
};
/** Running triggers: their emitted items and errors are collected after each test. */
const triggers = /** @type {any[]} */ ([]);
const runTrigger = trigger.runTrigger;
trigger.runTrigger = async (/** @type {any[]} */ ...args) => {
	const handle = await observed('runTrigger', runTrigger)(...args);
	triggers.push({ handle, where: at('trigger emit') });
	return handle;
};
const sweepTriggers = () => {
	for (const { handle, where } of triggers.splice(0)) capture.add(where, { items: handle.items, errors: handle.errors });
};

afterEach(sweepTriggers);
afterAll(() => {
	sweepTriggers();
	const dir = process.env.SECRET_SCAN_DIR;
	if (!dir) return;
	const file = path.relative(path.resolve(__dirname, '..', '..'), expect.getState().testPath ?? 'unknown');
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(path.join(dir, `${file.replace(/[^\w.-]+/g, '_')}.json`), JSON.stringify({ file, entries: capture.toJSON() }));
});

module.exports = { capture };
