// @ts-check
/**
 * The shipped templates after their trigger: the nodes and connections exactly as in templates/,
 * the Map Presence rows as the editor stores a user's picks (IDs), fed the item the template's
 * trigger emits, against the simulator. Asserts the one write each vendor receives.
 */
const fs = require('node:fs');
const path = require('node:path');
const { useSimulator, IDS, apiCalls } = require('../helpers/vendors');
const { PEOPLE } = require('../simulator/common');
const { MAP, template, rows, dataverseWrites: templateWrites, modify } = require('../helpers/templates');
const { sourceShows } = require('../helpers/sourceChanges');

const t = useSimulator();
/** A template run whose events the source shows: the Set nodes read the source before they write. */
const runTemplate = async (/** @type {any} */ args) => {
	sourceShows(t.sim, args.input);
	return await t.h.runWorkflow(args);
};
const email = (/** @type {string} */ key) => /** @type {any} */ (PEOPLE.find((p) => p.key === key)).email;

/** A Genesys Cloud Presence Trigger item (with Include Agent Email). */
const genesysChange = (/** @type {string} */ key, /** @type {string} */ definitionId, /** @type {string} */ name, /** @type {string} */ category) => ({
	source: 'genesys',
	event: 'presence_changed',
	agentId: IDS.genesys.users[key],
	presenceId: definitionId,
	presenceName: name,
	category,
	email: email(key),
});
const dataverseWrites = () => templateWrites(t.sim);

test('Genesys → Dynamics: On Queue (no row) → Available; a row Lunch → the organization\'s Lunch', async () => {
	const G = IDS.genesys;
	const run = await runTemplate({
		...template('genesys-to-dynamics', { [MAP]: rows([[G.custom.lunch, IDS.dataverse.presences.lunch]]) }),
		input: [genesysChange('eli', G.presence['On Queue'], 'On Queue', 'available'), genesysChange('casey', G.custom.lunch, 'Lunch', 'away')],
	});
	expect(run.error).toBeUndefined();
	expect(dataverseWrites()).toEqual([modify('eli', IDS.dataverse.presences.available), modify('casey', IDS.dataverse.presences.lunch)]);
});

test('Genesys → Vonage: the row Meal → Lunch, and Busy (no row) → Away', async () => {
	const G = IDS.genesys;
	const V = IDS.vonage.presence;
	await runTemplate({
		...template('genesys-to-vonage', { [MAP]: rows([[G.presence.Meal, V.lunch]]) }),
		input: [genesysChange('alex', G.presence.Meal, 'Meal', 'away'), genesysChange('casey', G.presence.Busy, 'Busy', 'busy')],
	});
	const writes = apiCalls(t.sim, 'vonage').filter((c) => c.method === 'PATCH');
	expect(writes.map((c) => [c.path, c.body])).toEqual([
		[`/agents/${IDS.vonage.users.alex}/presence`, { presenceId: V.lunch }],
		[`/agents/${IDS.vonage.users.casey}/presence`, { presenceId: V.away }],
	]);
});

test('Vonage → Dynamics: the webhook item, the Vonage user\'s e-mail, the row Lunch → Lunch', async () => {
	await runTemplate({
		...template('vonage-to-dynamics', { [MAP]: rows([[IDS.vonage.presence.lunch, IDS.dataverse.presences.lunch]]) }),
		input: [{ source: 'vonage', event: 'presence_changed', agentId: IDS.vonage.users.alex, presenceId: IDS.vonage.presence.lunch, presenceName: 'Lunch', category: 'away' }],
	});
	expect(dataverseWrites()).toEqual([modify('alex', IDS.dataverse.presences.lunch)]);
});

describe('two-way Dynamics ⇄ Genesys: one mapping, both directions', () => {
	const picks = { [MAP]: rows([[IDS.dataverse.presences.busyDnd, IDS.genesys.custom.busyDnd]]) };

	test('Dynamics Busy DND → the row\'s Genesys "Busy - DND", under the presence source "n8n presence sync" (given by name, created when missing)', async () => {
		await runTemplate({
			...template('two-way-dynamics-genesys', picks),
			input: [{ source: 'dataverse', event: 'presence_changed', agentId: IDS.dataverse.agents.dana, presenceId: IDS.dataverse.presences.busyDnd, presenceName: 'Busy - DND', category: 'do_not_disturb' }],
		});
		const writes = apiCalls(t.sim, 'genesys').filter((c) => c.method === 'PUT' || c.method === 'PATCH');
		const [source] = t.sim.state.genesys.sources;
		const dana = IDS.genesys.users.dana;
		expect(source).toMatchObject({ name: 'n8n presence sync' });
		// A registered source is written with the bulk PUT (sourceId), then made the agent's primary source:
		// Genesys Cloud shows and routes on the primary source only.
		expect(writes.map((c) => [c.method, c.path, c.body])).toEqual([
			['PUT', '/api/v2/users/presences/bulk', [{ id: dana, sourceId: source.id, presenceDefinition: { id: IDS.genesys.custom.busyDnd } }]],
			['PUT', `/api/v2/presence/users/${dana}/primarysource`, { sourceId: source.id }],
		]);
		expect(t.sim.state.genesys.presences[dana].primarySource).toBe(source.id);
		expect(dataverseWrites()).toEqual([]);
	});

	test('Genesys "Busy - DND" → the same row read back: Dynamics Busy DND', async () => {
		await runTemplate({
			...template('two-way-dynamics-genesys', picks),
			input: [genesysChange('dana', IDS.genesys.custom.busyDnd, 'Busy - DND', 'busy')],
		});
		expect(dataverseWrites()).toEqual([modify('dana', IDS.dataverse.presences.busyDnd)]);
		expect(apiCalls(t.sim, 'genesys').filter((c) => c.method === 'PATCH' || c.method === 'PUT')).toEqual([]);
	});
});

describe('reconcile Dynamics → Genesys: the mapping and the one repair node, as shipped', () => {
	const G = IDS.genesys;
	const DV = IDS.dataverse;
	const REPAIR = 'Repair Genesys presence';
	/** The template's Presence mapping → Repair Genesys presence; what lies between them is n8n's own Set, Merge and If. */
	function mapAndRepair(/** @type {Record<string, any>} */ mapping) {
		const w = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'templates', 'reconcile-dynamics-genesys.json'), 'utf8'));
		const pick = (/** @type {string} */ name) => w.nodes.find((/** @type {any} */ n) => n.name === name);
		const map = pick(MAP);
		return {
			nodes: [{ ...map, parameters: { ...map.parameters, ...mapping } }, pick(REPAIR)],
			connections: { Input: { main: [[{ node: MAP, type: 'main', index: 0 }]] }, [MAP]: { main: [[{ node: REPAIR, type: 'main', index: 0 }]] } },
		};
	}
	/** A Dynamics Agent Status → Get Many item as the template's join leaves it: with the Genesys side's fields. */
	const joined = (/** @type {string} */ key, /** @type {string} */ presenceId, /** @type {string} */ name, /** @type {string} */ category, /** @type {string} */ genesysPresenceId) => ({
		source: 'dataverse',
		event: 'presence_read',
		agentId: DV.agents[key],
		presenceId,
		presenceName: name,
		category,
		agentEmail: email(key),
		matchEmail: email(key).toLowerCase(),
		genesysAgentId: G.users[key],
		genesysPresenceId,
	});
	const putPresence = (/** @type {string} */ key, /** @type {string} */ definitionId) => {
		t.sim.state.genesys.presences[G.users[key]].sources.PURECLOUD = { presenceDefinitionId: definitionId, message: '', modifiedDate: '2024-05-01T08:00:00.000Z' };
	};

	test('a row → its Genesys definition, no row → the same category, an agent On Queue → nothing written (protected)', async () => {
		putPresence('alex', G.presence.Available);
		putPresence('casey', G.presence.Available);
		putPresence('dana', G.presence['On Queue']);
		const run = await t.h.runWorkflow({
			...mapAndRepair(rows([[DV.presences.busyDnd, G.custom.busyDnd]])),
			input: [
				joined('alex', DV.presences.busyDnd, 'Busy - DND', 'do_not_disturb', G.presence.Available),
				joined('casey', DV.presences.away, 'Away', 'away', G.presence.Available),
				joined('dana', DV.presences.busy, 'Busy', 'busy', G.presence['On Queue']),
			],
		});
		expect(run.error).toBeUndefined();
		const patches = apiCalls(t.sim, 'genesys').filter((c) => c.method === 'PATCH');
		expect(patches.map((c) => [c.path, c.body])).toEqual([
			[`/api/v2/users/${G.users.alex}/presences/purecloud`, { presenceDefinition: { id: G.custom.busyDnd } }],
			[`/api/v2/users/${G.users.casey}/presences/purecloud`, { presenceDefinition: { id: G.presence.Away } }],
		]);
		const reads = apiCalls(t.sim, 'genesys').filter((c) => c.method === 'GET' && c.path === `/api/v2/users/${G.users.dana}/presences/purecloud`);
		expect(reads).toHaveLength(1);
		expect(run.items(REPAIR).map((i) => [i.agentId, i.written, i.skippedReason, i.protectedState, i.presenceId])).toEqual([
			[G.users.alex, true, undefined, undefined, G.custom.busyDnd],
			[G.users.casey, true, undefined, undefined, G.presence.Away],
			[G.users.dana, false, 'protected', 'onQueue', G.presence['On Queue']],
		]);
	});
});
