// @ts-check
/**
 * An Agent Presence Trigger whose Source is none the package knows (a workflow edited by hand, or
 * saved by a later version) fails on every event instead of reading it with Dataverse's parser.
 */
const { createTriggerHarness } = require('../harness/webhook');
const h = require('./dataverse');

test('an unknown source is an error, even for a valid Dataverse body', async () => {
	const t = await createTriggerHarness({
		trigger: { name: 'Presence', type: 'agentPresenceTrigger', parameters: { source: 'salesforce', verification: 'none' } },
	});
	// n8n's webhook handler gets the node's error (n8n answers it 500); the old code parsed it as Dataverse.
	await expect(t.post({ body: h.updateFixture() })).rejects.toThrow('Unknown source "salesforce"');
});
