// @ts-check
/**
 * Ready (Outbound): category Ready, subcategory ReadyOutbound, not eligible for routing — an agent
 * in it takes no inbound work ("Agent states": Ready for Outbound "cannot receive any inbound
 * calls"). It reads as busy (node Get, presence definitions, the Insights Stats poll), and
 * setting "available" never picks it, even when the account lists it before plain Ready.
 */
const { rl, useSimulator } = require('../helpers/vendors');
const { V, vonageNode, apiCalls, credentials } = require('./vonage');
const { createTriggerHarness } = require('../harness/webhook');

const ALEX = V.users.alex;
const P = V.presence;
const OUTBOUND = '3bf05984-1957-4e56-9c2c-ce04fa9b3ffc';
const t = useSimulator({ vendor: 'vonage' });

beforeEach(() => {
	// Listed first, as an account may order it: "the first Ready definition" would be this one.
	t.sim.state.vonage.definitions.unshift({
		presenceId: OUTBOUND,
		selectable: true,
		category: { categoryType: 'Ready', description: 'Ready', subCategory: 'ReadyOutbound' },
		description: 'Ready (Outbound)',
	});
});
const putInOutbound = (userId) => (t.sim.state.vonage.presence[userId] = { presenceId: OUTBOUND, updated: '2024-05-01T09:00:00.000Z' });
const setNode = (parameters) => vonageNode({ resource: 'agentPresence', operation: 'set', agent: rl('id', ALEX), onlyIfDifferent: false, ...parameters });

test('Get: an agent in Ready (Outbound) is busy, not available', async () => {
	putInOutbound(ALEX);
	const run = await t.h.runWorkflow({ nodes: [vonageNode({ resource: 'agentPresence', operation: 'get', agent: rl('id', ALEX) })] });
	expect(run.items('Vonage')).toEqual([
		{
			userId: ALEX,
			updated: '2024-05-01T09:00:00.000Z',
			presence: { presenceId: OUTBOUND, selectable: true, category: { categoryType: 'Ready', description: 'Ready' }, description: 'Ready (Outbound)' },
			source: 'vonage',
			event: 'presence_read',
			agentId: ALEX,
			presenceId: OUTBOUND,
			presenceName: 'Ready (Outbound)',
			category: 'busy',
			changedAt: '2024-05-01T09:00:00.000Z',
		},
	]);
	expect(apiCalls(t.sim).map((c) => c.path)).toEqual([`/agents/${ALEX}/presence`, '/agents/presence-definitions']);
});

test('Set by category "available" picks plain Ready, never Ready (Outbound)', async () => {
	putInOutbound(ALEX);
	const run = await t.h.runWorkflow({ nodes: [setNode({ presenceBy: 'category', category: 'available' })] });
	expect(run.items('Vonage')[0]).toMatchObject({ presenceId: P.ready, presenceName: 'Ready', category: 'available', written: true });
	expect(apiCalls(t.sim).filter((c) => c.method === 'PATCH')).toEqual([
		{ method: 'PATCH', path: `/agents/${ALEX}/presence`, query: {}, body: { presenceId: P.ready }, status: 200 },
	]);
});

test('"available" with only Ready (Outbound) selectable: a clear error, nothing written', async () => {
	t.sim.state.vonage.definitions.find((d) => d.presenceId === P.ready).selectable = false;
	const run = await t.h.runWorkflow({ nodes: [setNode({ presenceBy: 'category', category: 'available' })] });
	expect(run.nodeError('Vonage').message).toBe('No selectable Vonage presence fits the category "available"');
	expect(apiCalls(t.sim).filter((c) => c.method === 'PATCH')).toEqual([]);
});

test('Only If Different: Ready (Outbound) is already busy, and is not already available', async () => {
	putInOutbound(ALEX);
	const busy = await t.h.runWorkflow({ nodes: [setNode({ presenceBy: 'category', category: 'busy', onlyIfDifferent: true })] });
	expect(busy.items('Vonage')[0]).toMatchObject({ presenceId: OUTBOUND, category: 'busy', written: false });
	const available = await t.h.runWorkflow({ nodes: [setNode({ presenceBy: 'category', category: 'available', onlyIfDifferent: true })] });
	expect(available.items('Vonage')[0]).toMatchObject({ presenceId: P.ready, category: 'available', written: true });
	expect(t.sim.state.vonage.presence[ALEX].presenceId).toBe(P.ready);
});

test('Presence definitions: Ready (Outbound) normalizes to busy', async () => {
	const run = await t.h.runWorkflow({ nodes: [vonageNode({ resource: 'presenceDefinition', operation: 'getAll', returnAll: true })] });
	const items = run.items('Vonage');
	expect(items.find((i) => i.presenceId === OUTBOUND)).toMatchObject({ presenceName: 'Ready (Outbound)', normalizedCategory: 'busy' });
	expect(items.find((i) => i.presenceId === P.ready)).toMatchObject({ normalizedCategory: 'available' });
});

test('Insights Stats poll: a change to Ready (Outbound) (eligibleForRouting false) is emitted as busy', async () => {
	const trigger = await createTriggerHarness({
		credentials: credentials(t.sim),
		trigger: { name: 'Poll', type: 'vonageContactCenterPresenceTrigger', parameters: {}, credentials: { vonageContactCenterApi: { id: '1', name: 'Vonage' } } },
	});
	await trigger.poll();
	await t.h.runWorkflow({ nodes: [setNode({ presenceBy: 'presence', presence: rl('id', OUTBOUND) })] });
	const out = await trigger.poll();
	expect(out.items).toEqual([
		{
			source: 'vonage',
			event: 'presence_changed',
			agentId: V.agentDisplayIds.alex,
			presenceId: null,
			presenceName: 'Ready (Outbound)',
			category: 'busy',
			loggedIn: true,
			changedAt: expect.any(String),
			categoryType: 'Ready',
			eligibleForRouting: false,
			agentDisplayId: V.agentDisplayIds.alex,
			reason: null,
		},
	]);
});
