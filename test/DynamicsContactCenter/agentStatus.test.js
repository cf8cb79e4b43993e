// @ts-check
const { useSimulator, rl } = require('../helpers/vendors');
const { DV, NODE, calls, busyStatusRead } = require('./dataverse');

const P = DV.presences;
const A = DV.agents;
const S = DV.agentStatuses;

const t = useSimulator({ vendor: 'dataverse' });

/** The node's parameters for this resource. */
const status = (/** @type {Record<string, any>} */ params) => ({ resource: 'agentStatus', ...params });

describe('Agent Status', () => {
	test('Get returns the row plus the normalized presence fields', async () => {
		const run = await t.run(status({ operation: 'get', agentStatusId: S.alex }));
		expect(run.items(NODE)).toEqual([
			{
				'@odata.etag': 'W/"1010"',
				msdyn_agentstatusid: S.alex,
				msdyn_name: null,
				_msdyn_agentid_value: A.alex,
				_msdyn_currentpresenceid_value: P.busy,
				msdyn_isagentloggedin: true,
				msdyn_availableunitscapacity: 100,
				msdyn_presencemodifiedon: '2024-08-02T07:00:38Z',
				msdyn_presencemodifiedby: 'AGENT',
				msdyn_capacitymodifiedon: '2024-08-02T07:00:38Z',
				msdyn_isblockedbysomeprofile: false,
				timezoneruleversionnumber: 4,
				_ownerid_value: DV.applicationUserId,
				createdon: '2024-07-24T08:00:00Z',
				modifiedon: '2024-08-02T07:00:38Z',
				versionnumber: 1010,
				statecode: 0,
				statuscode: 1,
				_createdby_value: DV.applicationUserId,
				_modifiedby_value: DV.applicationUserId,
				...busyStatusRead(A.alex, '2024-08-02T07:00:38Z'),
			},
		]);
		expect(calls(t.sim)).toEqual([{ method: 'GET', path: `/msdyn_agentstatuses(${S.alex})`, query: {}, status: 200 }]);
	});

	test('Get Many, Return All: every agent, a custom presence looked up once for all its rows', async () => {
		const table = t.sim.state.dataverse.tables.msdyn_agentstatuses;
		for (const row of table.slice(2, 4)) row._msdyn_currentpresenceid_value = P.lunch;
		const run = await t.run(status({ operation: 'getAll', returnAll: true }));
		expect(run.items(NODE).map((/** @type {any} */ r) => [r.agentId, r.presenceName, r.category, r.loggedIn])).toEqual([
			[A.alex, 'Busy', 'busy', true],
			[A.blake, 'Offline', 'offline', false],
			[A.casey, 'Lunch', 'away', true],
			[A.dana, 'Lunch', 'away', true],
			[A.eli, 'Offline', 'offline', false],
		]);
		expect(calls(t.sim).map((c) => `${c.method} ${c.path}`)).toEqual([
			'GET /msdyn_agentstatuses',
			`GET /msdyn_presences(${P.lunch})`,
		]);
	});

	test('Get Many filtered by an agent given by e-mail and by logged-in state', async () => {
		const run = await t.run(status({
			operation: 'getAll',
			returnAll: false,
			limit: 10,
			filters: { agent: rl('email', 'dana.diaz@contoso.com'), loggedIn: 'true' },
		}));
		expect(run.items(NODE)).toEqual([
			expect.objectContaining({ msdyn_agentstatusid: S.dana, agentId: A.dana, presenceId: P.away, category: 'away', loggedIn: true }),
		]);
		expect(calls(t.sim)).toEqual([
			expect.objectContaining({ method: 'GET', path: '/systemusers' }),
			{
				method: 'GET',
				path: '/msdyn_agentstatuses',
				query: { $filter: `_msdyn_agentid_value eq ${A.dana} and msdyn_isagentloggedin eq true` },
				status: 200,
			},
		]);
	});

	test('Get Many of logged-out agents only', async () => {
		const run = await t.run(status({ operation: 'getAll', returnAll: true, filters: { loggedIn: 'false' } }));
		expect(run.items(NODE).map((/** @type {any} */ r) => r.agentId)).toEqual([A.blake, A.eli]);
		expect(calls(t.sim)[0].query).toEqual({ $filter: 'msdyn_isagentloggedin eq false' });
	});
});
