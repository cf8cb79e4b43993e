// @ts-check
/**
 * Runs a trigger node the way n8n's ActiveWorkflows does: `trigger()` called on n8n-core's
 * TriggerContext, whose `emit` / `emitError` are ours (we collect what the node emits), and the
 * returned `closeFunction` called on deactivation; the workflow's expression isolate is held
 * only during those two calls, as in n8n.
 */
const { TriggerContext, ExecutionLifecycleHooks } = require('n8n-core');
const { Workflow } = require('n8n-workflow');

const { makeAdditionalData, PACKAGE_NAME } = require('./index');

/**
 * The trigger node as an active workflow holds it.
 * @param {{ name?: string, type: string, typeVersion?: number, parameters?: Record<string, any>, credentials?: Record<string, any> }} spec
 */
function triggerNodeOf(spec) {
	return {
		id: 'trigger',
		name: spec.name ?? 'Trigger',
		typeVersion: spec.typeVersion ?? 1,
		position: /** @type {[number, number]} */ ([0, 0]),
		parameters: spec.parameters ?? {},
		credentials: spec.credentials,
		type: spec.type.includes('.') ? spec.type : `${PACKAGE_NAME}.${spec.type}`,
	};
}

/** An active one-node workflow around the trigger. @param {any} nodeTypes @param {any} node */
function activeWorkflowOf(nodeTypes, node) {
	return new Workflow({
		id: 'trigger-workflow',
		name: 'trigger test',
		nodes: [node],
		connections: {},
		nodeTypes,
		active: true,
		settings: { executionOrder: 'v1' },
	});
}

/**
 * What the trigger emits, collected: `emit` / `emitError` for the TriggerContext, and `until`,
 * which wakes on every emit to check its predicate.
 */
function emitCollector() {
	/** @type {any[]} every emitted item's json, in order */
	const items = [];
	/** @type {any[][]} each emit call's items (one execution each) */
	const emits = [];
	/** @type {Error[]} */
	const errors = [];
	/** @type {Array<() => void>} */
	let waiters = [];
	const notify = () => {
		const w = waiters;
		waiters = [];
		for (const fn of w) fn();
	};

	const emit = (/** @type {any[][]} */ data) => {
		const json = (data[0] ?? []).map((item) => item.json);
		emits.push(json);
		items.push(...json);
		notify();
	};
	const emitError = (/** @type {Error} */ error) => {
		errors.push(error);
		notify();
	};
	/** Resolves once `predicate()` holds (checked after every emit/emitError), or rejects after `timeoutMs`. */
	async function until(/** @type {() => boolean} */ predicate, timeoutMs = 10_000, what = 'condition') {
		const deadline = Date.now() + timeoutMs;
		while (!predicate()) {
			const left = deadline - Date.now();
			if (left <= 0) throw new Error(`Timed out waiting for ${what}: ${items.length} items, ${errors.length} errors`);
			await new Promise((resolve) => {
				const timer = setTimeout(resolve, Math.min(left, 50));
				waiters.push(() => {
					clearTimeout(timer);
					resolve(undefined);
				});
			});
		}
	}
	return { items, emits, errors, emit, emitError, until };
}

/**
 * Activation, as n8n's ActiveWorkflowManager does it: `trigger()` with the workflow holding an
 * expression isolate only while it activates (a no-op on the legacy engine); what the trigger
 * does later runs without one.
 * @param {any} workflow @param {any} nodeType @param {any} context
 */
async function activateTrigger(workflow, nodeType, context) {
	const acquired = await workflow.expression.acquireIsolate();
	try {
		return await nodeType.trigger.call(context);
	} finally {
		if (acquired) await workflow.expression.releaseIsolate();
	}
}

/**
 * @param {{ credentialsHelper: any, nodeTypes: any }} h what createHarness() returned
 * @param {{ name?: string, type: string, typeVersion?: number, parameters?: Record<string, any>, credentials?: Record<string, any> }} spec
 * @param {{ mode?: 'trigger' | 'manual', activation?: 'init' | 'activate' | 'update' | 'manual' }} [options]
 */
async function runTrigger(h, spec, options = {}) {
	const node = triggerNodeOf(spec);
	const workflow = activeWorkflowOf(h.nodeTypes, node);
	const nodeType = h.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	if (typeof nodeType.trigger !== 'function') throw new Error(`${node.type} has no trigger()`);

	const { items, emits, errors, emit, emitError, until } = emitCollector();
	const hooks = new ExecutionLifecycleHooks('trigger', 'trigger-test', { nodes: [node], connections: {} });
	const context = new TriggerContext(
		workflow,
		node,
		makeAdditionalData(h.credentialsHelper, hooks),
		options.mode ?? 'trigger',
		options.activation ?? 'activate',
		emit,
		emitError,
	);
	const response = await activateTrigger(workflow, nodeType, context);
	let closed = false;
	return {
		items,
		emits,
		errors,
		response,
		until,
		/** Waits until `n` items in total have been emitted. */
		async waitForItems(/** @type {number} */ n, timeoutMs = 10_000) {
			await until(() => items.length >= n, timeoutMs, `${n} items`);
			return items.slice(0, n);
		},
		/** Deactivation: n8n calls the closeFunction. */
		async close() {
			if (closed) return;
			closed = true;
			// n8n-core's TriggersAndPollers runs the closeFunction inside its own isolate scope.
			await workflow.expression.withIsolate(async () => await response?.closeFunction?.());
		},
	};
}

module.exports = { runTrigger };
