// @ts-check
/**
 * Payloads over 256 KB: Dataverse sends them with x-ms-dynamics-msg-size-exceeded and without
 * InputParameters, ParentContext and images. The trigger acknowledges them (a refusal would fail a
 * synchronous step, and with it the agent's change) and emits the change read from the row through
 * the credential — or, without a credential, an item that says the payload was truncated.
 */
const { createTriggerHarness } = require('../harness/webhook');
const { IDS } = require('../helpers/vendors');
const h = require('./dataverse');

const KEY = 'size-key-3e90';
const PUBLIC = h.PUBLIC_URL;
const DV = IDS.dataverse;

/** @type {any} */ let sim;
h.useSharedSimulator((s) => (sim = s));

const triggerNode = (/** @type {any} */ parameters, withCredential = true) =>
	h.dataverseTrigger(KEY, { events: ['presence_changed'], ...parameters }, withCredential);

/** Microsoft's sample Update context as Dataverse sends it over 256 KB. */
function truncatedFixture() {
	const ctx = h.updateFixture();
	return { ...ctx, InputParameters: [], ParentContext: null, PreEntityImages: [], PostEntityImages: [] };
}

test('synchronous step, context over 256 KB: the agent\'s change succeeds and the trigger emits it, read from the msdyn_agentstatus row', async () => {
	const t = await createTriggerHarness({
		baseUrl: PUBLIC,
		credentials: h.simulatorCredentials(sim),
		trigger: triggerNode({ registration: 'automatic', executionMode: 'synchronous' }),
	});
	sim.dataverseWebhooks.configure({ network: { 'n8n.example.test:443': await t.listen({ publicUrl: PUBLIC }) }, sizeExceeded: true });
	try {
		await t.activate();
		sim.clearRequests();
		const status = sim.state.dataverse.tables.msdyn_agentstatuses.find((/** @type {any} */ r) => r.msdyn_agentstatusid === DV.agentStatuses.casey);
		const run = await h.setCaseyAway(t);
		expect(run.items('Dynamics')).toEqual([expect.objectContaining({ written: true })]);
		expect(status._msdyn_currentpresenceid_value).toBe(h.PRESENCE.away);

		const [delivery] = sim.webhookDeliveries;
		expect(delivery).toMatchObject({ mode: 0, sizeExceeded: true, status: 200 });
		expect(delivery.headers['x-ms-dynamics-msg-size-exceeded']).toBe('true');
		expect(delivery.body.InputParameters).toEqual([]);
		// The trigger read the row named by PrimaryEntityId while Dataverse waited.
		const reads = sim.requests.filter((/** @type {any} */ r) => r.method === 'GET' && r.path.startsWith('/api/data/v9.2/msdyn_agentstatuses'));
		expect(reads.map((/** @type {any} */ r) => [r.path, r.query.$select])).toEqual([
			[
				`/api/data/v9.2/msdyn_agentstatuses(${DV.agentStatuses.casey})`,
				'msdyn_agentstatusid,_msdyn_agentid_value,_msdyn_currentpresenceid_value,msdyn_isagentloggedin,msdyn_availableunitscapacity,msdyn_presencemodifiedon,msdyn_presencemodifiedby,msdyn_capacitymodifiedon,modifiedon,createdon',
			],
		]);
		expect(t.received).toHaveLength(1);
		expect(t.received[0].items).toEqual([
			expect.objectContaining({
				source: 'dataverse',
				event: 'presence_changed',
				agentId: DV.agents.casey,
				presenceId: h.PRESENCE.away,
				presenceName: 'Away',
				category: 'away',
				agentStatusId: DV.agentStatuses.casey,
				messageName: 'Update',
				correlationId: delivery.body.CorrelationId,
				changedAt: new Date(status.msdyn_presencemodifiedon).toISOString(),
				sizeExceeded: true,
			}),
		]);
	} finally {
		await t.deactivate();
		await t.close();
	}
});

test('no credential: 200 and an item that says the payload was truncated, with the ids it has', async () => {
	const t = await createTriggerHarness({ trigger: triggerNode({ registration: 'manual' }, false) });
	const body = truncatedFixture();
	const out = await t.post({ body, query: { code: KEY }, headers: { 'x-ms-dynamics-msg-size-exceeded': 'true' } });
	expect(out.status).toBe(200);
	expect(out.items).toEqual([h.truncatedItem(body, 'trigger')]);
});

test('the row cannot be read (deleted): still 200, a truncated item with the reason', async () => {
	const t = await createTriggerHarness({ credentials: h.simulatorCredentials(sim), trigger: triggerNode({ registration: 'manual' }) });
	const body = truncatedFixture();
	const tables = sim.state.dataverse.tables;
	tables.msdyn_agentstatuses = tables.msdyn_agentstatuses.filter((/** @type {any} */ r) => r.msdyn_agentstatusid !== body.PrimaryEntityId);
	const out = await t.post({ body, query: { code: KEY }, headers: { 'x-ms-dynamics-msg-size-exceeded': 'true' } });
	expect(out.status).toBe(200);
	expect(out.items).toEqual([expect.objectContaining({ truncated: true, agentStatusId: body.PrimaryEntityId })]);
	expect(out.items[0].truncatedReason).toMatch(/reading the row failed: .*returned 404/);
});

test('the header on something that names no msdyn_agentstatus row is still a 400', async () => {
	const t = await createTriggerHarness({ trigger: triggerNode({ registration: 'manual' }, false) });
	const out = await t.post({ body: { ...truncatedFixture(), PrimaryEntityId: 'nope' }, query: { code: KEY }, headers: { 'x-ms-dynamics-msg-size-exceeded': 'true' } });
	expect(out.status).toBe(400);
	expect(out.body.message).toMatch(/PrimaryEntityId is not a GUID/);
});
