// @ts-check
/**
 * The Dynamics 365 Contact Center Trigger is the Agent Presence Trigger with its source fixed to
 * Dataverse (the type n8n's node panel lists beside the Dynamics 365 Contact Center node): the same
 * webhook gives the same answer and the same item, and it offers no other source.
 */
const { createTriggerHarness } = require('../harness/webhook');
const { DynamicsContactCenterTrigger } = require('../../dist/nodes/DynamicsContactCenter/DynamicsContactCenterTrigger.node.js');
const h = require('./dataverse');

const KEY = 'shared-key-5d2a';
const checked = { verification: 'queryKey', sharedKey: KEY };

test('it emits exactly what the Agent Presence Trigger on Dataverse does, and refuses a wrong key alike', async () => {
	const agent = await createTriggerHarness({ trigger: { name: 'Presence', type: 'agentPresenceTrigger', typeVersion: 2, parameters: { source: 'dataverse', ...checked } } });
	const dynamics = await createTriggerHarness({ trigger: { name: 'Presence', type: 'dynamicsContactCenterTrigger', typeVersion: 2, parameters: checked } });
	const [a, d] = [await agent.post({ body: h.updateFixture(), query: { code: KEY } }), await dynamics.post({ body: h.updateFixture(), query: { code: KEY } })];
	expect(d.status).toBe(200);
	expect(d.body).toEqual(a.body);
	expect(d.items).toEqual(a.items);
	expect(d.items[0]).toMatchObject({ source: 'dataverse', event: 'presence_changed', category: 'busy' });

	const refused = await dynamics.post({ body: h.updateFixture(), query: { code: 'wrong' } });
	expect([401, 403]).toContain(refused.status);
	expect(refused.items ?? []).toEqual([]);
});

test('its source is fixed to Dataverse: no Source choice and only the Dynamics credential', () => {
	const { description } = new DynamicsContactCenterTrigger();
	expect(description.properties.filter((p) => p.name === 'source')).toEqual([expect.objectContaining({ type: 'hidden', default: 'dataverse' })]);
	expect(description.credentials?.map((c) => c.name)).toEqual(['dynamicsContactCenterApi']);
	expect(description.displayName).toBe('Dynamics 365 Contact Center Trigger');
});
