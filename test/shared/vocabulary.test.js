// @ts-check
/**
 * One vocabulary: the three action nodes, as built into dist/, name each shared concept the same,
 * with the same option values and default. A table row per node; each test reads one concept.
 */
const { DynamicsContactCenter } = require('../../dist/nodes/DynamicsContactCenter/DynamicsContactCenter.node.js');
const { GenesysCloud } = require('../../dist/nodes/GenesysCloud/GenesysCloud.node.js');
const { VonageContactCenter } = require('../../dist/nodes/VonageContactCenter/VonageContactCenter.node.js');

const CATEGORIES = ['available', 'busy', 'do_not_disturb', 'away', 'offline'];

/** @type {Array<[string, any, { presenceBy: string[], agentResource: string[] | null }]>} */
const NODES = [
	['Dynamics 365 Contact Center', DynamicsContactCenter, { presenceBy: ['presence', 'category'], agentResource: ['get'] }],
	['Genesys Cloud', GenesysCloud, { presenceBy: ['presence', 'category', 'systemPresence'], agentResource: ['get', 'getAll'] }],
	['Vonage Contact Center', VonageContactCenter, { presenceBy: ['presence', 'category'], agentResource: ['get', 'getAll'] }],
];

/** @param {any} NodeClass */
const propertiesOf = (NodeClass) => /** @type {any[]} */ (new NodeClass().description.properties);

/**
 * The property `name` shown for a resource and operation.
 * @param {any[]} properties @param {string} name @param {string} resource @param {string} operation
 */
function field(properties, name, resource, operation) {
	const found = properties.filter(
		(p) =>
			p.name === name &&
			p.displayOptions?.show?.resource?.includes(resource) &&
			p.displayOptions?.show?.operation?.includes(operation),
	);
	expect(found).toHaveLength(1);
	return found[0];
}

/** @param {any[]} properties @param {string} resource */
const operationsOf = (properties, resource) =>
	properties
		.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource))
		?.options.map((/** @type {any} */ o) => o.value)
		.sort();

describe.each(NODES)('%s', (_name, NodeClass, expected) => {
	const properties = propertiesOf(NodeClass);
	const resources = properties.find((p) => p.name === 'resource');

	test('resources: Agent Presence (the default), Presence Definition, and Agent where the node has a directory', () => {
		const byValue = Object.fromEntries(resources.options.map((/** @type {any} */ o) => [o.value, o.name]));
		expect(resources.default).toBe('agentPresence');
		expect(byValue.agentPresence).toBe('Agent Presence');
		expect(byValue.presenceDefinition).toBe('Presence Definition');
		if (expected.agentResource) {
			expect(byValue.agent).toBe('Agent');
			expect(operationsOf(properties, 'agent')).toEqual(expected.agentResource);
		} else {
			expect(byValue.agent).toBeUndefined();
		}
		expect(operationsOf(properties, 'agentPresence')).toEqual(expect.arrayContaining(['get', 'set']));
	});

	test.each(['get', 'set'])('Agent Presence → %s: the agent locator `agent` (From List, By ID, By Email)', (operation) => {
		const agent = field(properties, 'agent', 'agentPresence', operation);
		expect(agent).toMatchObject({ displayName: 'Agent', type: 'resourceLocator', default: { mode: 'list', value: '' } });
		expect(agent.modes.map((/** @type {any} */ m) => [m.name, m.displayName])).toEqual([
			['list', 'From List'],
			['id', 'By ID'],
			['email', 'By Email'],
		]);
	});

	test('Agent → Get (where the node has a directory): the same `agent` locator', () => {
		if (!expected.agentResource) return;
		const agent = field(properties, 'agent', 'agent', 'get');
		expect(agent).toMatchObject({ displayName: 'Agent', type: 'resourceLocator', default: { mode: 'list', value: '' } });
		expect(agent.modes.slice(0, 3).map((/** @type {any} */ m) => m.name)).toEqual(['list', 'id', 'email']);
	});

	test('Set: Presence Given As `presenceBy`, default `presence`', () => {
		const presenceBy = field(properties, 'presenceBy', 'agentPresence', 'set');
		expect(presenceBy).toMatchObject({ displayName: 'Presence Given As', type: 'options', default: 'presence' });
		expect(presenceBy.options.map((/** @type {any} */ o) => o.value)).toEqual(expected.presenceBy);
		expect(presenceBy.options.slice(0, 2).map((/** @type {any} */ o) => o.name)).toEqual(['Presence', 'Category']);
	});

	test('Set: the presence locator `presence` (From List, By ID), shown for presenceBy presence', () => {
		const presence = field(properties, 'presence', 'agentPresence', 'set');
		expect(presence).toMatchObject({ displayName: 'Presence', type: 'resourceLocator', default: { mode: 'list', value: '' } });
		expect(presence.modes.map((/** @type {any} */ m) => m.name)).toEqual(['list', 'id']);
		expect(presence.displayOptions.show.presenceBy).toEqual(['presence']);
	});

	test('Set: `category` with the shared categories, default available, shown for presenceBy category', () => {
		const category = field(properties, 'category', 'agentPresence', 'set');
		expect(category).toMatchObject({ displayName: 'Category', type: 'options', default: 'available' });
		expect(category.options.map((/** @type {any} */ o) => o.value)).toEqual(CATEGORIES);
		expect(category.displayOptions.show.presenceBy).toEqual(['category']);
	});

	test('Set: Only If Different `onlyIfDifferent`, on by default', () => {
		expect(field(properties, 'onlyIfDifferent', 'agentPresence', 'set')).toMatchObject({
			displayName: 'Only If Different',
			type: 'boolean',
			default: true,
		});
	});

	test('Set: an `options` collection holding `timeout`', () => {
		const options = field(properties, 'options', 'agentPresence', 'set');
		expect(options).toMatchObject({ displayName: 'Options', type: 'collection', default: {} });
		expect(options.options.map((/** @type {any} */ o) => o.name)).toContain('timeout');
	});

	test('no old name is left: no `user`, `setBy` parameter or `userPresence`, `user`, `definition` value', () => {
		const names = new Set(properties.map((p) => p.name));
		expect(names.has('user')).toBe(false);
		expect(names.has('setBy')).toBe(false);
		const values = properties
			.filter((p) => p.name === 'resource' || p.name === 'presenceBy')
			.flatMap((p) => p.options.map((/** @type {any} */ o) => o.value));
		for (const old of ['userPresence', 'user', 'definition']) expect(values).not.toContain(old);
	});
});
