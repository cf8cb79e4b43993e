// @ts-check
/**
 * The Agent Presence Trigger and Event nodes take their sources from the vendor registry: a vendor
 * whose vendor.ts has a webhook is a Source, with its own options, fields and credentials; a vendor
 * without one is not offered. The one credential written out in the trigger node file (for n8n's
 * credential-test lint) must be the source's own entry.
 */
const { VENDORS, WEBHOOK_SOURCES, SOURCE_IDS, SOURCE_DEFAULT } = require('../../dist/nodes/shared/vendors');
const { AgentPresenceTrigger } = require('../../dist/nodes/AgentPresenceTrigger/AgentPresenceTrigger.node');
const { AgentPresenceEvent } = require('../../dist/nodes/AgentPresenceEvent/AgentPresenceEvent.node');

const NODES = [
	['Agent Presence Trigger', new AgentPresenceTrigger()],
	['Agent Presence Event', new AgentPresenceEvent()],
];

/** @param {any} node @param {string} name */
const propertiesNamed = (node, name) => node.description.properties.filter((/** @type {any} */ p) => p.name === name);

test('the sources are exactly the registry vendors with a webhook, in the registry order', () => {
	const withWebhook = Object.keys(VENDORS).filter((id) => /** @type {any} */ (VENDORS)[id].webhook);
	expect(SOURCE_IDS).toEqual(withWebhook);
	expect(Object.keys(WEBHOOK_SOURCES)).toEqual(withWebhook);
	for (const id of withWebhook) expect(/** @type {any} */ (WEBHOOK_SOURCES)[id]).toBe(/** @type {any} */ (VENDORS)[id].webhook);
	// Saved workflows that kept the default store no Source: it is a source and never changes.
	expect(SOURCE_DEFAULT).toBe('dataverse');
});

test.each(NODES)('the %s offers each source once, with the name and description its webhook fields give', (_, node) => {
	const [source] = propertiesNamed(node, 'source');
	expect(source.default).toBe(SOURCE_DEFAULT);
	expect(source.options).toEqual(
		SOURCE_IDS.map((id) => ({ name: WEBHOOK_SOURCES[id].fields.option.name, value: id, description: WEBHOOK_SOURCES[id].fields.option.description })),
	);
	for (const id of Object.keys(VENDORS).filter((v) => !SOURCE_IDS.includes(/** @type {any} */ (v)))) {
		expect(source.options.map((/** @type {any} */ o) => o.value)).not.toContain(id);
	}
});

test.each(NODES)("the %s has one Sender Verification per source, offering that source's signatures only", (_, node) => {
	const verifications = propertiesNamed(node, 'verification');
	expect(verifications.map((/** @type {any} */ v) => v.displayOptions.show.source)).toEqual(SOURCE_IDS.map((id) => [id]));
	for (const [i, id] of SOURCE_IDS.entries()) {
		const values = verifications[i].options.map((/** @type {any} */ o) => o.value);
		expect(values).toEqual(['none', 'queryKey', 'header', ...Object.keys(WEBHOOK_SOURCES[id].signatures)]);
	}
});

test.each(NODES)("the %s's credentials are the sources' own entries, each test it names among its methods", (_, node) => {
	const expected = SOURCE_IDS.flatMap((id) => WEBHOOK_SOURCES[id].fields.credentials ?? []);
	expect(node.description.credentials).toEqual(expected);
	for (const credential of expected) {
		if (credential.testedBy) expect(typeof node.methods.credentialTest[credential.testedBy]).toBe('function');
	}
});
