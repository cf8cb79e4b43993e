// @ts-check
/**
 * The Agent Presence Trigger with sources that post several events in one request: Amazon
 * Connect's agent event stream (an EventBridge Pipes API destination posting to the trigger's URL)
 * and Microsoft Graph presence change notifications (a subscription made outside n8n, whose
 * validation handshake the trigger answers). One execution per request, one item per change;
 * nothing passed on, nothing executed.
 */
const { createTriggerHarness } = require('../harness/webhook');
const r = require('../AmazonConnect/records');

const KEY = 'cx-key-7Qv2Lp9';
const CLIENT_STATE = 'cs-Xq7Lm2Pz9Rk4';

/** @param {Record<string, unknown>} parameters */
const trigger = (parameters) =>
	createTriggerHarness({ trigger: { name: 'Presence', type: 'agentPresenceTrigger', typeVersion: 2, parameters } });

describe('Amazon Connect agent event stream', () => {
	const setup = () => trigger({ source: 'amazonConnect', verification: 'header', headerName: 'x-api-key', sharedKey: KEY });

	test('a Pipes batch: one execution with an item per status change; heartbeats and a repeated EventId give none', async () => {
		const t = await setup();
		const body = [r.login, r.heartbeat, r.toBreak, r.toBreak, r.logout].map((record, n) => r.kinesisRecord(record, n));
		const out = await t.post({ body, headers: { 'x-api-key': KEY } });
		expect(out).toMatchObject({ status: 200, executed: true, body: { message: 'Events received', events: 3 } });
		expect(out.items.map((/** @type {any} */ i) => [i.event, i.eventId])).toEqual([['logged_in', 'e-1'], ['presence_changed', 'e-2'], ['logged_out', 'e-5']]);
		expect(JSON.stringify(out.items)).not.toContain(KEY);
	});

	test('only heartbeats: 200, ignored, no execution; wrong key 401; no agent event 400', async () => {
		const t = await setup();
		const idle = await t.post({ body: [r.kinesisRecord(r.heartbeat)], headers: { 'x-api-key': KEY } });
		expect(idle).toMatchObject({ status: 200, executed: false, body: { message: 'Event received but ignored: the body holds no presence change' } });
		const wrong = await t.post({ body: [r.kinesisRecord(r.toBreak)], headers: { 'x-api-key': 'cx-key-0000000' } });
		expect(wrong).toMatchObject({ status: 401, executed: false, body: { code: 401, message: 'Unauthorized: Wrong value in header "x-api-key"' } });
		const foreign = await t.post({ body: { hello: 'there' }, headers: { 'x-api-key': KEY } });
		expect(foreign).toMatchObject({ status: 400, executed: false });
	});
});

describe('Microsoft Graph presence change notifications', () => {
	const setup = () => trigger({ source: 'teams', verification: 'graphClientState', sharedKey: CLIENT_STATE });
	const value = (/** @type {string} */ user, /** @type {string} */ clientState = CLIENT_STATE) => ({
		subscriptionId: '37a10357-9c28-4cb8-8a4f-a85a1e9b5a7b',
		clientState,
		changeType: 'updated',
		resource: `communications/presences/${user}`,
		resourceData: { '@odata.type': '#Microsoft.Graph.presence', '@odata.id': `users/${user}/presence`, id: user },
		tenantId: 'fec73c09-5f32-43fd-b767-9181f871fbcf',
	});

	test('the validation handshake is answered with the token as text/plain, without an execution', async () => {
		const t = await setup();
		const token = 'Validation: Testing client application reachability for subscription Request-Id: 5e6d';
		const out = await t.post({ query: { validationToken: token }, contentType: 'text/plain' });
		expect(out.status).toBe(200);
		expect(out.written).toEqual({ headers: expect.objectContaining({ 'content-type': 'text/plain; charset=utf-8' }), body: token });
		expect(out.executed).toBe(false);
	});

	test('publishing with the template\'s placeholder as the clientState is refused, saying what to enter', async () => {
		const t = await trigger({ source: 'teams', verification: 'graphClientState', sharedKey: 'REPLACE_WITH_CLIENT_STATE' });
		await expect(t.activate()).rejects.toThrow("Graph clientState needs the subscription's clientState");
		await (await setup()).activate();
	});

	test('right clientState passes, a wrong one is left out; all wrong is 401', async () => {
		const t = await setup();
		const mixed = await t.post({ body: { value: [value('aaaa-1', 'cs-0000000000000'), value('bbbb-2')] } });
		expect(mixed).toMatchObject({ status: 200, executed: true, body: { message: 'Events received', events: 1 } });
		expect(mixed.items.map((/** @type {any} */ i) => i.agentId)).toEqual(['bbbb-2']);
		expect(JSON.stringify(mixed.items)).not.toContain(CLIENT_STATE);
		const wrong = await t.post({ body: { value: [value('aaaa-1', 'cs-0000000000000')] } });
		expect(wrong).toMatchObject({ status: 401, executed: false, body: { code: 401, message: 'Unauthorized: Wrong clientState' } });
	});
});
