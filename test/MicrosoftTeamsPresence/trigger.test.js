// @ts-check
const { startSimulator } = require('../simulator');
const { createTriggerHarness } = require('../harness/webhook');
const { credentialsFor, CRED, T, presenceItem } = require('./setup');

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
		credentials: credentialsFor(sim),
		trigger: {
			name: 'Teams Trigger',
			type: 'microsoftTeamsPresenceTrigger',
			parameters: { agentIds: `${ALEX},${BLAKE}`, ...parameters },
			credentials: { [CRED]: { id: '1', name: 'Teams' } },
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
});
