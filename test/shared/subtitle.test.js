// @ts-check
/**
 * The action nodes' canvas subtitles, evaluated by n8n-workflow's expression engine as the editor
 * evaluates them: every resource and operation each node offers reads as words ("Set agent
 * presence", "Get many presence sources"), never as raw values (`set: agentPresence`, `bulkSet`).
 */
const path = require('node:path');
const { Workflow } = require('n8n-workflow');

const NODES = [
	['DynamicsContactCenter', 'Dynamics 365 Contact Center'],
	['GenesysCloud', 'Genesys Cloud'],
	['VonageContactCenter', 'Vonage Contact Center'],
	['MicrosoftTeamsPresence', 'Microsoft Teams Presence'],
].map(([file, label]) => {
	const NodeClass = require(path.join(__dirname, '..', '..', 'dist', 'nodes', file, `${file}.node.js`))[file];
	return /** @type {[string, any]} */ ([label, new NodeClass()]);
});

/** The subtitle n8n shows for a node of this type with these parameters. */
async function subtitleFor(/** @type {any} */ nodeType, /** @type {Record<string, unknown>} */ parameters) {
	/** @type {any} */
	const nodeTypes = { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) };
	/** @type {any} */
	const node = { id: 'n', name: 'Node', type: nodeType.description.name, typeVersion: 1, position: [0, 0], parameters };
	const workflow = new Workflow({ id: 'subtitle', nodes: [node], connections: {}, nodeTypes, active: false });
	return await workflow.expression.withIsolate(async () =>
		workflow.expression.getSimpleParameterValue(node, nodeType.description.subtitle, 'internal', {}),
	);
}

/** Every [resource, operation] pair a node offers. */
const pairsOf = (/** @type {any} */ nodeType) =>
	nodeType.description.properties
		.filter((/** @type {any} */ p) => p.name === 'operation')
		.flatMap((/** @type {any} */ p) =>
			p.displayOptions.show.resource.flatMap((/** @type {string} */ resource) =>
				p.options.map((/** @type {any} */ o) => [resource, o.value]),
			),
		);

describe.each(NODES)('%s', (_label, nodeType) => {
	test('every resource and operation reads as lower-case words after a capital', async () => {
		const pairs = pairsOf(nodeType);
		expect(pairs.length).toBeGreaterThan(3);
		for (const [resource, operation] of pairs) {
			const subtitle = await subtitleFor(nodeType, { resource, operation });
			expect(`${resource}/${operation}: ${subtitle}`).toMatch(/: [A-Z][a-z]*( [a-z]+)+$/);
		}
	});
});

test.each([
	['Genesys Cloud', 'agentPresence', 'bulkSet', 'Set many agent presences'],
	['Genesys Cloud', 'presenceSource', 'create', 'Create presence source'],
	['Genesys Cloud', 'presenceSource', 'getAll', 'Get many presence sources'],
	['Dynamics 365 Contact Center', 'presenceDefinition', 'delete', 'Delete presence definition'],
	['Microsoft Teams Presence', 'agentPresence', 'setPreferred', 'Set preferred agent presence'],
	['Microsoft Teams Presence', 'agentPresence', 'setStatusMessage', 'Set status message'],
])('%s: %s / %s reads "%s"', async (label, resource, operation, expected) => {
	const [, nodeType] = /** @type {[string, any]} */ (NODES.find(([l]) => l === label));
	expect(await subtitleFor(nodeType, { resource, operation })).toBe(expected);
});
