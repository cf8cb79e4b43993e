// @ts-check
/**
 * Map Presence's canvas subtitle, evaluated by n8n-workflow's expression engine as the editor
 * evaluates it: the chosen systems by their product names, never the raw option value.
 */
const { Workflow } = require('n8n-workflow');
const { MapPresence } = require('../../dist/nodes/MapPresence/MapPresence.node.js');

const nodeType = new MapPresence();
/** @type {any} */
const nodeTypes = {
	getByName: () => nodeType,
	getByNameAndVersion: () => nodeType,
	getKnownTypes: () => ({}),
};

/** The subtitle n8n shows for a Map Presence node with these parameters. */
async function subtitleFor(/** @type {Record<string, unknown>} */ parameters) {
	/** @type {any} */
	const node = { id: 'm', name: 'Map Presence', type: 'mapPresence', typeVersion: 1, position: [0, 0], parameters };
	const workflow = new Workflow({ id: 'subtitle', nodes: [node], connections: {}, nodeTypes, active: false });
	return await workflow.expression.withIsolate(async () =>
		workflow.expression.getSimpleParameterValue(node, /** @type {string} */ (nodeType.description.subtitle), 'internal', {}),
	);
}

test.each([
	[{ sync: 'dataverse:genesys' }, 'Dynamics 365 Contact Center → Genesys Cloud'],
	[{ sync: 'genesys:vonage', bothDirections: false }, 'Genesys Cloud → Vonage Contact Center'],
	[{ sync: 'teams:dataverse' }, 'Microsoft Teams → Dynamics 365 Contact Center'],
	[{ sync: 'dataverse:genesys', bothDirections: true }, 'Both directions: Dynamics 365 Contact Center ⇄ Genesys Cloud'],
	[{ sync: 'dataverse:teams', bothDirections: true }, 'Both directions: Dynamics 365 Contact Center ⇄ Microsoft Teams'],
])('%o reads "%s"', async (parameters, expected) => {
	expect(await subtitleFor(parameters)).toBe(expected);
});

test('every pair the node offers reads as two product names, no raw value', async () => {
	const pairs = /** @type {any} */ (nodeType.description.properties.find((p) => p.name === 'sync')).options;
	for (const { name, value } of pairs) {
		expect(await subtitleFor({ sync: value })).toBe(name);
		const both = await subtitleFor({ sync: value, bothDirections: true });
		expect(both).toBe(`Both directions: ${name.replace(' → ', ' ⇄ ')}`);
		expect(both).not.toMatch(/\b(dataverse|genesys|vonage|teams)\b/); // the raw values are lower case
	}
});

test('its own icon, not the Agent Presence Trigger’s', () => {
	const { AgentPresenceTrigger } = require('../../dist/nodes/AgentPresenceTrigger/AgentPresenceTrigger.node.js');
	const trigger = new AgentPresenceTrigger().description.icon;
	expect(nodeType.description.icon).toEqual({ light: 'file:../../icons/map.svg', dark: 'file:../../icons/map.dark.svg' });
	expect(nodeType.description.icon).not.toEqual(trigger);
});
