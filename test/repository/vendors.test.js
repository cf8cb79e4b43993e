// @ts-check
/**
 * Every vendor in the registry (nodes/shared/vendors.ts) is complete: the checklist of
 * CONTRIBUTING.md's "Adding a vendor", applied to each entry, so a vendor added to the registry
 * without one of its parts fails here by name. A made-up vendor shows that each check can fail.
 */
const fs = require('node:fs');
const path = require('node:path');
const { useSimulator, HELPER_VENDOR, PRESENCE_SAMPLE, CREDENTIAL_TYPE, NODE_TYPE, credentialsFor } = require('../helpers/vendors');
const { PACKAGE_NAME } = require('../harness');
const CLIENTS = require('../simulator').CLIENTS;

const REPO = path.join(__dirname, '..', '..');
const { VENDORS, VENDOR_IDS, VENDOR_NAMES, SOURCE_NAMES, MAP_PRESENCE_DEFAULT_PAIR } = require(path.join(REPO, 'dist/nodes/shared/vendors'));
const { SYSTEMS, PAIRS } = require(path.join(REPO, 'dist/nodes/MapPresence/systems'));
const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));

const t = useSimulator();

/** Every .js file under a folder. @returns {string[]} */
const filesUnder = (/** @type {string} */ dir) =>
	fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.join(dir, e.name);
		return e.isDirectory() ? (e.name === 'node_modules' ? [] : filesUnder(p)) : p.endsWith('.js') ? [p] : [];
	});
const TEST_TEXT = filesUnder(path.join(REPO, 'test'))
	.filter((f) => f.endsWith('.test.js') && !f.endsWith(path.join('repository', 'vendors.test.js')))
	.map((f) => fs.readFileSync(f, 'utf8'))
	.join('\n');

/** The credential types package.json ships, each with its setup guide link. */
const SHIPPED_CREDENTIALS = Object.fromEntries(
	pkg.n8n.credentials.flatMap((/** @type {string} */ entry) =>
		Object.values(require(path.join(REPO, entry)))
			.filter((C) => typeof C === 'function')
			.map((/** @type {any} */ C) => new C())
			.map((c) => [c.name, c.documentationUrl]),
	),
);

/**
 * Parts a vendor lacks today, each named and checked for what stands in for it. Dynamics 365
 * Contact Center reads many agents' presences with Agent Status → Get Many (the msdyn_agentstatus
 * rows hold each agent's current presence); an Agent Presence → Get Many is still to be written.
 */
const KNOWN_GAPS = ['dataverse: agentPresence.getAll'];

/** The parts of one registry vendor that are missing; empty when complete. */
function missingParts(/** @type {string} */ id, /** @type {any} */ vendor) {
	const missing = [];
	const type = (/** @type {string} */ name) => t.h.nodeTypes.getByNameAndVersion(`${PACKAGE_NAME}.${name}`);
	const known = (/** @type {string} */ name) => {
		try {
			return type(name);
		} catch {
			return undefined;
		}
	};

	// The action node, its Agent Presence resource with Set and Get Many.
	const node = known(vendor.nodeType);
	if (!node) missing.push(`action node ${vendor.nodeType} in package.json`);
	else {
		const operations = node.description.properties
			.filter((/** @type {any} */ p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes('agentPresence'))
			.flatMap((/** @type {any} */ p) => p.options.map((/** @type {any} */ o) => o.value));
		for (const op of ['set', 'getAll']) {
			if (!operations.includes(op) && !KNOWN_GAPS.includes(`${id}: agentPresence.${op}`)) missing.push(`Agent Presence → ${op} on ${vendor.nodeType}`);
		}
		// n8n's loader turns the icon's file: path into its own URL, which keeps the file name.
		if (!JSON.stringify(node.description.icon ?? node.description.iconUrl ?? '').includes(vendor.icon.light)) {
			missing.push(`${vendor.nodeType}'s icon ${vendor.icon.light}`);
		}
	}
	for (const file of [vendor.icon.light, vendor.icon.dark]) if (!fs.existsSync(path.join(REPO, 'icons', file))) missing.push(`icons/${file}`);

	// A trigger, registered, and tests that run it.
	if (!vendor.triggerTypes?.length) missing.push('a trigger');
	for (const trigger of vendor.triggerTypes ?? []) {
		if (!known(trigger)) missing.push(`trigger ${trigger} in package.json`);
		if (!TEST_TEXT.includes(`'${trigger}'`)) missing.push(`tests of trigger ${trigger}`);
	}

	// Its credentials shipped, each linking a setup guide that exists.
	for (const credential of vendor.credentials) {
		if (!(credential in SHIPPED_CREDENTIALS)) {
			missing.push(`credential ${credential} in package.json`);
			continue;
		}
		const guide = /\/blob\/main\/(docs\/setup\/[^#]+\.md)/.exec(SHIPPED_CREDENTIALS[credential] ?? '')?.[1];
		if (!guide || !fs.existsSync(path.join(REPO, guide))) missing.push(`docs/setup guide linked from ${credential}`);
	}

	// The test helper entry, and the simulator module the tests run it against.
	const helper = HELPER_VENDOR[id];
	if (!helper) missing.push(`HELPER_VENDOR.${id} in test/helpers/vendors.js`);
	else {
		if (CREDENTIAL_TYPE[helper] !== vendor.credentials[0]) missing.push(`CREDENTIAL_TYPE.${helper} in test/helpers/vendors.js`);
		if (NODE_TYPE[helper] !== vendor.nodeType) missing.push(`NODE_TYPE.${helper} in test/helpers/vendors.js`);
		if (!fs.existsSync(path.join(REPO, 'test', 'simulator', `${helper}.js`)) || !(helper in CLIENTS)) missing.push(`test/simulator/${helper}.js`);
		else if (!(vendor.credentials[0] in credentialsFor(t.sim, helper))) missing.push(`credentialsFor('${helper}')`);
	}
	return missing;
}

test('the registry keeps the ids items and saved workflows carry, each named by its product', () => {
	// Saved workflows and emitted items carry these ids: the first four never change, new vendors append.
	expect(VENDOR_IDS.slice(0, 4)).toEqual(['dataverse', 'genesys', 'vonage', 'teams']);
	expect(SOURCE_NAMES).toEqual(Object.fromEntries(VENDOR_IDS.map((/** @type {string} */ id) => [id, VENDORS[id].product])));
	expect(SOURCE_NAMES.dataverse).toBe('Dynamics 365 Contact Center');
	expect(SOURCE_NAMES.teams).toBe('Microsoft Teams');
	expect(VENDOR_NAMES.teams).toBe('Microsoft Teams (Graph)');
	expect(VENDOR_NAMES.dataverse).toBe('Dynamics 365 Contact Center (Dataverse)');
});

describe.each(Object.entries(VENDORS))('registry vendor %s', (id, vendor) => {
	test('has its action node (Agent Presence: Set, Get Many), a tested trigger, credentials with a setup guide, a test helper entry and a simulator', () => {
		expect(missingParts(id, vendor)).toEqual([]);
	});

	test('is one of Map Presence\'s systems, paired with every other', () => {
		expect(SYSTEMS[id]).toEqual({ name: vendor.product, short: vendor.short, output: vendor.output, credential: vendor.credentials[0] });
		const pairs = PAIRS.filter((/** @type {string[]} */ p) => p.includes(id));
		expect(pairs).toHaveLength(2 * (VENDOR_IDS.length - 1));
	});

	test('maps its own presence values onto the categories and reaches its API through the credential', () => {
		const categories = new Set(['available', 'busy', 'do_not_disturb', 'away', 'offline']);
		expect(categories.has(vendor.categoryOf(PRESENCE_SAMPLE[HELPER_VENDOR[id]]))).toBe(true);
		expect(vendor.categoryOf('not a presence')).toBeNull();
		expect(vendor.apiBase({ overrideEndpoints: true, apiBaseUrl: 'http://proxy.example/' })).toBe('http://proxy.example');
	});
});

test('the known gap has its stand-in: Dynamics reads many presences with Agent Status → Get Many', () => {
	const node = t.h.nodeTypes.getByNameAndVersion(`${PACKAGE_NAME}.${VENDORS.dataverse.nodeType}`);
	const statusOperations = node.description.properties
		.filter((/** @type {any} */ p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes('agentStatus'))
		.flatMap((/** @type {any} */ p) => p.options.map((/** @type {any} */ o) => o.value));
	expect(statusOperations).toContain('getAll');
});

test("Map Presence's default pair is a pair of registry vendors", () => {
	expect(PAIRS.map((/** @type {string[]} */ p) => p.join(':'))).toContain(MAP_PRESENCE_DEFAULT_PAIR);
});

test('a vendor added to the registry and nothing else fails with each missing part named', () => {
	// A made-up system (no product by this name exists), so no real vendor's parts can stand in.
	const made = {
		...VENDORS.genesys,
		nodeType: 'qzxPresence',
		triggerTypes: ['qzxPresenceTrigger'],
		credentials: ['qzxPresenceApi'],
		icon: { light: 'qzx.svg', dark: 'qzx.dark.svg' },
	};
	expect(missingParts('qzx', made)).toEqual([
		'action node qzxPresence in package.json',
		'icons/qzx.svg',
		'icons/qzx.dark.svg',
		'trigger qzxPresenceTrigger in package.json',
		'tests of trigger qzxPresenceTrigger',
		'credential qzxPresenceApi in package.json',
		'HELPER_VENDOR.qzx in test/helpers/vendors.js',
	]);
});
