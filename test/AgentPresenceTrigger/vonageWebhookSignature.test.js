// @ts-check
/**
 * Agent Presence Trigger, source Vonage, verification "Vonage Signature (JWT)": notifications
 * signed as Vonage signs them (the simulator's signWebhook) start exactly one execution; anything
 * else — tampered body, expired, another secret, alg none, no header — is answered 401 and starts
 * nothing. Ready (Outbound) arrives as busy. The secret lives in the Vonage Contact Center Webhook
 * credential; workflows made before it keep theirs in the node's old Subscription Secret parameter.
 */
const crypto = require('node:crypto');

const { createTriggerHarness } = require('../harness/webhook');
const { signWebhook } = require('../simulator/vonage');
const { presenceChangedEvent, READY_ITEM } = require('./vonage');
const { credentialRef } = require('../helpers/vendors');

const SECRET = 'YqABRE18Vk2zfiVVMV7uag==';
const OTHER_SECRET = Buffer.from('another-subscription-secret').toString('base64');

const CREDENTIAL = 'vonageContactCenterWebhookApi';

/** The trigger with the secret in its Vonage Contact Center Webhook API credential (what new workflows do). */
const trigger = (parameters = {}, secret = SECRET) => ({
	credentials: { [CREDENTIAL]: { subscriptionSecret: secret } },
	trigger: {
		name: 'Presence',
		type: 'agentPresenceTrigger',
		parameters: { source: 'vonage', verification: 'vonageSignature', ...parameters },
		credentials: credentialRef(CREDENTIAL),
	},
});

/** A workflow saved before the credential existed: the secret in the node's old parameter, no credential. */
const oldTrigger = (secret = SECRET) => ({
	trigger: {
		name: 'Presence',
		type: 'agentPresenceTrigger',
		parameters: { source: 'vonage', verification: 'vonageSignature', vonageSignatureSecret: secret },
	},
});

/** Vonage's "agent.presencechanged.v0" example, with the presence given. */
const event = (category = { type: 'ready', description: 'Ready', subcategory: 'ready' }, description = 'Ready') =>
	presenceChangedEvent(category, description);

const ITEM = READY_ITEM;

/** POSTs a signed notification the way Vonage sends it (raw CloudEvent JSON, signature header). */
async function deliver(t, signed) {
	return await t.post({ rawBody: signed.body, contentType: signed.headers['content-type'], headers: { 'vonage-signature': signed.headers['vonage-signature'] } });
}

const b64url = (v) => Buffer.from(v).toString('base64url');

describe('Vonage Signature (JWT)', () => {
	test('a notification signed by Vonage → one execution with the exact item', async () => {
		const t = await createTriggerHarness(trigger());
		const out = await deliver(t, signWebhook(event(), SECRET));
		expect(out).toMatchObject({ status: 200, executed: true, body: { message: 'Event received', event: 'presence_changed' } });
		expect(out.items).toEqual([ITEM]);
	});

	test('version 2 (what new workflows get): n8n leaves an application/cloudevents+json body unread, the trigger reads it', async () => {
		const t = await createTriggerHarness({ ...trigger(), trigger: { ...trigger().trigger, typeVersion: 2 } });
		const signed = signWebhook(event(), SECRET);
		expect(signed.headers['content-type']).toBe('application/cloudevents+json');
		const out = await deliver(t, signed);
		expect(out).toMatchObject({ status: 200, executed: true, body: { message: 'Event received', event: 'presence_changed' } });
		expect(out.items).toEqual([ITEM]);
	});

	test('Ready (Outbound) arrives as busy: no inbound work for that agent', async () => {
		const t = await createTriggerHarness(trigger());
		const outbound = event({ type: 'ready', description: 'Ready', subcategory: 'readyOutbound' }, 'Ready (Outbound)');
		const out = await deliver(t, signWebhook(outbound, SECRET));
		expect(out.items).toEqual([{ ...ITEM, presenceName: 'Ready (Outbound)', category: 'busy', subcategory: 'readyOutbound' }]);
	});

	const rejected = [
		[
			'tampered body (signature for another presence)',
			() => {
				const signed = signWebhook(event(), SECRET);
				return { ...signed, body: signed.body.replace('"Ready"}', '"Away"}') };
			},
			'The body does not match the Vonage-Signature payload_hash',
		],
		['expired (issued 6 minutes ago)', () => signWebhook(event(), SECRET, { now: Date.now() - 6 * 60 * 1000 }), 'The Vonage-Signature JWT has expired'],
		['another subscription\'s secret', () => signWebhook(event(), OTHER_SECRET), 'The Vonage-Signature JWT does not verify with the configured subscription secret'],
		['alg none, no signature', () => signWebhook(event(), SECRET, { alg: 'none' }), 'The Vonage-Signature JWT must be signed with HS256, not "none"'],
		[
			'alg none with the valid HMAC kept',
			() => {
				const signed = signWebhook(event(), SECRET);
				const [, claims, signature] = signed.headers['vonage-signature'].slice('Bearer '.length).split('.');
				const none = b64url(JSON.stringify({ alg: 'none', typ: 'JWT' }));
				return { ...signed, headers: { ...signed.headers, 'vonage-signature': `Bearer ${none}.${claims}.${signature}` } };
			},
			'The Vonage-Signature JWT must be signed with HS256, not "none"',
		],
		['HS512 instead of HS256', () => signWebhook(event(), SECRET, { alg: 'HS512' }), 'The Vonage-Signature JWT must be signed with HS256, not "HS512"'],
		['no exp claim', () => signWebhook(event(), SECRET, { claims: { exp: undefined } }), 'The Vonage-Signature JWT has no expiry (exp)'],
		['missing header', () => ({ ...signWebhook(event(), SECRET), headers: { 'content-type': 'application/cloudevents+json', 'vonage-signature': '' } }), 'Missing header "Vonage-Signature"'],
		['a static header value', () => ({ ...signWebhook(event(), SECRET), headers: { 'content-type': 'application/cloudevents+json', 'vonage-signature': SECRET } }), 'The Vonage-Signature header is not a JWT'],
	];

	test.each(rejected)('%s → 401, no execution', async (_name, make, message) => {
		const t = await createTriggerHarness(trigger());
		const out = await deliver(t, make());
		expect(out).toEqual({ status: 401, executed: false, items: [], body: { code: 401, message: `Unauthorized: ${message}` } });
		expect(JSON.stringify(out.body)).not.toContain(SECRET);
	});

	test('the HMAC is checked with the base64-decoded secret (Vonage\'s consumer example)', async () => {
		const t = await createTriggerHarness(trigger());
		// Signed with the secret's text instead of its bytes: refused.
		const signed = signWebhook(event(), Buffer.from(SECRET, 'utf8').toString('base64'));
		expect((await deliver(t, signed)).status).toBe(401);
		const body = signWebhook(event(), SECRET).body;
		const hash = crypto.createHash('sha256').update(body).digest('hex');
		const [, claims] = signWebhook(event(), SECRET).headers['vonage-signature'].split('.');
		expect(JSON.parse(Buffer.from(claims, 'base64url').toString())).toMatchObject({ payload_hash: hash });
	});

	test('no secret configured, or one that is not base64 → 401 naming the configuration', async () => {
		const none = await deliver(await createTriggerHarness(oldTrigger('')), signWebhook(event(), SECRET));
		expect(none).toMatchObject({
			status: 401,
			executed: false,
			body: { message: 'Unauthorized: No Vonage subscription secret is configured: select a Vonage Contact Center Webhook API credential on the trigger' },
		});
		const text = await deliver(await createTriggerHarness(trigger({}, 'not base64!')), signWebhook(event(), SECRET));
		expect(text).toMatchObject({ status: 401, executed: false });
	});

	test('a replayed signature is accepted only while it is valid, and for the exact body it covers', async () => {
		const t = await createTriggerHarness(trigger());
		const signed = signWebhook(event(), SECRET);
		expect((await deliver(t, signed)).items).toEqual([ITEM]);
		// Same JWT, different body (another agent): refused.
		const other = JSON.stringify(event()).replace('e56a3bb6-1881-46cc-9e26-0191c7b1187f', 'daab05ec-ba50-45af-a6fd-3b01cdc6f39b');
		expect((await deliver(t, { ...signed, body: other })).status).toBe(401);
	});
});

describe('the secret: Vonage Contact Center Webhook API credential, the old node parameter as a fallback', () => {
	test('a workflow saved with the old Subscription Secret parameter and no credential: good → one execution; bad, expired → 401, none', async () => {
		const t = await createTriggerHarness(oldTrigger());
		const good = await deliver(t, signWebhook(event(), SECRET));
		expect(good).toMatchObject({ status: 200, executed: true });
		expect(good.items).toEqual([ITEM]);
		const bad = await deliver(t, signWebhook(event(), OTHER_SECRET));
		expect(bad).toEqual({
			status: 401,
			executed: false,
			items: [],
			body: { code: 401, message: 'Unauthorized: The Vonage-Signature JWT does not verify with the configured subscription secret' },
		});
		const expired = await deliver(t, signWebhook(event(), SECRET, { now: Date.now() - 6 * 60 * 1000 }));
		expect(expired).toEqual({ status: 401, executed: false, items: [], body: { code: 401, message: 'Unauthorized: The Vonage-Signature JWT has expired' } });
	});

	test('the credential wins over an old parameter still on the node', async () => {
		const t = await createTriggerHarness(trigger({ vonageSignatureSecret: OTHER_SECRET }));
		expect((await deliver(t, signWebhook(event(), SECRET))).items).toEqual([ITEM]);
		expect((await deliver(t, signWebhook(event(), OTHER_SECRET))).status).toBe(401);
	});

	test('activation: with the credential or the old parameter it publishes; with neither it refuses, naming the credential', async () => {
		await expect((await createTriggerHarness(trigger())).activate()).resolves.toEqual({ existed: true });
		await expect((await createTriggerHarness(oldTrigger())).activate()).resolves.toEqual({ existed: true });
		await expect((await createTriggerHarness(oldTrigger(''))).activate()).rejects.toMatchObject({
			message: "Vonage Signature needs the webhook subscription's secret",
			description: expect.stringContaining('Vonage Contact Center Webhook API credential'),
		});
	});

	test("the credential's test (testedBy the trigger; it calls no API): a base64 secret passes, anything else fails without echoing it", async () => {
		const { AgentPresenceTrigger } = require('../../dist/nodes/AgentPresenceTrigger/AgentPresenceTrigger.node');
		const node = new AgentPresenceTrigger();
		const test = (/** @type {string} */ subscriptionSecret) =>
			node.methods.credentialTest.vonageSubscriptionSecret.call({}, { id: '1', name: 'Vonage', type: CREDENTIAL, data: { subscriptionSecret } });
		expect(await test(SECRET)).toEqual({ status: 'OK', message: 'The secret has the form Vonage Contact Center gives' });
		expect(await test('not base64!')).toEqual({ status: 'Error', message: 'The subscription secret is not base64, as Vonage Contact Center gives it' });
		expect(await test('  ')).toEqual({ status: 'Error', message: 'Enter the subscription secret Vonage Contact Center gave' });
	});

	test('the node asks for the credential only with Source = Vonage and Vonage Signature; the old parameter is hidden', () => {
		const { AgentPresenceTrigger } = require('../../dist/nodes/AgentPresenceTrigger/AgentPresenceTrigger.node');
		const { description } = new AgentPresenceTrigger();
		expect(description.credentials).toContainEqual({
			name: CREDENTIAL,
			required: true,
			testedBy: 'vonageSubscriptionSecret',
			displayOptions: { show: { source: ['vonage'], verification: ['vonageSignature'] } },
		});
		expect(description.properties.find((p) => p.name === 'vonageSignatureSecret')).toMatchObject({ type: 'hidden', default: '' });
		const { VonageContactCenterWebhookApi } = require('../../dist/credentials/VonageContactCenterWebhookApi.credentials');
		// One field (a notice linking the setup guide above it stores nothing).
		expect(new VonageContactCenterWebhookApi().properties.filter((/** @type {any} */ p) => p.type !== 'notice')).toEqual([
			expect.objectContaining({ name: 'subscriptionSecret', type: 'string', typeOptions: { password: true }, required: true }),
		]);
	});
});

test('with Source = Vonage, the header mode points to Vonage Signature and no hint talks about Dynamics\' WebhookKey', () => {
	const { properties } = require('../../dist/nodes/AgentPresenceTrigger/properties');
	const verification = properties.find((p) => p.name === 'verification' && p.displayOptions?.show?.source?.includes('vonage'));
	const header = verification.options.find((o) => o.value === 'header');
	expect(header.description).toMatch(/Vonage Contact Center signs each notification instead: prefer Vonage Signature/);
	expect(verification.options.map((o) => o.value)).toContain('vonageSignature');
	expect(JSON.stringify(verification)).not.toMatch(/WebhookKey|Dataverse|Dynamics/);
});
