// @ts-check
/**
 * Trigger harness: drives a webhook node's `webhook()` through n8n-core's WebhookContext with an
 * express-like request/response, its `webhookMethods.default.checkExists/create/delete` through
 * HookContext (activation / deactivation), and a poll node's `poll()` through PollContext. It
 * answers the HTTP request the way n8n's webhook server does (node-written response, or
 * `webhookResponse`, or "Workflow was started") and, when the node emits, runs the workflow from
 * the trigger through WorkflowExecute. Workflow static data persists across calls like an active
 * workflow's: a poll's changes are kept when it emits or commits its cursor, dropped when it throws.
 */
const http = require('node:http');
const { WebhookContext, HookContext, PollContext, WorkflowExecute, ExecutionLifecycleHooks } = require('n8n-core');
const { Workflow } = require('n8n-workflow');

const { createHarness, makeAdditionalData, PACKAGE_NAME } = require('./index');

const clone = (v) => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

/** The response object nodes write to (status/json/send/setHeader/end, as express has them). */
class FakeResponse {
	constructor() {
		this.statusCode = 200;
		this.headers = {};
		this.body = undefined;
		this.finished = false;
	}
	status(code) {
		this.statusCode = code;
		return this;
	}
	setHeader(name, value) {
		this.headers[name.toLowerCase()] = value;
		return this;
	}
	header(name, value) {
		return this.setHeader(name, value);
	}
	json(body) {
		this.setHeader('content-type', 'application/json');
		return this.end(JSON.stringify(body));
	}
	send(body) {
		return this.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
	}
	writeHead(code, headers = {}) {
		this.statusCode = code;
		for (const [k, v] of Object.entries(headers)) this.setHeader(k, v);
		return this;
	}
	end(body) {
		if (body !== undefined) this.body = Buffer.isBuffer(body) ? body.toString('utf8') : String(body);
		this.finished = true;
		return this;
	}
}

const qualified = (/** @type {string} */ type) => (type.includes('.') ? type : `${PACKAGE_NAME}.${type}`);

/**
 * The active workflow's nodes: the trigger first, then the nodes it feeds, each feeding the next.
 * @param {{ trigger: any, downstream?: any[] }} options
 */
function triggerWorkflowNodes(options) {
	const node = {
		id: 'trigger',
		typeVersion: 1,
		position: [0, 0],
		webhookId: '7f3c2a4e-1d5b-4c8e-9a0f-2b6d8e1c4a90',
		...options.trigger,
		type: qualified(options.trigger.type),
	};
	const downstream = (options.downstream ?? []).map((/** @type {any} */ n, /** @type {number} */ i) => ({
		id: `n${i}`,
		typeVersion: 1,
		position: [200 * (i + 1), 0],
		parameters: {},
		...n,
		type: qualified(n.type),
	}));
	const nodes = [node, ...downstream];
	/** @type {Record<string, any>} */
	const connections = {};
	for (let i = 0; i < nodes.length - 1; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { node, nodes, connections };
}

/**
 * Runs the workflow from the trigger's emitted data, like n8n after a webhook/poll.
 * @param {{ workflow: any, connections: any, startNode: any, additionalData: (hooks: any) => any }} at
 * @param {any} triggerData @param {string} mode
 */
async function runFromTrigger({ workflow, connections, startNode, additionalData }, triggerData, mode) {
	const hooks = new ExecutionLifecycleHooks(mode, 'trigger-execution', {
		id: workflow.id,
		name: workflow.name,
		nodes: Object.values(workflow.nodes),
		connections,
		active: true,
		settings: {},
	});
	// n8n-workflow no longer exports createDeferredPromise; a plain promise does the job.
	let finished;
	const done = new Promise((resolve) => (finished = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => finished(run));
	const runExecutionData = {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			nodeExecutionStack: [{ node: startNode, data: { main: triggerData }, source: null }],
			waitingExecution: {},
			waitingExecutionSource: {},
		},
	};
	const execute = new WorkflowExecute(additionalData(hooks), mode, runExecutionData);
	await execute.processRunExecutionData(workflow);
	return await done;
}

/** A node's items (JSON only) in a finished run. @param {any} run @param {string} nodeName */
function itemsOf(run, nodeName) {
	const runs = run.data.resultData.runData[nodeName];
	const task = runs?.[runs.length - 1];
	if (!task) throw new Error(`Node "${nodeName}" did not run`);
	if (task.error) throw new Error(`Node "${nodeName}" failed: ${task.error.message}`);
	return (task.data?.main?.[0] ?? []).map((/** @type {any} */ i) => i.json);
}

/**
 * The request a webhook node sees, as n8n's webhook server builds it: JSON bodies parsed,
 * anything unparseable left to the node's rawBody.
 * @param {any} node @param {string | undefined} webhookPath
 * @param {{ body?: any, rawBody?: string, query?: Record<string,string>, headers?: Record<string,string>, contentType?: string }} request
 */
function webhookRequestOf(node, webhookPath, request) {
	const rawBody = request.rawBody ?? (request.body === undefined ? '' : JSON.stringify(request.body));
	/** @type {Record<string, any>} */
	const headers = { 'content-type': request.contentType ?? 'application/json' };
	for (const [k, v] of Object.entries(request.headers ?? {})) headers[k.toLowerCase()] = v;
	const contentType = String(headers['content-type']).split(';')[0].trim();
	const req = {
		method: 'POST',
		url: `/webhook/${node.webhookId}/${webhookPath}`,
		headers,
		query: request.query ?? {},
		params: {},
		/** @type {any} */ body: undefined,
		/** @type {Buffer | undefined} */ rawBody: undefined,
		/** n8n's rawBodyReader: reads the body once, on demand. */
		async readRawBody() {
			req.rawBody ??= Buffer.from(rawBody, 'utf8');
		},
	};
	// n8n 2.x (webhook-helpers): a trigger above version 1 gets a body it cannot parse unread.
	if ((node.typeVersion ?? 1) > 1 && !isParsableContentType(contentType)) {
		req.body = {};
		return req;
	}
	// parseBody: the raw body read, then parsed for the content types n8n knows.
	req.rawBody = Buffer.from(rawBody, 'utf8');
	if (contentType === 'application/json') {
		try {
			req.body = rawBody === '' ? {} : JSON.parse(rawBody);
		} catch {
			req.body = {};
		}
	} else if (contentType === 'text/plain') {
		req.body = rawBody;
	}
	req.body ??= {};
	return req;
}

/** n8n's isParsableContentType (webhook-helpers). @param {string} contentType */
function isParsableContentType(contentType) {
	return (
		contentType.startsWith('application/json') ||
		contentType.startsWith('text/plain') ||
		contentType.startsWith('application/x-www-form-urlencoded') ||
		contentType.endsWith('/xml') ||
		contentType.endsWith('+xml')
	);
}

/**
 * The HTTP answer n8n's webhook server gives for a webhook() result: the node-written response,
 * or `webhookResponse`, or its default message.
 * @param {any} result @param {FakeResponse} res
 */
function webhookAnswer(result, res, responseData) {
	if (result.noWebhookResponse) {
		// The node wrote the answer itself: its headers and bytes go out as written.
		return { status: res.statusCode, body: res.body === undefined ? undefined : tryJson(res.body), written: { headers: res.headers, body: res.body ?? '' } };
	}
	if (result.workflowData === undefined) return { status: 200, body: result.webhookResponse ?? { message: 'Webhook call received' } };
	// n8n's onReceived mode (extractWebhookOnReceivedResponse): the webhook description's
	// responseData (default "firstEntryJson", sent as the body's text) wins; empty lets the
	// node's webhookResponse through, else "Workflow was started"; "noData" sends no body.
	const data = responseData();
	if (data === 'noData') return { status: 200, body: undefined };
	if (data) return { status: 200, body: data };
	return { status: 200, body: result.webhookResponse ?? { message: 'Workflow was started' } };
}

/**
 * An HTTP server on 127.0.0.1 that hands each request to `handle.post` and records the outcome
 * in `handle.received`.
 * @param {{ post: (request: any) => Promise<any>, received: any[] }} handle
 */
function webhookServer(handle) {
	return http.createServer(async (req, res) => {
		const chunks = [];
		for await (const chunk of req) chunks.push(chunk);
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		try {
			const out = await handle.post({
				rawBody: Buffer.concat(chunks).toString('utf8'),
				query: Object.fromEntries(url.searchParams),
				headers: /** @type {any} */ (req.headers),
				contentType: req.headers['content-type'],
			});
			handle.received.push(out);
			if (out.written) {
				res.writeHead(out.status, out.written.headers);
				res.end(out.written.body);
				return;
			}
			res.writeHead(out.status, { 'content-type': 'application/json' });
			res.end(out.body === undefined ? '' : JSON.stringify(out.body));
		} catch (error) {
			handle.received.push({ status: 500, error });
			res.writeHead(500, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ message: String(error && /** @type {any} */ (error).message) }));
		}
	});
}

/**
 * @param {{ credentials?: Record<string, any>, trigger: any, downstream?: any[], baseUrl?: string }} options
 *   trigger: the trigger node (name, type, parameters, credentials); downstream: nodes it feeds.
 */
async function createTriggerHarness(options) {
	const h = await createHarness({ credentials: options.credentials ?? {} });
	const { node, nodes, connections } = triggerWorkflowNodes(options);
	const nodeType = h.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	/** What n8n keeps in the database for the active workflow. */
	let persistedStaticData = {};
	let baseUrl = options.baseUrl ?? 'http://127.0.0.1:5678';

	function makeWorkflow() {
		return new Workflow({
			id: 'trigger-workflow',
			name: 'trigger test',
			nodes: clone(nodes),
			connections,
			nodeTypes: h.nodeTypes,
			active: true,
			staticData: clone(persistedStaticData),
			settings: { executionOrder: 'v1' },
		});
	}
	const nodeOf = (workflow) => workflow.getNode(node.name);

	const additionalData = (hooks) => makeAdditionalData(h.credentialsHelper, hooks, baseUrl);
	const runFrom = (workflow, triggerData, mode) =>
		runFromTrigger({ workflow, connections, startNode: nodeOf(workflow), additionalData }, triggerData, mode);

	const webhookDescription = () => nodeType.description.webhooks?.[0];
	/** The webhook description's responseData as n8n resolves it (default "firstEntryJson"). */
	const responseDataOf = (/** @type {any} */ workflow) => {
		const description = webhookDescription() ?? {};
		if (description.responseData === undefined) return 'firstEntryJson';
		return workflow.expression.getComplexParameterValue(nodeOf(workflow), description.responseData, 'webhook', {}, undefined, 'firstEntryJson');
	};
	const webhookData = (workflow) => ({
		httpMethod: webhookDescription()?.httpMethod ?? 'POST',
		node: node.name,
		path: webhookDescription()?.path,
		webhookDescription: webhookDescription(),
		workflowId: workflow.id,
		workflowExecuteAdditionalData: {},
		isTest: false,
	});

	function hookContext(workflow, activation) {
		const hooks = new ExecutionLifecycleHooks('trigger', 'hook', { nodes: [], connections: {} });
		return new HookContext(workflow, nodeOf(workflow), additionalData(hooks), 'trigger', activation, webhookData(workflow));
	}

	/** Calls one webhook lifecycle method; static data changes persist like n8n's on (de)activation. */
	async function callHook(method, activation = 'activate') {
		const workflow = makeWorkflow();
		const result = await nodeType.webhookMethods.default[method].call(hookContext(workflow, activation));
		persistedStaticData = clone(workflow.staticData);
		return result;
	}

	/**
	 * A PollContext on `working` (the trigger's static data for this tick), whose cursor commit
	 * persists it.
	 * @param {any} workflow @param {'trigger' | 'manual'} mode @param {string} key @param {any} working
	 */
	function pollContext(workflow, mode, key, working) {
		const hooks = new ExecutionLifecycleHooks(mode, 'poll', { nodes: [], connections: {} });
		return new PollContext(
			workflow,
			nodeOf(workflow),
			additionalData(hooks),
			mode,
			mode === 'manual' ? 'manual' : 'activate',
			() => {},
			() => {},
			async () => {
				persistedStaticData = { ...persistedStaticData, [key]: clone(working) };
			},
			undefined,
			() => working,
		);
	}

	return {
		harness: h,
		node,
		/** n8n's production URL for the trigger. */
		webhookUrl() {
			const workflow = makeWorkflow();
			return hookContext(workflow, 'activate').getNodeWebhookUrl('default');
		},
		/** The trigger node's persisted static data. */
		staticData() {
			return clone(persistedStaticData[`node:${node.name}`] ?? {});
		},
		setStaticData(data) {
			persistedStaticData[`node:${node.name}`] = clone(data);
		},
		callHook,
		/** Workflow activation, as n8n does it: checkExists, then create when it is missing. */
		async activate() {
			const exists = await callHook('checkExists');
			if (!exists) await callHook('create');
			return { existed: exists };
		},
		async deactivate() {
			return await callHook('delete', 'activate');
		},

		/**
		 * POSTs to the webhook. `body` is sent as JSON unless `rawBody` (string) is given.
		 * @param {{ body?: any, rawBody?: string, query?: Record<string,string>, headers?: Record<string,string>, contentType?: string }} request
		 */
		async post(request = {}) {
			const req = webhookRequestOf(node, webhookDescription()?.path, request);
			const res = new FakeResponse();
			const workflow = makeWorkflow();
			const hooks = new ExecutionLifecycleHooks('webhook', 'webhook', { nodes: [], connections: {} });
			const data = { ...additionalData(hooks), httpRequest: req, httpResponse: res };
			const context = new WebhookContext(workflow, nodeOf(workflow), data, 'webhook', webhookData(workflow), [], null);
			const result = await nodeType.webhook.call(context);
			persistedStaticData = clone(workflow.staticData);

			const { status, body: responseBody, written } = webhookAnswer(result, res, () => responseDataOf(workflow));
			// What the node wrote (headers, bytes) goes out over HTTP in listen mode; kept out of the
			// compared result.
			const withWritten = (/** @type {any} */ out) => Object.defineProperty(out, 'written', { value: written, enumerable: false });
			if (result.workflowData === undefined) return withWritten({ status, body: responseBody, executed: false, items: [] });
			const run = await runFrom(workflow, result.workflowData, 'webhook');
			return withWritten({
				status,
				body: responseBody,
				executed: true,
				run,
				items: itemsOf(run, node.name),
				itemsOf: (name) => itemsOf(run, name),
			});
		},

		/**
		 * One poll tick of an active workflow (mode 'trigger'), or "Fetch Test Event" (mode 'manual').
		 * Static data: kept when the poll emits (saved with the execution) or commits its cursor (no
		 * items), discarded when it throws — as n8n's poll executor does.
		 */
		async poll({ mode = 'trigger' } = {}) {
			const workflow = makeWorkflow();
			const key = `node:${node.name}`;
			const working = clone(persistedStaticData[key] ?? {});
			const context = pollContext(workflow, /** @type {any} */ (mode), key, working);
			const result = await nodeType.poll.call(context);
			if (mode !== 'manual') {
				// Emitted: saved with the execution. Nothing emitted: the engine commits the cursor.
				if (result !== null) persistedStaticData = { ...persistedStaticData, [key]: clone(working) };
				else await context.__commitCursor();
			}
			if (result === null) return { emitted: false, items: [] };
			const run = await runFrom(workflow, result, mode === 'manual' ? 'manual' : 'trigger');
			return { emitted: true, run, items: itemsOf(run, node.name), itemsOf: (name) => itemsOf(run, name) };
		},

		/**
		 * Serves the webhook over real HTTP on 127.0.0.1 (for senders such as the simulator's
		 * Dataverse delivery); the production URL then points here — or, given `publicUrl`, stays that
		 * public URL (n8n's WEBHOOK_URL behind a proxy) and the sender routes it here. Returns the
		 * local origin. Call before activate().
		 * @param {{ publicUrl?: string }} [options]
		 */
		async listen(options = {}) {
			const server = webhookServer(this);
			await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
			const address = /** @type {import('node:net').AddressInfo} */ (server.address());
			const local = `http://127.0.0.1:${address.port}`;
			baseUrl = options.publicUrl ?? local;
			this.close = () => new Promise((resolve) => server.close(() => resolve(undefined)));
			return local;
		},
		/** @type {any[]} results of requests received over HTTP (listen mode) */
		received: [],
		close: async () => {},
	};
}

function tryJson(text) {
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

module.exports = { createTriggerHarness, FakeResponse };
