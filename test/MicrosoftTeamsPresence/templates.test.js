// @ts-check
/**
 * The shipped Microsoft Teams templates after their trigger: nodes and connections exactly as in
 * templates/, the Map Presence rows as the editor stores a user's picks (IDs), fed the items the
 * template's trigger emits, against the simulator. Asserts the writes each vendor receives.
 */
const { useSimulator, IDS, apiCalls, allCredentials, credentialsFor } = require('../helpers/vendors');
const { createHarness } = require('../harness');
const { PEOPLE } = require('../simulator/common');
const { MAP, template, rows, changeOf, sessionWrite, vendorWrites } = require('../helpers/templates');
const { sourceShows } = require('../helpers/sourceChanges');

const t = useSimulator();
/** A template run whose events the source shows: the Set nodes read the source before they write. */
const runTemplate = async (/** @type {any} */ args) => {
	sourceShows(t.sim, args.input);
	return await t.h.runWorkflow(args);
};
// Every vendor's credential, Microsoft Teams' included.
beforeEach(async () => {
	t.h = await createHarness({ credentials: { ...allCredentials(t.sim), ...credentialsFor(t.sim, 'graph') } });
});
const G = IDS.genesys;
const D = IDS.dataverse;
const U = IDS.graph.users;
const email = (/** @type {string} */ key) => /** @type {any} */ (PEOPLE.find((p) => p.key === key)).email;


/** The Genesys Cloud Presence Trigger's item (Include Agent Email on, as the template sets it). */
const genesysChange = (/** @type {string} */ key, /** @type {string} */ name, /** @type {string} */ category) =>
	changeOf('genesys', { agentId: G.users[key], presenceId: G.presence[name], presenceName: name, category, email: email(key) });
/** The Microsoft Teams Presence Trigger's item. */
const teamsChange = (/** @type {string} */ key, /** @type {string} */ availability, /** @type {string} */ activity, /** @type {string} */ category) =>
	changeOf('teams', { agentId: U[key], presenceId: `${availability}/${activity}`, presenceName: `${availability} (${activity})`, category, availability, activity, changedAt: null });
const writes = vendorWrites(t, apiCalls);
const teamsWrites = () => writes.teams();
const dataverseWrites = () => writes.dataverse();
const modify = (/** @type {string} */ key, /** @type {string} */ presenceId) => ['/CCaaS_ModifyAgentPresence', { ApiVersion: '1.0', AgentId: D.agents[key], PresenceId: presenceId }];

test('the three Teams templates: one Map Presence, no HTTP Request, no Set or If node, nothing to paste', () => {
	for (const file of ['genesys-to-teams', 'teams-to-dynamics', 'two-way-dynamics-teams']) {
		const { w } = template(file);
		const types = w.nodes.map((/** @type {any} */ n) => n.type);
		expect(types.filter((/** @type {string} */ x) => x.endsWith('.mapPresence'))).toHaveLength(1);
		expect(types.filter((/** @type {string} */ x) => /httpRequest|n8n-nodes-base\.(set|if)$/.test(x))).toEqual([]);
		const params = JSON.stringify(w.nodes.map((/** @type {any} */ n) => n.parameters));
		expect(params).not.toMatch(/REPLACE_/);
		const teamsTrigger = w.nodes.find((/** @type {any} */ n) => n.type.endsWith('.microsoftTeamsPresenceTrigger'));
		if (teamsTrigger) expect([teamsTrigger.typeVersion, teamsTrigger.parameters.watch]).toEqual([2, 'all']);
	}
});

describe('Genesys Cloud → Microsoft Teams', () => {
	const session = sessionWrite(t);

	test('the row Meeting → Busy (InAConferenceCall); Busy (no row) → Busy/InACall; Offline → Away (an app session cannot show Offline)', async () => {
		const run = await runTemplate({
			...template('genesys-to-teams', { [MAP]: rows([[G.presence.Meeting, 'Busy/InAConferenceCall']]) }),
			input: [genesysChange('alex', 'Meeting', 'busy'), genesysChange('casey', 'Busy', 'busy'), genesysChange('blake', 'Offline', 'offline')],
		});
		expect(run.error).toBeUndefined();
		// Blake is signed out of Teams: Graph still shows Offline after the session write, so the
		// write after the source re-read (Set Teams presence (source moved on)) finds it different too.
		expect(teamsWrites()).toEqual([session('alex', 'Busy', 'InAConferenceCall'), session('casey', 'Busy', 'InACall'), session('blake', 'Away', 'Away'), session('blake', 'Away', 'Away')]);
		// The Teams user by e-mail (UPN): "Get user" with the address in the path.
		expect(apiCalls(t.sim, 'graph').filter((c) => c.method === 'GET' && !c.path.endsWith('/presence')).map((c) => c.path)).toEqual(
			['alex', 'casey', 'blake'].map((k) => `/v1.0/users/${encodeURIComponent(email(k))}`),
		);
	});

	test('Only If Different: Alex already Available in Teams → no write', async () => {
		await runTemplate({ ...template('genesys-to-teams'), input: [genesysChange('alex', 'Available', 'available')] });
		expect(teamsWrites()).toEqual([]);
	});
});

describe('Microsoft Teams → Dynamics 365 Contact Center', () => {
	test('Casey presenting (DoNotDisturb/Presenting, no row) → Busy DND; the row Away (OutOfOffice) → Offline', async () => {
		const run = await runTemplate({
			...template('teams-to-dynamics', { [MAP]: rows([['Away/OutOfOffice', D.presences.offline]]) }),
			input: [teamsChange('casey', 'DoNotDisturb', 'Presenting', 'do_not_disturb'), teamsChange('dana', 'Away', 'OutOfOffice', 'away')],
		});
		expect(run.error).toBeUndefined();
		expect(dataverseWrites()).toEqual([modify('casey', D.presences.busyDnd), modify('dana', D.presences.offline)]);
		// The Teams user's e-mail from Agent → Get (by the object ID the trigger gave), then the user's
		// presence now, just before the write (the stale check), and again after it (did it move on meanwhile?).
		const reads = apiCalls(t.sim, 'graph').filter((c) => c.method === 'GET');
		const presence = [`/v1.0/users/${U.casey}/presence`, `/v1.0/users/${U.dana}/presence`];
		expect(reads.map((c) => c.path)).toEqual([`/v1.0/users/${U.casey}`, `/v1.0/users/${U.dana}`, ...presence, ...presence]);
	});
});

describe('two-way Dynamics 365 Contact Center ⇄ Microsoft Teams: one mapping, both directions', () => {
	test('Dynamics Busy DND → Teams preferred DoNotDisturb (first output); nothing written to Dynamics', async () => {
		await runTemplate({
			...template('two-way-dynamics-teams'),
			input: [{ source: 'dataverse', event: 'presence_changed', agentId: D.agents.eli, presenceId: D.presences.busyDnd, presenceName: 'Busy - DND', category: 'do_not_disturb' }],
		});
		expect(teamsWrites()).toEqual([[`/v1.0/users/${U.eli}/presence/setUserPreferredPresence`, { availability: 'DoNotDisturb', activity: 'DoNotDisturb' }]]);
		expect(dataverseWrites()).toEqual([]);
	});

	test('Teams DoNotDisturb/Presenting → Dynamics Busy DND (second output); nothing written to Teams', async () => {
		await runTemplate({
			...template('two-way-dynamics-teams'),
			input: [teamsChange('eli', 'DoNotDisturb', 'Presenting', 'do_not_disturb')],
		});
		expect(dataverseWrites()).toEqual([modify('eli', D.presences.busyDnd)]);
		expect(teamsWrites()).toEqual([]);
	});

	test('a row Lunch → Away/Away serves both ways: Dynamics Lunch → Teams Away, Teams Away → Dynamics Lunch', async () => {
		const picks = { [MAP]: rows([[D.presences.lunch, 'Away/Away']]) };
		await runTemplate({
			...template('two-way-dynamics-teams', picks),
			input: [
				{ source: 'dataverse', event: 'presence_changed', agentId: D.agents.casey, presenceId: D.presences.lunch, presenceName: 'Lunch', category: 'away' },
				teamsChange('eli', 'Away', 'Away', 'away'),
			],
		});
		// Casey is signed out of Teams (Graph shows Offline after the preferred write), so the write after
		// the source re-read finds it different and sends it again.
		const preferredAway = [`/v1.0/users/${U.casey}/presence/setUserPreferredPresence`, { availability: 'Away', activity: 'Away' }];
		expect(teamsWrites()).toEqual([preferredAway, preferredAway]);
		expect(dataverseWrites()).toEqual([modify('eli', D.presences.lunch)]);
	});
});
