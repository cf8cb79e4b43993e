// @ts-check
/**
 * Microsoft Graph change notifications (a Teams presence subscription made outside n8n) as a Source
 * of the Agent Presence Event node, verified by the subscription's clientState. Graph's docs have
 * the receiver check clientState on every notification of a collection and discard those that do
 * not match, so each value is verified alone: right ones give items, wrong or missing ones give a
 * Rejected item each. The clientState never reaches an item, not even Include Raw Payload's.
 */
const { runEventNode } = require('./run');
const { webhookItem } = require('./inputs');

const CLIENT_STATE = 'cs-Xq7Lm2Pz9Rk4';
const NODE = 'Event';
const USER_A = '66825e03-7ef5-42da-9069-724602c31f6b';
const USER_B = '0f7c1b0a-2c3e-4d8f-9a6b-5e4d3c2b1a09';
const TENANT = 'fec73c09-5f32-43fd-b767-9181f871fbcf';
const SUBSCRIPTION = '37a10357-9c28-4cb8-8a4f-a85a1e9b5a7b';

/** A basic presence notification, as Graph sends it since the 2024 change (no presence in it). @param {string} user @param {Record<string, any>} [extra] */
const notification = (user, extra = {}) => ({
	subscriptionId: SUBSCRIPTION,
	clientState: CLIENT_STATE,
	changeType: 'updated',
	resource: `communications/presences?$filter=id+in+(%27${user}%27)`,
	subscriptionExpirationDateTime: '2026-12-06T15:20:00.4569264+00:00',
	resourceData: { '@odata.type': '#Microsoft.Graph.presence', '@odata.id': `users/${user}/presence`, id: user },
	tenantId: TENANT,
	...extra,
});

/** @param {string} user */
const itemOf = (user) => ({
	source: 'teams',
	event: 'presence_changed',
	agentId: user,
	presenceId: null,
	presenceName: null,
	category: null,
	changedAt: null,
	subscriptionId: SUBSCRIPTION,
	tenantId: TENANT,
	changeType: 'updated',
});

/** @param {Record<string, any>} parameters */
const graph = (parameters = {}) => ({
	name: NODE,
	type: 'agentPresenceEvent',
	parameters: { source: 'teams', verification: 'graphClientState', sharedKey: CLIENT_STATE, ...parameters },
});

/** @param {any} node @param {any[]} items */
const run = (node, items) => runEventNode(node, items, [CLIENT_STATE]);

describe('Microsoft Graph presence change notifications', () => {
	test('right clientState on every value: one item per notified user, in order, paired', async () => {
		const out = await run(graph(), [webhookItem({ body: { value: [notification(USER_A), notification(USER_B)] } })]);
		expect(out.events).toEqual([itemOf(USER_A), itemOf(USER_B)]);
		expect(out.rejected).toEqual([]);
		expect(out.result.rawItems(NODE).map((/** @type {any} */ i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	test('per value: a wrong and a missing clientState are rejected one by one, the right one passes', async () => {
		const { clientState: _dropped, ...unsigned } = notification(USER_B);
		const body = { value: [notification(USER_A, { clientState: 'cs-0000000000000' }), notification(USER_B), unsigned] };
		const out = await run(graph(), [webhookItem({ body })]);
		expect(out.events).toEqual([itemOf(USER_B)]);
		expect(out.rejected).toEqual([
			{ source: 'teams', status: 401, reason: 'Unauthorized: Wrong clientState' },
			{ source: 'teams', status: 401, reason: 'Unauthorized: Missing clientState' },
		]);
	});

	test('a template placeholder as the clientState is none: the whole collection is rejected once', async () => {
		const out = await run(graph({ sharedKey: 'REPLACE_WITH_CLIENT_STATE' }), [webhookItem({ body: { value: [notification(USER_A)] } })]);
		expect(out.events).toEqual([]);
		expect(out.rejected).toEqual([{ source: 'teams', status: 401, reason: 'Unauthorized: No clientState is configured on the node (enter it as the Shared Key)' }]);
	});

	test('Include Raw Payload: each item carries its own notification, without the clientState', async () => {
		const out = await run(graph({ includeRaw: true }), [webhookItem({ body: { value: [notification(USER_A)] } })]);
		const { clientState: _secret, ...raw } = notification(USER_A);
		expect(out.events).toEqual([{ ...itemOf(USER_A), raw }]);
	});

	test('a validation request (validationToken, no body) and lifecycle notifications give nothing on either output', async () => {
		const validation = webhookItem({ query: { validationToken: 'Validation: Testing client application reachability for subscription Request-Id: 5e6d' }, mimeType: 'text/plain' });
		const lifecycle = webhookItem({ body: { value: [notification(USER_A, { lifecycleEvent: 'reauthorizationRequired' })] } });
		const out = await run(graph(), [validation, lifecycle]);
		expect([out.events, out.rejected]).toEqual([[], []]);
	});

	test('the Events filter applies to each notification', async () => {
		const out = await run(graph({ events: ['logged_in'] }), [webhookItem({ body: { value: [notification(USER_A)] } })]);
		expect([out.events, out.rejected]).toEqual([[], []]);
	});

	test.each([
		['no value collection', { hello: 'there' }, 'Not a Microsoft Graph change notification collection: expected {"value": [...]}'],
		['a value that is not an object', { value: ['x'] }, 'value.0: expected a change notification object'],
		['a notification naming no user', { value: [{ ...notification(USER_A), resource: 'me/events', resourceData: {} }] }, 'value.0: no user in resource or resourceData (not a presence notification)'],
	])('malformed: %s → one Rejected 400 item', async (_name, body, reason) => {
		const out = await run(graph(), [webhookItem({ body })]);
		expect(out.events).toEqual([]);
		expect(out.rejected).toEqual([{ source: 'teams', status: 400, reason }]);
	});
});
