// @ts-check
/**
 * Custom presences end to end: a Dynamics change to a custom presence (the simulator's "Lunch", base
 * status Away) through the Agent Presence Trigger into a Genesys Set by category, as the Dynamics →
 * Genesys template wires it. With Resolve Custom Presences (the templates' default) Genesys gets its
 * Away definition; without it the Set fails the item and says which presence had no category and how
 * to give it one. The Vonage and Dynamics Sets by category say the same.
 */
const fs = require('node:fs');
const path = require('node:path');
const { createTriggerHarness } = require('../harness/webhook');
const { createHarness } = require('../harness');
const { IDS } = require('../helpers/vendors');
const h = require('./dataverse');

const KEY = 'custom-key-5d0a';
const DV = IDS.dataverse;
const GC = IDS.genesys;

/** @type {any} */ let sim;
h.useSharedSimulator((s) => (sim = s));

const credentials = () => ({
	...h.simulatorCredentials(sim),
	genesysCloudPresenceApi: {
		region: 'mypurecloud.com',
		clientId: sim.clients.genesys.clientId,
		clientSecret: sim.clients.genesys.clientSecret,
		overrideEndpoints: true,
		apiBaseUrl: sim.urls.genesysApi,
		authEndpoint: `${sim.urls.genesysLogin}/oauth/token`,
		accessToken: '',
	},
});

/** The templates' trigger parameters, as shipped. */
function templateTrigger(/** @type {string} */ file) {
	const w = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'templates', file), 'utf8'));
	return w.nodes.find((/** @type {any} */ n) => n.type.endsWith('.agentPresenceTrigger')).parameters;
}

/** Trigger → Genesys Set by the trigger item's category (Alex, the fixture's agent, in both systems). */
const setup = (/** @type {any} */ triggerParameters) =>
	createTriggerHarness({
		credentials: credentials(),
		trigger: {
			name: 'Presence',
			type: 'agentPresenceTrigger',
			parameters: { ...triggerParameters, verification: 'queryKey', sharedKey: KEY },
			credentials: { dynamicsContactCenterApi: { id: '1', name: 'Dataverse' } },
		},
		downstream: [
			{
				name: 'Genesys',
				type: 'genesysCloud',
				parameters: { resource: 'agentPresence', operation: 'set', agent: { __rl: true, mode: 'id', value: GC.users.alex }, presenceBy: 'category', category: '={{ $json.category }}', options: {} },
				credentials: { genesysCloudPresenceApi: { id: '2', name: 'Genesys' } },
			},
		],
	});

/** Microsoft's sample Update with Alex on the custom "Lunch" presence (a reference without a Name). */
const lunchBody = () => h.setAttr(h.updateFixture(), 'msdyn_currentpresenceid', h.ref('msdyn_presence', DV.presences.lunch));
const genesysWrites = () => sim.requests.filter((/** @type {any} */ r) => r.vendor === 'genesys' && r.method === 'PATCH');

test.each(['dynamics-to-genesys.json', 'dynamics-to-vonage.json', 'two-way-dynamics-genesys.json'])('template %s resolves custom presences', (file) => {
	expect(templateTrigger(file)).toMatchObject({ source: 'dataverse', resolveCustomPresences: true });
});

test('custom presence with base status Away → Genesys Set by category writes the Away definition', async () => {
	const t = await setup(templateTrigger('dynamics-to-genesys.json'));
	const out = await t.post({ body: lunchBody(), query: { code: KEY } });
	expect(out.status).toBe(200);
	expect(out.items).toEqual([expect.objectContaining({ presenceId: DV.presences.lunch, presenceName: 'Lunch', category: 'away', basePresenceStatus: 192360003, customPresence: true })]);
	const writes = genesysWrites();
	expect(writes.map((/** @type {any} */ w) => [w.path, w.body])).toEqual([[`/api/v2/users/${GC.users.alex}/presences/purecloud`, { presenceDefinition: { id: GC.presence.Away } }]]);
	expect(out.itemsOf('Genesys')).toEqual([expect.objectContaining({ written: true })]);
});

test('without resolving: the Genesys Set fails the item, naming the presence and how to map it; nothing is written', async () => {
	const t = await setup({ ...templateTrigger('dynamics-to-genesys.json'), resolveCustomPresences: false });
	const out = await t.post({ body: lunchBody(), query: { code: KEY } });
	expect(out.items).toEqual([expect.objectContaining({ presenceId: DV.presences.lunch, category: null })]);
	const error = out.run.data.resultData.runData.Genesys[0].error;
	expect(error.message).toBe(`No presence category for "${DV.presences.lunch}"`);
	expect(error.description).toMatch(/custom presence has no category until it is mapped\. Turn on "Resolve Custom Presences" in the Agent Presence Trigger/);
	expect(error.description).toMatch(/map the presence name to a category \(available, busy, do_not_disturb, away, offline\)/);
	expect(genesysWrites()).toEqual([]);
});

describe('a Set by category with no category fails the item with the presence it came from', () => {
	/** @type {any} */ let harness;
	beforeEach(async () => {
		harness = await createHarness({ credentials: credentials() });
	});
	const cases = [
		['Genesys Cloud', { type: 'genesysCloud', parameters: { resource: 'agentPresence', operation: 'set', agent: { __rl: true, mode: 'id', value: GC.users.alex }, presenceBy: 'category', category: '', options: {} }, credentials: { genesysCloudPresenceApi: { id: '2', name: 'Genesys' } } }],
		['Vonage Contact Center', { type: 'vonageContactCenter', parameters: { resource: 'agentPresence', operation: 'set', agent: { __rl: true, mode: 'id', value: IDS.vonage.users.alex }, presenceBy: 'category', category: 'null' }, credentials: { vonageContactCenterApi: { id: '3', name: 'Vonage' } } }],
		['Dynamics 365 Contact Center', { type: 'dynamicsContactCenter', parameters: { resource: 'agentPresence', operation: 'set', agent: { __rl: true, mode: 'id', value: DV.agents.alex }, presenceBy: 'category', category: '' }, credentials: { dynamicsContactCenterApi: { id: '1', name: 'Dataverse' } } }],
	];
	test.each(cases)('%s', async (_vendor, node) => {
		const run = await harness.runWorkflow({ nodes: [{ name: 'Set', typeVersion: 1, ...node }] });
		const error = run.nodeError('Set');
		expect(error.message).toBe('No presence category for "the incoming presence"');
		expect(error.description).toMatch(/Turn on "Resolve Custom Presences"/);
		expect(sim.requests.filter((/** @type {any} */ r) => r.method !== 'GET' && !/token/.test(r.path))).toEqual([]);
	});
});
