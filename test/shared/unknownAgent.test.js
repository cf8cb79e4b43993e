// @ts-check
/**
 * Issue #20: a person with no counterpart in the target (no Dataverse user with that e-mail, no
 * Genesys, Vonage or Teams user) is skipped with a reason by every Set, never fails the other
 * items: and the Teams poll templates watching All Users write the agent's change when a
 * non-agent changes presence in the same poll.
 */
const { useSimulator, IDS, apiCalls, allCredentials, credentialsFor, nodeOf, byEmail } = require('../helpers/vendors');
const { createHarness } = require('../harness');
const { PEOPLE } = require('../simulator/common');
const { template } = require('../helpers/templates');
const { sourceShows } = require('../helpers/sourceChanges');

const t = useSimulator();
beforeEach(async () => {
	t.h = await createHarness({ credentials: { ...allCredentials(t.sim), ...credentialsFor(t.sim, 'graph') } });
});
const D = IDS.dataverse;
const U = IDS.graph.users;
const email = (/** @type {string} */ key) => /** @type {any} */ (PEOPLE.find((p) => p.key === key)).email;
const NOBODY = 'nobody@contoso.com';
const outcome = (/** @type {any} */ item) => ({ written: item.written, skippedReason: item.skippedReason, agent: item.agent });

/** Each vendor's Set by e-mail (Only If Different off: the write is certain for a known agent). */
const SETS = [
	{ vendor: 'dataverse', name: 'Dynamics', params: { resource: 'agentPresence', operation: 'set', presenceBy: 'category', category: 'away', onlyIfDifferent: false }, reason: `No Dataverse user has the e-mail address "${NOBODY}"` },
	{ vendor: 'genesys', name: 'Genesys', params: { resource: 'agentPresence', operation: 'set', source: 'purecloud', presenceBy: 'category', category: 'away', onlyIfDifferent: false }, reason: `No Genesys Cloud user has the email "${NOBODY}"` },
	{ vendor: 'genesys', name: 'Genesys', params: { resource: 'agentPresence', operation: 'bulkSet', source: 'purecloud', presenceBy: 'category', category: 'away' }, reason: `No Genesys Cloud user has the email "${NOBODY}"` },
	{ vendor: 'vonage', name: 'Vonage', params: { resource: 'agentPresence', operation: 'set', presenceBy: 'category', category: 'away', onlyIfDifferent: false }, reason: `No active Vonage Contact Center user has the email ${NOBODY}` },
];

describe.each(SETS)('$name $params.operation: an unknown e-mail is skipped, the next agent written', (c) => {
	test('unknown_agent with the reason; the other item is written', async () => {
		const node = nodeOf(c.vendor, { ...c.params, agent: byEmail('={{ $json.email }}') });
		const run = await t.h.runWorkflow({ nodes: [node], input: [{ email: NOBODY }, { email: email('alex') }] });
		expect(run.error).toBeUndefined();
		const items = run.items(c.name);
		expect(items.map(outcome)).toEqual([
			{ written: false, skippedReason: 'unknown_agent', agent: NOBODY },
			{ written: true, skippedReason: undefined, agent: undefined },
		]);
		expect(items[0].reason).toBe(c.reason);
	});
});

describe('Microsoft Teams Set and Set Preferred', () => {
	test.each(['set', 'setPreferred'])('%s: an unknown UPN is skipped, the next user written', async (operation) => {
		const node = {
			name: 'Teams',
			type: 'microsoftTeamsPresence',
			typeVersion: 1,
			parameters: { resource: 'agentPresence', operation, presenceBy: 'category', category: 'away', onlyIfDifferent: false, agent: byEmail('={{ $json.email }}') },
			credentials: { microsoftTeamsPresenceGraphApi: { id: '1', name: 'Teams' } },
		};
		const run = await t.h.runWorkflow({ nodes: [node], input: [{ email: NOBODY }, { email: email('alex') }] });
		expect(run.error).toBeUndefined();
		expect(run.items('Teams').map(outcome)).toEqual([
			{ written: false, skippedReason: 'unknown_agent', agent: NOBODY },
			{ written: true, skippedReason: undefined, agent: undefined },
		]);
	});
});

/** The Microsoft Teams Presence Trigger's item (All Users: anyone in the tenant). */
const teamsChange = (/** @type {string} */ key, /** @type {string} */ availability, /** @type {string} */ activity, /** @type {string} */ category) => ({
	source: 'teams',
	event: 'presence_changed',
	agentId: U[key],
	presenceId: `${availability}/${activity}`,
	presenceName: availability,
	category,
	availability,
	activity,
	changedAt: null,
});
/** Eli is in the tenant but has no Dynamics 365 user: a colleague, not an agent. */
const eliIsNoAgent = () => {
	const users = t.sim.state.dataverse.tables.systemusers;
	users.splice(users.findIndex((/** @type {any} */ u) => u.systemuserid === D.agents.eli), 1);
};
const dataverseWrites = () => apiCalls(t.sim, 'dataverse').filter((c) => c.method === 'POST').map((c) => [c.body.AgentId, c.body.PresenceId]);

describe.each(['teams-to-dynamics', 'two-way-dynamics-teams'])('%s, All Users: a non-agent and an agent change in the same poll', (file) => {
	test("the agent's change is written, the non-agent's item says unknown_agent", async () => {
		eliIsNoAgent();
		// Casey signs out of Teams (Offline) while Eli, a colleague, goes Away: one poll, two items.
		const input = [teamsChange('eli', 'Away', 'Away', 'away'), teamsChange('casey', 'Offline', 'OffWork', 'offline')];
		sourceShows(t.sim, input);
		const run = await t.h.runWorkflow({ ...template(file), input });
		expect(run.error).toBeUndefined();
		expect(dataverseWrites()).toEqual([[D.agents.casey, D.presences.offline]]);
		expect(run.items('Set Dynamics presence').map(outcome)).toEqual([
			{ written: false, skippedReason: 'unknown_agent', agent: email('eli') },
			{ written: true, skippedReason: undefined, agent: undefined },
		]);
	});
});
