// @ts-check
/**
 * n8n's node panel as it is built from the package's node types (editor-ui
 * nodeCreator/composables/useActionsGeneration.ts, generateMergedNodesAndActions, in n8n 2.41):
 * hidden types are left out; a trigger joins the app whose type name is its own with "Trigger"
 * removed, and clicking that app lists its triggers beside its actions; a trigger with no such app
 * stands alone ("No … Triggers available" on the app's page). The panel's search matches a node's
 * display name and its codex aliases. test:ui walks the same panel in a real browser.
 */
const path = require('node:path');
const { PackageDirectoryLoader } = require('n8n-core');

const ROOT = path.join(__dirname, '..', '..');

/** @type {Array<{ name: string, displayName: string, hidden?: boolean, group: string[], properties: any[], alias: string[] }>} */
let types = [];
beforeAll(async () => {
	const loader = new PackageDirectoryLoader(ROOT);
	await loader.loadAll();
	types = Object.entries(loader.nodeTypes).map(([name, { type }]) => {
		const d = /** @type {any} */ (type).description ?? Object.values(/** @type {any} */ (type).nodeVersions)[0].description;
		return { ...d, name, alias: d.codex?.alias ?? [] };
	});
});

const visible = () => types.filter((t) => !t.hidden);
const isTrigger = (/** @type {{ group: string[] }} */ t) => t.group.includes('trigger');
/** n8n's rule: the app a trigger is listed under, if any. */
const appOf = (/** @type {{ name: string }} */ trigger) =>
	visible().find((t) => !isTrigger(t) && t.name === trigger.name.replace('Trigger', ''));

const VENDORS = [
	['Dynamics 365 Contact Center', 'dynamicsContactCenter', 'dynamicsContactCenterTrigger'],
	['Genesys Cloud', 'genesysCloud', 'genesysCloudTrigger'],
	['Vonage Contact Center', 'vonageContactCenter', 'vonageContactCenterTrigger'],
	['Microsoft Teams Presence', 'microsoftTeamsPresence', 'microsoftTeamsPresenceTrigger'],
	['Amazon Connect', 'amazonConnect', 'amazonConnectTrigger'],
];

test.each(VENDORS)('the %s app lists its trigger beside its actions', (displayName, app, trigger) => {
	const t = visible().find((n) => n.name === trigger);
	expect(t).toBeDefined();
	expect(appOf(/** @type {any} */ (t))?.displayName).toBe(displayName);
	// n8n's pattern: the trigger reads as the app's name followed by "Trigger".
	expect(t?.displayName).toBe(`${displayName} Trigger`);
});

test('a type kept for saved workflows is hidden and has a visible twin with the same behaviour', () => {
	const kept = { genesysCloudPresenceTrigger: 'genesysCloudTrigger', vonageContactCenterPresenceTrigger: 'vonageContactCenterTrigger' };
	for (const [old, twin] of Object.entries(kept)) {
		const o = types.find((t) => t.name === old);
		const n = types.find((t) => t.name === twin);
		expect(o?.hidden).toBe(true);
		expect(n?.hidden).toBeFalsy();
		expect(n?.properties).toEqual(o?.properties);
		expect(n?.displayName).toBe(o?.displayName);
	}
	expect(types.filter((t) => t.hidden).map((t) => t.name).sort()).toEqual(Object.keys(kept).sort());
});

/** The panel's search, strictly: the words appear in the display name or in an alias. */
const found = (/** @type {string} */ query) =>
	visible()
		.filter((t) => [t.displayName, ...t.alias].some((s) => s.toLowerCase().includes(query.toLowerCase())))
		.map((t) => t.name);

const SEARCHES = [
	['Dynamics', ['dynamicsContactCenter', 'dynamicsContactCenterTrigger', 'agentPresenceTrigger', 'mapPresence']],
	['Dataverse', ['dynamicsContactCenter', 'dynamicsContactCenterTrigger', 'agentPresenceTrigger']],
	['Genesys', ['genesysCloud', 'genesysCloudTrigger', 'agentPresenceTrigger', 'mapPresence']],
	['Vonage', ['vonageContactCenter', 'vonageContactCenterTrigger', 'agentPresenceTrigger', 'mapPresence']],
	['Teams', ['microsoftTeamsPresence', 'microsoftTeamsPresenceTrigger', 'microsoftTeamsPresenceNotificationTrigger', 'mapPresence']],
];

test.each(SEARCHES)('a search for "%s" lists every node of that vendor', (query, names) => {
	expect(found(query)).toEqual(expect.arrayContaining(names));
});

test('a search for "presence" lists every node of the package', () => {
	expect(found('presence').sort()).toEqual(visible().map((t) => t.name).sort());
});

test('each webhook trigger says, in the vendor\'s words, what to do while it waits for a test event', () => {
	const vendor = /Dynamics 365 Contact Center|Genesys Cloud|Vonage Contact Center|Microsoft Teams/;
	const webhookTriggers = visible().filter((t) => isTrigger(t) && /** @type {any} */ (t).webhooks?.length);
	expect(webhookTriggers.length).toBeGreaterThanOrEqual(3);
	for (const t of webhookTriggers) expect([t.name, /** @type {any} */ (t).eventTriggerDescription]).toEqual([t.name, expect.stringMatching(vendor)]);
});
