// @ts-check
/**
 * Runs workflows through n8n's real execution engine (n8n-core's WorkflowExecute) with this
 * package loaded the way n8n loads it (PackageDirectoryLoader reading package.json's `n8n`
 * section from dist/). n8n's own NodeTestHarness is not published, so this is ours: a node-types
 * registry, a credentials helper that behaves like n8n's (runs our credentials'
 * preAuthentication/authenticate, persists the refreshed token), and minimal additionalData.
 */
const path = require('node:path');
const os = require('node:os');

// n8n-core's InstanceSettings writes an encryption key into the user folder: keep it out of ~/.n8n.
process.env.N8N_USER_FOLDER ??= path.join(os.tmpdir(), `n8n-harness-${process.pid}`);
process.env.N8N_ENCRYPTION_KEY ??= 'harness-encryption-key';

const {
	PackageDirectoryLoader,
	WorkflowExecute,
	ExecutionLifecycleHooks,
	ExecuteContext,
	RoutingNode,
	LoadOptionsContext,
} = require('n8n-core');
const {
	Workflow,
	NodeHelpers,
	ICredentialsHelper,
	isExpression,
} = require('n8n-workflow');

const PACKAGE_DIR = path.resolve(__dirname, '..', '..');
const PACKAGE_NAME = require(path.join(PACKAGE_DIR, 'package.json')).name;

/** A pass-through start node: the harness feeds the test's input items into it. */
const INPUT_NODE_TYPE = 'harness.input';
class HarnessInput {
	description = {
		displayName: 'Harness Input',
		name: INPUT_NODE_TYPE,
		group: ['input'],
		version: 1,
		description: 'Emits the items the test gives it',
		defaults: { name: 'Input' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	};
	/** @this {import('n8n-workflow').IExecuteFunctions} */
	async execute() {
		return [this.getInputData()];
	}
}

let loaderPromise;
/** @returns {Promise<PackageDirectoryLoader>} */
function loadPackage() {
	loaderPromise ??= (async () => {
		const loader = new PackageDirectoryLoader(PACKAGE_DIR);
		await loader.loadAll();
		return loader;
	})();
	return loaderPromise;
}

class NodeTypes {
	/** @param {PackageDirectoryLoader} loader */
	constructor(loader) {
		this.loader = loader;
		this.extra = { [INPUT_NODE_TYPE]: new HarnessInput() };
	}
	getByName(type) {
		if (this.extra[type]) return this.extra[type];
		const short = type.startsWith(`${PACKAGE_NAME}.`) ? type.slice(PACKAGE_NAME.length + 1) : type;
		const loaded = this.loader.nodeTypes[short];
		if (!loaded) throw new Error(`Unknown node type ${type}`);
		return loaded.type;
	}
	getByNameAndVersion(type, version) {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	}
	getKnownTypes() {
		return this.loader.known.nodes;
	}
}

/**
 * Behaves like n8n's CredentialsHelper (packages/cli/src/credentials-helper.ts) for what nodes
 * touch: defaults applied on decrypt, generic `authenticate` expressions resolved, and
 * preAuthentication run when the expirable property is empty or after a 401, with the result
 * persisted (here: in memory) so the next execution reuses the token.
 */
class TestCredentialsHelper extends ICredentialsHelper {
	/** @param {PackageDirectoryLoader} loader */
	constructor(loader) {
		super();
		this.loader = loader;
		/** @type {Record<string, Record<string, any>>} stored credential data by type */
		this.store = {};
		this.preAuthenticationCalls = 0;
	}
	credentialType(type) {
		const loaded = this.loader.credentialTypes[type];
		if (!loaded) throw new Error(`Unknown credential type ${type}`);
		return loaded.type;
	}
	setCredentials(map) {
		this.store = JSON.parse(JSON.stringify(map));
	}
	getParentTypes() {
		return [];
	}
	getCredentialsProperties(type) {
		return this.credentialType(type).properties;
	}
	withDefaults(type, data) {
		const properties = this.getCredentialsProperties(type);
		const withDefaults = NodeHelpers.getNodeParameters(properties, data, true, false, null, null);
		return { ...data, ...withDefaults };
	}
	async getDecrypted(_additionalData, _nodeCredentials, type) {
		if (!this.store[type]) throw new Error(`No test credentials of type ${type}`);
		return this.withDefaults(type, JSON.parse(JSON.stringify(this.store[type])));
	}
	async getCredentials() {
		throw new Error('not used by the harness');
	}
	async updateCredentials(_nodeCredentials, type, data) {
		this.store[type] = { ...this.store[type], ...data };
	}
	async updateCredentialsOauthTokenData() {}
	isCredentialUsableByNode() {
		return true;
	}
	async authenticate(credentials, typeName, requestOptions, workflow, node) {
		const credentialType = this.credentialType(typeName);
		const { authenticate } = credentialType;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (!authenticate || authenticate.type !== 'generic') return requestOptions;
		const resolve = (value) =>
			isExpression(value)
				? String(
						workflow.expression.getSimpleParameterValue(
							node,
							value,
							'internal',
							{ $credentials: credentials },
							undefined,
							'',
						) ?? '',
					)
				: value;
		for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
			requestOptions[outerKey] ??= {};
			for (const [key, value] of Object.entries(outerValue)) {
				requestOptions[outerKey][resolve(key)] = resolve(value);
			}
		}
		return requestOptions;
	}
	async preAuthentication(helpers, credentials, typeName, node, credentialsExpired) {
		const credentialType = this.credentialType(typeName);
		const expirable = credentialType.properties.find(
			(p) => p.type === 'hidden' && p.typeOptions?.expirable === true,
		);
		if (!expirable || typeof credentialType.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;
		this.preAuthenticationCalls++;
		const output = await credentialType.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		if (node.credentials) {
			await this.updateCredentials(node.credentials[typeName], typeName, output);
			return Object.assign(credentials, output);
		}
		return undefined;
	}
	async runPreAuthentication(helpers, credentials, typeName) {
		return await this.credentialType(typeName).preAuthentication?.call(helpers, credentials);
	}
	getOAuth2Options() {
		return undefined;
	}
}

/** What n8n's WorkflowExecuteAdditionalData.getBase() provides that our nodes can reach. */
function makeAdditionalData(credentialsHelper, hooks, base = 'http://127.0.0.1:5678') {
	return {
		credentialsHelper,
		hooks,
		executeWorkflow: async () => {
			throw new Error('sub-workflows are not used in these tests');
		},
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: `${base}/`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		currentNodeParameters: undefined,
		executionTimeoutTimestamp: undefined,
		userId: 'test-user',
		variables: {},
		setExecutionStatus: () => {},
		sendDataToUI: () => {},
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('task runners are not used in these tests');
		},
		getRunExecutionData: async () => undefined,
	};
}

/** A deferred `workflowExecuteAfter`: resolves with the run data (n8n-workflow 2.x no longer exports createDeferredPromise). */
function whenFinished(/** @type {any} */ hooks) {
	return new Promise((resolve) => hooks.addHandler('workflowExecuteAfter', (/** @type {any} */ fullRunData) => resolve(fullRunData)));
}

/** The harness's start node, which emits the test's input items. */
function inputNodeOf() {
	return { id: 'input', name: 'Input', type: INPUT_NODE_TYPE, typeVersion: 1, position: [0, 0], parameters: {} };
}

/**
 * The execution data a manual run starts from: `startNode` on the stack with `items`.
 * @param {any} startNode @param {any[]} items
 */
function runExecutionDataFrom(startNode, items) {
	return {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			nodeExecutionStack: [{ node: startNode, data: { main: [items] }, source: null }],
			waitingExecution: {},
			waitingExecutionSource: {},
		},
	};
}

/**
 * A node's ExecuteContext outside a workflow run (credential tests, probe requests).
 * @param {any} workflow @param {any} node @param {any} additionalData @param {string} mode
 */
function standaloneExecuteContext(workflow, node, additionalData, mode) {
	return new ExecuteContext(
		workflow,
		node,
		additionalData,
		mode,
		{ resultData: { runData: {} } },
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
}

/**
 * A throwaway node type that holds the credential `type` and the given properties.
 * @param {{ name: string, displayName: string, group: string }} id @param {string} type @param {any[]} properties
 */
function credentialHolderNodeType({ name, displayName, group }, type, properties) {
	return {
		description: {
			displayName,
			name,
			group: [group],
			version: 1,
			description: '',
			defaults: {},
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: type, required: true }],
			properties,
		},
	};
}

/**
 * Registers `nodeType` for this session and returns a node of it that uses the credential `type`.
 * @param {NodeTypes} nodeTypes @param {any} nodeType @param {string} type
 * @param {{ id: string, name: string, parameters: Record<string, any>, credential: { id: string, name: string } }} node
 */
function credentialHolderNode(nodeTypes, nodeType, type, { id, name, parameters, credential }) {
	nodeTypes.extra[nodeType.description.name] = nodeType;
	return {
		id,
		name,
		type: nodeType.description.name,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { [type]: credential },
	};
}

/**
 * A node type whose one property sends the credential's `test.request` (what n8n's credentials
 * tester runs through RoutingNode).
 * @param {string} type credential type @param {any} testRequest
 */
function credentialTestNodeType(type, testRequest) {
	return credentialHolderNodeType({ name: 'harness.credentialTest', displayName: 'Credential test', group: 'input' }, type, [
		{
			displayName: 'Temp',
			name: 'temp',
			type: 'string',
			default: '',
			routing: { request: testRequest },
		},
	]);
}

/** A node type with nothing but the credential, for one authenticated request. @param {string} type */
function probeNodeType(type) {
	return credentialHolderNodeType({ name: 'harness.probe', displayName: 'Probe', group: 'transform' }, type, []);
}

/**
 * Runs `nodes` (our nodes, as exported from the n8n editor: name, type, typeVersion,
 * parameters, credentials) chained after an input node that emits `input` items.
 * @param {{ nodeTypes: NodeTypes, credentialsHelper: TestCredentialsHelper }} session
 * @param {{ nodes: any[], connections?: Record<string, any>, input?: Array<Record<string, any>>, inputItems?: Array<{ json: Record<string, any>, binary?: Record<string, any> }>, settings?: any }} spec
 */
async function runWorkflow({ nodeTypes, credentialsHelper }, spec) {
	const inputNode = inputNodeOf();
	const nodes = [inputNode, ...spec.nodes.map((n, i) => normalizeNode(n, i))];
	const connections = spec.connections ?? chain(nodes);
	const workflow = new Workflow({
		id: 'test-workflow',
		name: 'test',
		nodes,
		connections,
		nodeTypes,
		active: false,
		settings: spec.settings ?? { executionOrder: 'v1' },
	});
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', {
		id: 'test-workflow',
		name: 'test',
		nodes,
		connections,
		active: false,
		settings: {},
	});
	const finished = whenFinished(hooks);
	const additionalData = makeAdditionalData(credentialsHelper, hooks);
	// `inputItems` gives whole items (binary too, as n8n's Webhook node emits its Raw Body); `input` JSON only.
	const items = spec.inputItems ?? (spec.input ?? [{}]).map((json) => ({ json }));
	const execute = new WorkflowExecute(additionalData, 'manual', runExecutionDataFrom(inputNode, items));
	await execute.processRunExecutionData(workflow);
	/** @type {any} */
	const run = await finished;
	return new RunResult(run);
}

/**
 * Tests a credential the way n8n's credentials tester does: its `test.request` run through
 * n8n's RoutingNode with httpRequestWithAuthentication (so preAuthentication runs first).
 * @param {{ nodeTypes: NodeTypes, credentialsHelper: TestCredentialsHelper }} session
 * @param {string} type @param {Record<string, any>} data
 * @returns {Promise<{ status: 'OK' | 'Error', message: string }>}
 */
async function testCredential({ nodeTypes, credentialsHelper }, type, data) {
	const credentialType = credentialsHelper.credentialType(type);
	const probe = new Workflow({
		id: 'credential-test',
		nodes: [],
		connections: {},
		nodeTypes,
		active: false,
	});
	const nodeType = credentialTestNodeType(type, credentialType.test.request);
	const node = credentialHolderNode(nodeTypes, nodeType, type, {
		id: 'temp',
		name: 'Temp-Node',
		parameters: { temp: '' },
		credential: { id: 'test', name: 'test' },
	});
	const saved = credentialsHelper.store[type];
	credentialsHelper.store[type] = data;
	const decrypted = { id: 'test', name: 'test', type, data: credentialsHelper.withDefaults(type, data) };
	const hooks = new ExecutionLifecycleHooks('internal', 'credential-test', { nodes: [], connections: {} });
	const context = standaloneExecuteContext(probe, node, makeAdditionalData(credentialsHelper, hooks), 'internal');
	try {
		await new RoutingNode(context, nodeType, decrypted).runNode();
		return { status: 'OK', message: 'Connection successful!' };
	} catch (error) {
		return { status: 'Error', message: String(error.message), error };
	} finally {
		if (saved === undefined) delete credentialsHelper.store[type];
		else credentialsHelper.store[type] = saved;
	}
}

/**
 * Calls a node's `methods.loadOptions` / `methods.listSearch` method as the editor does.
 * @param {{ nodeTypes: NodeTypes, credentialsHelper: TestCredentialsHelper }} session
 * @param {any} nodeSpec the node (type, parameters, credentials)
 * @param {'loadOptions' | 'listSearch'} kind @param {string} method @param {any[]} args
 */
async function callMethod({ nodeTypes, credentialsHelper }, nodeSpec, kind, method, ...args) {
	const node = normalizeNode(nodeSpec, 0);
	const nodeType = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const workflow = new Workflow({ id: 'options', nodes: [node], connections: {}, nodeTypes, active: false });
	const hooks = new ExecutionLifecycleHooks('internal', 'options', { nodes: [], connections: {} });
	const additionalData = makeAdditionalData(credentialsHelper, hooks);
	additionalData.currentNodeParameters = node.parameters;
	const context = new LoadOptionsContext(workflow, node, additionalData, '', node.parameters);
	const fn = nodeType.methods?.[kind]?.[method];
	if (!fn) throw new Error(`${node.type} has no ${kind}.${method}`);
	return await fn.call(context, ...args);
}

/**
 * One authenticated request as a node makes it: n8n-core's httpRequestWithAuthentication from a
 * real ExecuteContext (preAuthentication when the token is empty, one refresh after a 401).
 * @param {{ nodeTypes: NodeTypes, credentialsHelper: TestCredentialsHelper }} session
 * @param {string} type credential type
 * @param {import('n8n-workflow').IHttpRequestOptions} requestOptions
 */
async function request({ nodeTypes, credentialsHelper }, type, requestOptions) {
	const node = credentialHolderNode(nodeTypes, probeNodeType(type), type, {
		id: 'probe',
		name: 'Probe',
		parameters: {},
		credential: { id: `${type}-1`, name: type },
	});
	const workflow = new Workflow({ id: 'probe', nodes: [node], connections: {}, nodeTypes, active: false });
	const hooks = new ExecutionLifecycleHooks('manual', 'probe', { nodes: [], connections: {} });
	const context = standaloneExecuteContext(workflow, node, makeAdditionalData(credentialsHelper, hooks), 'manual');
	// Inside an execution, as in n8n: the workflow holds an expression isolate meanwhile.
	return await workflow.expression.withIsolate(
		async () => await context.helpers.httpRequestWithAuthentication.call(context, type, requestOptions),
	);
}

/**
 * A test session: one credentials store shared by the workflows it runs, as one n8n instance
 * shares stored credentials across executions.
 * @param {{ credentials?: Record<string, Record<string, any>> }} [options]
 */
async function createHarness(options = {}) {
	const loader = await loadPackage();
	// A harness is a fresh n8n process: the package's cross-execution lookup cache starts empty.
	// `keepLookupCache` keeps it, for tests of what a second execution reuses.
	if (!options.keepLookupCache) require(path.join(PACKAGE_DIR, 'dist/nodes/shared/lookupCache.js')).clearLookupCache();
	const nodeTypes = new NodeTypes(loader);
	const credentialsHelper = new TestCredentialsHelper(loader);
	credentialsHelper.setCredentials(options.credentials ?? {});
	const session = { nodeTypes, credentialsHelper };
	return {
		/** @param {Parameters<typeof runWorkflow>[1]} spec */
		runWorkflow: (spec) => runWorkflow(session, spec),
		/** @param {string} type @param {Record<string, any>} data */
		testCredential: (type, data) => testCredential(session, type, data),
		/** @param {any} nodeSpec @param {'loadOptions' | 'listSearch'} kind @param {string} method @param {any[]} args */
		callMethod: (nodeSpec, kind, method, ...args) => callMethod(session, nodeSpec, kind, method, ...args),
		/** @param {string} type @param {import('n8n-workflow').IHttpRequestOptions} requestOptions */
		request: (type, requestOptions) => request(session, type, requestOptions),
		credentialsHelper,
		nodeTypes,
		loader,
	};
}

function normalizeNode(n, i) {
	return {
		id: n.id ?? `node-${i}`,
		position: n.position ?? [200 * (i + 1), 0],
		typeVersion: n.typeVersion ?? 1,
		parameters: {},
		...n,
		type: n.type.includes('.') ? n.type : `${PACKAGE_NAME}.${n.type}`,
	};
}

/** Default connections: each node feeds the next, in the order given. */
function chain(nodes) {
	const connections = {};
	for (let i = 0; i < nodes.length - 1; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return connections;
}

class RunResult {
	constructor(run) {
		this.run = run;
		this.status = run.status;
		this.error = run.data.resultData.error;
	}
	/** The items a node emitted on an output (JSON only). */
	items(nodeName, output = 0) {
		const runs = this.run.data.resultData.runData[nodeName];
		if (!runs) throw new Error(`Node "${nodeName}" did not run${this.error ? `: ${this.error.message}` : ''}`);
		const task = runs[runs.length - 1];
		if (task.error) throw Object.assign(new Error(`Node "${nodeName}" failed: ${task.error.message}`), { nodeError: task.error });
		return (task.data?.main?.[output] ?? []).map((item) => item.json);
	}
	/** Full items, with pairedItem, for the nodes' item-linking contract. */
	rawItems(nodeName, output = 0) {
		const runs = this.run.data.resultData.runData[nodeName];
		return runs[runs.length - 1].data?.main?.[output] ?? [];
	}
	/** The execution hints a node added (n8n shows them over its output). */
	hints(nodeName) {
		const runs = this.run.data.resultData.runData[nodeName];
		return runs?.[runs.length - 1]?.hints ?? [];
	}
	nodeError(nodeName) {
		const runs = this.run.data.resultData.runData[nodeName];
		return runs?.[runs.length - 1]?.error;
	}
}

module.exports = { createHarness, loadPackage, makeAdditionalData, PACKAGE_NAME, PACKAGE_DIR };
