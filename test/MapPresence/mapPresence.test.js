// @ts-check
const { useSimulator, IDS, credentialRef, nodeOf, apiCalls, byId } = require('../helpers/vendors');

const t = useSimulator();
const D = IDS.dataverse.presences;
const G = IDS.genesys;
const V = IDS.vonage.presence;
const CASEY = G.users.casey;

/** The Map Presence node as the editor stores it: a table row holds the IDs the dropdowns chose. */
function mapNode(/** @type {Record<string, any>} */ parameters, /** @type {string[]} */ vendors = ['dataverse', 'genesys']) {
	return {
		name: 'Map Presence',
		type: 'mapPresence',
		typeVersion: 1,
		parameters: { sync: 'dataverse:genesys', ...parameters },
		credentials: Object.assign({}, ...vendors.map((v) => credentialRef(v))),
	};
}
const rows = (/** @type {Array<[string, string]>} */ pairs) => ({ rows: pairs.map(([from, to]) => ({ from, to })) });

/** A Dataverse trigger item (the normalized presence fields). */
const dataverseItem = (/** @type {string} */ presenceId, /** @type {string} */ presenceName, /** @type {string} */ category) => ({
	source: 'dataverse',
	event: 'presence_changed',
	agentId: IDS.dataverse.agents.casey,
	presenceId,
	presenceName,
	category,
	changedAt: '2024-08-02T09:00:00.000Z',
});

/** A Genesys Set that takes the Map Presence output as it is. */
const genesysSet = () =>
	nodeOf('genesys', {
		resource: 'agentPresence',
		operation: 'set',
		agent: byId(CASEY),
		presenceBy: '={{ $json.presenceBy }}',
		presence: byId('={{ $json.targetPresenceId }}'),
		category: '={{ $json.targetCategory }}',
		onlyIfDifferent: false,
	});

describe('Map Presence: the dropdowns', () => {
	test('From lists Dynamics 365 presences by name, To lists Genesys definitions by name (IDs stored)', async () => {
		const from = await t.h.callMethod(mapNode({}), 'loadOptions', 'sourcePresences');
		expect(from).toEqual([
			{ name: 'Available', value: D.available },
			{ name: 'Away', value: D.away },
			{ name: 'Busy', value: D.busy },
			{ name: 'Busy - DND (Do Not Disturb)', value: D.busyDnd },
			{ name: 'Lunch (Away)', value: D.lunch },
			{ name: 'Offline', value: D.offline },
		]);
		const to = await t.h.callMethod(mapNode({}), 'loadOptions', 'targetPresences');
		expect(to).toContainEqual({ name: 'Busy - DND (Busy)', value: G.custom.busyDnd });
		expect(to).toContainEqual({ name: 'Lunch (Meal)', value: G.custom.lunch });
		expect(to).toContainEqual({ name: 'Available', value: G.presence.Available });
		// Every page of the 50+ active definitions, none of the deactivated ones.
		expect(to.find((/** @type {any} */ o) => o.value === G.custom.deactivated)).toBeUndefined();
		expect(to.length).toBeGreaterThan(50);
	});

	test('Vonage lists its selectable definitions, Teams the pairs an app can set', async () => {
		const vonage = await t.h.callMethod(mapNode({ sync: 'teams:vonage' }, ['vonage']), 'loadOptions', 'targetPresences');
		expect(vonage).toContainEqual({ name: 'Lunch (Extended Away)', value: V.lunch });
		expect(vonage.find((/** @type {any} */ o) => o.value === V.extendedAway)).toBeUndefined();
		const teams = await t.h.callMethod(mapNode({ sync: 'vonage:teams' }, ['vonage']), 'loadOptions', 'targetPresences');
		expect(teams.map((/** @type {any} */ o) => o.value)).toEqual(['Available/Available', 'Busy/InACall', 'Busy/InAConferenceCall', 'Away/Away', 'DoNotDisturb/Presenting']);
	});
});

describe('Map Presence: the write downstream', () => {
	test('a mapping row: Genesys gets exactly the definition chosen in the row', async () => {
		const run = await t.h.runWorkflow({
			nodes: [mapNode({ mappings: rows([[D.busyDnd, G.custom.busyDnd]]) }), genesysSet()],
			input: [dataverseItem(D.busyDnd, 'Busy - DND', 'do_not_disturb')],
		});
		expect(run.items('Map Presence')[0]).toMatchObject({
			targetSystem: 'genesys',
			presenceBy: 'presence',
			targetPresenceId: G.custom.busyDnd,
			targetCategory: 'do_not_disturb',
		});
		expect(apiCalls(t.sim, 'genesys')).toEqual([
			{ method: 'PATCH', path: `/api/v2/users/${CASEY}/presences/purecloud`, query: {}, body: { presenceDefinition: { id: G.custom.busyDnd } }, status: 200 },
		]);
	});

	test('not in the table: the category fallback writes the primary definition of that category', async () => {
		const run = await t.h.runWorkflow({
			nodes: [mapNode({ mappings: rows([[D.busyDnd, G.custom.busyDnd]]) }), genesysSet()],
			input: [dataverseItem(D.lunch, 'Lunch', 'away')],
		});
		expect(run.items('Map Presence')[0]).toMatchObject({ presenceBy: 'category', targetPresenceId: null, targetCategory: 'away' });
		const writes = apiCalls(t.sim, 'genesys').filter((c) => c.method === 'PATCH');
		expect(writes).toEqual([
			{ method: 'PATCH', path: `/api/v2/users/${CASEY}/presences/purecloud`, query: {}, body: { presenceDefinition: { id: G.presence.Away } }, status: 200 },
		]);
	});

	test('expressions in a row are evaluated per item', async () => {
		const run = await t.h.runWorkflow({
			nodes: [mapNode({ mappings: rows([['={{ $json.presenceId }}', `={{ "${G.custom.lunch}" }}`]]) })],
			input: [dataverseItem(D.lunch, 'Lunch', 'away')],
		});
		expect(run.items('Map Presence')[0]).toMatchObject({ presenceBy: 'presence', targetPresenceId: G.custom.lunch });
	});

	test('Both Directions: an item from the second system reads the same rows right to left', async () => {
		const run = await t.h.runWorkflow({
			nodes: [mapNode({ bothDirections: true, mappings: rows([[D.busyDnd, G.custom.busyDnd]]) })],
			input: [
				{ source: 'genesys', agentId: CASEY, presenceId: G.custom.busyDnd.toUpperCase(), presenceName: 'Busy - DND', category: 'busy' },
				{ source: 'genesys', agentId: CASEY, presenceId: G.custom.lunch, presenceName: 'Lunch', category: 'away' },
			],
		});
		// Each direction has its own output: output 1 leads to the first system.
		const fields = (/** @type {any} */ i) => [i.targetSystem, i.presenceBy, i.targetPresenceId, i.targetCategory];
		expect(run.items('Map Presence', 0)).toEqual([]);
		expect(run.items('Map Presence', 1).map(fields)).toEqual([
			['dataverse', 'presence', D.busyDnd, 'busy'],
			['dataverse', 'category', null, 'away'],
		]);
		const forward = await t.h.runWorkflow({
			nodes: [mapNode({ bothDirections: true, mappings: rows([[D.busyDnd, G.custom.busyDnd]]) })],
			input: [dataverseItem(D.busyDnd, 'Busy - DND', 'do_not_disturb')],
		});
		expect(forward.items('Map Presence', 0).map(fields)).toEqual([['genesys', 'presence', G.custom.busyDnd, 'do_not_disturb']]);
		expect(forward.items('Map Presence', 1)).toEqual([]);
	});

	test('an item from a system the mapping does not read is a clear error; Stop With an Error names the unmapped presence', async () => {
		const wrong = await t.h.runWorkflow({ nodes: [mapNode({})], input: [{ source: 'genesys', presenceId: 'x' }] });
		expect(wrong.error?.message).toBe('This item is not a presence from Dynamics 365 Contact Center');
		const strict = await t.h.runWorkflow({
			nodes: [mapNode({ unmapped: 'error' })],
			input: [dataverseItem(D.lunch, 'Lunch', 'away')],
		});
		expect(strict.error?.message).toBe('"Lunch" is not in the mapping');
	});

	test('a custom presence with no category and no row names the presence', async () => {
		const run = await t.h.runWorkflow({ nodes: [mapNode({})], input: [dataverseItem('custom-1', 'Coaching', '')] });
		expect(run.error?.message).toBe('No presence category for "Coaching"');
	});
});

describe('Map Presence: the Set operations of the other systems take its output as it is', () => {
	const takeMapping = { presenceBy: '={{ $json.presenceBy }}', presence: byId('={{ $json.targetPresenceId }}'), category: '={{ $json.targetCategory }}', onlyIfDifferent: false };
	const genesysItem = (/** @type {string} */ presenceId, /** @type {string} */ presenceName, /** @type {string} */ category) => ({
		source: 'genesys',
		event: 'presence_changed',
		agentId: CASEY,
		presenceId,
		presenceName,
		category,
	});

	test('Genesys → Dynamics 365: a row writes the chosen Dynamics presence, no row the same category', async () => {
		const nodes = [
			mapNode({ sync: 'genesys:dataverse', mappings: rows([[G.custom.lunch, D.lunch]]) }),
			nodeOf('dataverse', { resource: 'agentPresence', operation: 'set', agent: byId(IDS.dataverse.agents.casey), ...takeMapping }),
		];
		await t.h.runWorkflow({ nodes, input: [genesysItem(G.custom.lunch, 'Lunch', 'away'), genesysItem(G.presence['On Queue'], 'On Queue', 'available')] });
		const writes = apiCalls(t.sim, 'dataverse').filter((c) => c.method === 'POST');
		expect(writes.map((c) => [c.path, c.body.PresenceId])).toEqual([
			['/CCaaS_ModifyAgentPresence', D.lunch],
			['/CCaaS_ModifyAgentPresence', D.available],
		]);
	});

	test('Genesys → Vonage: a row writes the chosen Vonage presence, Busy without a row an Away presence', async () => {
		const nodes = [
			mapNode({ sync: 'genesys:vonage', mappings: rows([[G.presence.Meal, V.lunch]]) }, ['genesys', 'vonage']),
			nodeOf('vonage', { resource: 'agentPresence', operation: 'set', agent: byId(IDS.vonage.users.casey), ...takeMapping }),
		];
		await t.h.runWorkflow({ nodes, input: [genesysItem(G.presence.Meal, 'Meal', 'away'), genesysItem(G.presence.Busy, 'Busy', 'busy')] });
		const writes = apiCalls(t.sim, 'vonage').filter((c) => c.method === 'PATCH');
		expect(writes.map((c) => [c.path, c.body])).toEqual([
			[`/agents/${IDS.vonage.users.casey}/presence`, { presenceId: V.lunch }],
			[`/agents/${IDS.vonage.users.casey}/presence`, { presenceId: V.away }],
		]);
	});

	test('Vonage webhook items (presenceId) map by row to Dynamics 365', async () => {
		const nodes = [
			mapNode({ sync: 'vonage:dataverse', mappings: rows([[V.lunch, D.lunch]]) }, ['vonage', 'dataverse']),
			nodeOf('dataverse', { resource: 'agentPresence', operation: 'set', agent: byId(IDS.dataverse.agents.casey), ...takeMapping }),
		];
		await t.h.runWorkflow({ nodes, input: [{ source: 'vonage', agentId: IDS.vonage.users.casey, presenceId: V.lunch, presenceName: 'Lunch', category: 'away' }] });
		expect(apiCalls(t.sim, 'dataverse').filter((c) => c.method === 'POST').map((c) => c.body.PresenceId)).toEqual([D.lunch]);
	});
});

test('Teams as the source lists the pairs users show, Presenting and In a meeting included', async () => {
	const from = await t.h.callMethod(mapNode({ sync: 'teams:dataverse' }, ['dataverse']), 'loadOptions', 'sourcePresences');
	expect(from.map((/** @type {any} */ o) => o.value)).toEqual(
		expect.arrayContaining(['Available/Available', 'Busy/InACall', 'DoNotDisturb/DoNotDisturb', 'Offline/OffWork', 'DoNotDisturb/Presenting', 'Busy/InAMeeting', 'Away/OutOfOffice']),
	);
	expect(from).toContainEqual({ name: 'DoNotDisturb (Presenting)', value: 'DoNotDisturb/Presenting' });
	expect(new Set(from.map((/** @type {any} */ o) => o.value)).size).toBe(from.length);
});
