// @ts-check
/**
 * Agent Status → Get Many as a bulk presence read: every logged-in agent of an organization with
 * 1,105 agents, all @odata.nextLink pages, the normalized presence fields, and the agents'
 * e-mail addresses 100 agents per `GET /systemusers`.
 */
const { useSimulator } = require('../helpers/vendors');
const { guidFrom } = require('../simulator/common');
const { DV, NODE, dvNode, calls, apiCalls, busyStatusRead } = require('./dataverse');

const EXTRA = 1100;
const A = DV.agents;
const P = DV.presences;
const at = '2024-09-01T10:00:00Z';
const extraAgent = (/** @type {number} */ n) => guidFrom(`dv-bulk-agent-${n}`);
const statusRow = (/** @type {number} */ n) => ({
	msdyn_agentstatusid: guidFrom(`dv-bulk-status-${n}`),
	msdyn_name: null,
	_msdyn_agentid_value: extraAgent(n),
	_msdyn_currentpresenceid_value: n % 2 ? P.available : P.busy,
	msdyn_isagentloggedin: true,
	msdyn_availableunitscapacity: 100,
	msdyn_presencemodifiedon: at,
	msdyn_presencemodifiedby: 'AGENT',
	msdyn_capacitymodifiedon: at,
	msdyn_isblockedbysomeprofile: false,
	timezoneruleversionnumber: 4,
	_ownerid_value: DV.applicationUserId,
	createdon: at,
	modifiedon: at,
	versionnumber: 90000 + n,
	statecode: 0,
	statuscode: 1,
	_createdby_value: DV.applicationUserId,
	_modifiedby_value: DV.applicationUserId,
});
const userRow = (/** @type {number} */ n) => ({
	systemuserid: extraAgent(n),
	fullname: `Bulk ${n}`,
	internalemailaddress: `bulk${n}@contoso.com`,
	isdisabled: false,
	createdon: at,
	modifiedon: at,
	versionnumber: 80000 + n,
});

const numbers = Array.from({ length: EXTRA }, (_, i) => i + 1);
const t = useSimulator({ vendor: 'dataverse', simulator: { seed: { dataverse: { tables: { msdyn_agentstatuses: numbers.map(statusRow), systemusers: numbers.map(userRow) } } } } });

const loggedIn = (/** @type {Record<string, any>} */ extra = {}) =>
	dvNode({ resource: 'agentStatus', operation: 'getAll', returnAll: true, filters: { loggedIn: 'true' }, ...extra });
const pageOf = (/** @type {any} */ call) => /pagenumber="(\d+)"/.exec(call.query.$skiptoken ?? '')?.[1] ?? '1';

describe('Agent Status → Get Many: every logged-in agent', () => {
	test('all pages of msdyn_agentstatuses, one presence_read item per logged-in agent', async () => {
		const run = await t.h.runWorkflow({ nodes: [loggedIn()] });
		const items = run.items(NODE);
		// alex, casey and dana of the seed are logged in; blake and eli are not.
		expect(items).toHaveLength(3 + EXTRA);
		expect(items.map((/** @type {any} */ i) => i.agentId).slice(0, 4)).toEqual([A.alex, A.casey, A.dana, extraAgent(1)]);
		expect(new Set(items.map((/** @type {any} */ i) => i.agentId)).size).toBe(3 + EXTRA);
		expect(items.every((/** @type {any} */ i) => i.source === 'dataverse' && i.event === 'presence_read' && i.loggedIn === true)).toBe(true);
		const last = items[items.length - 1];
		expect({ ...last, '@odata.etag': undefined }).toEqual({
			...statusRow(EXTRA),
			'@odata.etag': undefined,
			...busyStatusRead(extraAgent(EXTRA), at),
		});
		expect(items).not.toContainEqual(expect.objectContaining({ agentEmail: expect.anything() }));
		expect(apiCalls(t.sim).map((c) => [c.method, c.path, pageOf(c), c.query.$filter, c.headers.prefer])).toEqual([
			['GET', '/msdyn_agentstatuses', '1', 'msdyn_isagentloggedin eq true', 'odata.maxpagesize=500'],
			['GET', '/msdyn_agentstatuses', '2', 'msdyn_isagentloggedin eq true', 'odata.maxpagesize=500'],
			['GET', '/msdyn_agentstatuses', '3', 'msdyn_isagentloggedin eq true', 'odata.maxpagesize=500'],
		]);
	});

	test('Include Agent Email: the e-mail of each agent, 100 agents per systemusers request', async () => {
		const run = await t.h.runWorkflow({ nodes: [loggedIn({ options: { includeAgentEmail: true } })] });
		const items = run.items(NODE);
		expect(items.slice(0, 4).map((/** @type {any} */ i) => [i.agentId, i.agentEmail])).toEqual([
			[A.alex, 'alex.agent@contoso.com'],
			[A.casey, 'casey.chen@contoso.com'],
			[A.dana, 'dana.diaz@contoso.com'],
			[extraAgent(1), 'bulk1@contoso.com'],
		]);
		expect(items[items.length - 1].agentEmail).toBe(`bulk${EXTRA}@contoso.com`);
		const lookups = calls(t.sim).filter((c) => c.path === '/systemusers');
		// 1,103 agents: 12 lookups, the first for the first 100 agents in row order.
		expect(lookups).toHaveLength(12);
		const ids = items.map((/** @type {any} */ i) => i.agentId);
		expect(lookups[0]).toEqual({
			method: 'GET',
			path: '/systemusers',
			query: { $select: 'systemuserid,internalemailaddress', $filter: ids.slice(0, 100).map((/** @type {string} */ id) => `systemuserid eq ${id}`).join(' or ') },
			status: 200,
		});
		expect(lookups[11].query.$filter).toBe(ids.slice(1100).map((/** @type {string} */ id) => `systemuserid eq ${id}`).join(' or '));
	});

	test('an agent without a user row or address gets agentEmail null, nothing dropped', async () => {
		const users = t.sim.state.dataverse.tables.systemusers;
		const dana = users.find((/** @type {any} */ u) => u.systemuserid === A.dana);
		dana.internalemailaddress = null;
		try {
			const run = await t.h.runWorkflow({ nodes: [loggedIn({ returnAll: false, limit: 3, options: { includeAgentEmail: true } })] });
			expect(run.items(NODE).map((/** @type {any} */ i) => [i.agentId, i.agentEmail])).toEqual([
				[A.alex, 'alex.agent@contoso.com'],
				[A.casey, 'casey.chen@contoso.com'],
				[A.dana, null],
			]);
		} finally {
			dana.internalemailaddress = 'dana.diaz@contoso.com';
		}
	});

	test('a failed e-mail lookup names Dynamics 365 Contact Center and its status', async () => {
		t.sim.inject({ vendor: 'dataverse', path: '/api/data/v9.2/systemusers', status: 400, times: 1 });
		const run = await t.h.runWorkflow({ nodes: [loggedIn({ returnAll: false, limit: 2, options: { includeAgentEmail: true } })] });
		expect(run.error.name).toBe('NodeApiError');
		expect(run.error.message).toMatch(/^Dynamics 365 Contact Center \(Dataverse\) returned 400: /);
	});
});
