// @ts-check
const { useSimulator, rl } = require('../helpers/vendors');
const { DV, NODE, apiCalls, calls } = require('./dataverse');

const P = DV.presences;

const t = useSimulator({ vendor: 'dataverse' });

/** The node's parameters for this resource. */
const def = (/** @type {Record<string, any>} */ params) => ({ resource: 'presenceDefinition', ...params });
const rows = () => t.sim.state.dataverse.tables.msdyn_presences;
const SEED_ROW_KEYS = [
	'@odata.etag',
	'msdyn_presenceid',
	'msdyn_name',
	'msdyn_presencestatustext',
	'msdyn_description',
	'msdyn_basepresencestatus',
	'msdyn_canuserset',
	'createdon',
	'modifiedon',
	'versionnumber',
	'statecode',
	'statuscode',
	'_createdby_value',
	'_modifiedby_value',
];

describe('Presence Definition', () => {
	test('Get returns the row without the OData envelope', async () => {
		const run = await t.run(def({ operation: 'get', presence: rl('list', P.lunch) }));
		const [item] = run.items(NODE);
		expect(Object.keys(item).sort()).toEqual([...SEED_ROW_KEYS].sort());
		expect(item).toMatchObject({
			'@odata.etag': 'W/"1006"',
			msdyn_presenceid: P.lunch,
			msdyn_name: 'Lunch',
			msdyn_basepresencestatus: 192360003,
			statecode: 0,
		});
		expect(calls(t.sim)).toEqual([{ method: 'GET', path: `/msdyn_presences(${P.lunch})`, query: {}, status: 200 }]);
	});

	test('Get with selected columns sends $select', async () => {
		const run = await t.run(def({ operation: 'get', presence: rl('id', P.away), options: { select: 'msdyn_name, msdyn_basepresencestatus' } }));
		expect(run.items(NODE)).toEqual([
			{ '@odata.etag': 'W/"1005"', msdyn_name: 'Away', msdyn_basepresencestatus: 192360003, msdyn_presenceid: P.away },
		]);
		expect(calls(t.sim)).toEqual([
			{
				method: 'GET',
				path: `/msdyn_presences(${P.away})`,
				query: { $select: 'msdyn_name,msdyn_basepresencestatus' },
				status: 200,
			},
		]);
	});

	test('Get Many with a limit, $filter and $select', async () => {
		const run = await t.run(def({
			operation: 'getAll',
			returnAll: false,
			limit: 1,
			options: { filter: 'msdyn_basepresencestatus eq 192360003', select: 'msdyn_name' },
		}));
		expect(run.items(NODE)).toEqual([{ '@odata.etag': 'W/"1005"', msdyn_name: 'Away', msdyn_presenceid: P.away }]);
		const [call] = apiCalls(t.sim);
		expect(calls(t.sim)).toEqual([
			{
				method: 'GET',
				path: '/msdyn_presences',
				query: { $filter: 'msdyn_basepresencestatus eq 192360003', $select: 'msdyn_name' },
				status: 200,
			},
		]);
		// The limit is also the page size, so Dataverse sends no more than asked for.
		expect(call.headers.prefer).toBe('odata.maxpagesize=1');
	});

	test('Get Many, Return All, lists every presence', async () => {
		const run = await t.run(def({ operation: 'getAll', returnAll: true }));
		expect(run.items(NODE).map((/** @type {any} */ r) => r.msdyn_name)).toEqual([
			'Available',
			'Busy',
			'Busy - DND',
			'Offline',
			'Away',
			'Lunch',
			'Retired status',
		]);
		expect(calls(t.sim)).toEqual([{ method: 'GET', path: '/msdyn_presences', query: {}, status: 200 }]);
		expect(apiCalls(t.sim)[0].headers.prefer).toBe('odata.maxpagesize=500');
	});

	test('Create posts the columns and returns the new row (Prefer: return=representation)', async () => {
		const run = await t.run(def({
			operation: 'create',
			msdyn_name: 'Coaching',
			msdyn_basepresencestatus: 192360001,
			additionalFields: { msdyn_presencestatustext: 'In coaching', msdyn_description: 'With a supervisor', msdyn_canuserset: false },
		}));
		const body = {
			msdyn_name: 'Coaching',
			msdyn_basepresencestatus: 192360001,
			msdyn_presencestatustext: 'In coaching',
			msdyn_description: 'With a supervisor',
			msdyn_canuserset: false,
		};
		expect(calls(t.sim)).toEqual([{ method: 'POST', path: '/msdyn_presences', query: {}, body, status: 201 }]);
		expect(apiCalls(t.sim)[0].headers).toMatchObject({
			prefer: 'return=representation',
			'content-type': 'application/json; charset=utf-8',
		});
		const created = rows().find((/** @type {any} */ r) => r.msdyn_name === 'Coaching');
		expect(run.items(NODE)).toEqual([
			{
				'@odata.etag': `W/"${created.versionnumber}"`,
				...body,
				msdyn_presenceid: created.msdyn_presenceid,
				createdon: created.createdon,
				modifiedon: created.modifiedon,
				versionnumber: created.versionnumber,
				statecode: 0,
				statuscode: 1,
				_createdby_value: null,
				_modifiedby_value: null,
			},
		]);
	});

	test('Update patches only the given columns, update-only (If-Match: *), and returns the row', async () => {
		const run = await t.run(def({
			operation: 'update',
			presence: rl('id', P.lunch),
			updateFields: { msdyn_presencestatustext: 'Out for lunch', msdyn_basepresencestatus: 192360004 },
		}));
		expect(calls(t.sim)).toEqual([
			{
				method: 'PATCH',
				path: `/msdyn_presences(${P.lunch})`,
				query: {},
				body: { msdyn_presencestatustext: 'Out for lunch', msdyn_basepresencestatus: 192360004 },
				status: 200,
			},
		]);
		expect(apiCalls(t.sim)[0].headers).toMatchObject({ 'if-match': '*', prefer: 'return=representation' });
		expect(run.items(NODE)).toEqual([
			expect.objectContaining({
				msdyn_presenceid: P.lunch,
				msdyn_name: 'Lunch',
				msdyn_presencestatustext: 'Out for lunch',
				msdyn_basepresencestatus: 192360004,
			}),
		]);
	});

	test('Update of a missing presence is a 404, not an accidental create', async () => {
		const missing = '00000000-0000-4000-8000-000000000001';
		const run = await t.run(def({ operation: 'update', presence: rl('id', missing), updateFields: { msdyn_name: 'X' } }));
		expect(run.nodeError(NODE).message).toBe(
			`Dynamics 365 Contact Center (Dataverse) returned 404: msdyn_presence With Id = ${missing} Does Not Exist [0x80040217]`,
		);
		expect(rows().some((/** @type {any} */ r) => r.msdyn_presenceid === missing)).toBe(false);
	});

	test('Update without fields is refused before any request', async () => {
		const run = await t.run(def({ operation: 'update', presence: rl('id', P.lunch), updateFields: {} }));
		expect(run.nodeError(NODE).message).toBe('Choose at least one field to update');
		expect(calls(t.sim)).toEqual([]);
	});

	test('Delete removes the row', async () => {
		const run = await t.run(def({ operation: 'delete', presence: rl('id', P.lunch) }));
		expect(run.items(NODE)).toEqual([{ msdyn_presenceid: P.lunch, deleted: true }]);
		expect(calls(t.sim)).toEqual([{ method: 'DELETE', path: `/msdyn_presences(${P.lunch})`, query: {}, status: 204 }]);
		expect(rows().some((/** @type {any} */ r) => r.msdyn_presenceid === P.lunch)).toBe(false);
	});
});
