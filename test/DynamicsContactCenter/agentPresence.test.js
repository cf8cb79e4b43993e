// @ts-check
const { useSimulator, rl } = require('../helpers/vendors');
const { DV, NODE, apiCalls, calls } = require('./dataverse');

const P = DV.presences;
const ALEX = DV.agents.alex;
const CASEY = DV.agents.casey;

const t = useSimulator({ vendor: 'dataverse' });

/** The presence API's calls as `calls()` lists them: reading an agent's presence, and setting it. */
const READ_PRESENCE = { method: 'GET', path: '/CCaaS_GetPresence(ApiVersion=@v)', query: { '@v': "'1.0'" }, status: 200 };
const modifyPresence = (/** @type {string} */ agentId, /** @type {string} */ presenceId) => ({
	method: 'POST',
	path: '/CCaaS_ModifyAgentPresence',
	query: {},
	body: { ApiVersion: '1.0', AgentId: agentId, PresenceId: presenceId },
	status: 200,
});

const statusOf = (/** @type {string} */ agentId) =>
	t.sim.state.dataverse.tables.msdyn_agentstatuses.find((/** @type {any} */ r) => r._msdyn_agentid_value === agentId);

const GET_PRESENCE_ALEX = {
	ActiveBrowserSessions: 1,
	AgentId: ALEX,
	AgentName: 'Alex Agent',
	Timestamp: Date.parse('2024-08-02T07:00:00Z') / 1000,
	AllowedChannels: ['chat', 'voice', 'sms', 'entityrecords'],
	CurrentPresenceStatusInfo: 'Busy',
	DisabledChannels: [],
	PresenceId: P.busy,
};

describe('Agent Presence → Get', () => {
	test('calls CCaaS_GetPresence impersonating the agent and adds the normalized fields', async () => {
		const run = await t.run({ resource: 'agentPresence', operation: 'get', agent: rl('id', ALEX) });
		expect(run.items(NODE)).toEqual([
			{
				...GET_PRESENCE_ALEX,
				source: 'dataverse',
				event: 'presence_read',
				agentId: ALEX,
				presenceId: P.busy,
				presenceName: 'Busy',
				category: 'busy',
				changedAt: null,
			},
		]);
		const [call] = apiCalls(t.sim);
		expect(calls(t.sim)).toEqual([READ_PRESENCE]);
		expect(call.headers).toMatchObject({
			mscrmcallerid: ALEX,
			accept: 'application/json',
			'odata-version': '4.0',
			'odata-maxversion': '4.0',
			authorization: expect.stringMatching(/^Bearer \S+/),
		});
		expect(run.rawItems(NODE)[0].pairedItem).toEqual({ item: 0 });
	});

	test('resolves an agent given by e-mail, and a custom presence category through its row', async () => {
		statusOf(CASEY)._msdyn_currentpresenceid_value = P.lunch;
		const run = await t.run({ resource: 'agentPresence', operation: 'get', agent: rl('email', 'Casey.Chen@contoso.com') });
		expect(run.items(NODE)).toEqual([
			expect.objectContaining({
				AgentId: CASEY,
				AgentName: 'Casey Chen',
				CurrentPresenceStatusInfo: 'Lunch',
				PresenceId: P.lunch,
				source: 'dataverse',
				event: 'presence_read',
				agentId: CASEY,
				presenceId: P.lunch,
				presenceName: 'Lunch',
				category: 'away',
			}),
		]);
		expect(calls(t.sim)).toEqual([
			{
				method: 'GET',
				path: '/systemusers',
				query: {
					$select:
						'systemuserid,fullname,firstname,lastname,internalemailaddress,azureactivedirectoryobjectid,domainname,isdisabled',
					$filter: "internalemailaddress eq 'Casey.Chen@contoso.com'",
				},
				status: 200,
			},
			READ_PRESENCE,
			{
				method: 'GET',
				path: `/msdyn_presences(${P.lunch})`,
				query: { $select: 'msdyn_presenceid,msdyn_name,msdyn_presencestatustext,msdyn_basepresencestatus' },
				status: 200,
			},
		]);
		expect(apiCalls(t.sim)[1].headers.mscrmcallerid).toBe(CASEY);
	});

	describe('Read Again If Not (the event templates\' read after the write)', () => {
		const get = (/** @type {any} */ options) => t.run({ resource: 'agentPresence', operation: 'get', agent: rl('id', ALEX), options });

		test('the presence is the expected one (any case): one read, no wait', async () => {
			const run = await get({ readAgainIfNot: P.busy.toUpperCase(), readAgainAfterSeconds: 30 });
			expect(run.items(NODE).map((/** @type {any} */ i) => i.presenceId)).toEqual([P.busy]);
			expect(calls(t.sim)).toEqual([READ_PRESENCE]);
		});

		test('another presence (the source moved on): waits, reads again and outputs the second read — a change made during the wait', async () => {
			// The first read is held until the test has seen it, then Alex changes while the node waits.
			const held = t.sim.hold({ vendor: 'dataverse', method: 'GET', path: /CCaaS_GetPresence/ });
			const running = get({ readAgainIfNot: P.available, readAgainAfterSeconds: 0.5 });
			await held.reached;
			held.release();
			await new Promise((r) => setTimeout(r, 150));
			statusOf(ALEX)._msdyn_currentpresenceid_value = P.away;
			const run = await running;
			expect(run.items(NODE).map((/** @type {any} */ i) => [i.presenceId, i.category])).toEqual([[P.away, 'away']]);
			expect(calls(t.sim)).toEqual([READ_PRESENCE, READ_PRESENCE]);
		});

		test('a wait outside 0–60 s is a clear error, before any second read', async () => {
			const run = await get({ readAgainIfNot: P.available, readAgainAfterSeconds: 61 });
			expect(run.error?.message).toBe('Wait Before Reading Again must be 0 to 60 seconds, not 61');
			expect(calls(t.sim)).toEqual([READ_PRESENCE]);
		});
	});
});

describe('Agent Presence → Set', () => {
	const set = (/** @type {Record<string, any>} */ params) =>
		({ resource: 'agentPresence', operation: 'set', agent: rl('id', ALEX), ...params });

	test('by presence ID: reads the current presence, then posts CCaaS_ModifyAgentPresence as the agent', async () => {
		const run = await t.run(set({ presenceBy: 'presence', presence: rl('id', P.available) }));
		expect(run.items(NODE)).toEqual([
			{
				written: true,
				previousPresenceId: P.busy,
				previousCategory: 'busy',
				source: 'dataverse',
				event: 'presence_set',
				agentId: ALEX,
				presenceId: P.available,
				presenceName: 'Available',
				category: 'available',
				changedAt: null,
			},
		]);
		expect(calls(t.sim)).toEqual([
			READ_PRESENCE,
			modifyPresence(ALEX, P.available),
		]);
		const post = apiCalls(t.sim)[1];
		expect(post.headers).toMatchObject({ mscrmcallerid: ALEX, 'content-type': expect.stringMatching(/^application\/json/) });
		expect(statusOf(ALEX)).toMatchObject({ _msdyn_currentpresenceid_value: P.available, msdyn_presencemodifiedby: 'AGENT' });
	});

	test('Only If Different skips the write when the agent already has the presence', async () => {
		const run = await t.run(set({ presenceBy: 'presence', presence: rl('list', P.busy) }));
		expect(run.items(NODE)).toEqual([
			expect.objectContaining({ written: false, previousPresenceId: P.busy, previousCategory: 'busy', skippedReason: 'same', presenceId: P.busy, category: 'busy' }),
		]);
		expect(calls(t.sim).map((c) => `${c.method} ${c.path}`)).toEqual(['GET /CCaaS_GetPresence(ApiVersion=@v)']);
	});

	test('without Only If Different it writes straight away', async () => {
		const run = await t.run(set({ presenceBy: 'presence', presence: rl('id', P.busy), onlyIfDifferent: false }));
		expect(run.items(NODE)).toEqual([
			{
				written: true,
				previousPresenceId: null,
				previousCategory: null,
				source: 'dataverse',
				event: 'presence_set',
				agentId: ALEX,
				presenceId: P.busy,
				presenceName: 'Busy',
				category: 'busy',
				changedAt: null,
			},
		]);
		expect(calls(t.sim).map((c) => `${c.method} ${c.path}`)).toEqual(['POST /CCaaS_ModifyAgentPresence']);
	});

	test('a custom presence by ID gets its name and category from its row', async () => {
		const run = await t.run(set({ presenceBy: 'presence', presence: rl('id', P.lunch.toUpperCase()), onlyIfDifferent: false }));
		expect(run.items(NODE)).toEqual([expect.objectContaining({ written: true, presenceId: P.lunch, presenceName: 'Lunch', category: 'away' })]);
		expect(calls(t.sim).map((c) => `${c.method} ${c.path}`)).toEqual([
			`GET /msdyn_presences(${P.lunch})`,
			'POST /CCaaS_ModifyAgentPresence',
		]);
		expect(apiCalls(t.sim)[1].body).toEqual({ ApiVersion: '1.0', AgentId: ALEX, PresenceId: P.lunch });
	});

	test('by category: resolved through the base status, preferring the out-of-the-box presence', async () => {
		const run = await t.run(set({ presenceBy: 'category', category: 'away' }));
		expect(run.items(NODE)).toEqual([
			expect.objectContaining({ written: true, presenceId: P.away, presenceName: 'Away', category: 'away' }),
		]);
		expect(calls(t.sim)).toEqual([
			{
				method: 'GET',
				path: '/msdyn_presences',
				query: {
					$select: 'msdyn_presenceid,msdyn_name,msdyn_presencestatustext,msdyn_basepresencestatus',
					$filter: 'msdyn_basepresencestatus eq 192360003 and statecode eq 0',
					$orderby: 'msdyn_name asc',
				},
				status: 200,
			},
			READ_PRESENCE,
			modifyPresence(ALEX, P.away),
		]);
	});

	test('by category: falls back to an active custom presence when the out-of-the-box one is inactive', async () => {
		const away = t.sim.state.dataverse.tables.msdyn_presences.find((/** @type {any} */ r) => r.msdyn_presenceid === P.away);
		Object.assign(away, { statecode: 1, statuscode: 2 });
		const run = await t.run(set({ presenceBy: 'category', category: 'away' }));
		expect(run.items(NODE)).toEqual([expect.objectContaining({ written: true, presenceId: P.lunch, presenceName: 'Lunch', category: 'away' })]);
		expect(statusOf(ALEX)._msdyn_currentpresenceid_value).toBe(P.lunch);
	});

	// Resolved from the rows, so the name is the organization's own label for the presence.
	test('do_not_disturb resolves to Busy DND; an agent given by e-mail is looked up first', async () => {
		const run = await t.run(set({ agent: rl('email', 'alex.agent@contoso.com'), presenceBy: 'category', category: 'do_not_disturb' }));
		expect(run.items(NODE)).toEqual([
			expect.objectContaining({ written: true, agentId: ALEX, presenceId: P.busyDnd, presenceName: 'Busy - DND', category: 'do_not_disturb' }),
		]);
		expect(calls(t.sim).map((c) => `${c.method} ${c.path}`)).toEqual([
			'GET /systemusers',
			'GET /msdyn_presences',
			'GET /CCaaS_GetPresence(ApiVersion=@v)',
			'POST /CCaaS_ModifyAgentPresence',
		]);
	});

	test('one output item per input item, each paired with its input', async () => {
		const run = await t.run(set({ agent: rl('id', '={{ $json.agent }}'), presenceBy: 'category', category: '={{ $json.category }}' }), [
			{ agent: ALEX, category: 'offline' },
			{ agent: CASEY, category: 'available' },
		]);
		expect(run.rawItems(NODE).map((/** @type {any} */ i) => [i.json.agentId, i.json.presenceId, i.json.written, i.pairedItem])).toEqual([
			[ALEX, P.offline, true, { item: 0 }],
			[CASEY, P.available, false, { item: 1 }],
		]);
	});
});
