// @ts-check
/**
 * The shipped Amazon Connect templates after their poll trigger: nodes and connections exactly as in
 * templates/, the Map Presence rows as the editor stores a user's picks (IDs), fed the items the
 * Amazon Connect Trigger emits, against the simulator. Asserts the writes each vendor receives.
 */
const { useSimulator, IDS, apiCalls, allCredentials, credentialsFor } = require('../helpers/vendors');
const { createHarness } = require('../harness');
const { MAP, template, rows, changeOf, sessionWrite, vendorWrites } = require('../helpers/templates');
const { sourceShows } = require('../helpers/sourceChanges');

const t = useSimulator();
/** A template run whose events the source shows: the Set nodes read the source before they write. */
const runTemplate = async (/** @type {any} */ args) => {
	sourceShows(t.sim, args.input);
	return await t.h.runWorkflow(args);
};
beforeEach(async () => {
	t.h = await createHarness({ credentials: { ...allCredentials(t.sim), ...credentialsFor(t.sim, 'graph'), ...credentialsFor(t.sim, 'amazonConnect') } });
	// Signed in to Teams (Available, not chosen by them): a session's presence shows.
	for (const key of ['alex', 'casey']) t.sim.graph.userSets(U[key], 'Available', 'Available', false);
});
const C = IDS.amazonConnect;
const D = IDS.dataverse;
const U = IDS.graph.users;
const STATUS_NAME = { [C.status.available]: 'Available', [C.status.offline]: 'Offline', [C.status.break]: 'Break', [C.status.lunch]: 'Lunch', [C.status.training]: 'Training' };

/** The Amazon Connect Trigger's item for a status change (the fields the template reads). */
const connectChange = (/** @type {string} */ userId, /** @type {string} */ statusId, /** @type {string} */ category) =>
	changeOf('amazonConnect', { agentId: userId, presenceId: statusId, presenceName: STATUS_NAME[statusId], category, loggedIn: true, contactsInProgress: 0 });
const writes = vendorWrites(t, apiCalls);
const teamsWrites = () => writes.teams();
const connectWrites = () => writes.amazonConnect();
const dataverseWrites = () => writes.dataverse();
const modify = (/** @type {string} */ key, /** @type {string} */ presenceId) => ['/CCaaS_ModifyAgentPresence', { ApiVersion: '1.0', AgentId: D.agents[key], PresenceId: presenceId }];
const putStatus = (/** @type {string} */ key, /** @type {string} */ statusId) => [`/users/${C.instanceId}/${C.users[key]}/status`, { AgentStatusId: statusId }];

test('the Amazon Connect templates: one Map Presence, the poll trigger on All Agents, no HTTP Request, Set or If node, nothing to paste', () => {
	for (const file of ['amazon-connect-to-teams', 'two-way-dynamics-connect']) {
		const { w } = template(file);
		const types = w.nodes.map((/** @type {any} */ n) => n.type);
		expect(types.filter((/** @type {string} */ x) => x.endsWith('.mapPresence'))).toHaveLength(1);
		expect(types.filter((/** @type {string} */ x) => /httpRequest|n8n-nodes-base\.(set|if)$/.test(x))).toEqual([]);
		expect(JSON.stringify(w.nodes.map((/** @type {any} */ n) => n.parameters))).not.toMatch(/REPLACE_/);
		const trigger = w.nodes.find((/** @type {any} */ n) => n.type.endsWith('.amazonConnectTrigger'));
		expect(trigger.parameters).toMatchObject({ agents: 'all', events: ['presence_changed', 'logged_in', 'logged_out'] });
	}
});

describe('Amazon Connect → Microsoft Teams', () => {
	const session = sessionWrite(t);

	test('the row Training → Busy (InAConferenceCall); Break (no row) → Away; the person found by the Connect username (DescribeUser)', async () => {
		const run = await runTemplate({
			...template('amazon-connect-to-teams', { [MAP]: rows([[C.status.training, 'Busy/InAConferenceCall']]) }),
			input: [connectChange(C.users.alex, C.status.training, 'busy'), connectChange(C.users.casey, C.status.break, 'away')],
		});
		expect(run.error).toBeUndefined();
		// An app session's Away does not show over a signed-in client's Available, so the write after the
		// source re-read (Set Teams presence (source moved on)) finds Casey different too.
		expect(teamsWrites()).toEqual([session('alex', 'Busy', 'InAConferenceCall'), session('casey', 'Away', 'Away'), session('casey', 'Away', 'Away')]);
		const described = apiCalls(t.sim, 'amazonConnect').filter((c) => c.method === 'GET' && c.path.startsWith('/users/'));
		expect(described.map((c) => c.path)).toEqual([`/users/${C.instanceId}/${C.users.alex}`, `/users/${C.instanceId}/${C.users.casey}`]);
	});

	test('Only If Different: Alex already Available in Teams → no write', async () => {
		await runTemplate({ ...template('amazon-connect-to-teams'), input: [connectChange(C.users.alex, C.status.available, 'available')] });
		expect(teamsWrites()).toEqual([]);
	});

	test('a Connect user with no Teams user is skipped with its reason; the agent beside it is still written', async () => {
		const stranger = t.sim.state.amazonConnect.users.find((/** @type {any} */ u) => u.Username === 'cnagent002');
		const run = await runTemplate({
			...template('amazon-connect-to-teams'),
			input: [connectChange(stranger.Id, C.status.training, 'busy'), connectChange(C.users.casey, C.status.training, 'busy')],
		});
		expect(run.error).toBeUndefined();
		expect(teamsWrites()).toEqual([session('casey', 'Busy', 'InACall')]);
		expect(run.items('Set Teams presence').map((/** @type {any} */ i) => [i.written, i.skippedReason])).toEqual([[false, 'unknown_agent'], [true, undefined]]);
	});
});

describe('two-way Dynamics 365 Contact Center ⇄ Amazon Connect: one mapping, both directions', () => {
	test('Dynamics Away → Connect Break (first output, the agent by username = the Dynamics e-mail); nothing written to Dynamics', async () => {
		await runTemplate({
			...template('two-way-dynamics-connect'),
			input: [{ source: 'dataverse', event: 'presence_changed', agentId: D.agents.casey, presenceId: D.presences.away, presenceName: 'Away', category: 'away' }],
		});
		expect(connectWrites()).toEqual([putStatus('casey', C.status.break)]);
		expect(dataverseWrites()).toEqual([]);
	});

	test('Connect Training → Dynamics Busy (second output); nothing written to Connect', async () => {
		await runTemplate({ ...template('two-way-dynamics-connect'), input: [connectChange(C.users.eli, C.status.training, 'busy')] });
		expect(dataverseWrites()).toEqual([modify('eli', D.presences.busy)]);
		expect(connectWrites()).toEqual([]);
	});

	test('no echo: the Connect status the sync wrote, polled back, writes nothing to Dynamics', async () => {
		await runTemplate({
			...template('two-way-dynamics-connect'),
			input: [{ source: 'dataverse', event: 'presence_changed', agentId: D.agents.casey, presenceId: D.presences.away, presenceName: 'Away', category: 'away' }],
		});
		t.sim.clearRequests();
		// What the poll trigger emits next: Casey's status, as the sync wrote it.
		await t.h.runWorkflow({ ...template('two-way-dynamics-connect'), input: [connectChange(C.users.casey, C.status.break, 'away')] });
		expect(dataverseWrites()).toEqual([]);
		expect(connectWrites()).toEqual([]);
	});

	test('an agent on a contact is not overwritten (On a Contact is protected)', async () => {
		t.sim.amazonConnect.startContact(C.users.casey);
		const run = await runTemplate({
			...template('two-way-dynamics-connect'),
			input: [{ source: 'dataverse', event: 'presence_changed', agentId: D.agents.casey, presenceId: D.presences.away, presenceName: 'Away', category: 'away' }],
		});
		expect(connectWrites()).toEqual([]);
		expect(run.items('Set Connect presence').map((/** @type {any} */ i) => [i.written, i.skippedReason])).toEqual([[false, 'protected']]);
	});

	test('a row Lunch → Lunch serves both ways: Dynamics Lunch → Connect Lunch, Connect Lunch → Dynamics Lunch', async () => {
		const picks = { [MAP]: rows([[D.presences.lunch, C.status.lunch]]) };
		await runTemplate({
			...template('two-way-dynamics-connect', picks),
			input: [
				{ source: 'dataverse', event: 'presence_changed', agentId: D.agents.casey, presenceId: D.presences.lunch, presenceName: 'Lunch', category: 'away' },
				connectChange(C.users.eli, C.status.lunch, 'away'),
			],
		});
		expect(connectWrites()).toEqual([putStatus('casey', C.status.lunch)]);
		expect(dataverseWrites()).toEqual([modify('eli', D.presences.lunch)]);
	});
});

test('no two templates share a webhook ID: n8n registers a production webhook path once, so a copied trigger would fail to publish', () => {
	const fs = require('node:fs');
	const path = require('node:path');
	const dir = path.join(__dirname, '..', '..', 'templates');
	const ids = fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.flatMap((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')).nodes.filter((/** @type {any} */ n) => n.webhookId).map((/** @type {any} */ n) => `${n.webhookId} ${f}`));
	const seen = new Map();
	const shared = ids.filter((x) => {
		const [id] = x.split(' ');
		const again = seen.has(id);
		seen.set(id, x);
		return again;
	});
	expect(ids.length).toBeGreaterThan(3);
	expect(shared).toEqual([]);
});
