// @ts-check
/**
 * The Microsoft Teams Presence Notification Trigger against the simulator's Graph change
 * notifications: the trigger's webhook served over real HTTP behind a public HTTPS URL
 * (https://n8n.sim.test, mapped by the simulator's network table), Graph POSTing validation
 * requests, change and lifecycle notifications to it.
 */
const { startSimulator, IDS } = require('../simulator');
const { createTriggerHarness } = require('../harness/webhook');
const { graphDelegatedCredentials, knowsDelegatedGraph } = require('../helpers/vendors');

const T = IDS.graph;
const OAUTH2 = 'microsoftTeamsPresenceOAuth2Api';
const ALEX = T.users.alex;
const BLAKE = T.users.blake;
const DANA = T.users.dana;

/** @type {any} */ let sim;
beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => sim.close());
beforeEach(() => sim.reset());

/** @type {any[]} */ let open = [];
afterEach(async () => {
	for (const tr of open) await tr.close();
	open = [];
});

/** An active trigger signed in as Dana (a supervisor) watching `parameters`' users. */
async function activeTrigger(/** @type {Record<string, any>} */ parameters = {}, { activate = true, typeVersion = 1, scopes = ['Presence.Read.All', 'GroupMember.Read.All'] } = {}) {
	const tr = await createTriggerHarness({
		credentials: graphDelegatedCredentials(sim, {
			userId: DANA,
			scope: 'openid offline_access Presence.Read.All GroupMember.Read.All',
			tokenScopes: scopes,
		}),
		trigger: {
			name: 'Teams Notifications',
			type: 'microsoftTeamsPresenceNotificationTrigger',
			typeVersion,
			parameters: typeVersion === 1 ? { agentIds: `${ALEX},${BLAKE}`, ...parameters } : parameters,
			credentials: { [OAUTH2]: { id: '1', name: 'Teams (delegated)' } },
		},
	});
	knowsDelegatedGraph(tr.harness);
	const local = await tr.listen({ publicUrl: 'https://n8n.sim.test' });
	sim.graph.subscriptions.configure({ network: { 'n8n.sim.test:443': local } });
	open.push(tr);
	if (activate) await tr.activate();
	sim.clearRequests();
	return tr;
}

const graphCalls = () =>
	sim.requests.filter((/** @type {any} */ r) => r.mount === '/graph').map((/** @type {any} */ r) => ({ method: r.method, path: r.path, body: r.body }));
const executions = (/** @type {any} */ tr) => tr.received.filter((/** @type {any} */ r) => r.executed);
const onlySubscription = () => {
	const list = sim.graph.subscriptions.list();
	expect(list).toHaveLength(1);
	return list[0];
};
const URL_ = 'https://n8n.sim.test/webhook/7f3c2a4e-1d5b-4c8e-9a0f-2b6d8e1c4a90/notifications';

describe('Microsoft Teams Presence Notification Trigger', () => {
	test('activation: one subscription on the users, both URLs validated by the handshake, the baseline read', async () => {
		const tr = await activeTrigger({}, { activate: false });
		await tr.activate();
		const sub = onlySubscription();
		expect(sub).toMatchObject({
			resource: `/communications/presences?$filter=id in ('${ALEX}','${BLAKE}')`,
			changeType: 'updated',
			notificationUrl: URL_,
			lifecycleNotificationUrl: URL_,
			creatorId: DANA,
		});
		expect(sub.clientState).toMatch(/^[A-Za-z0-9]{64}$/);
		expect(Date.parse(sub.expirationDateTime) - Date.now()).toBeLessThanOrEqual(60 * 60_000);
		const validations = sim.graph.subscriptions.deliveries().filter((/** @type {any} */ d) => d.kind === 'validation');
		expect(validations.map((/** @type {any} */ d) => [d.status, d.body === decodeURIComponent(new URL(d.url).searchParams.get('validationToken') ?? '')])).toEqual([
			[200, true],
			[200, true],
		]);
		expect(tr.received.every((/** @type {any} */ r) => !r.executed)).toBe(true);
		const stored = tr.staticData();
		expect(stored.seen).toEqual({ [ALEX]: 'Available/Available', [BLAKE]: 'Busy/InAMeeting' });
		expect(stored.subscription.id).toBe(sub.id);
	});

	test('a change is notified, read and emitted once, normalized; a repeated notification emits nothing', async () => {
		const tr = await activeTrigger();
		sim.graph.userSets(ALEX, 'Busy', 'InACall', false);
		await sim.graph.subscriptions.settle();
		expect(executions(tr).map((/** @type {any} */ r) => r.items)).toEqual([
			[
				{
					availability: 'Busy',
					activity: 'InACall',
					statusMessage: null,
					outOfOfficeSettings: { message: null, isOutOfOffice: false },
					previousPresenceId: 'Available/Available',
					previousCategory: 'available',
					detectedAt: expect.any(String),
					source: 'teams',
					event: 'presence_changed',
					agentId: ALEX,
					presenceId: 'Busy/InACall',
					presenceName: 'Busy (InACall)',
					category: 'busy',
					changedAt: null,
				},
			],
		]);
		expect(graphCalls()).toEqual([{ method: 'POST', path: '/v1.0/communications/getPresencesByUserId', body: { ids: [ALEX] } }]);
		const delivered = sim.graph.subscriptions.deliveries().filter((/** @type {any} */ d) => d.kind === 'change');
		expect(delivered.map((/** @type {any} */ d) => d.status)).toEqual([202]);
		// Graph may deliver the same notification again: same presence, nothing new.
		sim.graph.subscriptions.forge(onlySubscription().id, delivered[0].body.value);
		await sim.graph.subscriptions.settle();
		expect(executions(tr)).toHaveLength(1);
	});

	test("Graph's documented notification form (resource communications/presences/{id}, @odata.id users/{id}/presence) names the user", async () => {
		const tr = await activeTrigger();
		sim.graph.userSets(ALEX, 'Away', 'Away', false);
		await sim.graph.subscriptions.settle();
		const [delivered] = sim.graph.subscriptions.deliveries().filter((/** @type {any} */ d) => d.kind === 'change');
		expect(delivered.body.value).toEqual([
			expect.objectContaining({
				resource: `communications/presences/${ALEX}`,
				resourceData: { '@odata.id': `users/${ALEX}/presence`, '@odata.type': '#microsoft.graph.presence', id: ALEX },
			}),
		]);
		expect(executions(tr)).toHaveLength(1);
		// Without resourceData.id the resource names the user; without both, resourceData.@odata.id does;
		// the key form presences('{id}') is still understood.
		const sub = onlySubscription();
		const base = { subscriptionId: sub.id, clientState: sub.clientState, changeType: 'updated' };
		const forms = [
			{ user: BLAKE, availability: 'Away', n: { ...base, resource: `communications/presences/${BLAKE}`, resourceData: { '@odata.type': '#microsoft.graph.presence' } } },
			{ user: ALEX, availability: 'Busy', n: { ...base, resource: 'communications/presences', resourceData: { '@odata.id': `users/${ALEX}/presence` } } },
			{ user: BLAKE, availability: 'Available', n: { ...base, resource: `communications/presences('${BLAKE}')` } },
		];
		for (const [i, form] of forms.entries()) {
			// The presence changes without the simulator noticing (no notification of its own): only the forged one tells.
			sim.state.graph.presence[form.user].client = { availability: form.availability, activity: form.availability, userConfigured: false };
			sim.graph.subscriptions.forge(sub.id, [form.n]);
			await sim.graph.subscriptions.settle();
			expect(executions(tr)).toHaveLength(2 + i);
			expect(executions(tr).at(-1).items).toEqual([expect.objectContaining({ agentId: form.user, availability: form.availability })]);
		}
	});

	test('a notification with the wrong clientState is refused (401): no read, no execution', async () => {
		const tr = await activeTrigger();
		const sub = onlySubscription();
		sim.graph.subscriptions.forge(sub.id, [{ subscriptionId: sub.id, clientState: 'guessed', changeType: 'updated', resource: `communications/presences('${ALEX}')`, resourceData: { id: ALEX } }]);
		await sim.graph.subscriptions.settle();
		expect(tr.received.at(-1)).toMatchObject({ status: 401, executed: false });
		expect(graphCalls()).toEqual([]);
	});

	test('renewal: a notification once half the subscription’s life is gone renews it (PATCH)', async () => {
		const tr = await activeTrigger();
		const state = tr.staticData();
		state.subscription.expirationDateTime = new Date(Date.now() + 10 * 60_000).toISOString();
		tr.setStaticData(state);
		sim.graph.userSets(BLAKE, 'Away', 'Away', false);
		await sim.graph.subscriptions.settle();
		const calls = graphCalls();
		expect(calls[0]).toEqual({ method: 'PATCH', path: `/v1.0/subscriptions/${state.subscription.id}`, body: { expirationDateTime: expect.any(String) } });
		expect(Date.parse(calls[0].body.expirationDateTime) - Date.now()).toBeGreaterThan(50 * 60_000);
		expect(onlySubscription().renewals).toBe(1);
		expect(executions(tr).map((/** @type {any} */ r) => r.items.map((/** @type {any} */ i) => i.presenceId))).toEqual([['Away/Away']]);
	});

	test('lifecycle reauthorizationRequired renews without an execution', async () => {
		const tr = await activeTrigger();
		const sub = onlySubscription();
		sim.graph.subscriptions.lifecycle(sub.id, 'reauthorizationRequired');
		await sim.graph.subscriptions.settle();
		expect(graphCalls()).toEqual([{ method: 'PATCH', path: `/v1.0/subscriptions/${sub.id}`, body: { expirationDateTime: expect.any(String) } }]);
		expect(tr.received.at(-1)).toMatchObject({ status: 202, executed: false });
	});

	test('lifecycle missed: a catch-up read of every user emits the changes Graph did not notify', async () => {
		const tr = await activeTrigger();
		const sub = onlySubscription();
		sim.graph.userSets(ALEX, 'Away', 'Away', false);
		sim.graph.signOut(BLAKE);
		await sim.graph.subscriptions.settle();
		// Pretend those deliveries were lost: the state as before them.
		tr.setStaticData({ ...tr.staticData(), seen: { [ALEX]: 'Available/Available', [BLAKE]: 'Busy/InAMeeting' } });
		tr.received.splice(0);
		sim.clearRequests();
		sim.graph.subscriptions.lifecycle(sub.id, 'missed');
		await sim.graph.subscriptions.settle();
		expect(graphCalls()).toEqual([{ method: 'POST', path: '/v1.0/communications/getPresencesByUserId', body: { ids: [ALEX, BLAKE] } }]);
		expect(executions(tr).flatMap((/** @type {any} */ r) => r.items.map((/** @type {any} */ i) => [i.agentId, i.previousPresenceId, i.presenceId]))).toEqual([
			[ALEX, 'Available/Available', 'Away/Away'],
			[BLAKE, 'Busy/InAMeeting', 'Offline/Offline'],
		]);
	});

	test('lifecycle subscriptionRemoved: a new subscription (validated again), then a catch-up read', async () => {
		const tr = await activeTrigger();
		const old = onlySubscription();
		sim.graph.subscriptions.lifecycle(old.id, 'subscriptionRemoved');
		await sim.graph.subscriptions.settle();
		const now = onlySubscription();
		expect(now.id).not.toBe(old.id);
		expect(tr.staticData().subscription.id).toBe(now.id);
		expect(graphCalls().map((/** @type {any} */ c) => `${c.method} ${c.path}`)).toEqual(['POST /v1.0/subscriptions', 'POST /v1.0/communications/getPresencesByUserId']);
		// The new subscription works.
		sim.graph.userSets(ALEX, 'Busy', 'InACall', false);
		await sim.graph.subscriptions.settle();
		expect(executions(tr).flatMap((/** @type {any} */ r) => r.items.map((/** @type {any} */ i) => i.presenceId))).toEqual(['Busy/InACall']);
	});

	test('a failed read loses nothing: the next notification reads every user and emits both changes', async () => {
		const tr = await activeTrigger();
		sim.inject({ vendor: 'graph', path: '/getPresencesByUserId', status: 403, times: 1 });
		sim.graph.userSets(ALEX, 'Away', 'Away', false);
		await sim.graph.subscriptions.settle();
		expect(executions(tr)).toEqual([]);
		sim.clearFaults();
		sim.graph.userSets(BLAKE, 'Available', 'Available', false);
		await sim.graph.subscriptions.settle();
		expect(sim.requests.filter((/** @type {any} */ r) => r.path.endsWith('getPresencesByUserId') && r.status === 200).map((/** @type {any} */ r) => r.body)).toEqual([{ ids: [ALEX, BLAKE] }]);
		expect(executions(tr).flatMap((/** @type {any} */ r) => r.items.map((/** @type {any} */ i) => [i.agentId, i.presenceId]))).toEqual([
			[ALEX, 'Away/Away'],
			[BLAKE, 'Available/Available'],
		]);
	});

	test('reactivation after the subscription expired: checkExists says no, a new one is made, the next notification catches up', async () => {
		const tr = await activeTrigger();
		sim.graph.subscriptions.expire(onlySubscription().id);
		expect(sim.graph.subscriptions.list()).toEqual([]);
		// Changes while nobody listened.
		sim.graph.userSets(BLAKE, 'Available', 'Available', false);
		expect(await tr.activate()).toEqual({ existed: false });
		onlySubscription();
		sim.graph.userSets(ALEX, 'Away', 'Away', false);
		await sim.graph.subscriptions.settle();
		expect(executions(tr).flatMap((/** @type {any} */ r) => r.items.map((/** @type {any} */ i) => [i.agentId, i.presenceId]))).toEqual([
			[ALEX, 'Away/Away'],
			[BLAKE, 'Available/Available'],
		]);
	});

	test('reactivation with a live subscription keeps it; deactivation deletes it', async () => {
		const tr = await activeTrigger();
		const sub = onlySubscription();
		expect(await tr.activate()).toEqual({ existed: true });
		expect(graphCalls()).toEqual([{ method: 'GET', path: `/v1.0/subscriptions/${sub.id}`, body: undefined }]);
		await tr.deactivate();
		expect(graphCalls().at(-1)).toEqual({ method: 'DELETE', path: `/v1.0/subscriptions/${sub.id}`, body: undefined });
		expect(sim.graph.subscriptions.list()).toEqual([]);
		expect(tr.staticData().subscription).toBeUndefined();
	});

	test('a group’s members are the watched users', async () => {
		await activeTrigger({ watch: 'group', groupId: T.groups.agents }, { activate: false }).then((tr) => tr.activate());
		expect(onlySubscription().resource).toBe(`/communications/presences?$filter=id in ('${ALEX}','${BLAKE}','${T.users.casey}')`);
		const members = sim.requests.filter((/** @type {any} */ r) => r.path.includes('/members/'));
		// An OData cast is an advanced query: ConsistencyLevel: eventual with $count=true, on the delegated path too.
		expect(members.map((/** @type {any} */ r) => [r.path, r.query, r.headers.consistencylevel, r.status])).toEqual([
			[`/v1.0/groups/${T.groups.agents}/members/microsoft.graph.user`, { $select: 'id', $top: '999', $count: 'true' }, 'eventual', 200],
		]);
	});

	test('version 2, All Users (nothing typed): one subscription on every enabled user of the directory', async () => {
		sim.graph.addUsers([{ id: '0000ffff-0000-4000-8000-000000000001', accountEnabled: false }]);
		await activeTrigger({}, { activate: false, typeVersion: 2, scopes: ['Presence.Read.All', 'User.ReadBasic.All'] }).then((tr) => tr.activate());
		const everyone = Object.values(T.users).map((id) => `'${id}'`).join(',');
		expect(onlySubscription().resource).toBe(`/communications/presences?$filter=id in (${everyone})`);
		const lists = sim.requests.filter((/** @type {any} */ r) => r.path === '/v1.0/users');
		expect(lists.map((/** @type {any} */ r) => r.query)).toEqual([{ $select: 'id', $filter: 'accountEnabled eq true', $top: '999' }]);
	});

	test('version 3 (new nodes) watches Chosen Agents, not All Users: none chosen is refused at activation, no directory read', async () => {
		const tr = await activeTrigger({}, { activate: false, typeVersion: 3, scopes: ['Presence.Read.All', 'User.ReadBasic.All'] });
		await expect(tr.activate()).rejects.toThrow(/No agent IDs to watch/);
		expect(sim.graph.subscriptions.list()).toEqual([]);
		expect(sim.requests.filter((/** @type {any} */ r) => r.path === '/v1.0/users')).toEqual([]);
	});

	test('version 3 with chosen agents: one subscription on exactly them', async () => {
		await activeTrigger({ agents: [ALEX, BLAKE] }, { activate: false, typeVersion: 3 }).then((tr) => tr.activate());
		expect(onlySubscription().resource).toBe(`/communications/presences?$filter=id in ('${ALEX}','${BLAKE}')`);
	});

	test('more than 650 users: a clear error at activation, no subscription', async () => {
		const ids = Array.from({ length: 651 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
		const tr = await activeTrigger({ agentIds: ids.join(',') }, { activate: false });
		await expect(tr.activate()).rejects.toThrow(/one presence subscription per signed-in user and app, for at most 650 users; 651 are watched/);
		expect(sim.graph.subscriptions.list()).toEqual([]);
	});
});
