// @ts-check
/**
 * Map Presence's canvas subtitle, evaluated by n8n-workflow's expression engine as the editor
 * evaluates it: the chosen systems by name, never the raw option value, short enough that n8n's
 * canvas (which cuts a subtitle off after about 25 characters) still shows both systems.
 */
const { Workflow } = require('n8n-workflow');
const { MapPresence } = require('../../dist/nodes/MapPresence/MapPresence.node.js');

const { VENDOR_IDS } = require('../../dist/nodes/shared/vendors');

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
	[{ sync: 'dataverse:genesys' }, 'Dynamics 365 → Genesys'],
	[{ sync: 'genesys:vonage', bothDirections: false }, 'Genesys → Vonage'],
	[{ sync: 'teams:dataverse' }, 'Teams → Dynamics 365'],
	[{ sync: 'dataverse:genesys', bothDirections: true }, 'Dynamics 365 ⇄ Genesys'],
	[{ sync: 'dataverse:teams', bothDirections: true }, 'Dynamics 365 ⇄ Teams'],
])('%o reads "%s"', async (parameters, expected) => {
	expect(await subtitleFor(parameters)).toBe(expected);
});

test('every pair the node offers reads as two names that fit, no raw value', async () => {
	const pairs = /** @type {any} */ (nodeType.description.properties.find((p) => p.name === 'sync')).options;
	expect(pairs.length).toBe(VENDOR_IDS.length * (VENDOR_IDS.length - 1));
	for (const { value } of pairs) {
		const one = /** @type {string} */ (await subtitleFor({ sync: value }));
		const both = /** @type {string} */ (await subtitleFor({ sync: value, bothDirections: true }));
		expect(one).toMatch(/^[A-Z][\w ]+ → [A-Z][\w ]+$/);
		expect(both).toBe(one.replace(' → ', ' ⇄ '));
		expect(one.length).toBeLessThanOrEqual(25);
		// The raw option values are lower case (`dataverse:genesys`).
		for (const text of [one, both]) expect(text).not.toMatch(new RegExp(`\\b(${VENDOR_IDS.join('|')})\\b|:`));
	}
});

test('its own icon, not the Agent Presence Trigger’s', () => {
	const { AgentPresenceTrigger } = require('../../dist/nodes/AgentPresenceTrigger/AgentPresenceTrigger.node.js');
	const trigger = new AgentPresenceTrigger().description.icon;
	expect(nodeType.description.icon).toEqual({ light: 'file:../../icons/map.svg', dark: 'file:../../icons/map.dark.svg' });
	expect(nodeType.description.icon).not.toEqual(trigger);
});

test('Both Directions: one output per direction, each labelled with the system it writes to, one word (n8n draws it over the line)', async () => {
	/** @type {any} */
	const node = { id: 'm', name: 'Map Presence', type: 'mapPresence', typeVersion: 1, position: [0, 0], parameters: { sync: 'dataverse:genesys', bothDirections: true } };
	const workflow = new Workflow({ id: 'outputs', nodes: [node], connections: {}, nodeTypes, active: false });
	const outputs = await workflow.expression.withIsolate(async () =>
		workflow.expression.getSimpleParameterValue(node, /** @type {string} */ (nodeType.description.outputs), 'internal', {}),
	);
	expect(outputs).toEqual([
		{ type: 'main', displayName: 'Genesys' },
		{ type: 'main', displayName: 'Dynamics' },
	]);
});
