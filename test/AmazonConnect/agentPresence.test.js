// @ts-check
/** Agent Presence → Get / Get Many / Set against the simulated Amazon Connect, every request signed. */
const { rl, useSimulator } = require('../helpers/vendors');
const { C, connectNode, apiCalls, LIST_STATUSES, userDataCall } = require('./connect');

const ALEX = C.users.alex;
const BLAKE = C.users.blake;
const S = C.status;
const SEED = Date.parse('2024-05-01T08:00:00.000Z') / 1000;
const t = useSimulator({ vendor: 'amazonConnect' });

/** The item for a logged-in agent with the seed's routing profile and no contacts. */
function item(userId, statusId, name, type, category, event, extra = {}) {
	const a = t.sim.state.amazonConnect.activity[userId];
	return {
		source: 'amazonConnect',
		event,
		agentId: userId,
		presenceId: statusId,
		presenceName: name,
		category,
		statusType: type,
		loggedIn: true,
		changedAt: new Date(a.since).toISOString(),
		routingProfileId: C.profile.basic,
		contactsInProgress: 0,
		nextStatus: null,
		nextStatusId: null,
		raw: expect.objectContaining({ User: { Id: userId, Arn: C.userArn(userId) }, Status: { StatusStartTimestamp: a.since / 1000, StatusArn: C.statusArn(statusId), StatusName: name } }),
		...extra,
	};
}

describe('Agent Presence → Get', () => {
	test('GetCurrentUserData for the agent, signed with SigV4 for connect in the Region; statuses listed once', async () => {
		const run = await t.run({ resource: 'agentPresence', operation: 'get', agent: rl('id', ALEX) });
		expect(run.items('Connect')).toEqual([item(ALEX, S.available, 'Available', 'ROUTABLE', 'available', 'presence_read')]);
		expect(apiCalls(t.sim)).toEqual([LIST_STATUSES, userDataCall([ALEX])]);
		const [req] = t.sim.requests;
		expect(req.headers.authorization).toMatch(
			new RegExp(`^AWS4-HMAC-SHA256 Credential=${t.sim.clients.amazonConnect.accessKeyId}/\\d{8}/us-east-1/connect/aws4_request, SignedHeaders=accept;content-type;host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$`),
		);
		expect(req.headers['content-type']).toBe('application/json');
	});

	test('a custom status takes its category from the mapping; Break is away by default', async () => {
		t.sim.amazonConnect.agentSets(ALEX, S.training);
		t.sim.amazonConnect.agentSets(BLAKE, S.break);
		const mapping = { customCategories: { status: [{ name: 'training', category: 'do_not_disturb' }] } };
		const run = await t.run({ resource: 'agentPresence', operation: 'getAll', agents: 'ids', agentIds: `${ALEX}, ${BLAKE}`, returnAll: true, options: mapping });
		expect(run.items('Connect').map((i) => [i.presenceName, i.category])).toEqual([['Training', 'do_not_disturb'], ['Break', 'away']]);
		expect(apiCalls(t.sim)).toEqual([LIST_STATUSES, userDataCall([ALEX, BLAKE])]);
	});

	test('a logged-out agent is offline, loggedIn false (DescribeUser confirms the user exists)', async () => {
		t.sim.amazonConnect.logOut(ALEX);
		const run = await t.run({ resource: 'agentPresence', operation: 'get', agent: rl('id', ALEX) });
		expect(run.items('Connect')).toEqual([
			{ source: 'amazonConnect', event: 'presence_read', agentId: ALEX, presenceId: null, presenceName: null, category: 'offline', statusType: null, loggedIn: false, changedAt: null, routingProfileId: null, contactsInProgress: 0, nextStatus: null, nextStatusId: null },
		]);
		expect(apiCalls(t.sim).map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual([
			`GET /agent-status/${C.instanceId} 200`,
			`POST /metrics/userdata/${C.instanceId} 200`,
			`GET /users/${C.instanceId}/${ALEX} 200`,
		]);
	});

	test('an unknown agent fails naming Amazon Connect, the status, the AWS error code and the request ID', async () => {
		const unknown = '00000000-0000-4000-8000-000000000000';
		const run = await t.run({ resource: 'agentPresence', operation: 'get', agent: rl('id', unknown) });
		const error = run.nodeError('Connect');
		expect(error.message).toMatch(new RegExp(`^Amazon Connect returned 404: ResourceNotFoundException: User not found: ${unknown} \\(request ID [0-9a-f-]{36}\\)$`));
		expect(error.httpCode).toBe('404');
	});

	test('an agent found by username (SearchUsers, Username EXACT)', async () => {
		const run = await t.run({ resource: 'agentPresence', operation: 'get', agent: rl('username', 'blake.baker@contoso.com') });
		expect(run.items('Connect')[0]).toMatchObject({ agentId: BLAKE, presenceName: 'Available' });
		expect(apiCalls(t.sim)[0]).toEqual({
			method: 'POST',
			path: '/search-users',
			query: {},
			body: { InstanceId: C.instanceId, MaxResults: 2, SearchCriteria: { StringCondition: { FieldName: 'Username', Value: 'blake.baker@contoso.com', ComparisonType: 'EXACT' } } },
			status: 200,
		});
	});
});

describe('Agent Presence → Get Many', () => {
	const UNKNOWN = '00000000-0000-4000-8000-00000000abcd';

	test('given IDs: an ID Amazon Connect has no user for fails the item naming it (DescribeUser 404), not reported as logged out', async () => {
		t.sim.amazonConnect.logOut(BLAKE);
		const run = await t.run({ resource: 'agentPresence', operation: 'getAll', agents: 'ids', agentIds: `${ALEX}, ${UNKNOWN}, ${BLAKE}`, returnAll: true });
		expect(run.nodeError('Connect').message).toBe(`No Amazon Connect user with the ID ${UNKNOWN}`);
		expect(apiCalls(t.sim).map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual([
			`GET /agent-status/${C.instanceId} 200`,
			`POST /metrics/userdata/${C.instanceId} 200`,
			`GET /users/${C.instanceId}/${UNKNOWN} 404`,
			`GET /users/${C.instanceId}/${BLAKE} 200`,
		]);
	});

	test('given IDs with Continue On Fail: that item is an error item, the next item goes on; a known logged-out agent stays logged out', async () => {
		t.sim.amazonConnect.logOut(BLAKE);
		const run = await t.run(
			{ resource: 'agentPresence', operation: 'getAll', agents: 'ids', agentIds: '={{ $json.ids }}', returnAll: true },
			[{ ids: `${ALEX}, ${UNKNOWN}` }, { ids: `${ALEX}, ${BLAKE}` }],
			{ onError: 'continueRegularOutput' },
		);
		const out = run.items('Connect');
		expect(out.map((i) => i.error ?? `${i.agentId} ${i.loggedIn}`)).toEqual([`No Amazon Connect user with the ID ${UNKNOWN}`, `${ALEX} true`, `${BLAKE} false`]);
	});

	test('by routing profile: every page (NextToken) of the logged-in agents', async () => {
		const run = await t.run({ resource: 'agentPresence', operation: 'getAll', agents: 'RoutingProfiles', filterIds: C.profile.sales, returnAll: true });
		const sales = t.sim.state.amazonConnect.users.filter((u) => u.RoutingProfileId === C.profile.sales && t.sim.state.amazonConnect.activity[u.Id].loggedIn);
		expect(run.items('Connect').map((i) => i.agentId)).toEqual(sales.map((u) => u.Id));
		expect(apiCalls(t.sim)[1].body).toEqual({ Filters: { RoutingProfiles: [C.profile.sales] }, MaxResults: 100 });
	});

	test('All Agents: ListUsers, then every user\'s data; a logged-out user is output as logged out', async () => {
		t.sim.amazonConnect.logOut(BLAKE);
		const run = await t.run({ resource: 'agentPresence', operation: 'getAll', agents: 'all', returnAll: true });
		const users = t.sim.state.amazonConnect.users;
		expect(run.items('Connect').map((i) => i.agentId)).toEqual(users.map((u) => u.Id));
		expect(run.items('Connect').find((i) => i.agentId === BLAKE)).toMatchObject({ loggedIn: false, category: 'offline' });
		expect(apiCalls(t.sim).map((c) => `${c.method} ${c.path}`)).toEqual([
			`GET /agent-status/${C.instanceId}`,
			`GET /users-summary/${C.instanceId}`,
			`POST /metrics/userdata/${C.instanceId}`,
		]);
	});

	test('more than 100 given agents go in calls of 100; many not listed are checked against one ListUsers; a hierarchy group takes one ID', async () => {
		const ids = Array.from({ length: 150 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
		const run = await t.run({ resource: 'agentPresence', operation: 'getAll', agents: 'ids', agentIds: [ALEX, ...ids].join(','), returnAll: true });
		expect(run.nodeError('Connect').message).toBe(`No Amazon Connect user with the ID ${ids.join(', ')}`);
		expect(apiCalls(t.sim).slice(1, 3).map((c) => c.body.Filters.Agents.length)).toEqual([100, 51]);
		expect(apiCalls(t.sim).slice(3)).toEqual([{ method: 'GET', path: `/users-summary/${C.instanceId}`, query: { maxResults: '1000' }, body: undefined, status: 200 }]);
		const bad = await t.run({ resource: 'agentPresence', operation: 'getAll', agents: 'UserHierarchyGroups', filterIds: 'a, b', returnAll: true });
		expect(bad.nodeError('Connect').message).toBe('Give 1 to 1 ID for this filter, got 2');
	});
});

describe('Agent Presence → Set', () => {
	const set = (over = {}) => ({ resource: 'agentPresence', operation: 'set', agent: rl('id', ALEX), presenceBy: 'presence', presence: rl('list', S.break), ...over });

	test('PutUserStatus with AgentStatusId; read first (Only If Different) and read back', async () => {
		const run = await t.run(set());
		const [out] = run.items('Connect');
		expect(out).toEqual({
			...item(ALEX, S.break, 'Break', 'CUSTOM', 'away', 'presence_set'),
			written: true,
			previousPresenceId: S.available,
			previousCategory: 'available',
			queuedAsNextStatus: false,
		});
		expect(apiCalls(t.sim)).toEqual([
			LIST_STATUSES,
			userDataCall([ALEX]),
			{ method: 'PUT', path: `/users/${C.instanceId}/${ALEX}/status`, query: {}, body: { AgentStatusId: S.break }, status: 200 },
			userDataCall([ALEX]),
		]);
	});

	test('the same status again is skipped (Only If Different)', async () => {
		const run = await t.run(set({ presence: rl('id', S.available) }));
		expect(run.items('Connect')[0]).toMatchObject({ written: false, skippedReason: 'same', previousPresenceId: S.available });
		expect(apiCalls(t.sim).filter((c) => c.method === 'PUT')).toEqual([]);
	});

	test('by category: away resolves to the first custom status of that category (Break)', async () => {
		const run = await t.run(set({ presenceBy: 'category', category: 'away' }));
		expect(run.items('Connect')[0]).toMatchObject({ presenceId: S.break, category: 'away', written: true });
	});

	/** DescribeAgentStatus as the category's Set asks it (ListAgentStatuses has no State). @param {string} id */
	const describeCall = (id) => ({ method: 'GET', path: `/agent-status/${C.instanceId}/${id}`, query: {}, body: undefined, status: 200 });

	test('by category: a DISABLED custom status is passed over (DescribeAgentStatus says so, asked once per status and cached)', async () => {
		t.sim.state.amazonConnect.statuses.find((/** @type {any} */ s) => s.AgentStatusId === S.break).State = 'DISABLED';
		const input = [{ n: 1 }, { n: 2 }];
		const run = await t.h.runWorkflow({ nodes: [connectNode(set({ presenceBy: 'category', category: 'away', onlyIfDifferent: false }))], input });
		expect(run.items('Connect').map((/** @type {any} */ i) => [i.presenceId, i.presenceName, i.written])).toEqual([
			[S.lunch, 'Lunch', true],
			[S.lunch, 'Lunch', true],
		]);
		const put = { method: 'PUT', path: `/users/${C.instanceId}/${ALEX}/status`, query: {}, body: { AgentStatusId: S.lunch }, status: 200 };
		expect(apiCalls(t.sim).filter((c) => c.method !== 'POST')).toEqual([LIST_STATUSES, describeCall(S.break), describeCall(S.lunch), put, put]);
	});

	test('by category: every status of the category disabled is a clear error naming them', async () => {
		for (const id of [S.break, S.lunch]) t.sim.state.amazonConnect.statuses.find((/** @type {any} */ s) => s.AgentStatusId === id).State = 'DISABLED';
		const run = await t.run(set({ presenceBy: 'category', category: 'away' }));
		expect(run.nodeError('Connect').message).toBe('No enabled Amazon Connect agent status of the category "away" (disabled: "Break", "Lunch", "Retired")');
		expect(apiCalls(t.sim).filter((c) => c.method === 'PUT')).toEqual([]);
	});

	test('an agent on a contact is protected by default: nothing written', async () => {
		t.sim.amazonConnect.startContact(ALEX);
		const run = await t.run(set());
		expect(run.items('Connect')[0]).toMatchObject({ written: false, skippedReason: 'protected', protectedState: 'onContact', contactsInProgress: 1 });
		expect(apiCalls(t.sim).filter((c) => c.method === 'PUT')).toEqual([]);
	});

	test('without the protection, a status set during a contact is queued as NextStatus and the item says so', async () => {
		t.sim.amazonConnect.startContact(ALEX);
		const run = await t.run(set({ options: { dontOverrideWhen: [] } }));
		expect(run.items('Connect')[0]).toMatchObject({ presenceId: S.available, nextStatus: 'Break', nextStatusId: S.break, written: true, queuedAsNextStatus: true, contactsInProgress: 1 });
		// Asked again before the contact ends: already queued, so nothing is written.
		t.sim.clearRequests();
		const again = await t.run(set({ options: { dontOverrideWhen: [] } }));
		expect(again.items('Connect')[0]).toMatchObject({ written: false, skippedReason: 'same' });
		t.sim.amazonConnect.endContacts(ALEX);
		expect(t.sim.state.amazonConnect.activity[ALEX].statusId).toBe(S.break);
	});

	test("its guard options are the shared Set's, with On a Contact protected by default", () => {
		const { AmazonConnect } = require('../../dist/nodes/AmazonConnect/AmazonConnect.node.js');
		const { guardOptions } = require('../../dist/nodes/shared/guardedSet');
		const options = new AmazonConnect().description.properties.find(
			(/** @type {any} */ p) => p.name === 'options' && p.displayOptions?.show?.resource?.includes('agentPresence') && p.displayOptions?.show?.operation?.includes('set'),
		).options;
		const guards = guardOptions('amazonConnect');
		expect(options.filter((/** @type {any} */ o) => guards.some((/** @type {any} */ g) => g.name === o.name))).toEqual(guards);
		expect(guards[0]).toMatchObject({ name: 'dontOverrideWhen', default: ['onContact'] });
		expect(guards[0].description).toContain('Without this option, On a Contact.');
	});

	test('no agent given: a clear error naming what to give', async () => {
		// An expression that comes out empty (a static empty value is caught by the editor's own check).
		const run = await t.run(set({ agent: rl('id', '={{ "" }}') }));
		expect(run.error?.message).toBe('No agent given: pick one, or give a user ID or username');
		expect(apiCalls(t.sim).filter((c) => c.method === 'PUT')).toEqual([]);
	});

	test('a stale event (the source moved on) is not written', async () => {
		const run = await t.run(set({ options: { sourcePresenceId: 'a', sourceCurrentPresenceId: 'b' } }));
		expect(run.items('Connect')[0]).toMatchObject({ written: false, skippedReason: 'stale', sourcePresenceId: 'a', sourceCurrentPresenceId: 'b' });
	});

	test('an unknown status ID is a clear error; an unknown username is skipped, not failed', async () => {
		const bad = await t.run(set({ presence: rl('id', '00000000-0000-4000-8000-000000000000') }));
		expect(bad.nodeError('Connect').message).toBe('No Amazon Connect agent status with the ID 00000000-0000-4000-8000-000000000000');
		const unknown = await t.run(set({ agent: rl('username', 'nobody.here@contoso.com') }));
		expect(unknown.items('Connect')[0]).toMatchObject({ written: false, skippedReason: 'unknown_agent', agent: 'nobody.here@contoso.com', source: 'amazonConnect' });
	});
});
