// @ts-check
/**
 * Automatic registration's Execution Mode and port rule against the simulated Dataverse, which runs a
 * synchronous step inside the originating operation (no 2xx: the operation fails and is rolled back)
 * and an asynchronous one after it (retried on failure). The trigger is served over real HTTP and
 * registered under a public https URL; the simulator's network table routes that host to it.
 */
const { createTriggerHarness } = require('../harness/webhook');
const { IDS } = require('../helpers/vendors');
const h = require('./dataverse');

const KEY = 'mode-key-7c21';
const PUBLIC = h.PUBLIC_URL;
const DV = IDS.dataverse;

/** @type {any} */ let sim;
h.useSharedSimulator((s) => (sim = s));

const tables = () => sim.state.dataverse.tables;
const setup = (/** @type {any} */ parameters = {}, baseUrl = PUBLIC) =>
	createTriggerHarness({
		baseUrl,
		credentials: h.simulatorCredentials(sim),
		trigger: h.dataverseTrigger(KEY, { registration: 'automatic', events: ['presence_changed'], ...parameters }),
	});

const casey = () => tables().msdyn_agentstatuses.find((/** @type {any} */ r) => r.msdyn_agentstatusid === DV.agentStatuses.casey);

/** Runs `check` on the trigger set up with `parameters`, then deactivates it and stops its server. */
async function withTrigger(/** @type {any} */ parameters, /** @type {(t: any) => Promise<void>} */ check) {
	const t = await setup(parameters);
	try {
		await check(t);
	} finally {
		await t.deactivate();
		await t.close();
	}
}

/** Activates behind the public URL; Dataverse then holds an outdated key (as after a key rotation in n8n). */
async function activatedWithStaleKey(/** @type {any} */ t) {
	sim.dataverseWebhooks.configure({ network: { 'n8n.example.test:443': await t.listen({ publicUrl: PUBLIC }) }, retryDelayMs: 5 });
	await t.activate();
	tables().serviceendpoints[0].authvalue = 'the-key-before-rotation';
}

test('Execution Mode Synchronous registers mode 0 steps without async auto-delete', async () => {
	const t = await setup({ executionMode: 'synchronous', events: ['agent_created', 'presence_changed'] });
	await t.activate();
	const steps = tables().sdkmessageprocessingsteps;
	expect(steps).toHaveLength(2);
	for (const step of steps) expect(step).toMatchObject({ stage: 40, mode: 0, asyncautodelete: false });
	const posted = sim.requests.filter((/** @type {any} */ r) => r.method === 'POST' && r.path.endsWith('/sdkmessageprocessingsteps'));
	expect(posted.map((/** @type {any} */ r) => [r.body.mode, r.body.stage, r.body.asyncautodelete])).toEqual([[0, 40, false], [0, 40, false]]);
});

test('default (asynchronous): the registration request sends mode 1, stage 40, asyncautodelete true', async () => {
	const t = await setup();
	await t.activate();
	const posted = sim.requests.filter((/** @type {any} */ r) => r.method === 'POST' && r.path.endsWith('/sdkmessageprocessingsteps'));
	expect(posted.map((/** @type {any} */ r) => [r.body.mode, r.body.stage, r.body.asyncautodelete])).toEqual([[1, 40, true]]);
});

test('synchronous step and n8n answering 401 (stale key): the originating CCaaS_ModifyAgentPresence fails and nothing changes', () =>
	withTrigger({ executionMode: 'synchronous' }, async (t) => {
		await activatedWithStaleKey(t);
		const before = casey()._msdyn_currentpresenceid_value;
		expect(before).not.toBe(h.PRESENCE.away);
		const run = await h.setCaseyAway(t);
		const error = run.nodeError('Dynamics');
		expect(error.message).toBe('Dynamics 365 Contact Center (Dataverse) returned 500: An unexpected error occurred. [0x80040216]');
		expect(casey()._msdyn_currentpresenceid_value).toBe(before);
		expect(sim.webhookDeliveries.map((/** @type {any} */ d) => [d.mode, d.status])).toEqual([[0, 401]]);
		expect(t.received.map((/** @type {any} */ r) => r.status)).toEqual([401]);
	}));

test('asynchronous step and n8n answering 401: the agent\'s change goes through; Dataverse does not try again (only after 502/503/504)', () =>
	withTrigger({}, async (t) => {
		await activatedWithStaleKey(t);
		const run = await h.setCaseyAway(t);
		expect(run.items('Dynamics')).toEqual([expect.objectContaining({ written: true, presenceId: h.PRESENCE.away })]);
		expect(casey()._msdyn_currentpresenceid_value).toBe(h.PRESENCE.away);
		await sim.settle();
		expect(sim.webhookDeliveries.map((/** @type {any} */ d) => [d.mode, d.attempt, d.status])).toEqual([[1, 1, 401]]);
		expect(t.received.map((/** @type {any} */ r) => r.status)).toEqual([401]);
	}));

test('asynchronous delivery that succeeds is emitted once, the AsynchronousStepPrimaryName image notwithstanding', () =>
	withTrigger({}, async (t) => {
		sim.dataverseWebhooks.configure({ network: { 'n8n.example.test:443': await t.listen({ publicUrl: PUBLIC }) } });
		await t.activate();
		await h.setCaseyAway(t);
		await sim.settle();
		expect(sim.webhookDeliveries.map((/** @type {any} */ d) => [d.mode, d.attempt, d.status])).toEqual([[1, 1, 200]]);
		expect(sim.webhookDeliveries[0].body.PostEntityImages[0].key).toBe('AsynchronousStepPrimaryName');
		expect(t.received).toHaveLength(1);
		expect(t.received[0].items).toEqual([expect.objectContaining({ event: 'presence_changed', agentId: DV.agents.casey, presenceId: h.PRESENCE.away, category: 'away' })]);
	}));

test('a registration made synchronous (before Execution Mode existed, or by choice) is replaced by asynchronous steps on activation', async () => {
	const sync = await setup({ executionMode: 'synchronous' });
	await sync.activate();
	const old = sync.staticData().dataverseRegistration;
	const t = await setup();
	// What an earlier version stored: no mode.
	t.setStaticData({ dataverseRegistration: { serviceEndpointId: old.serviceEndpointId, stepIds: old.stepIds, webhookUrl: old.webhookUrl } });
	expect(await t.activate()).toEqual({ existed: false });
	expect(tables().serviceendpoints).toHaveLength(1);
	expect(tables().sdkmessageprocessingsteps.map((/** @type {any} */ s) => s.mode)).toEqual([1]);
	expect(t.staticData().dataverseRegistration.mode).toBe(1);
	expect(await t.activate()).toEqual({ existed: true });
});

describe('Dataverse only calls webhooks on ports 80 and 443', () => {
	test.each(['http://127.0.0.1:5678', 'https://n8n.example.com:8443', 'http://n8n.example.com:443'])(
		'n8n at %s: activation refuses with a WEBHOOK_URL hint and sends nothing to Dataverse',
		async (base) => {
			const t = await setup({}, base);
			let failure;
			try {
				await t.activate();
			} catch (error) {
				failure = error;
			}
			expect(failure).toBeDefined();
			expect(/** @type {any} */ (failure).message).toBe(
				`Dataverse cannot call this webhook URL (${base}/webhook/7f3c2a4e-1d5b-4c8e-9a0f-2b6d8e1c4a90/agent-presence): Dataverse only calls webhooks on port 443 (HTTPS) or 80 (HTTP)`,
			);
			expect(/** @type {any} */ (failure).description).toMatch(/Set n8n's WEBHOOK_URL environment variable to n8n's public HTTPS URL/);
			expect(sim.requests).toEqual([]);
			expect(tables().serviceendpoints).toEqual([]);
			expect(tables().sdkmessageprocessingsteps).toEqual([]);
		},
	);

	test.each(['https://n8n.example.com', 'http://n8n.example.com:80'])('n8n at %s is registered', async (base) => {
		const t = await setup({}, base);
		await t.activate();
		expect(tables().serviceendpoints.map((/** @type {any} */ e) => e.url)).toEqual([`${base}/webhook/7f3c2a4e-1d5b-4c8e-9a0f-2b6d8e1c4a90/agent-presence`]);
	});
});
