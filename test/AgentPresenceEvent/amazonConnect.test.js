// @ts-check
/**
 * Amazon Connect's agent event stream as a Source of the Agent Presence Event node, through n8n's
 * engine: the records as an EventBridge Pipes API destination posts them to n8n's Webhook node, as
 * n8n's AWS SQS Trigger, Kafka Trigger and RabbitMQ Trigger emit them. A batch gives one item per
 * status change (heartbeats, contact-only changes and a repeated EventId give none), all paired
 * with the input item; a body that is no agent event, or a wrong key, gives one Rejected item.
 */
const { runEventNode } = require('./run');
const { webhookItem, kafkaItem, rabbitItem, sqsItem } = require('./inputs');
const r = require('../AmazonConnect/records');

const KEY = 'cx-key-7Qv2Lp9';
const NODE = 'Event';
const AGENT_ID = '87654321-aaaa-4bbb-8ccc-0123456789ab';

/** What the trigger and the event node emit for login, toBreak and logout (records.js). */
const common = { source: 'amazonConnect', agentId: AGENT_ID, nextStatus: null, contactsInProgress: 0, username: 'alex.agent@contoso.com' };
const LOGIN_ITEM = { ...common, event: 'logged_in', presenceId: 'status-available', presenceName: 'Available', category: 'available', loggedIn: true, changedAt: '2026-01-31T09:00:00.000Z', previousPresenceName: null, eventId: 'e-1' };
const BREAK_ITEM = { ...common, event: 'presence_changed', presenceId: 'status-break', presenceName: 'Break', category: 'away', loggedIn: true, changedAt: '2026-01-31T09:30:00.000Z', previousPresenceName: 'Available', eventId: 'e-2' };
const LOGOUT_ITEM = { ...common, event: 'logged_out', presenceId: null, presenceName: null, category: 'offline', loggedIn: false, changedAt: '2026-01-31T09:30:00.120Z', previousPresenceName: 'Break', eventId: 'e-5' };

/** A batch with everything the stream sends: a heartbeat, a contact-only change, a record delivered twice. */
const BATCH = [r.login, r.heartbeat, r.toBreak, r.contactOnly, r.toBreak, r.logout];
const pipesBatch = () => BATCH.map((record, n) => r.kinesisRecord(record, n));

/** @param {Record<string, any>} parameters */
const connect = (parameters = {}) => ({
	name: NODE,
	type: 'agentPresenceEvent',
	parameters: { source: 'amazonConnect', verification: 'header', headerName: 'x-api-key', sharedKey: KEY, ...parameters },
});

/** @param {any} node @param {any[]} items */
const run = (node, items) => runEventNode(node, items, [KEY]);

describe('Amazon Connect agent event stream', () => {
	test('EventBridge Pipes API destination → Webhook node: one item per change, paired, key in the Connection\'s header', async () => {
		const out = await run(connect(), [webhookItem({ body: pipesBatch(), headers: { 'x-api-key': KEY } })]);
		expect(out.events).toEqual([LOGIN_ITEM, BREAK_ITEM, LOGOUT_ITEM]);
		expect(out.rejected).toEqual([]);
		expect(out.result.rawItems(NODE).map((/** @type {any} */ i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
	});

	test('AWS SQS Trigger: each message\'s Body (a Pipes record) gives its item, paired with its message', async () => {
		const messages = [sqsItem(r.kinesisRecord(r.heartbeat)), sqsItem(r.kinesisRecord(r.toBreak)), sqsItem(r.kinesisRecord(r.logout))];
		const out = await run(connect({ verification: 'none', bodyField: 'Body' }), messages);
		expect(out.events).toEqual([BREAK_ITEM, LOGOUT_ITEM]);
		expect(out.result.rawItems(NODE).map((/** @type {any} */ i) => i.pairedItem)).toEqual([{ item: 1 }, { item: 2 }]);
	});

	test('Kafka Trigger: the records as the message text, the key in a message header', async () => {
		const out = await run(connect({ bodyField: 'message' }), [kafkaItem(BATCH, { 'x-api-key': KEY })]);
		expect(out.events).toEqual([LOGIN_ITEM, BREAK_ITEM, LOGOUT_ITEM]);
	});

	test('RabbitMQ Trigger: a Lambda-style Kinesis event as the content, the key in the message properties\' headers', async () => {
		const lambda = { Records: [{ kinesis: { data: r.base64(r.toBreak) } }, { kinesis: { data: r.base64(r.heartbeat) } }] };
		const node = connect({ bodyField: 'content', headersField: 'properties.headers' });
		const out = await run(node, [rabbitItem(JSON.stringify(lambda), { 'X-Api-Key': KEY })]);
		expect(out.events).toEqual([BREAK_ITEM]);
	});

	test('a batch of heartbeats and contact-only changes gives nothing on either output', async () => {
		const out = await run(connect(), [webhookItem({ body: [r.kinesisRecord(r.heartbeat), r.kinesisRecord(r.contactOnly)], headers: { 'x-api-key': KEY } })]);
		expect([out.events, out.rejected]).toEqual([[], []]);
	});

	test('Events filter and Include Raw Payload: each item carries its own record, not the batch', async () => {
		const out = await run(connect({ events: ['presence_changed'], includeRaw: true }), [webhookItem({ body: pipesBatch(), headers: { 'x-api-key': KEY } })]);
		expect(out.events).toEqual([{ ...BREAK_ITEM, raw: r.toBreak }]);
	});

	test.each([
		['wrong key', { body: pipesBatch(), headers: { 'x-api-key': 'cx-key-0000000' } }, 401, 'Unauthorized: Wrong value in header "x-api-key"'],
		['no key', { body: pipesBatch() }, 401, 'Unauthorized: Missing header "x-api-key"'],
		['not JSON', { raw: '[{"EventType": "LOGIN",', headers: { 'x-api-key': KEY } }, 400, /^Body is not valid JSON: /],
		['no agent event', { body: { hello: 'there' }, headers: { 'x-api-key': KEY } }, 400, 'Not an Amazon Connect agent event: no EventType in an object with hello'],
		['a Kinesis record whose data is not JSON', { body: [{ eventSource: 'aws:kinesis', data: Buffer.from('not json').toString('base64') }], headers: { 'x-api-key': KEY } }, 400, /^Not an Amazon Connect agent event: a record is not JSON \(Unexpected token/],
	])('%s → nothing on Event, one Rejected item', async (_name, request, status, reason) => {
		const out = await run(connect(), [webhookItem(request)]);
		expect(out.events).toEqual([]);
		expect(out.rejected).toHaveLength(1);
		expect(out.rejected[0]).toMatchObject({ source: 'amazonConnect', status });
		expect(out.rejected[0].reason).toMatch(reason);
	});
});
