// @ts-check
const { startSimulator } = require('../simulator');
const { createTriggerHarness } = require('../harness/webhook');
const { credentialsFor, credentialRef, graphPresenceItem: presenceItem, IDS } = require('../helpers/vendors');

const T = IDS.graph;

/** @type {any} */ let sim;
beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => sim.close());
beforeEach(() => sim.reset());

const ALEX = T.users.alex;
const BLAKE = T.users.blake;

async function trigger(/** @type {Record<string, any>} */ parameters = {}) {
	return await createTriggerHarness({
		credentials: credentialsFor(sim, 'graph'),
		trigger: {
			name: 'Teams Trigger',
			type: 'microsoftTeamsPresenceTrigger',
			parameters: { agentIds: `${ALEX},${BLAKE}`, ...parameters },
			credentials: credentialRef('graph'),
		},
	});
}

const graphCalls = () => sim.requests.filter((/** @type {any} */ r) => r.mount === '/graph').map((/** @type {any} */ r) => ({ method: r.method, path: r.path, body: r.body }));

describe('Microsoft Teams Presence Trigger (polling)', () => {
	test('first poll records a baseline; a change is emitted once, normalized', async () => {
		const tr = await trigger();
		expect(await tr.poll()).toEqual({ emitted: false, items: [] });
		sim.graph.userSets(ALEX, 'Busy', 'InACall', false);
		const second = await tr.poll();
		expect(second.items).toEqual([
			presenceItem({
				id: ALEX,
				availability: 'Busy',
				activity: 'InACall',
				category: 'busy',
				event: 'presence_changed',
				extra: { previousPresenceId: 'Available/Available', previousCategory: 'available', detectedAt: expect.any(String) },
			}),
		]);
		expect(await tr.poll()).toEqual({ emitted: false, items: [] });
		expect(graphCalls()).toEqual(Array(3).fill({ method: 'POST', path: '/v1.0/communications/getPresencesByUserId', body: { ids: [ALEX, BLAKE] } }));
	});

	test('catch-up after a gap: what changed meanwhile is emitted on the next poll, each user once', async () => {
		const tr = await trigger();
		await tr.poll();
		sim.graph.userSets(ALEX, 'Away', 'Away', false);
		sim.graph.userSets(ALEX, 'BeRightBack', 'BeRightBack', true);
		sim.graph.signOut(BLAKE);
		const after = await tr.poll();
		expect(after.items.map((/** @type {any} */ i) => [i.agentId, i.previousPresenceId, i.presenceId, i.category])).toEqual([
			[ALEX, 'Available/Available', 'BeRightBack/BeRightBack', 'away'],
			[BLAKE, 'Busy/InAMeeting', 'Offline/Offline', 'offline'],
		]);
	});

	test('a failed poll keeps the previous state: the change is emitted by the next good poll', async () => {
		const tr = await trigger();
		await tr.poll();
		sim.graph.userSets(BLAKE, 'Available', 'Available', false);
		sim.inject({ vendor: 'graph', path: '/getPresencesByUserId', status: 403, times: 1 });
		await expect(tr.poll()).rejects.toThrow(/Microsoft Teams \(Graph\) returned 403/);
		const next = await tr.poll();
		expect(next.items.map((/** @type {any} */ i) => i.agentId)).toEqual([BLAKE]);
	});

	test('activity-only changes are ignored when Include Activity Changes is off', async () => {
		const tr = await trigger({ includeActivity: false });
		await tr.poll();
		sim.graph.userSets(BLAKE, 'Busy', 'InACall', false);
		expect((await tr.poll()).emitted).toBe(false);
		sim.graph.userSets(BLAKE, 'Away', 'Away', false);
		expect((await tr.poll()).items.map((/** @type {any} */ i) => [i.previousPresenceId, i.presenceId])).toEqual([['Busy/InACall', 'Away/Away']]);
	});

	test('Fetch Test Event shows the current presences without touching the state', async () => {
		const tr = await trigger();
		const manual = await tr.poll({ mode: 'manual' });
		expect(manual.items.map((/** @type {any} */ i) => [i.agentId, i.event, i.presenceId])).toEqual([
			[ALEX, 'presence_read', 'Available/Available'],
			[BLAKE, 'presence_read', 'Busy/InAMeeting'],
		]);
		expect((await tr.poll()).emitted).toBe(false);
	});

	test('a bad agent ID is a clear error before any request', async () => {
		const tr = await trigger({ agentIds: 'alex.agent@contoso.com' });
		await expect(tr.poll()).rejects.toThrow('Not a Microsoft Entra user object ID: "alex.agent@contoso.com"');
		expect(sim.requests).toEqual([]);
	});

	test('a group’s members are watched: read each poll (paged by @odata.nextLink), their changes emitted', async () => {
		const tr = await trigger({ watch: 'group', groupId: T.groups.agents });
		await tr.poll();
		sim.graph.userSets(T.users.casey, 'Available', 'Available', false);
		const next = await tr.poll();
		expect(next.items.map((/** @type {any} */ i) => [i.agentId, i.previousPresenceId, i.presenceId])).toEqual([[T.users.casey, 'Offline/Offline', 'Available/Available']]);
		expect(graphCalls().slice(0, 2)).toEqual([
			{ method: 'GET', path: `/v1.0/groups/${T.groups.agents}/members/microsoft.graph.user`, body: undefined },
			{ method: 'POST', path: '/v1.0/communications/getPresencesByUserId', body: { ids: [ALEX, BLAKE, T.users.casey] } },
		]);
	});

	test('a group of 1001 members: two member pages, presences read 650 at a time', async () => {
		const ids = Array.from({ length: 1001 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
		sim.graph.setGroupMembers(T.groups.agents, ids);
		const tr = await trigger({ watch: 'group', groupId: T.groups.agents });
		await tr.poll();
		const calls = sim.requests.filter((/** @type {any} */ r) => r.mount === '/graph');
		expect(calls.map((/** @type {any} */ r) => [r.method, r.path, r.query.$skiptoken ? 'page 2' : 'page 1', r.body?.ids?.length])).toEqual([
			['GET', `/v1.0/groups/${T.groups.agents}/members/microsoft.graph.user`, 'page 1', undefined],
			['GET', `/v1.0/groups/${T.groups.agents}/members/microsoft.graph.user`, 'page 2', undefined],
			['POST', '/v1.0/communications/getPresencesByUserId', 'page 1', 650],
			['POST', '/v1.0/communications/getPresencesByUserId', 'page 1', 351],
		]);
	});

	test('a next page off Graph’s host is not followed (the token stays with Graph)', async () => {
		sim.graph.setGroupMembers(T.groups.agents, Array.from({ length: 1000 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`));
		sim.graph.setNextLinkOrigin('https://graph.evil.example');
		const tr = await trigger({ watch: 'group', groupId: T.groups.agents });
		await expect(tr.poll()).rejects.toThrow('Microsoft Teams (Graph) returned a next page at https://graph.evil.example, off its own host; not followed');
		expect(sim.requests.filter((/** @type {any} */ r) => r.mount === '/graph')).toHaveLength(1);
	});

	test('a bad group ID is a clear error before any request', async () => {
		const tr = await trigger({ watch: 'group', groupId: 'agents' });
		await expect(tr.poll()).rejects.toThrow('Not a Microsoft Entra group object ID: "agents"');
		expect(sim.requests).toEqual([]);
	});

	test('without GroupMember.Read.All the error names the permission', async () => {
		const tr = await trigger({ watch: 'group', groupId: T.groups.agents });
		sim.inject({ vendor: 'graph', path: '/members/microsoft.graph.user', status: 403, times: 1 });
		await expect(tr.poll()).rejects.toMatchObject({ description: expect.stringContaining('GroupMember.Read.All') });
	});
});
