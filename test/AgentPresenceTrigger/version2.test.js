// @ts-check
/**
 * Agent Presence Trigger version 2 (what new workflows get): the same behaviour as version 1, and
 * by n8n's own predicates a webhook phase that needs no expression isolate. n8n's webhook server
 * evaluates `$parameter.options.binaryData` through the expression engine for every request to a
 * version-1 trigger; n8n-workflow's webhookDescriptionIsNativelyResolvable / nodeParametersAreStatic
 * are what it checks before letting a webhook request skip the isolate.
 */
const { nodeParametersAreStatic, webhookDescriptionIsNativelyResolvable } = require('n8n-workflow');
const { createTriggerHarness } = require('../harness/webhook');
const { AgentPresenceTrigger } = require('../../dist/nodes/AgentPresenceTrigger/AgentPresenceTrigger.node.js');
const h = require('./dataverse');

const KEY = 'shared-key-7c1e';
const parameters = { source: 'dataverse', verification: 'queryKey', sharedKey: KEY };

test('versions 1 and 2 exist; new workflows get 2', () => {
	const { description } = new AgentPresenceTrigger();
	expect(description.version).toEqual([1, 2]);
	expect(description.defaultVersion).toBe(2);
});

test('its webhook description resolves without the expression engine, and so do static parameters', () => {
	const { description } = new AgentPresenceTrigger();
	for (const webhook of description.webhooks ?? []) expect(webhookDescriptionIsNativelyResolvable(webhook)).toBe(true);
	expect(nodeParametersAreStatic({ parameters })).toBe(true);
});

test('version 2 emits exactly what version 1 does for the seed Update fixture, and answers the same', async () => {
	const outs = [];
	for (const typeVersion of [1, 2]) {
		const t = await createTriggerHarness({ trigger: { name: 'Presence', type: 'agentPresenceTrigger', typeVersion, parameters } });
		outs.push(await t.post({ body: h.updateFixture(), query: { code: KEY } }));
	}
	const [v1, v2] = outs;
	expect(v2.status).toBe(200);
	expect(v2.body).toEqual(v1.body);
	expect(v2.items).toEqual(v1.items);
	expect(v2.items).toHaveLength(1);
	expect(v2.items[0]).toMatchObject({ source: 'dataverse', event: 'presence_changed', category: 'busy' });
});

test('version 2 refuses a wrong shared key like version 1: no item', async () => {
	const t = await createTriggerHarness({ trigger: { name: 'Presence', type: 'agentPresenceTrigger', typeVersion: 2, parameters } });
	const out = await t.post({ body: h.updateFixture(), query: { code: 'wrong' } });
	expect([401, 403]).toContain(out.status);
	expect(out.items ?? []).toEqual([]);
});
