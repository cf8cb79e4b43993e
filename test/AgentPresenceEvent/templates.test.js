// @ts-check
/**
 * The Webhook-node-entry templates (#23 item 2): nodes and connections exactly as in templates/,
 * n8n's Webhook node replaced by the harness's Input, fed the item the Webhook node emits for the
 * vendor's delivery, against the simulator. Asserts the one write the target vendor receives, and
 * none for a rejected event.
 */
const fs = require('node:fs');
const path = require('node:path');
const { useSimulator, allCredentials, apiCalls, IDS } = require('../helpers/vendors');
const { createHarness } = require('../harness');
const { sourceShows } = require('../helpers/sourceChanges');
const { signWebhook } = require('../simulator/vonage');
const h = require('../AgentPresenceTrigger/dataverse');
const { dataverseWrites: templateWrites, modify } = require('../helpers/templates');
const { webhookItem } = require('./inputs');

const EVENT = 'Agent Presence Event';
const VONAGE_SECRET = Buffer.from('template-subscription-secret').toString('base64');
const t = useSimulator();

/** A template after its Webhook node: Input wired to the event node, everything else as shipped. */
function webhookTemplate(/** @type {string} */ file) {
	const w = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'templates', `${file}.json`), 'utf8'));
	const entry = w.nodes.filter((/** @type {any} */ n) => n.type === 'n8n-nodes-base.webhook').map((/** @type {any} */ n) => n.name);
	expect(entry).toHaveLength(1);
	const nodes = w.nodes.filter((/** @type {any} */ n) => n.type !== 'n8n-nodes-base.stickyNote' && !entry.includes(n.name));
	const connections = Object.fromEntries(Object.entries(w.connections).filter(([from]) => !entry.includes(from)));
	connections.Input = { main: [[{ node: EVENT, type: 'main', index: 0 }]] };
	return { w, nodes, connections };
}

/** The harness with every simulator credential, plus the Vonage webhook subscription's secret. */
const harness = async () =>
	await createHarness({ credentials: { ...allCredentials(t.sim), vonageContactCenterWebhookApi: { subscriptionSecret: VONAGE_SECRET } } });

const dataverseWrites = () => templateWrites(t.sim);

test('each Webhook-entry template: n8n Webhook node v2, static parameters, answers at once, then the event node', () => {
	for (const file of ['webhook-dynamics-to-genesys', 'webhook-genesys-to-dynamics', 'webhook-vonage-to-dynamics']) {
		const { w } = webhookTemplate(file);
		const webhook = w.nodes.find((/** @type {any} */ n) => n.type === 'n8n-nodes-base.webhook');
		expect(webhook.typeVersion).toBeGreaterThanOrEqual(2);
		expect(webhook.parameters.responseMode).toBe('onReceived');
		// Static only: n8n skips the webhook-phase expression isolate only for these.
		expect(JSON.stringify(webhook.parameters)).not.toMatch(/=\{\{|\{\{/);
		expect(w.connections[webhook.name].main[0][0].node).toBe(EVENT);
	}
});

test('Dynamics → Genesys: a Dataverse delivery (HttpHeader key checked by the Webhook node) → one Genesys write', async () => {
	const D = IDS.dataverse;
	const at = new Date(Date.now() - 1000).toISOString();
	const body = h.updateFixture();
	h.setAttr(body, 'msdyn_agentid', h.ref('systemuser', D.agents.alex));
	h.setAttr(body, 'msdyn_currentpresenceid', h.ref('msdyn_presence', D.presences.away));
	h.setAttr(body, 'msdyn_presencemodifiedon', h.wcf(at));
	sourceShows(t.sim, [{ source: 'dataverse', agentId: D.agents.alex, presenceId: D.presences.away, changedAt: at }]);
	const run = await (await harness()).runWorkflow({ ...webhookTemplate('webhook-dynamics-to-genesys'), inputItems: [webhookItem({ body, headers: { 'x-presence-key': 'checked-by-n8n' } })] });
	expect(run.error).toBeUndefined();
	const writes = apiCalls(t.sim, 'genesys').filter((c) => c.method === 'PUT' || c.method === 'PATCH');
	expect(writes.map((c) => [c.method, c.path, c.body])).toEqual([
		['PATCH', `/api/v2/users/${IDS.genesys.users.alex}/presences/purecloud`, { presenceDefinition: { id: IDS.genesys.presence.Away } }],
	]);
});

test('Genesys (EventBridge) → Dynamics: the EventBridge envelope → the Genesys user\'s e-mail → one Dynamics write; a foreign body writes nothing', async () => {
	const G = IDS.genesys;
	const user = G.users.eli;
	const at = new Date(Date.now() - 1000).toISOString();
	const detail = {
		topicName: `v2.users.${user}.presence`,
		version: '2',
		eventBody: { source: 'PURECLOUD', presenceDefinition: { id: G.presence.Away, systemPresence: 'AWAY' }, primary: true, message: '', modifiedDate: at },
		metadata: { CorrelationId: '290034f4-c3d7-46fd-8342-ee5bc859b7e9' },
	};
	const envelope = { version: '0', id: 'c1b2', 'detail-type': detail.topicName, source: 'aws.partner/genesys.com/cloud/org/presence', time: at, detail };
	sourceShows(t.sim, [{ source: 'genesys', agentId: user, presenceId: G.presence.Away, changedAt: at }]);
	const run = await (await harness()).runWorkflow({
		...webhookTemplate('webhook-genesys-to-dynamics'),
		inputItems: [webhookItem({ body: envelope }), webhookItem({ body: h.updateFixture() })],
	});
	expect(run.error).toBeUndefined();
	expect(run.items(EVENT, 1)).toEqual([{ source: 'genesys', status: 400, reason: 'Not a Genesys Cloud user-presence event: topicName: Required' }]);
	expect(dataverseWrites()).toEqual([modify('eli', IDS.dataverse.presences.away)]);
});

test('Vonage → Dynamics: a signed notification (Raw Body) → one Dynamics write; a tampered one writes nothing', async () => {
	const V = IDS.vonage;
	const at = new Date(Date.now() - 1000).toISOString();
	const event = {
		specversion: '1.0',
		type: 'agent.presencechanged.v0',
		id: '2VejGqWZPqHXHVNcfUPUO8IASAp',
		source: '/agent',
		subject: '1',
		time: at,
		datacontenttype: 'application/json',
		data: {
			timestamp: at,
			presence: { presenceId: V.presence.away, category: { type: 'away', description: 'Away', subcategory: 'away' }, description: 'Away' },
			user: { agentId: '1', userId: V.users.alex },
		},
	};
	const signed = signWebhook(event, VONAGE_SECRET);
	const delivered = (/** @type {string} */ raw) => webhookItem({ raw, mimeType: signed.headers['content-type'], headers: { 'vonage-signature': signed.headers['vonage-signature'] } });
	sourceShows(t.sim, [{ source: 'vonage', agentId: V.users.alex, presenceId: V.presence.away, changedAt: at }]);
	const run = await (await harness()).runWorkflow({
		...webhookTemplate('webhook-vonage-to-dynamics'),
		inputItems: [delivered(signed.body.replace('"Away"}', '"Ready"}')), delivered(signed.body)],
	});
	expect(run.error).toBeUndefined();
	expect(run.items(EVENT, 1)).toEqual([{ source: 'vonage', status: 401, reason: 'Unauthorized: The body does not match the Vonage-Signature payload_hash' }]);
	expect(dataverseWrites()).toEqual([modify('alex', IDS.dataverse.presences.away)]);
});
