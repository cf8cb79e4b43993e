// @ts-check
/**
 * "Ignore This Sync's Own Writes": the trigger resolves its credential's application user with
 * WhoAmI when the workflow is activated, and skips the changes that user made — no user ID pasted.
 */
const { createTriggerHarness } = require('../harness/webhook');
const { IDS } = require('../helpers/vendors');
const h = require('./dataverse');

const KEY = 'own-writes-key-41aa';
const APP_USER = IDS.dataverse.applicationUserId;

/** @type {any} */ let sim;
h.useSharedSimulator((s) => (sim = s));

const setup = (/** @type {Record<string, any>} */ parameters) =>
	createTriggerHarness({ credentials: h.simulatorCredentials(sim), trigger: h.dataverseTrigger(KEY, parameters) });
const whoAmICalls = () => sim.requests.filter((/** @type {any} */ r) => r.vendor === 'dataverse' && /\/WhoAmI$/.test(r.path));
/** Microsoft's sample Update made by someone else (an agent changing their own presence). */
const byAgent = () => {
	const body = h.updateFixture();
	body.InitiatingUserId = IDS.dataverse.agents.alex;
	body.UserId = IDS.dataverse.agents.alex;
	return body;
};

test('on: WhoAmI once at activation; the application user\'s change is skipped, an agent\'s change runs', async () => {
	const t = await setup({ ignoreOwnWrites: true });
	await t.activate();
	expect(whoAmICalls().map((/** @type {any} */ r) => [r.method, r.path, r.status])).toEqual([['GET', '/api/data/v9.2/WhoAmI', 200]]);
	expect(t.staticData()).toMatchObject({ applicationUserId: APP_USER });

	// Microsoft's sample Update was made by the application user the simulator's client signs in as.
	const own = await t.post({ body: h.updateFixture(), query: { code: KEY } });
	expect(own).toMatchObject({
		status: 200,
		executed: false,
		body: { message: `Event received but ignored: the change was made by ${APP_USER}, which is on the ignore list` },
	});
	const agent = await t.post({ body: byAgent(), query: { code: KEY } });
	expect(agent.executed).toBe(true);
	expect(whoAmICalls()).toHaveLength(1);
});

test('on, with nothing remembered yet (e.g. the test URL): the first event reads WhoAmI, later ones reuse it', async () => {
	const t = await setup({ ignoreOwnWrites: true });
	expect((await t.post({ body: h.updateFixture(), query: { code: KEY } })).executed).toBe(false);
	expect((await t.post({ body: h.updateFixture(), query: { code: KEY } })).executed).toBe(false);
	expect(whoAmICalls().length).toBeGreaterThanOrEqual(1);
});

test('off (the default): no WhoAmI, the application user\'s change runs', async () => {
	const t = await setup({});
	await t.activate();
	expect((await t.post({ body: h.updateFixture(), query: { code: KEY } })).executed).toBe(true);
	expect(whoAmICalls()).toEqual([]);
});

test('activation fails with Dynamics 365\'s answer when WhoAmI is refused', async () => {
	const t = await createTriggerHarness({
		credentials: { dynamicsContactCenterApi: { ...h.simulatorCredentials(sim).dynamicsContactCenterApi, clientSecret: 'wrong-secret' } },
		trigger: h.dataverseTrigger(KEY, { ignoreOwnWrites: true }),
	});
	await expect(t.activate()).rejects.toThrow(/Dynamics|Dataverse|401|invalid_client/i);
});
