// @ts-check
/**
 * "Register Webhook Automatically": the webhook lifecycle methods against the simulated Dataverse —
 * the serviceendpoint and steps it creates (asserted on the simulator's rows), checkExists, clean-up
 * of exactly what was created, and a real delivery from a simulated presence change to the trigger.
 */
const { createTriggerHarness } = require('../harness/webhook');
const { IDS } = require('../helpers/vendors');
const h = require('./dataverse');

const KEY = 'reg-key-51b0';
const PUBLIC = h.PUBLIC_URL;
/** @type {any} */ let sim;
h.useSharedSimulator((s) => (sim = s));

const tables = () => sim.state.dataverse.tables;
const setup = (parameters = {}) =>
	createTriggerHarness({
		baseUrl: PUBLIC,
		credentials: h.simulatorCredentials(sim),
		trigger: h.dataverseTrigger(KEY, { registration: 'automatic', ...parameters }),
	});

test('activation registers a Webhook serviceendpoint and Create/Update steps; IDs kept in static data', async () => {
	const t = await setup();
	expect(await t.activate()).toEqual({ existed: false });

	expect(tables().serviceendpoints).toHaveLength(1);
	const endpoint = tables().serviceendpoints[0];
	expect(endpoint).toMatchObject({ contract: 8, authtype: 4, authvalue: KEY, messageformat: 2, url: t.webhookUrl() });
	expect(endpoint.url).toBe('https://n8n.example.test/webhook/7f3c2a4e-1d5b-4c8e-9a0f-2b6d8e1c4a90/agent-presence');

	const steps = tables().sdkmessageprocessingsteps;
	expect(steps).toHaveLength(2);
	const byMessage = Object.fromEntries(steps.map((s) => [s._sdkmessageid_value, s]));
	const create = byMessage[IDS.dataverse.sdkMessages.create];
	const update = byMessage[IDS.dataverse.sdkMessages.update];
	for (const step of [create, update]) {
		// Asynchronous by default (mode 1), its system job auto-deleted on success.
		expect(step).toMatchObject({ stage: 40, mode: 1, supporteddeployment: 0, rank: 1, asyncautodelete: true, statecode: 0 });
		expect(step._eventhandler_value).toBe(endpoint.serviceendpointid);
	}
	expect(create._sdkmessagefilterid_value).toBe(IDS.dataverse.sdkMessageFilters.agentStatusCreate);
	expect(create.filteringattributes).toBeUndefined();
	expect(update._sdkmessagefilterid_value).toBe(IDS.dataverse.sdkMessageFilters.agentStatusUpdate);
	expect(update.filteringattributes).toBe('msdyn_availableunitscapacity,msdyn_currentpresenceid,msdyn_isagentloggedin');

	expect(t.staticData().dataverseRegistration).toEqual({
		serviceEndpointId: endpoint.serviceendpointid,
		stepIds: [create.sdkmessageprocessingstepid, update.sdkmessageprocessingstepid],
		webhookUrl: t.webhookUrl(),
		mode: 1,
	});

	// The message/filter lookups are the documented Web API queries.
	const gets = sim.requests.filter((r) => r.method === 'GET' && /sdkmessage/.test(r.path));
	expect(gets.map((r) => [r.path, r.query])).toEqual([
		['/api/data/v9.2/sdkmessages', { $filter: "name eq 'Create' or name eq 'Update'", $select: 'sdkmessageid,name' }],
		['/api/data/v9.2/sdkmessagefilters', { $filter: "primaryobjecttypecode eq 'msdyn_agentstatus'", $select: 'sdkmessagefilterid,_sdkmessageid_value' }],
	]);
	const stepPost = sim.requests.find((r) => r.method === 'POST' && r.path === '/api/data/v9.2/sdkmessageprocessingsteps');
	expect(stepPost.body['eventhandler_serviceendpoint@odata.bind']).toBe(`/serviceendpoints(${endpoint.serviceendpointid})`);
});

test('checkExists: true while the rows exist; false once one is gone, and re-creating replaces the rest', async () => {
	const t = await setup();
	await t.activate();
	expect(await t.callHook('checkExists')).toBe(true);
	expect(await t.activate()).toEqual({ existed: true });
	expect(tables().serviceendpoints).toHaveLength(1);

	const [first] = tables().sdkmessageprocessingsteps;
	tables().sdkmessageprocessingsteps = tables().sdkmessageprocessingsteps.filter((s) => s !== first);
	expect(await t.callHook('checkExists')).toBe(false);
	await t.activate();
	expect(tables().serviceendpoints).toHaveLength(1);
	expect(tables().sdkmessageprocessingsteps).toHaveLength(2);
	expect(tables().serviceendpoints[0].serviceendpointid).toBe(t.staticData().dataverseRegistration.serviceEndpointId);
});

test('deactivation removes exactly the rows it created, leaving others alone', async () => {
	const other = { serviceendpointid: '0d6a2c1e-0000-4000-8000-000000000001', name: 'someone else', url: 'https://example.com/hook', contract: 8, authtype: 4 };
	tables().serviceendpoints.push(other);
	const t = await setup();
	await t.activate();
	expect(tables().serviceendpoints).toHaveLength(2);
	expect(await t.deactivate()).toBe(true);
	expect(tables().serviceendpoints).toEqual([other]);
	expect(tables().sdkmessageprocessingsteps).toEqual([]);
	expect(t.staticData()).toEqual({});
	const deletes = sim.requests.filter((r) => r.method === 'DELETE').map((r) => r.path);
	expect(deletes).toHaveLength(3);
	expect(deletes[2]).toMatch(/^\/api\/data\/v9\.2\/serviceendpoints\(/);
	// Deactivating again (nothing stored) is a no-op.
	sim.clearRequests();
	expect(await t.deactivate()).toBe(true);
	expect(sim.requests).toHaveLength(0);
});

test('rows already deleted in Dataverse do not fail deactivation', async () => {
	const t = await setup();
	await t.activate();
	tables().sdkmessageprocessingsteps = [];
	expect(await t.deactivate()).toBe(true);
	expect(tables().serviceendpoints).toEqual([]);
});

test('presence-only events: Update step filters on presence columns only; no Create step', async () => {
	const t = await setup({ events: ['presence_changed'] });
	await t.activate();
	const steps = tables().sdkmessageprocessingsteps;
	expect(steps).toHaveLength(1);
	expect(steps[0]).toMatchObject({ _sdkmessageid_value: IDS.dataverse.sdkMessages.update, filteringattributes: 'msdyn_currentpresenceid' });
});

test('header verification registers HttpHeader authentication', async () => {
	const t = await setup({ verification: 'header', headerName: 'X-Presence-Key' });
	await t.activate();
	expect(tables().serviceendpoints[0]).toMatchObject({ authtype: 5, authvalue: `<settings><setting name="X-Presence-Key" value="${KEY}" /></settings>` });
});

test('no shared key: activation fails with a clear error and registers nothing', async () => {
	const t = await setup({ verification: 'none' });
	await expect(t.activate()).rejects.toThrow('Automatic registration needs a shared key');
	expect(tables().serviceendpoints).toEqual([]);
});

test('a step that fails to register rolls back the endpoint and the steps before it', async () => {
	const t = await setup();
	sim.inject({ vendor: 'dataverse', method: 'POST', path: '/api/data/v9.2/sdkmessageprocessingsteps', status: 400, everyNth: 2, times: 1 });
	await expect(t.activate()).rejects.toThrow(/returned 400/);
	expect(tables().serviceendpoints).toEqual([]);
	expect(tables().sdkmessageprocessingsteps).toEqual([]);
	expect(t.staticData()).toEqual({});
});

test('manual registration: lifecycle methods touch nothing', async () => {
	const t = await setup({ registration: 'manual' });
	expect(await t.activate()).toEqual({ existed: true });
	expect(await t.deactivate()).toBe(true);
	expect(sim.requests).toHaveLength(0);
	expect(tables().serviceendpoints).toEqual([]);
});

test('end to end: a presence change in Dataverse is delivered to the registered webhook and emitted once', async () => {
	const t = await setup({ events: ['presence_changed', 'logged_in', 'logged_out'] });
	sim.dataverseWebhooks.configure({ network: { 'n8n.example.test:443': await t.listen({ publicUrl: PUBLIC }) } });
	try {
		await t.activate();
		expect(tables().serviceendpoints[0].url).toBe(t.webhookUrl());
		const row = tables().msdyn_agentstatuses.find((r) => r.msdyn_agentstatusid === IDS.dataverse.agentStatuses.casey);
		// Change Casey's presence through the Web API, as Dynamics would on an agent action.
		const token = await (
			await fetch(sim.urls.dataverseLogin(), {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({
					grant_type: 'client_credentials',
					client_id: sim.clients.dataverse.clientId,
					client_secret: sim.clients.dataverse.clientSecret,
					scope: `${sim.urls.dataverse}/.default`,
				}),
			})
		).json();
		const patch = await fetch(`${sim.urls.dataverse}/api/data/v9.2/msdyn_agentstatuses(${row.msdyn_agentstatusid})`, {
			method: 'PATCH',
			headers: { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ 'msdyn_currentpresenceid@odata.bind': `/msdyn_presences(${h.PRESENCE.away})`, msdyn_presencemodifiedby: 'AGENT' }),
		});
		expect(patch.status).toBe(204);
		await sim.settle();
		expect(sim.webhookDeliveries).toHaveLength(1);
		const delivery = sim.webhookDeliveries[0];
		expect(delivery).toMatchObject({ status: 200, error: null, mode: 1, attempt: 1 });
		expect(delivery.body.PostEntityImages.map((i) => i.key)).toEqual(['AsynchronousStepPrimaryName']);
		expect(new URL(delivery.url).searchParams.get('code')).toBe(KEY);
		expect(t.received).toHaveLength(1);
		expect(t.received[0].items).toEqual([
			expect.objectContaining({
				source: 'dataverse',
				event: 'presence_changed',
				agentId: IDS.dataverse.agents.casey,
				presenceId: h.PRESENCE.away,
				presenceName: 'Away',
				category: 'away',
				organizationId: IDS.dataverse.organizationId,
				correlationId: delivery.body.CorrelationId,
			}),
		]);

		// A capacity-only write does not pass the step's filtering attributes: nothing is delivered.
		await fetch(`${sim.urls.dataverse}/api/data/v9.2/msdyn_agentstatuses(${row.msdyn_agentstatusid})`, {
			method: 'PATCH',
			headers: { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ msdyn_availableunitscapacity: 50 }),
		});
		await sim.settle();
		expect(sim.webhookDeliveries).toHaveLength(1);
	} finally {
		await t.deactivate();
		await t.close();
	}
	expect(tables().serviceendpoints).toEqual([]);
});
