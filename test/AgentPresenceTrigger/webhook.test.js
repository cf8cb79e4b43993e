// @ts-check
/**
 * Agent Presence Trigger, driven through n8n-core's WebhookContext and WorkflowExecute: the seed
 * fixtures and variants, every bad-input class, both verification modes, filters, custom-presence
 * lookups against the simulated Dataverse, and the Genesys / Vonage webhook sources.
 */
const { createTriggerHarness } = require('../harness/webhook');
const h = require('./dataverse');
const { presenceChangedEvent } = require('./vonage');
const genesys = require('./genesys');

const KEY = 'shared-key-7c1e';
const trigger = (parameters = {}, extra = {}) => ({
	trigger: {
		name: 'Presence',
		type: 'agentPresenceTrigger',
		parameters: { source: 'dataverse', verification: 'queryKey', sharedKey: KEY, ...parameters },
		...extra,
	},
});
const post = (t, body, query = { code: KEY }) => t.post({ body, query });

const { UPDATE_ITEM } = h;

describe('Dataverse source: seed fixtures', () => {
	test('Update fixture → one presence_changed item with every field', async () => {
		const t = await createTriggerHarness(trigger());
		const out = await post(t, h.updateFixture());
		expect(out.status).toBe(200);
		expect(out.body).toEqual({ message: 'Event received', event: 'presence_changed' });
		expect(out.items).toEqual([UPDATE_ITEM]);
		expect(out.run.data.resultData.runData.Presence[0].data.main[0]).toHaveLength(1);
	});

	test('Create fixture → agent_created, Offline, not logged in', async () => {
		const t = await createTriggerHarness(trigger());
		const out = await post(t, h.createFixture());
		expect(out.status).toBe(200);
		expect(out.items).toEqual([
			{
				source: 'dataverse',
				event: 'agent_created',
				agentId: 'a7f9a9ed-b311-ef11-9f89-000d3a544b4c',
				presenceId: '70139190-c07a-e811-8162-000d3aa11f50',
				presenceName: 'Offline',
				category: 'offline',
				loggedIn: false,
				capacity: 100,
				changedBy: 'SYSTEM',
				changedAt: '2024-07-24T10:28:25.000Z',
				agentStatusId: '4b1e3d75-a749-ef11-acce-00224802d26d',
				messageName: 'Create',
				organizationId: 'c09254de-a911-ef11-9f83-000d3a9d3b76',
				organizationName: 'unqc09254dea911ef119f83000d3a9d3',
				correlationId: '58dc9af0-fe25-4f81-b3f3-c4cb147c2ec4',
				initiatingUserId: '09eb2446-db10-ef11-9f8a-6045bdd4c6be',
				userId: '09eb2446-db10-ef11-9f8a-6045bdd4c6be',
				customPresence: false,
			},
		]);
	});

	test('Include Raw Payload adds the payload as received; off by default', async () => {
		const body = h.updateFixture();
		const on = await post(await createTriggerHarness(trigger({ includeRaw: true })), body);
		expect(on.items[0]).toEqual({ ...UPDATE_ITEM, raw: body });
		const off = await post(await createTriggerHarness(trigger()), body);
		expect(off.items[0]).not.toHaveProperty('raw');
	});
});

describe('Dataverse source: variants', () => {
	test('attribute order does not matter', async () => {
		const body = h.updateFixture();
		h.target(body).Attributes.reverse();
		const out = await post(await createTriggerHarness(trigger()), body);
		expect(out.items).toEqual([UPDATE_ITEM]);
	});

	test('pre-image: presence change is told from the image and reports the previous presence', async () => {
		const body = h.withPreImage(h.updateFixture(), {
			msdyn_currentpresenceid: h.ref('msdyn_presence', h.PRESENCE.available),
			msdyn_isagentloggedin: true,
			msdyn_availableunitscapacity: 100,
		});
		const out = await post(await createTriggerHarness(trigger()), body);
		expect(out.items).toEqual([{ ...UPDATE_ITEM, previousPresenceId: h.PRESENCE.available }]);
	});

	test('pre-image: logged-in flag flipping gives logged_in', async () => {
		const body = h.withPreImage(h.updateFixture(), {
			msdyn_currentpresenceid: h.ref('msdyn_presence', h.PRESENCE.offline),
			msdyn_isagentloggedin: false,
		});
		const out = await post(await createTriggerHarness(trigger()), body);
		expect(out.items[0]).toMatchObject({ event: 'logged_in', loggedIn: true, presenceName: 'Busy', previousPresenceId: h.PRESENCE.offline });
	});

	test('pre-image: same presence, new capacity → capacity_changed stamped with msdyn_capacitymodifiedon', async () => {
		const body = h.updateFixture();
		h.setAttr(body, 'msdyn_availableunitscapacity', 40);
		h.setAttr(body, 'msdyn_capacitymodifiedon', h.wcf('2024-08-02T07:05:00Z'));
		h.withPreImage(body, {
			msdyn_currentpresenceid: h.ref('msdyn_presence', h.PRESENCE.busy),
			msdyn_isagentloggedin: true,
			msdyn_availableunitscapacity: 100,
		});
		const out = await post(await createTriggerHarness(trigger()), body);
		const item = out.items[0];
		expect(item).toMatchObject({ event: 'capacity_changed', capacity: 40, changedAt: '2024-08-02T07:05:00.000Z', presenceId: h.PRESENCE.busy });
		expect(item).not.toHaveProperty('changedBy');
	});

	test('capacity-only update without images (no presence column, newer capacity stamp) → capacity_changed', async () => {
		const body = h.capacityOnlyUpdate();
		const out = await post(await createTriggerHarness(trigger()), body);
		expect(out.items[0]).toMatchObject({ event: 'capacity_changed', capacity: 0, presenceId: null, presenceName: null, category: null, changedAt: '2024-08-02T07:10:00.000Z' });
	});

	test('both columns present: the later modified-on stamp decides (capacity newer → capacity_changed)', async () => {
		const body = h.updateFixture();
		h.setAttr(body, 'msdyn_capacitymodifiedon', h.wcf('2024-08-02T07:01:00Z'));
		const out = await post(await createTriggerHarness(trigger()), body);
		expect(out.items[0].event).toBe('capacity_changed');
	});

	test('date offsets do not shift the instant; milliseconds are kept', async () => {
		const body = h.updateFixture();
		h.setAttr(body, 'msdyn_presencemodifiedon', '/Date(1722582038123+0530)/');
		const out = await post(await createTriggerHarness(trigger()), body);
		expect(out.items[0].changedAt).toBe('2024-08-02T07:00:38.123Z');
		h.setAttr(body, 'msdyn_presencemodifiedon', '/Date(1722582038000-0800)/');
		const out2 = await post(await createTriggerHarness(trigger()), body);
		expect(out2.items[0].changedAt).toBe('2024-08-02T07:00:38.000Z');
	});

	test('going Offline with the logged-in flag cleared (no images) → logged_out', async () => {
		const body = h.updateFixture();
		h.setAttr(body, 'msdyn_currentpresenceid', h.ref('msdyn_presence', h.PRESENCE.offline));
		h.setAttr(body, 'msdyn_isagentloggedin', false);
		h.setAttr(body, 'msdyn_presencemodifiedby', 'SYSTEM');
		const out = await post(await createTriggerHarness(trigger()), body);
		expect(out.items[0]).toMatchObject({ event: 'logged_out', presenceName: 'Offline', category: 'offline', loggedIn: false, changedBy: 'SYSTEM' });
	});

	test('agent and presence taken from the post-image when Target lacks them', async () => {
		const body = h.updateFixture();
		h.removeAttr(body, 'msdyn_agentid');
		body.PostEntityImages = [
			{
				key: 'PostImage',
				value: {
					Attributes: [
						{ key: 'msdyn_agentid', value: h.ref('systemuser', '97C90B02-4E38-EF11-A315-000D3A5A54DC') },
					],
					FormattedValues: [],
					LogicalName: 'msdyn_agentstatus',
				},
			},
		];
		const out = await post(await createTriggerHarness(trigger()), body);
		expect(out.items[0].agentId).toBe('97c90b02-4e38-ef11-a315-000d3a5a54dc');
	});

	test('OOTB presence IDs are matched case-insensitively and named from the seed table', async () => {
		const names = { available: 'Available', busy: 'Busy', busyDnd: 'Busy DND', offline: 'Offline', away: 'Away' };
		const categories = { available: 'available', busy: 'busy', busyDnd: 'do_not_disturb', offline: 'offline', away: 'away' };
		const t = await createTriggerHarness(trigger());
		for (const [key, id] of Object.entries(h.PRESENCE)) {
			const body = h.updateFixture();
			h.setAttr(body, 'msdyn_currentpresenceid', h.ref('msdyn_presence', id.toUpperCase()));
			const out = await post(t, body);
			expect(out.items[0]).toMatchObject({ presenceId: id, presenceName: names[key], category: categories[key], customPresence: false });
		}
	});
});

describe('Dataverse source: custom presences', () => {
	/** @type {any} */ let sim;
	h.useSharedSimulator((s) => (sim = s));

	const LUNCH = () => require('../simulator').IDS.dataverse.presences.lunch;
	const customBody = (id = LUNCH(), name = null) => h.setAttr(h.updateFixture(), 'msdyn_currentpresenceid', h.ref('msdyn_presence', id, name));

	test('without the lookup: ID passes through, category null, no Dataverse call', async () => {
		const t = await createTriggerHarness({ credentials: h.simulatorCredentials(sim), ...trigger() });
		const out = await post(t, customBody());
		expect(out.items[0]).toMatchObject({ presenceId: LUNCH(), presenceName: null, category: null, customPresence: true });
		expect(sim.requests).toHaveLength(0);
	});

	test('the reference Name is used as the presence name when Dataverse sends one', async () => {
		const t = await createTriggerHarness(trigger());
		const out = await post(t, customBody(LUNCH(), 'Lunch'));
		expect(out.items[0]).toMatchObject({ presenceName: 'Lunch', category: null });
	});

	test('Resolve Custom Presences reads the msdyn_presences row: name and base status → category', async () => {
		const t = await createTriggerHarness({
			credentials: h.simulatorCredentials(sim),
			...trigger({ resolveCustomPresences: true }, { credentials: { dynamicsContactCenterApi: { id: '1', name: 'Dataverse' } } }),
		});
		const out = await post(t, customBody());
		expect(out.items[0]).toMatchObject({ presenceId: LUNCH(), presenceName: 'Lunch', category: 'away', basePresenceStatus: 192360003, customPresence: true });
		const reads = sim.requests.filter((r) => r.vendor === 'dataverse' && r.method === 'GET');
		expect(reads).toHaveLength(1);
		expect(reads[0].path).toBe(`/api/data/v9.2/msdyn_presences(${LUNCH()})`);
		expect(reads[0].query).toEqual({ $select: 'msdyn_name,msdyn_presencestatustext,msdyn_basepresencestatus' });
		expect(reads[0].headers.authorization).toMatch(/^Bearer /);
	});

	test('OOTB presences never trigger a lookup, even with the option on', async () => {
		const t = await createTriggerHarness({
			credentials: h.simulatorCredentials(sim),
			...trigger({ resolveCustomPresences: true }, { credentials: { dynamicsContactCenterApi: { id: '1', name: 'Dataverse' } } }),
		});
		const out = await post(t, h.updateFixture());
		expect(out.items).toEqual([UPDATE_ITEM]);
		expect(sim.requests).toHaveLength(0);
	});

	test('a failed lookup still acknowledges and emits, category null, with the reason', async () => {
		const t = await createTriggerHarness({
			credentials: h.simulatorCredentials(sim),
			...trigger({ resolveCustomPresences: true }, { credentials: { dynamicsContactCenterApi: { id: '1', name: 'Dataverse' } } }),
		});
		const unknown = '11111111-2222-3333-4444-555555555555';
		const out = await post(t, customBody(unknown));
		expect(out.status).toBe(200);
		expect(out.items[0]).toMatchObject({ presenceId: unknown, category: null });
		expect(out.items[0].presenceLookupError).toMatch(/returned 404: msdyn_presence With Id = 11111111-2222-3333-4444-555555555555 Does Not Exist/);
	});
});

describe('bad input → 400 with what was wrong, no execution', () => {
	const cases = [
		['not JSON', { rawBody: '{"MessageName": "Update",' }, /^Body is not valid JSON: /],
		['empty body', { rawBody: '' }, /^Empty body: expected a JSON event$/],
		['JSON array', { body: [1, 2] }, /^The body must be a JSON object/],
		['wrong entity', { body: { ...h.updateFixture(), PrimaryEntityName: 'account' } }, /^Wrong entity: expected msdyn_agentstatus, got PrimaryEntityName "account"$/],
		[
			'Target of another entity',
			{ body: (() => { const b = h.updateFixture(); h.target(b).LogicalName = 'contact'; return b; })() },
			/^Wrong entity: Target is a "contact", expected msdyn_agentstatus$/,
		],
		['missing Target', { body: { ...h.updateFixture(), InputParameters: [] } }, /^Missing Target: InputParameters has no "Target" entry$/],
		[
			'Target without Attributes',
			{ body: (() => { const b = h.updateFixture(); delete h.target(b).Attributes; return b; })() },
			/^Invalid Target: InputParameters\.Target\.Attributes: Required$/,
		],
		['unsupported message', { body: { ...h.updateFixture(), MessageName: 'Delete' } }, /^Unsupported message "Delete"/],
		['missing OrganizationId', { body: (() => { const b = h.updateFixture(); delete b.OrganizationId; return b; })() }, /^Not a Dataverse RemoteExecutionContext: OrganizationId: Required$/],
		['InputParameters not a list', { body: { ...h.updateFixture(), InputParameters: {} } }, /^Not a Dataverse RemoteExecutionContext: InputParameters: Expected array, received object$/],
		['wrong type: logged-in flag', { body: h.setAttr(h.updateFixture(), 'msdyn_isagentloggedin', 'yes') }, /^Target attribute msdyn_isagentloggedin: Expected boolean, received string$/],
		['wrong type: capacity', { body: h.setAttr(h.updateFixture(), 'msdyn_availableunitscapacity', '100') }, /^Target attribute msdyn_availableunitscapacity: Expected number, received string$/],
		['wrong type: presence reference', { body: h.setAttr(h.updateFixture(), 'msdyn_currentpresenceid', 'efdeb843') }, /^Target attribute msdyn_currentpresenceid: Expected object, received string$/],
		['bad date', { body: h.setAttr(h.updateFixture(), 'msdyn_presencemodifiedon', '2024-08-02T07:00:38Z') }, /^Target attribute msdyn_presencemodifiedon: expected a \/Date\(<ms>\[±hhmm\]\)\/ value$/],
		[
			'bad pre-image',
			{ body: h.withPreImage(h.updateFixture(), { msdyn_isagentloggedin: 1 }) },
			/^PreEntityImages attribute msdyn_isagentloggedin: Expected boolean, received number$/,
		],
	];
	test.each(cases)('%s', async (_name, request, message) => {
		const t = await createTriggerHarness(trigger());
		const out = await t.post({ ...request, query: { code: KEY } });
		expect(out.status).toBe(400);
		expect(out.body.code).toBe(400);
		expect(out.body.message).toMatch(message);
		expect(out.executed).toBe(false);
	});

	test('a Dataverse body posted to a Genesys source is rejected for that source', async () => {
		const t = await createTriggerHarness(trigger({ source: 'genesys' }));
		const out = await post(t, h.updateFixture());
		expect(out.status).toBe(400);
		expect(out.body.message).toBe('Not a Genesys Cloud user-presence event: topicName: Required');
		expect(out.executed).toBe(false);
	});
});

describe('sender verification', () => {
	test('query key (Dataverse WebhookKey `code`): right key runs, wrong/missing key → 401, no execution', async () => {
		const t = await createTriggerHarness(trigger());
		expect((await post(t, h.updateFixture(), { code: KEY })).executed).toBe(true);
		const wrong = await post(t, h.updateFixture(), { code: `${KEY}x` });
		expect(wrong).toMatchObject({ status: 401, executed: false, body: { code: 401, message: 'Unauthorized: Wrong key in query parameter "code"' } });
		const missing = await post(t, h.updateFixture(), {});
		expect(missing).toMatchObject({ status: 401, executed: false, body: { message: 'Unauthorized: Missing query parameter "code"' } });
		const repeated = await t.post({ body: h.updateFixture(), query: /** @type {any} */ ({ code: [KEY, KEY] }) });
		expect(repeated.status).toBe(401);
	});

	test('401 comes before body validation (an unverified sender learns nothing about the format)', async () => {
		const t = await createTriggerHarness(trigger());
		const out = await t.post({ rawBody: 'garbage', query: { code: 'nope' } });
		expect(out).toMatchObject({ status: 401, executed: false });
	});

	test('header name + value: matched case-insensitively on the name, exactly on the value', async () => {
		const t = await createTriggerHarness(trigger({ verification: 'header', headerName: 'X-Presence-Key' }));
		const ok = await t.post({ body: h.updateFixture(), headers: { 'x-presence-key': KEY } });
		expect(ok.executed).toBe(true);
		const wrong = await t.post({ body: h.updateFixture(), headers: { 'X-Presence-Key': KEY.toUpperCase() } });
		expect(wrong).toMatchObject({ status: 401, executed: false, body: { message: 'Unauthorized: Wrong value in header "X-Presence-Key"' } });
		const missing = await t.post({ body: h.updateFixture(), query: { code: KEY } });
		expect(missing).toMatchObject({ status: 401, body: { message: 'Unauthorized: Missing header "X-Presence-Key"' } });
	});

	test('a verification mode with an empty key rejects everything instead of accepting everything', async () => {
		const t = await createTriggerHarness(trigger({ sharedKey: '' }));
		const out = await post(t, h.updateFixture(), { code: '' });
		expect(out).toMatchObject({ status: 401, body: { message: 'Unauthorized: No shared key is configured on the trigger' } });
	});

	test('none: accepted without credentials', async () => {
		const t = await createTriggerHarness(trigger({ verification: 'none' }));
		expect((await t.post({ body: h.updateFixture() })).items).toEqual([UPDATE_ITEM]);
	});
});

describe('filters → 200, no execution', () => {
	test('an event that is not selected', async () => {
		const t = await createTriggerHarness(trigger({ events: ['agent_created'] }));
		const out = await post(t, h.updateFixture());
		expect(out).toMatchObject({ status: 200, executed: false, body: { message: 'Event received but ignored: "presence_changed" is not among the selected events' } });
		expect((await post(t, h.createFixture())).executed).toBe(true);
	});

	test('Ignore Changes Made By matches InitiatingUserId / UserId, any case, comma or space separated', async () => {
		const t = await createTriggerHarness(trigger({ ignoreUserIds: 'aaaaaaaa-0000-0000-0000-000000000000, D89254FF-9438-EF11-A315-000D3A5A54DC' }));
		const out = await post(t, h.updateFixture());
		expect(out).toMatchObject({
			status: 200,
			executed: false,
			body: { message: 'Event received but ignored: the change was made by d89254ff-9438-ef11-a315-000d3a5a54dc, which is on the ignore list' },
		});
		const other = h.updateFixture();
		other.InitiatingUserId = 'bbbbbbbb-0000-0000-0000-000000000000';
		other.UserId = 'cccccccc-0000-0000-0000-000000000000';
		expect((await post(t, other)).executed).toBe(true);
	});
});

describe('Genesys Cloud source', () => {
	const { USER, presenceNotification: notification, AVAILABLE_ITEM: ITEM } = genesys;

	test('notification as documented → normalized item', async () => {
		const t = await createTriggerHarness(trigger({ source: 'genesys' }));
		expect((await post(t, notification())).items).toEqual([ITEM]);
	});

	test('EventBridge envelope: detail is the notification, time fills a missing modifiedDate', async () => {
		const t = await createTriggerHarness(trigger({ source: 'genesys' }));
		const detail = notification('ON_QUEUE');
		delete detail.eventBody.modifiedDate;
		const out = await post(t, genesys.eventBridgeEvent(detail));
		expect(out.items).toEqual([{ ...ITEM, presenceName: 'On Queue', systemPresence: 'ON_QUEUE', changedAt: '2024-08-02T07:01:00.000Z' }]);
	});

	test('OFFLINE → logged_out; wrong topic → 400', async () => {
		const t = await createTriggerHarness(trigger({ source: 'genesys' }));
		expect((await post(t, notification('OFFLINE'))).items[0]).toMatchObject({ event: 'logged_out', category: 'offline', loggedIn: false, presenceName: 'Offline' });
		const wrong = await post(t, { ...notification(), topicName: `v2.users.${USER}.routingStatus` });
		expect(wrong).toMatchObject({ status: 400, executed: false, body: { message: 'Not a Genesys Cloud user-presence event: topicName: expected topic v2.users.{id}.presence' } });
	});
});

describe('Vonage Contact Center source (Webhooks beta CloudEvent)', () => {
	const event = (type = 'ready') =>
		presenceChangedEvent({ type, description: 'Ready', subcategory: 'readyOutbound' }, 'Ready (Outbound)');


	test('Vonage\'s documented example → normalized item', async () => {
		const t = await createTriggerHarness(trigger({ source: 'vonage' }));
		expect((await post(t, event())).items).toEqual([
			{
				source: 'vonage',
				event: 'presence_changed',
				agentId: 'e56a3bb6-1881-46cc-9e26-0191c7b1187f',
				presenceId: '3bf05984-1957-4e56-9c2c-ce04fa9b3ffc',
				presenceName: 'Ready (Outbound)',
				// Ready (Outbound) takes no inbound work: busy, not available.
				category: 'busy',
				loggedIn: true,
				changedAt: '2023-09-20T09:49:05.946Z',
				categoryType: 'Ready',
				subcategory: 'readyOutbound',
				agentDisplayId: '1',
				eventId: '2VejGqWZPqHXHVNcfUPUO8IASAp',
				eventType: 'agent.presencechanged.v0',
			},
		]);
	});

	test('loggedOut → logged_out; another event type → 400', async () => {
		const t = await createTriggerHarness(trigger({ source: 'vonage' }));
		expect((await post(t, event('loggedOut'))).items[0]).toMatchObject({ event: 'logged_out', category: 'offline', categoryType: 'LoggedOut', loggedIn: false });
		const other = await post(t, { ...event(), type: 'channel.connected.v1' });
		expect(other).toMatchObject({ status: 400, body: { message: 'Not a Vonage agent.presencechanged event: type: expected an agent.presencechanged event' } });
	});
});
