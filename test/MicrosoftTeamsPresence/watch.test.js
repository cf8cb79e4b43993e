// @ts-check
/**
 * The Teams triggers' Watch, version 2: All Users (the default, nothing to type), agents picked
 * from a list, a group picked from a list — and the pickers' requests to Graph.
 */
const { startSimulator } = require('../simulator');
const { createTriggerHarness } = require('../harness/webhook');
const { credentialsFor, credentialRef, IDS } = require('../helpers/vendors');

const T = IDS.graph;
const ALEX = T.users.alex;

/** @type {any} */ let sim;
beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => sim.close());
beforeEach(() => sim.reset());

const TRIGGER = { name: 'Teams Trigger', type: 'microsoftTeamsPresenceTrigger', typeVersion: 2, credentials: credentialRef('graph') };

async function trigger(/** @type {Record<string, any>} */ parameters = {}) {
	return await createTriggerHarness({ credentials: credentialsFor(sim, 'graph'), trigger: { ...TRIGGER, parameters } });
}

const graphRequests = () =>
	sim.requests
		.filter((/** @type {any} */ r) => r.mount === '/graph')
		.map((/** @type {any} */ r) => ({ method: r.method, path: r.path, query: r.query, ids: r.body?.ids }));

const guid = (/** @type {string} */ prefix, /** @type {number} */ i) => `${prefix}-0000-4000-8000-${String(i).padStart(12, '0')}`;
const SIM_USERS = Object.values(T.users);
const LIST_USERS = { $select: 'id', $filter: 'accountEnabled eq true', $top: '999' };

describe('Watch: All Users (version 2’s default)', () => {
	test('every enabled user, paged by @odata.nextLink (999 a page), presences read 650 at a time; a change is emitted', async () => {
		const extra = Array.from({ length: 1200 }, (_, i) => ({ id: guid('0000aaaa', i), accountEnabled: i % 100 !== 0 }));
		sim.graph.addUsers(extra);
		const enabled = [...SIM_USERS, ...extra.filter((u) => u.accountEnabled).map((u) => u.id)];
		expect(enabled).toHaveLength(5 + 1188);
		const tr = await trigger();
		expect(await tr.poll()).toEqual({ emitted: false, items: [] });

		const calls = graphRequests();
		const page2 = calls[1].query.$skiptoken;
		expect(calls).toEqual([
			{ method: 'GET', path: '/v1.0/users', query: LIST_USERS, ids: undefined },
			{ method: 'GET', path: '/v1.0/users', query: { ...LIST_USERS, $skiptoken: page2 }, ids: undefined },
			{ method: 'POST', path: '/v1.0/communications/getPresencesByUserId', query: {}, ids: enabled.slice(0, 650) },
			{ method: 'POST', path: '/v1.0/communications/getPresencesByUserId', query: {}, ids: enabled.slice(650) },
		]);
		expect(typeof page2).toBe('string');

		sim.graph.userSets(ALEX, 'Busy', 'InACall', false);
		const next = await tr.poll();
		expect(next.items.map((/** @type {any} */ i) => [i.source, i.event, i.agentId, i.previousPresenceId, i.presenceId, i.category])).toEqual([
			['teams', 'presence_changed', ALEX, 'Available/Available', 'Busy/InACall', 'busy'],
		]);
	});

	test('a user added to the directory is read from the next poll on (baseline first, then changes)', async () => {
		const tr = await trigger({ watch: 'all' });
		await tr.poll();
		const newcomer = guid('0000bbbb', 1);
		sim.graph.addUsers([{ id: newcomer }]);
		sim.graph.userSets(newcomer, 'Available', 'Available', false);
		expect((await tr.poll()).items).toEqual([]);
		sim.graph.userSets(newcomer, 'Away', 'Away', false);
		expect((await tr.poll()).items.map((/** @type {any} */ i) => [i.agentId, i.presenceId])).toEqual([[newcomer, 'Away/Away']]);
	});

	test('a next page off Graph’s host is not followed (the token stays with Graph)', async () => {
		sim.graph.addUsers(Array.from({ length: 1000 }, (_, i) => ({ id: guid('0000cccc', i) })));
		sim.graph.setNextLinkOrigin('https://graph.evil.example');
		const tr = await trigger();
		await expect(tr.poll()).rejects.toThrow('Microsoft Teams (Graph) returned a next page at https://graph.evil.example, off its own host; not followed');
		expect(graphRequests()).toEqual([{ method: 'GET', path: '/v1.0/users', query: LIST_USERS, ids: undefined }]);
	});

	test('without User.Read.All the error names the permission; no presence is read', async () => {
		sim.clients.graph.roles.splice(0, sim.clients.graph.roles.length, 'Presence.Read.All');
		try {
			const tr = await trigger();
			await expect(tr.poll()).rejects.toMatchObject({
				message: expect.stringContaining('Microsoft Teams'),
				description: expect.stringContaining('the application permission User.Read.All with admin consent'),
			});
			expect(graphRequests().map((c) => c.path)).toEqual(['/v1.0/users']);
		} finally {
			sim.clients.graph.roles.splice(0, sim.clients.graph.roles.length, 'Presence.ReadWrite.All', 'User.Read.All', 'GroupMember.Read.All');
		}
	});
});

describe('Watch: Chosen Agents and A Group’s Members (version 2: picked from lists)', () => {
	test('agents picked from the list (IDs stored) are the ones read', async () => {
		const tr = await trigger({ watch: 'agents', agents: [ALEX, T.users.eli] });
		await tr.poll();
		expect(graphRequests()).toEqual([{ method: 'POST', path: '/v1.0/communications/getPresencesByUserId', query: {}, ids: [ALEX, T.users.eli] }]);
	});

	test('an expression giving comma-separated IDs (as version 1 stored them) is still accepted', async () => {
		const tr = await trigger({ watch: 'agents', agents: `={{ "${ALEX.toUpperCase()}, ${T.users.eli}" }}` });
		await tr.poll();
		expect(graphRequests()).toEqual([{ method: 'POST', path: '/v1.0/communications/getPresencesByUserId', query: {}, ids: [ALEX, T.users.eli] }]);
	});

	test('no agent chosen is a clear error before any request', async () => {
		const tr = await trigger({ watch: 'agents', agents: [] });
		await expect(tr.poll()).rejects.toThrow('No agent IDs to watch');
		expect(sim.requests).toEqual([]);
	});

	test('a group picked from the list: its members are read (an OData cast: ConsistencyLevel eventual, $count=true), then their presences', async () => {
		const tr = await trigger({ watch: 'group', group: { __rl: true, mode: 'list', value: T.groups.agents, cachedResultName: 'Contact centre agents' } });
		await tr.poll();
		expect(graphRequests()).toEqual([
			{ method: 'GET', path: `/v1.0/groups/${T.groups.agents}/members/microsoft.graph.user`, query: { $select: 'id', $top: '999', $count: 'true' }, ids: undefined },
			{ method: 'POST', path: '/v1.0/communications/getPresencesByUserId', query: {}, ids: [ALEX, T.users.blake, T.users.casey] },
		]);
		const members = sim.requests.find((/** @type {any} */ r) => r.path.endsWith('/microsoft.graph.user'));
		expect(members.headers.consistencylevel).toBe('eventual');
		expect(members.status).toBe(200);
	});

	test("a group of 1,200: the next page keeps the advanced query's header and $count", async () => {
		const ids = Array.from({ length: 1200 }, (_, i) => guid('0000bbbb', i));
		const group = guid('0000cccc', 1);
		sim.graph.setGroupMembers(group, ids);
		const tr = await trigger({ watch: 'group', group: { __rl: true, mode: 'id', value: group } });
		await tr.poll();
		const pages = sim.requests.filter((/** @type {any} */ r) => r.path.endsWith('/microsoft.graph.user'));
		expect(pages.map((/** @type {any} */ r) => [r.status, r.query.$count, r.headers.consistencylevel])).toEqual([
			[200, 'true', 'eventual'],
			[200, 'true', 'eventual'],
		]);
		const read = graphRequests().filter((r) => r.path.endsWith('getPresencesByUserId'));
		expect(read.flatMap((r) => r.ids)).toEqual(ids);
	});

	test("the simulated Graph refuses the cast without the advanced query parameters, in Graph's documented error shape", async () => {
		const tr = await trigger();
		const ask = async (/** @type {string} */ query, /** @type {Record<string, string>} */ headers) =>
			await tr.harness.request('microsoftTeamsPresenceGraphApi', {
				method: 'GET',
				url: `${sim.urls.graph}/groups/${T.groups.agents}/members/microsoft.graph.user?${query}`,
				headers,
				json: true,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			});
		for (const [query, headers] of /** @type {Array<[string, Record<string, string>]>} */ ([
			['$select=id', {}],
			['$select=id&$count=true', {}],
			['$select=id', { ConsistencyLevel: 'eventual' }],
		])) {
			const answer = await ask(query, headers);
			expect(answer.statusCode).toBe(400);
			expect(answer.body.error).toMatchObject({ code: 'Request_UnsupportedQuery', message: expect.stringContaining('Try adding $count=true query parameter and ConsistencyLevel:eventual header') });
		}
		const ok = await ask('$select=id&$count=true', { ConsistencyLevel: 'eventual' });
		expect(ok.statusCode).toBe(200);
		expect(ok.body['@odata.count']).toBe(3);
	});

	test('a group given by an ID that is not one is a clear error before any request', async () => {
		const tr = await trigger({ watch: 'group', group: { __rl: true, mode: 'id', value: 'agents' } });
		await expect(tr.poll()).rejects.toThrow('Not a Microsoft Entra group object ID: "agents"');
		expect(sim.requests).toEqual([]);
	});

	test('version 1 workflows keep their pasted IDs and their default (Listed Agents)', async () => {
		const tr = await createTriggerHarness({
			credentials: credentialsFor(sim, 'graph'),
			trigger: { ...TRIGGER, typeVersion: 1, parameters: { agentIds: `${ALEX}, ${T.users.blake}` } },
		});
		await tr.poll();
		expect(graphRequests()).toEqual([{ method: 'POST', path: '/v1.0/communications/getPresencesByUserId', query: {}, ids: [ALEX, T.users.blake] }]);
	});
});

describe('pickers of the Watch fields', () => {
	const node = { ...TRIGGER, parameters: { watch: 'agents' } };

	test('Agents: the enabled users by name and e-mail, IDs stored, paged by @odata.nextLink', async () => {
		sim.graph.addUsers([
			...Array.from({ length: 1000 }, (_, i) => ({ id: guid('0000dddd', i), displayName: `Zz ${String(i).padStart(4, '0')}` })),
			{ id: guid('0000eeee', 1), displayName: 'Disabled Account', accountEnabled: false },
		]);
		const tr = await trigger();
		const options = await tr.harness.callMethod(node, 'loadOptions', 'listAgents');
		expect(options.slice(0, 5)).toEqual([
			{ name: 'Alex Agent (alex.agent@contoso.com)', value: ALEX },
			{ name: 'Blake Baker (blake.baker@contoso.com)', value: T.users.blake },
			{ name: 'Casey Chen (casey.chen@contoso.com)', value: T.users.casey },
			{ name: 'Dana Diaz (dana.diaz@contoso.com)', value: T.users.dana },
			{ name: 'Eli Evans (eli.evans@contoso.com)', value: T.users.eli },
		]);
		expect(options).toHaveLength(1005);
		expect(options.find((/** @type {any} */ o) => o.name.startsWith('Disabled'))).toBeUndefined();
		const select = { $select: 'id,displayName,mail,userPrincipalName', $filter: 'accountEnabled eq true', $top: '999' };
		const calls = graphRequests();
		expect(calls).toEqual([
			{ method: 'GET', path: '/v1.0/users', query: select, ids: undefined },
			{ method: 'GET', path: '/v1.0/users', query: { ...select, $skiptoken: calls[1].query.$skiptoken }, ids: undefined },
		]);
	});

	test('Group: a search is $search on displayName with ConsistencyLevel: eventual', async () => {
		const tr = await trigger();
		const result = await tr.harness.callMethod(node, 'listSearch', 'searchGroups', 'contact');
		expect(result).toEqual({ results: [{ name: 'Contact centre agents', value: T.groups.agents }], paginationToken: undefined });
		const [call] = sim.requests.filter((/** @type {any} */ r) => r.mount === '/graph');
		expect([call.method, call.path, call.query, call.headers.consistencylevel]).toEqual([
			'GET',
			'/v1.0/groups',
			{ $select: 'id,displayName,mail', $top: '25', $search: '"displayName:contact"', $orderby: 'displayName' },
			'eventual',
		]);
	});

	test('Group: without a search, every group (no advanced query)', async () => {
		const tr = await trigger();
		const result = await tr.harness.callMethod(node, 'listSearch', 'searchGroups');
		expect(result.results).toEqual([{ name: 'Contact centre agents', value: T.groups.agents }]);
		const [call] = sim.requests.filter((/** @type {any} */ r) => r.mount === '/graph');
		expect([call.query, call.headers.consistencylevel]).toEqual([{ $select: 'id,displayName,mail', $top: '25' }, undefined]);
	});

	test('Group: without GroupMember.Read.All the error names the permission', async () => {
		sim.clients.graph.roles.splice(0, sim.clients.graph.roles.length, 'Presence.Read.All', 'User.Read.All');
		try {
			const tr = await trigger();
			await expect(tr.harness.callMethod(node, 'listSearch', 'searchGroups')).rejects.toMatchObject({
				description: expect.stringContaining('GroupMember.Read.All'),
			});
		} finally {
			sim.clients.graph.roles.splice(0, sim.clients.graph.roles.length, 'Presence.ReadWrite.All', 'User.Read.All', 'GroupMember.Read.All');
		}
	});
});

describe('simulator: List users is as strict as Graph', () => {
	test('$top outside 1–999 is Graph’s 400 "Invalid page size specified"', async () => {
		const tr = await trigger();
		const r = await tr.harness.request('microsoftTeamsPresenceGraphApi', { method: 'GET', url: `${sim.url}/graph/v1.0/users?$top=1000`, returnFullResponse: true, ignoreHttpStatusErrors: true });
		expect(r.statusCode).toBe(400);
		expect(r.body.error).toMatchObject({ code: 'Request_BadRequest', message: "Invalid page size specified: '1000'. Must be between 1 and 999 inclusive." });
	});
});
