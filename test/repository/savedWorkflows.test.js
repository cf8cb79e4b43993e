// @ts-check
/**
 * Saved workflows keep loading and running: every shipped template and a workflow saved by 0.1.0
 * (test/fixtures/workflows/saved-by-0.1.0.json: the 0.1.0 templates' nodes and parameters from commit
 * a1819dd, five syncs and two triggers no template used, in one workflow as a user would keep them).
 * Loading: each node's type and version is one the package registers, and n8n keeps every parameter
 * the workflow saved (a renamed or removed parameter would be dropped silently when n8n loads it).
 * Running: each sync of the 0.1.0 workflow after its trigger, fed the item its trigger emits, writes
 * the vendor what 0.1.0 wrote.
 */
const fs = require('node:fs');
const path = require('node:path');
const { NodeHelpers } = require('n8n-workflow');
const { useSimulator, IDS, apiCalls, allCredentials, credentialsFor } = require('../helpers/vendors');
const { createHarness, PACKAGE_NAME } = require('../harness');
const { PEOPLE } = require('../simulator/common');
const { changeOf, vendorWrites } = require('../helpers/templates');

const REPO = path.join(__dirname, '..', '..');
const TEMPLATES = path.join(REPO, 'templates');
const SAVED = path.join(REPO, 'test', 'fixtures', 'workflows', 'saved-by-0.1.0.json');
const readJson = (/** @type {string} */ file) => JSON.parse(fs.readFileSync(file, 'utf8'));

const workflows = [
	...fs.readdirSync(TEMPLATES).filter((f) => f.endsWith('.json')).map((f) => [`templates/${f}`, readJson(path.join(TEMPLATES, f))]),
	['the workflow saved by 0.1.0', readJson(SAVED)],
];

const t = useSimulator();
beforeEach(async () => {
	t.h = await createHarness({ credentials: { ...allCredentials(t.sim), ...credentialsFor(t.sim, 'graph') } });
});

/** The problems n8n would have loading a saved node of this package: unknown type or version, parameters it drops. */
function loadProblems(/** @type {any} */ nodeTypes, /** @type {any} */ node) {
	const type = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	// n8n falls back to a type's latest version for an unknown one: the version must be listed.
	if (!type || ![type.description.version].flat().includes(node.typeVersion)) return [`${node.name}: no node type ${node.type} v${node.typeVersion}`];
	const kept = NodeHelpers.getNodeParameters(type.description.properties, node.parameters, true, false, node, type.description) ?? {};
	return Object.keys(node.parameters)
		.filter((name) => !(name in kept))
		.map((name) => `${node.name}: parameter "${name}" is dropped on load`);
}

describe.each(workflows)('%s loads unchanged', (_name, workflow) => {
	test("every node of this package: its type and version are registered, and n8n keeps every saved parameter", () => {
		const ours = workflow.nodes.filter((/** @type {any} */ n) => n.type.startsWith(`${PACKAGE_NAME}.`));
		expect(ours.length).toBeGreaterThan(0);
		expect(ours.flatMap((/** @type {any} */ n) => loadProblems(t.h.nodeTypes, n))).toEqual([]);
	});
});

test('the 0.1.0 workflow holds the node types a user saved with 0.1.0: triggers, Map Presence and each action node', () => {
	const types = new Set(readJson(SAVED).nodes.map((/** @type {any} */ n) => n.type.slice(PACKAGE_NAME.length + 1)));
	expect([...types].sort()).toEqual([
		'agentPresenceTrigger',
		'dynamicsContactCenter',
		'genesysCloud',
		'genesysCloudPresenceTrigger',
		'mapPresence',
		'microsoftTeamsPresence',
		'microsoftTeamsPresenceNotificationTrigger',
		'microsoftTeamsPresenceTrigger',
		'vonageContactCenter',
		'vonageContactCenterPresenceTrigger',
	]);
});

describe('the test fails when a saved parameter is no longer known', () => {
	test('a node saved with a parameter its type does not have is reported', () => {
		const node = readJson(SAVED).nodes.find((/** @type {any} */ n) => n.type.endsWith('.mapPresence'));
		const renamed = { ...node, parameters: { ...node.parameters, syncPair: node.parameters.sync } };
		expect(loadProblems(t.h.nodeTypes, renamed)).toEqual([`${node.name}: parameter "syncPair" is dropped on load`]);
		expect(loadProblems(t.h.nodeTypes, { ...node, typeVersion: 9 })).toEqual([`${node.name}: no node type ${node.type} v9`]);
	});
});

/** The nodes after a trigger of the saved workflow, the harness's Input in the trigger's place. */
function after(/** @type {string} */ trigger) {
	const workflow = readJson(SAVED);
	const reached = new Set();
	const queue = [trigger];
	while (queue.length) {
		const name = /** @type {string} */ (queue.shift());
		for (const out of workflow.connections[name]?.main ?? []) for (const c of out) if (!reached.has(c.node)) reached.add(c.node) && queue.push(c.node);
	}
	const nodes = workflow.nodes.filter((/** @type {any} */ n) => reached.has(n.name));
	const connections = Object.fromEntries(Object.entries(workflow.connections).filter(([from]) => reached.has(from)));
	connections.Input = workflow.connections[trigger];
	return { nodes, connections };
}

const email = (/** @type {string} */ key) => /** @type {any} */ (PEOPLE.find((p) => p.key === key)).email;
const D = IDS.dataverse;
const dataverseChange = (/** @type {string} */ key, /** @type {string} */ presence, /** @type {string} */ category) =>
	changeOf('dataverse', { agentId: D.agents[key], presenceId: D.presences[presence], presenceName: presence, category });
const dataverseWrites = vendorWrites(t, apiCalls).dataverse;
const modify = (/** @type {string} */ key, /** @type {string} */ presence) => ['/CCaaS_ModifyAgentPresence', { ApiVersion: '1.0', AgentId: D.agents[key], PresenceId: D.presences[presence] }];

describe('the workflow saved by 0.1.0 runs: each sync after its trigger', () => {
	test('Dynamics → Genesys: Dana Busy DND in Dynamics → Genesys Busy', async () => {
		const run = await t.h.runWorkflow({ ...after('Dynamics presence changed'), input: [dataverseChange('dana', 'busyDnd', 'do_not_disturb')] });
		expect(run.error).toBeUndefined();
		const writes = apiCalls(t.sim, 'genesys').filter((c) => c.method === 'PATCH' || c.method === 'PUT');
		expect(writes.map((c) => [c.method, c.path, c.body])).toEqual([
			['PATCH', `/api/v2/users/${IDS.genesys.users.dana}/presences/purecloud`, { presenceDefinition: { id: IDS.genesys.presence.Busy } }],
		]);
	});

	test('Genesys → Teams: Casey Busy in Genesys → Teams Busy (InACall) in the sync app\'s session', async () => {
		const item = { source: 'genesys', event: 'presence_changed', agentId: IDS.genesys.users.casey, presenceId: IDS.genesys.presence.Busy, presenceName: 'Busy', category: 'busy', email: email('casey') };
		const run = await t.h.runWorkflow({ ...after('Genesys presence changed 2'), input: [item] });
		expect(run.error).toBeUndefined();
		const writes = apiCalls(t.sim, 'graph').filter((c) => c.method === 'POST' && /\/presence\/set/.test(c.path));
		expect(writes.map((c) => [c.path, c.body])).toEqual([
			[
				`/v1.0/users/${IDS.graph.users.casey}/presence/setPresence`,
				{ sessionId: t.sim.clients.graph.clientId, availability: 'Busy', activity: 'InACall', expirationDuration: 'PT4H' },
			],
		]);
	});

	test('Teams → Dynamics: Casey presenting in Teams → Dynamics Busy DND', async () => {
		const item = { source: 'teams', event: 'presence_changed', agentId: IDS.graph.users.casey, presenceId: 'DoNotDisturb/Presenting', presenceName: 'DoNotDisturb (Presenting)', category: 'do_not_disturb', availability: 'DoNotDisturb', activity: 'Presenting', changedAt: null };
		const run = await t.h.runWorkflow({ ...after('Teams presence changed 3'), input: [item] });
		expect(run.error).toBeUndefined();
		expect(dataverseWrites()).toEqual([modify('casey', 'busyDnd')]);
	});

	test('Dynamics → Vonage: Casey Away in Dynamics → Vonage Away', async () => {
		const run = await t.h.runWorkflow({ ...after('Dynamics presence changed 4'), input: [dataverseChange('casey', 'away', 'away')] });
		expect(run.error).toBeUndefined();
		const writes = apiCalls(t.sim, 'vonage').filter((c) => c.method === 'PATCH');
		expect(writes.map((c) => [c.path, c.body])).toEqual([[`/agents/${IDS.vonage.users.casey}/presence`, { presenceId: IDS.vonage.presence.away }]]);
	});

	test('Vonage → Dynamics: Alex at Lunch in Vonage (no row) → Dynamics Away', async () => {
		const item = { source: 'vonage', event: 'presence_changed', agentId: IDS.vonage.users.alex, presenceId: IDS.vonage.presence.lunch, presenceName: 'Lunch', category: 'away' };
		const run = await t.h.runWorkflow({ ...after('Vonage presence changed 5'), input: [item] });
		expect(run.error).toBeUndefined();
		expect(dataverseWrites()).toEqual([modify('alex', 'away')]);
	});
});
