// @ts-check
const { useSimulator, byId, byEmail } = require('../helpers/vendors');
const { apiCalls, presenceItem, G } = require('./genesys');

const t = useSimulator({ vendor: 'genesys' });
const ALEX = G.users.alex;
const CASEY = G.users.casey;
const base = { resource: 'agentPresence' };
const definitionsCall = { method: 'GET', path: '/api/v2/presence/definitions', query: {}, body: undefined };
/** A source given by ID is looked up among the registered ones: Genesys reads and writes those elsewhere. */
const sourcesCall = { method: 'GET', path: '/api/v2/presence/sources', query: { deactivated: 'false' }, body: undefined };
const emailSearch = (/** @type {string} */ email) => ({
	method: 'POST',
	path: '/api/v2/users/search',
	query: {},
	body: { pageSize: 2, pageNumber: 1, query: [{ type: 'EXACT', fields: ['email'], value: email }] },
});

describe('Agent Presence: Get', () => {
	test('purecloud source, user by ID', async () => {
		const run = await t.run({ ...base, operation: 'get', agent: byId(ALEX) });
		expect(apiCalls(t.sim)).toEqual([
			{ method: 'GET', path: `/api/v2/users/${ALEX}/presences/purecloud`, query: {}, body: undefined },
		]);
		expect(run.rawItems('Genesys')).toEqual([
			{
				json: presenceItem({
					userId: ALEX,
					defId: G.presence.Available,
					systemPresence: 'Available',
					name: 'Available',
					category: 'available',
					event: 'presence_read',
					modifiedDate: '2024-05-01T08:00:00.000Z',
				}),
				pairedItem: { item: 0 },
			},
		]);
	});

	test('a custom (not registered) source ID, user resolved by email', async () => {
		const run = await t.run({ ...base, operation: 'get', agent: byEmail('Casey.Chen@contoso.com'), source: 'other', sourceId: 'teams-sync' });
		expect(apiCalls(t.sim)).toEqual([
			emailSearch('Casey.Chen@contoso.com'),
			sourcesCall,
			{ method: 'GET', path: `/api/v2/users/${CASEY}/presences/teams-sync`, query: {}, body: undefined },
		]);
		expect(run.items('Genesys')).toEqual([
			presenceItem({
				userId: CASEY,
				defId: G.presence.Offline,
				systemPresence: 'Offline',
				name: 'Offline',
				category: 'offline',
				event: 'presence_read',
				source: 'teams-sync',
				primary: false,
				modifiedDate: '2024-05-01T08:00:00.000Z',
			}),
		]);
	});

	test('an email nobody has is a clear input error', async () => {
		const run = await t.run({ ...base, operation: 'get', agent: byEmail('nobody@contoso.com') });
		expect(run.error.name).toBe('NodeOperationError');
		expect(run.error.message).toBe('No Genesys Cloud user has the email "nobody@contoso.com"');
		expect(apiCalls(t.sim)).toEqual([emailSearch('nobody@contoso.com')]);
	});

	test('no user at all is a clear input error, before any request', async () => {
		const run = await t.run({ ...base, operation: 'get', agent: byId('={{ $json.userId }}') }, [{ userId: ' ' }]);
		expect(run.error.name).toBe('NodeOperationError');
		expect(run.error.message).toBe('No agent given');
		expect(t.sim.requests).toEqual([]);
	});
});

describe('Agent Presence: Set', () => {
	test('definition by ID on purecloud: PATCH with presenceDefinition.id', async () => {
		const run = await t.run({ ...base, operation: 'set', agent: byId(CASEY), presenceBy: 'presence', presence: byId(G.custom.lunch), onlyIfDifferent: false });
		expect(apiCalls(t.sim)).toEqual([
			{
				method: 'PATCH',
				path: `/api/v2/users/${CASEY}/presences/purecloud`,
				query: {},
				body: { presenceDefinition: { id: G.custom.lunch } },
			},
		]);
		const [item] = run.items('Genesys');
		expect(item).toEqual(
			presenceItem({
				userId: CASEY,
				defId: G.custom.lunch,
				systemPresence: 'Meal',
				name: 'Lunch',
				category: 'away',
				event: 'presence_set',
				modifiedDate: item.modifiedDate,
				extra: { written: true, previousPresenceId: null, previousCategory: null },
			}),
		);
		expect(t.sim.state.genesys.presences[CASEY].sources.PURECLOUD.presenceDefinitionId).toBe(G.custom.lunch);
	});

	test('category on a custom (not registered) source, with message and primary: resolves the primary definition once', async () => {
		const run = await t.run(
			{
				...base,
				operation: 'set',
				agent: byId('={{ $json.userId }}'),
				source: 'other',
				sourceId: 'teams-sync',
				presenceBy: 'category',
				category: '={{ $json.category }}',
				onlyIfDifferent: false,
				options: { message: 'On a call', primary: true },
			},
			[
				{ userId: ALEX, category: 'busy' },
				{ userId: CASEY, category: 'Do Not Disturb' },
			],
		);
		const patch = (/** @type {string} */ id) => ({
			method: 'PATCH',
			path: `/api/v2/users/${id}/presences/teams-sync`,
			query: {},
			body: { presenceDefinition: { id: G.presence.Busy }, message: 'On a call', primary: true },
		});
		expect(apiCalls(t.sim)).toEqual([sourcesCall, definitionsCall, patch(ALEX), patch(CASEY)]);
		const items = run.rawItems('Genesys');
		expect(items.map((/** @type {any} */ i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(items[1].json).toEqual(
			presenceItem({
				userId: CASEY,
				defId: G.presence.Busy,
				systemPresence: 'Busy',
				name: 'Busy',
				category: 'busy',
				event: 'presence_set',
				source: 'teams-sync',
				message: 'On a call',
				modifiedDate: items[1].json.modifiedDate,
				extra: { written: true, previousPresenceId: null, previousCategory: null },
			}),
		);
	});

	test('system presence name "On Queue" resolves to its primary definition', async () => {
		const run = await t.run({ ...base, operation: 'set', agent: byId(ALEX), presenceBy: 'systemPresence', systemPresence: 'ON_QUEUE', onlyIfDifferent: false });
		expect(apiCalls(t.sim)).toEqual([
			definitionsCall,
			{
				method: 'PATCH',
				path: `/api/v2/users/${ALEX}/presences/purecloud`,
				query: {},
				body: { presenceDefinition: { id: G.presence['On Queue'] } },
			},
		]);
		expect(run.items('Genesys')[0]).toMatchObject({ presenceId: G.presence['On Queue'], category: 'available', written: true });
	});

	test('Only If Different, already there: reads, skips the write, written=false', async () => {
		const run = await t.run({ ...base, operation: 'set', agent: byId(ALEX), presenceBy: 'category', category: 'available', onlyIfDifferent: true });
		expect(apiCalls(t.sim)).toEqual([
			definitionsCall,
			{ method: 'GET', path: `/api/v2/users/${ALEX}/presences/purecloud`, query: {}, body: undefined },
		]);
		expect(run.items('Genesys')).toEqual([
			presenceItem({
				userId: ALEX,
				defId: G.presence.Available,
				systemPresence: 'Available',
				name: 'Available',
				category: 'available',
				event: 'presence_set',
				modifiedDate: '2024-05-01T08:00:00.000Z',
				extra: { written: false, previousPresenceId: G.presence.Available, previousCategory: 'available', skippedReason: 'same' },
			}),
		]);
	});

	test('Only If Different, different: reads, then writes, written=true', async () => {
		const run = await t.run({ ...base, operation: 'set', agent: byEmail('alex.agent@contoso.com'), presenceBy: 'category', category: 'away', onlyIfDifferent: true });
		expect(apiCalls(t.sim)).toEqual([
			emailSearch('alex.agent@contoso.com'),
			definitionsCall,
			{ method: 'GET', path: `/api/v2/users/${ALEX}/presences/purecloud`, query: {}, body: undefined },
			{ method: 'PATCH', path: `/api/v2/users/${ALEX}/presences/purecloud`, query: {}, body: { presenceDefinition: { id: G.presence.Away } } },
		]);
		expect(run.items('Genesys')[0]).toMatchObject({ agentId: ALEX, presenceId: G.presence.Away, category: 'away', written: true });
	});

	test('an unknown category is a clear input error naming the valid ones', async () => {
		const run = await t.run(
			{ ...base, operation: 'set', agent: byId(ALEX), presenceBy: 'category', category: '={{ $json.category }}' },
			[{ category: 'lunch' }],
		);
		expect(run.error.name).toBe('NodeOperationError');
		expect(run.error.message).toBe('Unknown presence category "lunch"');
		expect(run.error.description).toBe('Use one of: available, busy, do_not_disturb, away, offline');
		expect(t.sim.requests).toEqual([]);
	});

	test('a deactivated definition: Genesys 400 with its message', async () => {
		const run = await t.run({ ...base, operation: 'set', agent: byId(ALEX), presenceBy: 'presence', presence: byId(G.custom.deactivated), onlyIfDifferent: false });
		expect(run.error.message).toBe(`Genesys Cloud returned 400: Presence definition ${G.custom.deactivated} is deactivated.`);
		expect(run.error.httpCode).toBe('400');
	});

	test('Continue On Fail: the failing item carries the error, the others go on, all paired', async () => {
		const ghost = '11111111-2222-4333-8444-555555555555';
		const run = await t.run(
			{ ...base, operation: 'set', agent: byId('={{ $json.userId }}'), presenceBy: 'presence', presence: byId(G.presence.Busy), onlyIfDifferent: false },
			[{ userId: ALEX }, { userId: ghost }, { userId: CASEY }],
			{ onError: 'continueRegularOutput' },
		);
		expect(apiCalls(t.sim).map((c) => c.path)).toEqual([ALEX, ghost, CASEY].map((id) => `/api/v2/users/${id}/presences/purecloud`));
		const items = run.rawItems('Genesys');
		expect(items.map((/** @type {any} */ i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[1].json).toEqual({
			error: `Genesys Cloud returned 404: User not found: ${ghost}`,
			errorDescription: expect.stringMatching(/^User not found: .+ \(correlation ID [0-9a-f-]{36}\)$/),
			httpCode: '404',
		});
		expect(items[0].json).toMatchObject({ agentId: ALEX, written: true });
		expect(items[2].json).toMatchObject({ agentId: CASEY, written: true });
	});
});
