// @ts-check
/**
 * @odata.nextLink paging against an organization with 1,107 presence rows (7 seeded + 1,100 bulk):
 * the node's 500-row pages make three pages; the pickers' 100-row pages hand back the next link
 * as their pagination token.
 */
const { useSimulator } = require('../helpers/vendors');
const { DV, NODE, dvNode, apiCalls } = require('./dataverse');

const BULK = 1100;
const bulkRow = (/** @type {number} */ n) => ({
	msdyn_presenceid: `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
	msdyn_name: `Bulk ${String(n).padStart(4, '0')}`,
	msdyn_presencestatustext: `Bulk ${String(n).padStart(4, '0')}`,
	msdyn_description: null,
	msdyn_basepresencestatus: 192360001,
	msdyn_canuserset: true,
	createdon: '2024-07-24T08:00:00Z',
	modifiedon: '2024-07-24T08:00:00Z',
	versionnumber: 5000 + n,
	statecode: 0,
	statuscode: 1,
});

const rows = Array.from({ length: BULK }, (_, i) => bulkRow(i + 1));
const t = useSimulator({ vendor: 'dataverse', simulator: { seed: { dataverse: { tables: { msdyn_presences: rows } } } } });

const pageOf = (/** @type {any} */ call) => /pagenumber="(\d+)"/.exec(call.query.$skiptoken ?? '')?.[1] ?? '1';

describe('Presence Definition → Get Many follows @odata.nextLink', () => {
	test('Return All reads all three pages, each page request carrying the filter and page size', async () => {
		const run = await t.run({
			resource: 'presenceDefinition',
			operation: 'getAll',
			returnAll: true,
			options: { filter: 'msdyn_basepresencestatus eq 192360001', select: 'msdyn_name' },
		});
		const names = run.items(NODE).map((/** @type {any} */ r) => r.msdyn_name);
		expect(names).toHaveLength(BULK + 1);
		expect(names.slice(0, 3)).toEqual(['Busy', 'Bulk 0001', 'Bulk 0002']);
		expect(names[BULK]).toBe('Bulk 1100');
		expect(new Set(names).size).toBe(BULK + 1);
		const calls = apiCalls(t.sim);
		expect(calls.map((c) => [c.method, c.path, pageOf(c), c.query.$filter, c.query.$select, c.headers.prefer])).toEqual([
			['GET', '/msdyn_presences', '1', 'msdyn_basepresencestatus eq 192360001', 'msdyn_name', 'odata.maxpagesize=500'],
			['GET', '/msdyn_presences', '2', 'msdyn_basepresencestatus eq 192360001', 'msdyn_name', 'odata.maxpagesize=500'],
			['GET', '/msdyn_presences', '3', 'msdyn_basepresencestatus eq 192360001', 'msdyn_name', 'odata.maxpagesize=500'],
		]);
	});

	test('a limit stops paging once it has enough rows', async () => {
		const run = await t.run({ resource: 'presenceDefinition', operation: 'getAll', returnAll: false, limit: 600 });
		expect(run.items(NODE)).toHaveLength(600);
		expect(apiCalls(t.sim).map(pageOf)).toEqual(['1', '2']);
	});

	test('a 429 in the middle of paging waits and resumes on the same page', async () => {
		t.sim.inject({ vendor: 'dataverse', method: 'GET', path: '/msdyn_presences', status: 429, retryAfter: 0, everyNth: 2, times: 1 });
		const run = await t.run({ resource: 'presenceDefinition', operation: 'getAll', returnAll: true });
		expect(run.items(NODE)).toHaveLength(BULK + 7);
		expect(apiCalls(t.sim).map((c) => `${pageOf(c)} ${c.status}`)).toEqual(['1 200', '2 429', '2 200', '3 200']);
	});
});

describe('live pickers', () => {
	const node = dvNode({ resource: 'agentPresence', operation: 'set' });

	test('presences: active ones only, searchable, labelled with their category', async () => {
		// 'e' also matches the inactive "Retired status", which must not be offered.
		const result = await t.h.callMethod(node, 'listSearch', 'searchPresences', 'e');
		expect(result).toEqual({
			results: [
				{ name: 'Available', value: DV.presences.available },
				{ name: 'Offline', value: DV.presences.offline },
			],
			paginationToken: undefined,
		});
		const [call] = apiCalls(t.sim);
		expect(call.query).toEqual({
			$select: 'msdyn_presenceid,msdyn_name,msdyn_presencestatustext,msdyn_basepresencestatus',
			$filter: "statecode eq 0 and contains(msdyn_name,'e')",
			$orderby: 'msdyn_name asc',
		});
		expect(call.headers.prefer).toBe('odata.maxpagesize=100');
	});

	test('presences: the pagination token is the next link', async () => {
		const first = await t.h.callMethod(node, 'listSearch', 'searchPresences');
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toEqual(expect.stringContaining('$skiptoken='));
		const second = await t.h.callMethod(node, 'listSearch', 'searchPresences', undefined, first.paginationToken);
		expect(second.results).toHaveLength(100);
		expect(second.results[0]).not.toEqual(first.results[0]);
		expect(apiCalls(t.sim).map(pageOf)).toEqual(['1', '2']);
	});

	test('agents: interactive, enabled users matching name or e-mail', async () => {
		const result = await t.h.callMethod(node, 'listSearch', 'searchAgents', 'CHEN');
		expect(result).toEqual({
			results: [{ name: 'Casey Chen (casey.chen@contoso.com)', value: DV.agents.casey }],
			paginationToken: undefined,
		});
		expect(apiCalls(t.sim)[0].query.$filter).toBe(
			"isdisabled eq false and accessmode eq 0 and (contains(fullname,'CHEN') or contains(internalemailaddress,'CHEN'))",
		);
	});
});
