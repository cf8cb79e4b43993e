// @ts-check
/**
 * Map Presence's panel as n8n's editor lays it out: Sync stays in the panel (the editor hides a
 * field it takes for the node's authentication choice: one that credentials depend on with every
 * one of its values listed), and each pair shows exactly its two systems' credentials, decided by
 * n8n-workflow's own display rule.
 */
const { NodeHelpers } = require('n8n-workflow');
const { MapPresence } = require('../../dist/nodes/MapPresence/MapPresence.node.js');
const { VENDOR_IDS } = require('../../dist/nodes/shared/vendors');
const { HELPER_VENDOR, CREDENTIAL_TYPE } = require('../helpers/vendors');

const { description } = new MapPresence();
const sync = /** @type {any} */ (description.properties.find((p) => p.name === 'sync'));
const credentials = /** @type {any[]} */ (description.credentials);

test('Sync is not taken for an authentication choice (which the editor would hide)', () => {
	/** Every value the credentials' show conditions list for Sync, as the editor collects them. */
	const listed = credentials.flatMap((c) => (c.displayOptions?.show?.sync ?? []).map((/** @type {unknown} */ v) => (v ? String(v) : '')));
	const allListed = sync.options.every((/** @type {any} */ o) => listed.includes(o.value));
	expect(allListed).toBe(false);
});

test('a pair for every two registry vendors, each way', () => {
	expect(sync.options).toHaveLength(VENDOR_IDS.length * (VENDOR_IDS.length - 1));
});

test.each(sync.options.map((/** @type {any} */ o) => [o.value]))('%s: exactly its two systems’ credentials', (value) => {
	const [from, to] = String(value).split(':');
	/** Each registry vendor's credential, from the test helpers' own table (not the node's). */
	const credential = /** @type {Record<string, string>} */ (
		Object.fromEntries(Object.entries(HELPER_VENDOR).map(([id, helper]) => [id, CREDENTIAL_TYPE[helper]]))
	);
	const shown = credentials
		.filter((c) => NodeHelpers.displayParameter({ sync: value }, c, { typeVersion: 1 }, /** @type {any} */ (description)))
		.map((c) => c.name)
		.sort();
	expect(shown).toEqual([credential[from], credential[to]].sort());
});
