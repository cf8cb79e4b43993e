// @ts-check
/**
 * Amazon Connect Trigger: polls GetCurrentUserData through PollContext with the workflow's static
 * data kept between polls; the first poll is the baseline, then each change is emitted once.
 */
const { createTriggerHarness } = require('../harness/webhook');
const { startSimulator, IDS, credentialsFor } = require('../helpers/vendors');

const C = IDS.amazonConnect;
/** @type {any} */ let sim;
beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => sim && (await sim.close()));
beforeEach(() => sim.reset());

const ALEX = C.users.alex;
const BLAKE = C.users.blake;
const setup = (parameters = {}) =>
	createTriggerHarness({
		credentials: credentialsFor(sim, 'amazonConnect'),
		trigger: {
			name: 'Connect Trigger',
			type: 'amazonConnectTrigger',
			parameters: { agents: 'ids', agentIds: `${ALEX}, ${BLAKE}`, ...parameters },
			credentials: { amazonConnectApi: { id: '1', name: 'Amazon Connect' } },
		},
	});
const userDataCalls = () => sim.requests.filter((r) => r.path.startsWith('/metrics/userdata/'));

test('first poll is the baseline; then each status change, login and logout once', async () => {
	const t = await setup();
	expect(await t.poll()).toEqual({ emitted: false, items: [] });
	expect(t.staticData().agents).toEqual({
		[ALEX]: { presenceId: C.status.available, changedAt: '2024-05-01T08:00:00.000Z' },
		[BLAKE]: { presenceId: C.status.available, changedAt: '2024-05-01T08:00:00.000Z' },
	});
	expect(userDataCalls()[0].body).toEqual({ Filters: { Agents: [ALEX, BLAKE] }, MaxResults: 100 });

	sim.amazonConnect.agentSets(ALEX, C.status.break);
	const second = await t.poll();
	expect(second.items).toEqual([
		expect.objectContaining({ source: 'amazonConnect', event: 'presence_changed', agentId: ALEX, presenceId: C.status.break, presenceName: 'Break', category: 'away', loggedIn: true }),
	]);
	expect(second.items[0].raw).toBeUndefined();
	// Nothing changed: nothing emitted.
	expect(await t.poll()).toEqual({ emitted: false, items: [] });

	sim.amazonConnect.logOut(BLAKE);
	const third = await t.poll();
	expect(third.items).toEqual([expect.objectContaining({ event: 'logged_out', agentId: BLAKE, category: 'offline', loggedIn: false })]);
	sim.amazonConnect.agentSets(BLAKE, C.status.available);
	const fourth = await t.poll();
	expect(fourth.items).toEqual([expect.objectContaining({ event: 'logged_in', agentId: BLAKE, presenceName: 'Available', category: 'available' })]);
});

test('by routing profile, only the chosen events; Fetch Test Event shows the latest change without moving the baseline', async () => {
	const t = await setup({ agents: 'RoutingProfiles', filterIds: C.profile.basic, events: ['presence_changed'] });
	await t.poll();
	const baseline = t.staticData().agents;
	sim.amazonConnect.agentSets(C.users.casey, C.status.lunch);
	sim.amazonConnect.logOut(ALEX);
	const manual = await t.poll({ mode: 'manual' });
	expect(manual.items).toEqual([expect.objectContaining({ agentId: C.users.casey, presenceName: 'Lunch' })]);
	expect(t.staticData().agents).toEqual(baseline);
	const next = await t.poll();
	expect(next.items.map((i) => [i.event, i.agentId])).toEqual([['presence_changed', C.users.casey]]);
	expect(userDataCalls().at(-1).body).toEqual({ Filters: { RoutingProfiles: [C.profile.basic] }, MaxResults: 100 });
});

test('All Agents: every user of the instance (ListUsers, then 100 a call), a change of any of them once', async () => {
	const t = await setup({ agents: 'all', agentIds: '' });
	expect(await t.poll()).toEqual({ emitted: false, items: [] });
	const listed = sim.requests.filter((/** @type {any} */ r) => r.path === `/users-summary/${C.instanceId}`);
	expect(listed.map((/** @type {any} */ r) => r.query)).toEqual([{ maxResults: '1000' }]);
	expect(userDataCalls().map((/** @type {any} */ r) => r.body.Filters.Agents.length)).toEqual(
		Array.from({ length: Math.ceil(C.userCount / 100) }, (_, i) => Math.min(100, C.userCount - i * 100)),
	);
	sim.amazonConnect.agentSets(C.users.casey, C.status.lunch);
	const next = await t.poll();
	expect(next.items.map((/** @type {any} */ i) => [i.event, i.agentId, i.presenceName])).toEqual([['presence_changed', C.users.casey, 'Lunch']]);
});

test('given IDs: an unknown ID fails the baseline poll (n8n runs it on activation) and Fetch Test Event, naming it; a known logged-out agent is watched', async () => {
	const UNKNOWN = '00000000-0000-4000-8000-000000000000';
	const t = await setup({ agentIds: `${ALEX}, ${UNKNOWN}` });
	await expect(t.poll()).rejects.toThrow(`No Amazon Connect user with the ID ${UNKNOWN}`);
	expect(t.staticData().agents).toBeUndefined();
	await expect(t.poll({ mode: 'manual' })).rejects.toThrow(`No Amazon Connect user with the ID ${UNKNOWN}`);
	// GetCurrentUserData leaves the unknown ID out; DescribeUser tells it from a logged-out agent.
	const described = sim.requests.filter((/** @type {any} */ r) => r.path.startsWith(`/users/${C.instanceId}/`));
	expect(described.map((/** @type {any} */ r) => [r.method, r.path, r.status])).toEqual([
		['GET', `/users/${C.instanceId}/${UNKNOWN}`, 404],
		['GET', `/users/${C.instanceId}/${UNKNOWN}`, 404],
	]);

	sim.amazonConnect.logOut(BLAKE);
	const known = await setup();
	const start = sim.requests.length;
	expect(await known.poll()).toEqual({ emitted: false, items: [] });
	expect(known.staticData().agents).toEqual({ [ALEX]: expect.any(Object) });
	expect(sim.requests.slice(start).filter((/** @type {any} */ r) => r.path.startsWith('/users/')).map((/** @type {any} */ r) => [r.path, r.status])).toEqual([
		[`/users/${C.instanceId}/${BLAKE}`, 200],
	]);
	// After the baseline no ID is checked again: a poll lists the statuses and reads the user data.
	const before = sim.requests.length;
	sim.amazonConnect.agentSets(BLAKE, C.status.available);
	expect((await known.poll()).items.map((/** @type {any} */ i) => [i.event, i.agentId])).toEqual([['logged_in', BLAKE]]);
	expect(sim.requests.slice(before).map((/** @type {any} */ r) => r.path.split('/')[1])).toEqual(['agent-status', 'metrics']);
});
