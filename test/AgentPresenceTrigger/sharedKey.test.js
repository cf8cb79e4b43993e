// @ts-check
/**
 * The Agent Presence Trigger's shared key: generated at the first activation when left empty with
 * automatic registration (kept in the node's static data, registered as Dataverse's WebhookKey,
 * reused on later activations); refused at activation when empty with manual registration or when
 * it still holds a template's REPLACE_WITH_… placeholder — and a placeholder is never accepted as a key.
 */
const { createTriggerHarness } = require('../harness/webhook');
const h = require('./dataverse');

const PUBLIC = 'https://n8n.example.test';
const PLACEHOLDER = 'REPLACE_WITH_A_LONG_RANDOM_SHARED_KEY';
/** @type {any} */ let sim;
h.useSharedSimulator((s) => (sim = s));

/** The trigger, version 2, on presence changes. @param {{ sharedKey: string } & Record<string, unknown>} parameters */
const setup = ({ sharedKey, ...parameters }) =>
	createTriggerHarness({
		baseUrl: PUBLIC,
		credentials: h.simulatorCredentials(sim),
		trigger: { ...h.dataverseTrigger(sharedKey, { events: ['presence_changed'], ...parameters }), typeVersion: 2 },
	});

test('automatic registration, empty key: the first activation generates one, registers it as the WebhookKey and accepts it', async () => {
	const t = await setup({ registration: 'automatic', sharedKey: '' });
	await t.activate();
	const endpoints = sim.state.dataverse.tables.serviceendpoints;
	expect(endpoints).toHaveLength(1);
	const key = endpoints[0].authvalue;
	expect(endpoints[0].authtype).toBe(4);
	expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
	expect(t.staticData().generatedSharedKey).toBe(key);

	const ok = await t.post({ body: h.updateFixture(), query: { code: key } });
	expect(ok).toMatchObject({ status: 200, executed: true, body: { message: 'Event received', event: 'presence_changed' } });
	expect(JSON.stringify(ok.items)).not.toContain(key);
	const wrong = await t.post({ body: h.updateFixture(), query: { code: 'guess' } });
	expect(wrong.status).toBe(401);
	expect(wrong.executed).toBe(false);

	// Unpublished and published again: the same key, registered again.
	await t.deactivate();
	await t.activate();
	expect(sim.state.dataverse.tables.serviceendpoints.map((/** @type {any} */ e) => e.authvalue)).toEqual([key]);
});

test('manual registration, empty key: activation fails saying what to do; nothing accepted', async () => {
	const t = await setup({ registration: 'manual', sharedKey: '' });
	await expect(t.activate()).rejects.toThrow('The trigger has no Shared Key');
	expect(t.staticData().generatedSharedKey).toBeUndefined();
	const out = await t.post({ body: h.updateFixture(), query: { code: '' } });
	expect(out.status).toBe(401);
});

test.each(['manual', 'automatic'])('%s registration: a REPLACE_WITH placeholder fails activation and is never accepted as a key', async (registration) => {
	const t = await setup({ registration, sharedKey: PLACEHOLDER });
	await expect(t.activate()).rejects.toThrow("The Shared Key still holds the template's placeholder");
	expect(sim.state.dataverse.tables.serviceendpoints ?? []).toHaveLength(0);
	const out = await t.post({ body: h.updateFixture(), query: { code: PLACEHOLDER } });
	expect(out.status).toBe(401);
	expect(out.executed).toBe(false);
});

test('a typed key wins over generation and is registered as typed', async () => {
	const t = await setup({ registration: 'automatic', sharedKey: 'typed-key-93f1' });
	await t.activate();
	expect(sim.state.dataverse.tables.serviceendpoints[0].authvalue).toBe('typed-key-93f1');
	expect(t.staticData().generatedSharedKey).toBeUndefined();
});

test.each([1, 2])('version %i answers a valid Dataverse event with the JSON acknowledgement, not the text "firstEntryJson"', async (typeVersion) => {
	const t = await createTriggerHarness({
		trigger: { name: 'Presence', type: 'agentPresenceTrigger', typeVersion, parameters: { source: 'dataverse', verification: 'queryKey', sharedKey: 'k-1' } },
	});
	const out = await t.post({ body: h.updateFixture(), query: { code: 'k-1' } });
	expect(out.status).toBe(200);
	expect(out.body).toEqual({ message: 'Event received', event: 'presence_changed' });
});

test.each([
	['automatic registration', { registration: 'automatic', sharedKey: 'k-2' }, 'Register Webhook Automatically registers this URL through the credential'],
	['custom presence lookups', { registration: 'manual', sharedKey: 'k-2', resolveCustomPresences: true }, 'Resolve Custom Presences looks presences up through the credential'],
])('%s without the Dynamics credential: activation fails saying why it is needed', async (_what, parameters, why) => {
	const t = await createTriggerHarness({
		trigger: { name: 'Presence', type: 'agentPresenceTrigger', typeVersion: 2, parameters: { source: 'dataverse', verification: 'queryKey', ...parameters } },
	});
	const error = await t.activate().then(() => undefined, (e) => e);
	expect(error?.message).toBe('The trigger needs a Dynamics 365 Contact Center credential');
	expect(error?.description).toContain(why);
	expect(sim.requests).toHaveLength(0);
});

test('manual registration without lookups activates without the credential; the notices say when it is needed', async () => {
	const t = await createTriggerHarness({
		trigger: { name: 'Presence', type: 'agentPresenceTrigger', typeVersion: 2, parameters: { source: 'dataverse', verification: 'queryKey', sharedKey: 'k-3' } },
	});
	await expect(t.activate()).resolves.toEqual({ existed: true });
	const { properties } = require('../../dist/nodes/AgentPresenceTrigger/properties');
	const notices = properties.filter((/** @type {any} */ p) => p.type === 'notice' && /credential/.test(p.displayName));
	expect(notices.map((/** @type {any} */ p) => p.displayOptions.show)).toEqual([
		{ source: ['dataverse'], registration: ['automatic'] },
		{ source: ['dataverse'], registration: ['manual'], resolveCustomPresences: [true] },
	]);
});
