// @ts-check
/**
 * Agent Presence Event: vendor events other nodes received (n8n's Webhook node, Kafka, RabbitMQ,
 * SQS), through n8n's engine. Each source format and verification mode gives the Agent Presence
 * Trigger's exact item on the Event output; wrong keys, bad signatures, malformed or foreign bodies
 * give nothing there and one Rejected item with the reason (never the key); filtered changes give
 * nothing at all.
 */
const { createHarness } = require('../harness');
const h = require('../AgentPresenceTrigger/dataverse');
const { presenceChangedEvent, READY_ITEM } = require('../AgentPresenceTrigger/vonage');
const genesysEvents = require('../AgentPresenceTrigger/genesys');
const { signWebhook } = require('../simulator/vonage');
const { credentialRef } = require('../helpers/vendors');
const { webhookItem, kafkaItem, rabbitItem, sqsItem } = require('./inputs');

const KEY = 'shared-key-9f3b';
const SECRET = 'YqABRE18Vk2zfiVVMV7uag==';
const NODE = 'Event';

/** @param {Record<string, any>} parameters @param {Record<string, any>} [extra] */
const eventNode = (parameters, extra = {}) => ({ name: NODE, type: 'agentPresenceEvent', parameters, ...extra });

/**
 * Runs the node over `items`; returns both outputs and checks no key or secret reached any item.
 * @param {any} node @param {any[]} items @param {Record<string, any>} [credentials]
 */
async function run(node, items, credentials = {}) {
	const harness = await createHarness({ credentials });
	const result = await harness.runWorkflow({ nodes: [node], inputItems: items });
	const out = { events: result.items(NODE, 0), rejected: result.items(NODE, 1), result };
	const text = JSON.stringify([out.events, out.rejected]);
	expect(text).not.toContain(KEY);
	expect(text).not.toContain(SECRET);
	return out;
}

const { UPDATE_ITEM } = h;

const dataverse = (/** @type {Record<string, any>} */ parameters = {}) =>
	eventNode({ source: 'dataverse', verification: 'queryKey', sharedKey: KEY, ...parameters });

describe('Dataverse webhook through n8n\'s Webhook node', () => {
	test('key in the query string → the trigger\'s exact item, paired, nothing rejected', async () => {
		const out = await run(dataverse(), [webhookItem({ body: h.updateFixture(), query: { code: KEY } })]);
		expect(out.events).toEqual([UPDATE_ITEM]);
		expect(out.rejected).toEqual([]);
		expect(out.result.rawItems(NODE)[0].pairedItem).toEqual({ item: 0 });
	});

	test('key in a header (any case the sender used)', async () => {
		const node = dataverse({ verification: 'header', headerName: 'X-Presence-Key' });
		const out = await run(node, [webhookItem({ body: h.updateFixture(), headers: { 'x-presence-key': KEY } })]);
		expect(out.events).toEqual([UPDATE_ITEM]);
	});

	test('Raw Body: an unparsed body is read from the binary field', async () => {
		const out = await run(dataverse(), [webhookItem({ raw: h.rawUpdateFixture(), query: { code: KEY } })]);
		expect(out.events).toEqual([UPDATE_ITEM]);
	});

	test.each([
		['wrong key', { query: { code: 'shared-key-0000' } }, dataverse(), 401, 'Unauthorized: Wrong key in query parameter "code"'],
		['no key', { query: {} }, dataverse(), 401, 'Unauthorized: Missing query parameter "code"'],
		['wrong header', { headers: { 'x-presence-key': 'shared-key-0000' } }, dataverse({ verification: 'header', headerName: 'x-presence-key' }), 401, 'Unauthorized: Wrong value in header "x-presence-key"'],
		['a template placeholder as the key', { query: { code: 'REPLACE_WITH_KEY' } }, dataverse({ sharedKey: 'REPLACE_WITH_KEY' }), 401, 'Unauthorized: No shared key is configured on the node'],
	])('%s → nothing on Event, one Rejected item', async (_name, request, node, status, reason) => {
		const out = await run(node, [webhookItem({ body: h.updateFixture(), ...request })]);
		expect(out.events).toEqual([]);
		expect(out.rejected).toEqual([{ source: 'dataverse', status, reason }]);
		expect(out.result.rawItems(NODE, 1)[0].pairedItem).toEqual({ item: 0 });
	});

	test.each([
		['not JSON', { raw: '{"MessageName": "Update",' }, /^Body is not valid JSON: /],
		['empty body', {}, /^Empty body: expected a JSON event$/],
		['wrong entity', { body: { ...h.updateFixture(), PrimaryEntityName: 'account' } }, /^Wrong entity: expected msdyn_agentstatus, got PrimaryEntityName "account"$/],
		['a Genesys notification (another source\'s format)', { body: { topicName: 'v2.users.9ed7d9f6-0c59-4360-ac54-40dd35eb9c2f.presence', eventBody: {} } }, /^Not a Dataverse RemoteExecutionContext: /],
	])('malformed: %s → Rejected 400 with what was wrong', async (_name, request, reason) => {
		const out = await run(dataverse(), [webhookItem({ query: { code: KEY }, ...request })]);
		expect(out.events).toEqual([]);
		expect(out.rejected).toHaveLength(1);
		expect(out.rejected[0]).toMatchObject({ source: 'dataverse', status: 400 });
		expect(out.rejected[0].reason).toMatch(reason);
	});

	test('filters: an unselected event (capacity-only) and an ignored writer give no item on either output', async () => {
		const capacity = h.capacityOnlyUpdate();
		const node = dataverse({ events: ['presence_changed', 'logged_in', 'logged_out'] });
		const out = await run(node, [webhookItem({ body: capacity, query: { code: KEY } }), webhookItem({ body: h.updateFixture(), query: { code: KEY } })]);
		expect(out.events).toEqual([UPDATE_ITEM]);
		expect(out.result.rawItems(NODE)[0].pairedItem).toEqual({ item: 1 });

		const ignoring = dataverse({ ignoreUserIds: 'D89254FF-9438-EF11-A315-000D3A5A54DC' });
		const skipped = await run(ignoring, [webhookItem({ body: h.updateFixture(), query: { code: KEY } })]);
		expect([skipped.events, skipped.rejected]).toEqual([[], []]);
	});

	test('Include Raw Payload adds the body as sent', async () => {
		const out = await run(dataverse({ includeRaw: true }), [webhookItem({ body: h.updateFixture(), query: { code: KEY } })]);
		expect(out.events).toEqual([{ ...UPDATE_ITEM, raw: h.updateFixture() }]);
	});

	test('size exceeded without a credential: the truncated item the trigger emits', async () => {
		const body = { ...h.updateFixture(), InputParameters: [], PreEntityImages: [], PostEntityImages: [] };
		const out = await run(dataverse(), [webhookItem({ body, query: { code: KEY }, headers: { 'x-ms-dynamics-msg-size-exceeded': 'true' } })]);
		expect(out.events).toEqual([h.truncatedItem(body, 'node')]);
	});
});

describe('Dataverse, with the simulated Dataverse', () => {
	/** @type {any} */ let sim;
	h.useSharedSimulator((s) => (sim = s));

	test('Resolve Custom Presences: the msdyn_presences row gives name and category', async () => {
		const lunch = require('../simulator').IDS.dataverse.presences.lunch;
		const body = h.setAttr(h.updateFixture(), 'msdyn_currentpresenceid', h.ref('msdyn_presence', lunch));
		const node = { ...dataverse({ resolveCustomPresences: true }), credentials: { dynamicsContactCenterApi: { id: '1', name: 'Dataverse' } } };
		const out = await run(node, [webhookItem({ body, query: { code: KEY } })], h.simulatorCredentials(sim));
		expect(out.events).toEqual([
			{ ...UPDATE_ITEM, presenceId: lunch, presenceName: 'Lunch', category: 'away', basePresenceStatus: 192360003, customPresence: true },
		]);
		expect(sim.requests.filter((/** @type {any} */ r) => r.method === 'GET').map((/** @type {any} */ r) => r.path)).toEqual([`/api/data/v9.2/msdyn_presences(${lunch})`]);
	});

	test("Ignore This Sync's Own Writes: the credential's application user (WhoAmI) is skipped", async () => {
		// The seed fixture's change was made by the simulator's application user; an agent's is not.
		expect(require('../simulator').IDS.dataverse.applicationUserId).toBe(UPDATE_ITEM.initiatingUserId);
		const AGENT = '97c90b02-4e38-ef11-a315-000d3a5a54dc';
		const agents = { ...h.updateFixture(), InitiatingUserId: AGENT, UserId: AGENT };
		const node = { ...dataverse({ ignoreOwnWrites: true }), credentials: { dynamicsContactCenterApi: { id: '1', name: 'Dataverse' } } };
		const out = await run(node, [webhookItem({ body: h.updateFixture(), query: { code: KEY } }), webhookItem({ body: agents, query: { code: KEY } })], h.simulatorCredentials(sim));
		expect(out.events).toEqual([{ ...UPDATE_ITEM, initiatingUserId: AGENT, userId: AGENT }]);
		expect(out.result.rawItems(NODE)[0].pairedItem).toEqual({ item: 1 });
		expect(out.rejected).toEqual([]);
		expect(sim.requests.filter((/** @type {any} */ r) => /\/WhoAmI$/.test(r.path))).toHaveLength(1);
	});

	test('Continue On Fail: a failed item carries its error, the others go on', async () => {
		// Own writes with no credential: WhoAmI cannot be asked, for the readable event only.
		const node = dataverse({ ignoreOwnWrites: true });
		const harness = await createHarness({});
		const result = await harness.runWorkflow({
			nodes: [{ ...node, onError: 'continueRegularOutput' }],
			inputItems: [webhookItem({ raw: 'not json', query: { code: KEY } }), webhookItem({ body: h.updateFixture(), query: { code: KEY } })],
		});
		expect(result.rawItems(NODE, 1).map((/** @type {any} */ i) => [i.pairedItem, i.json.status])).toEqual([[{ item: 0 }, 400]]);
		const errors = result.rawItems(NODE, 0);
		expect(errors).toHaveLength(1);
		expect(errors[0].pairedItem).toEqual({ item: 1 });
		expect(errors[0].json.error).toEqual(expect.any(String));
		expect(sim.requests).toEqual([]);
	});
});

describe('Genesys Cloud: notification and EventBridge formats, from queues', () => {
	const { USER, presenceNotification: notification, AVAILABLE_ITEM: ITEM, eventBridgeEvent: eventBridge } = genesysEvents;
	const genesys = (/** @type {Record<string, any>} */ parameters) => eventNode({ source: 'genesys', ...parameters });

	test('Webhook node, header key, bare notification', async () => {
		const node = genesys({ verification: 'header', headerName: 'x-presence-key', sharedKey: KEY });
		const out = await run(node, [webhookItem({ body: notification(), headers: { 'x-presence-key': KEY } })]);
		expect(out.events).toEqual([ITEM]);
	});

	test('Kafka Trigger: the EventBridge envelope as message text, key in a Kafka header', async () => {
		const node = genesys({ verification: 'header', headerName: 'X-Presence-Key', sharedKey: KEY, bodyField: 'message', headersField: 'headers' });
		const out = await run(node, [kafkaItem(eventBridge(notification()), { 'X-Presence-Key': KEY })]);
		expect(out.events).toEqual([ITEM]);
	});

	test('RabbitMQ Trigger (JSON-parsed content, key in the message headers)', async () => {
		const node = genesys({ verification: 'header', headerName: 'x-presence-key', sharedKey: KEY, bodyField: 'content', headersField: 'properties.headers' });
		const out = await run(node, [rabbitItem(notification('OFFLINE'), { 'x-presence-key': KEY })]);
		expect(out.events).toEqual([{ ...ITEM, event: 'logged_out', category: 'offline', loggedIn: false, presenceName: 'Offline', systemPresence: 'OFFLINE' }]);
	});

	test('an SQS message (EventBridge → SQS), no verification; a wrong key in RabbitMQ is rejected', async () => {
		const out = await run(genesys({ verification: 'none', bodyField: 'Body' }), [sqsItem(eventBridge(notification()))]);
		expect(out.events).toEqual([ITEM]);
		const node = genesys({ verification: 'header', headerName: 'x-presence-key', sharedKey: KEY, bodyField: 'content', headersField: 'properties.headers' });
		const wrong = await run(node, [rabbitItem(notification(), { 'x-presence-key': 'shared-key-0000' })]);
		expect([wrong.events, wrong.rejected]).toEqual([[], [{ source: 'genesys', status: 401, reason: 'Unauthorized: Wrong value in header "x-presence-key"' }]]);
	});

	test('wrong topic, and a Dataverse body, are Rejected 400 for this source', async () => {
		const out = await run(genesys({ verification: 'none', bodyField: 'Body' }), [
			sqsItem({ ...notification(), topicName: `v2.users.${USER}.routingStatus` }),
			sqsItem(h.updateFixture()),
		]);
		expect(out.events).toEqual([]);
		expect(out.rejected).toEqual([
			{ source: 'genesys', status: 400, reason: 'Not a Genesys Cloud user-presence event: topicName: expected topic v2.users.{id}.presence' },
			{ source: 'genesys', status: 400, reason: 'Not a Genesys Cloud user-presence event: topicName: Required' },
		]);
	});

	test('a Vonage Signature setting on a Genesys source is rejected, never skipped', async () => {
		const out = await run(genesys({ verification: 'vonageSignature' }), [webhookItem({ body: notification() })]);
		expect(out.rejected).toEqual([{ source: 'genesys', status: 401, reason: 'Unauthorized: Genesys Cloud does not send "vonageSignature" signatures' }]);
	});
});

describe('Vonage Contact Center webhooks: Vonage Signature over the Raw Body', () => {
	const CREDENTIAL = 'vonageContactCenterWebhookApi';
	const ITEM = READY_ITEM;
	const event = () => presenceChangedEvent({ type: 'ready', description: 'Ready', subcategory: 'ready' }, 'Ready');
	const vonage = () => ({ ...eventNode({ source: 'vonage', verification: 'vonageSignature' }), credentials: credentialRef(CREDENTIAL) });
	/** n8n's Webhook node on a cloudevents+json POST with Raw Body on: no parsed body, the bytes in binary data. */
	const delivered = (/** @type {{ body: string, headers: Record<string, string> }} */ signed) =>
		webhookItem({ raw: signed.body, mimeType: signed.headers['content-type'], headers: { 'vonage-signature': signed.headers['vonage-signature'] } });
	const creds = { [CREDENTIAL]: { subscriptionSecret: SECRET } };

	test('signed by Vonage → the exact item', async () => {
		const out = await run(vonage(), [delivered(signWebhook(event(), SECRET))], creds);
		expect(out.events).toEqual([ITEM]);
		expect(out.rejected).toEqual([]);
	});

	test.each([
		['tampered body', () => ({ ...signWebhook(event(), SECRET), body: signWebhook(event(), SECRET).body.replace('"Ready"}', '"Away"}') }), 'The body does not match the Vonage-Signature payload_hash'],
		['another secret', () => signWebhook(event(), Buffer.from('another-subscription-secret').toString('base64')), 'The Vonage-Signature JWT does not verify with the configured subscription secret'],
		['expired', () => signWebhook(event(), SECRET, { now: Date.now() - 10 * 60_000 }), 'The Vonage-Signature JWT has expired'],
		['alg none', () => signWebhook(event(), SECRET, { alg: 'none' }), 'The Vonage-Signature JWT must be signed with HS256, not "none"'],
	])('%s → Rejected 401, nothing on Event', async (_name, sign, reason) => {
		const out = await run(vonage(), [delivered(sign())], creds);
		expect([out.events, out.rejected]).toEqual([[], [{ source: 'vonage', status: 401, reason: `Unauthorized: ${reason}` }]]);
	});

	test('without the Raw Body the signature cannot be checked: Rejected', async () => {
		const signed = signWebhook(event(), SECRET);
		const out = await run(vonage(), [webhookItem({ body: event(), headers: { 'vonage-signature': signed.headers['vonage-signature'] } })], creds);
		expect(out.rejected).toEqual([{ source: 'vonage', status: 401, reason: 'Unauthorized: The request body is not available to check the Vonage signature' }]);
	});

	test('no credential selected: Rejected, the reason names the node', async () => {
		const out = await run(eventNode({ source: 'vonage', verification: 'vonageSignature' }), [delivered(signWebhook(event(), SECRET))]);
		expect(out.rejected).toEqual([
			{ source: 'vonage', status: 401, reason: 'Unauthorized: No Vonage subscription secret is configured: select a Vonage Contact Center Webhook API credential on the node' },
		]);
	});
});

describe('an unknown source is an error, never another vendor\'s parser', () => {
	test('the node fails naming the source; with Continue On Fail each item carries the error', async () => {
		const harness = await createHarness({});
		const node = eventNode({ source: 'salesforce', verification: 'none' });
		const failed = await harness.runWorkflow({ nodes: [node], inputItems: [webhookItem({ body: h.updateFixture() })] });
		expect(failed.nodeError(NODE)?.message).toBe('Unknown source "salesforce"');

		const going = await harness.runWorkflow({ nodes: [{ ...node, onError: 'continueRegularOutput' }], inputItems: [webhookItem({ body: {} }), webhookItem({ body: {} })] });
		expect(going.rawItems(NODE).map((/** @type {any} */ i) => [i.pairedItem, i.json.error])).toEqual([
			[{ item: 0 }, 'Unknown source "salesforce"'],
			[{ item: 1 }, 'Unknown source "salesforce"'],
		]);
	});
});
