// @ts-check
const { useSimulator, byId } = require('../helpers/vendors');
const { apiCalls, definitionItem, ON_QUEUE_CURRENT_ITEM, G } = require('./genesys');

const t = useSimulator({ vendor: 'genesys' });
const LUNCH = G.custom.lunch;
const base = { resource: 'presenceDefinition' };

/** The seeded definitions as the simulator keeps them. */
const defs = () => t.sim.state.genesys.definitions;

describe('Presence Definition: Create', () => {
	test('current API: POST /api/v2/presence/definitions with the label and system presence', async () => {
		const run = await t.run({ ...base, operation: 'create', apiVersion: 'current', label: 'Coffee', systemPresence: 'Break' });
		expect(apiCalls(t.sim)).toEqual([
			{
				method: 'POST',
				path: '/api/v2/presence/definitions',
				query: {},
				body: { languageLabels: { en_US: 'Coffee' }, systemPresence: 'Break' },
			},
		]);
		const [item] = run.items('Genesys');
		expect(item.id).toMatch(/^[0-9a-f-]{36}$/);
		expect(item).toEqual(definitionItem(item.id, { name: 'Coffee', label: 'Coffee', systemPresence: 'Break', category: 'away' }));
		expect(defs().find((/** @type {any} */ d) => d.id === item.id)).toBeTruthy();
	});

	test('legacy API: POST /api/v2/presencedefinitions with locale and deactivated', async () => {
		const run = await t.run({
			...base,
			operation: 'create',
			apiVersion: 'legacy',
			label: 'Pause café',
			systemPresence: 'Break',
			additionalFields: { locale: 'fr', deactivated: false, divisionId: 'ignored-by-legacy' },
		});
		expect(apiCalls(t.sim)).toEqual([
			{
				method: 'POST',
				path: '/api/v2/presencedefinitions',
				query: {},
				body: { languageLabels: { fr: 'Pause café' }, systemPresence: 'Break', deactivated: false },
			},
		]);
		const [item] = run.items('Genesys');
		expect(item).toMatchObject({ name: 'Pause café', languageLabels: { fr: 'Pause café' }, primary: false, category: 'away' });
		expect(item.selfUri).toBe(`/api/v2/presencedefinitions/${item.id}`);
	});
});

describe('Presence Definition: Get', () => {
	test('legacy API with localeCode', async () => {
		const run = await t.run({ ...base, operation: 'get', apiVersion: 'legacy', presence: byId(LUNCH), localeCode: 'en_US' });
		expect(apiCalls(t.sim)).toEqual([
			{ method: 'GET', path: `/api/v2/presencedefinitions/${LUNCH}`, query: { localeCode: 'en_US' }, body: undefined },
		]);
		const seeded = defs().find((/** @type {any} */ d) => d.id === LUNCH);
		expect(run.items('Genesys')).toEqual([
			{
				id: LUNCH,
				name: 'Lunch',
				languageLabels: { en_US: 'Lunch' },
				systemPresence: 'Meal',
				deactivated: false,
				primary: false,
				createdBy: seeded.createdBy,
				createdDate: seeded.createdDate,
				modifiedBy: seeded.modifiedBy,
				modifiedDate: seeded.modifiedDate,
				selfUri: `/api/v2/presencedefinitions/${LUNCH}`,
				category: 'away',
			},
		]);
	});

	test('current API (the default), no localeCode', async () => {
		const run = await t.run({ ...base, operation: 'get', presence: byId(G.presence['On Queue']) });
		expect(apiCalls(t.sim)).toEqual([
			{ method: 'GET', path: `/api/v2/presence/definitions/${G.presence['On Queue']}`, query: {}, body: undefined },
		]);
		expect(run.items('Genesys')).toEqual([ON_QUEUE_CURRENT_ITEM]);
	});

	test('404 names Genesys, the status, the message and the correlation ID', async () => {
		const missing = '00000000-0000-4000-8000-000000000000';
		const run = await t.run({ ...base, operation: 'get', presence: byId(missing) });
		expect(run.status).toBe('error');
		expect(run.error.message).toBe(`Genesys Cloud returned 404: Presence definition not found: ${missing}`);
		expect(run.error.description).toMatch(/^Presence definition not found: .+ \(correlation ID [0-9a-f-]{36}\)$/);
		expect(run.error.httpCode).toBe('404');
	});
});

describe('Presence Definition: Get Many', () => {
	test('legacy, Return All: follows pageNumber over 3 pages of 25', async () => {
		const run = await t.run({ ...base, operation: 'getAll', apiVersion: 'legacy', returnAll: true, options: { pageSize: 25 } });
		const calls = apiCalls(t.sim);
		expect(calls).toEqual([1, 2, 3].map((n) => ({
			method: 'GET',
			path: '/api/v2/presencedefinitions',
			query: { deleted: 'false', pageSize: '25', pageNumber: String(n) },
			body: undefined,
		})));
		const active = defs().filter((/** @type {any} */ d) => !d.deactivated);
		const items = run.items('Genesys');
		expect(items.map((/** @type {any} */ d) => d.id)).toEqual(active.map((/** @type {any} */ d) => d.id));
		expect(items).toHaveLength(60);
		expect(items[0]).toMatchObject({ id: G.presence.Available, systemPresence: 'Available', primary: true, category: 'available' });
	});

	test('legacy, Limit 30: stops after the page that reaches it', async () => {
		const run = await t.run({ ...base, operation: 'getAll', apiVersion: 'legacy', returnAll: false, limit: 30, options: { pageSize: 25, localeCode: 'ALL' } });
		expect(apiCalls(t.sim).map((c) => c.query)).toEqual([
			{ deleted: 'false', localeCode: 'ALL', pageSize: '25', pageNumber: '1' },
			{ deleted: 'false', localeCode: 'ALL', pageSize: '25', pageNumber: '2' },
		]);
		expect(run.items('Genesys')).toHaveLength(30);
	});

	test.each([
		['true', 5],
		['all', 65],
	])('legacy, deleted=%s', async (deleted, count) => {
		const run = await t.run({ ...base, operation: 'getAll', apiVersion: 'legacy', returnAll: true, deleted });
		expect(apiCalls(t.sim)).toEqual([
			{ method: 'GET', path: '/api/v2/presencedefinitions', query: { deleted, pageSize: '100', pageNumber: '1' }, body: undefined },
		]);
		const items = run.items('Genesys');
		expect(items).toHaveLength(count);
		if (deleted === 'true') expect(items.every((/** @type {any} */ d) => d.deactivated === true)).toBe(true);
	});

	test('current API: one unpaged listing, the limit applied to it', async () => {
		const run = await t.run({ ...base, operation: 'getAll', returnAll: false, limit: 5 });
		expect(apiCalls(t.sim)).toEqual([{ method: 'GET', path: '/api/v2/presence/definitions', query: {}, body: undefined }]);
		const items = run.items('Genesys');
		expect(items.map((/** @type {any} */ d) => d.id)).toEqual(defs().slice(0, 5).map((/** @type {any} */ d) => d.id));
		expect(items[1]).toEqual(definitionItem(G.presence.Away, { label: 'Away', systemPresence: 'Away', category: 'away' }));
	});

	test('current API: deactivated, divisionId and localeCode in the query', async () => {
		const run = await t.run({
			...base,
			operation: 'getAll',
			returnAll: true,
			options: { deactivated: true, divisionIds: ' home-division ', localeCode: 'ALL' },
		});
		expect(apiCalls(t.sim)).toEqual([
			{
				method: 'GET',
				path: '/api/v2/presence/definitions',
				query: { divisionId: 'home-division', deactivated: 'true', localeCode: 'ALL' },
				body: undefined,
			},
		]);
		expect(run.items('Genesys')).toHaveLength(65);
	});
});

describe('Presence Definition: Update', () => {
	test('current API: reads every label, then PUTs the definition with the change', async () => {
		const run = await t.run({ ...base, operation: 'update', presence: byId(LUNCH), updateFields: { label: 'Lunch break' } });
		expect(apiCalls(t.sim)).toEqual([
			{ method: 'GET', path: `/api/v2/presence/definitions/${LUNCH}`, query: { localeCode: 'ALL' }, body: undefined },
			{
				method: 'PUT',
				path: `/api/v2/presence/definitions/${LUNCH}`,
				query: {},
				body: { name: 'Lunch', languageLabels: { en_US: 'Lunch break' }, systemPresence: 'Meal', divisionId: '*', deactivated: false },
			},
		]);
		expect(run.items('Genesys')).toEqual([definitionItem(LUNCH, { name: 'Lunch', label: 'Lunch break', systemPresence: 'Meal', category: 'away' })]);
	});

	test('legacy API: PUT with the OrganizationPresence fields', async () => {
		await t.run({
			...base,
			operation: 'update',
			apiVersion: 'legacy',
			presence: byId(LUNCH),
			updateFields: { label: 'Déjeuner', locale: 'fr', systemPresence: 'Break', deactivated: true },
		});
		const put = apiCalls(t.sim)[1];
		expect(put).toEqual({
			method: 'PUT',
			path: `/api/v2/presencedefinitions/${LUNCH}`,
			query: {},
			body: { name: 'Lunch', languageLabels: { en_US: 'Lunch', fr: 'Déjeuner' }, systemPresence: 'Break', deactivated: true },
		});
	});

	test('nothing to update is a clear input error, before any request', async () => {
		const run = await t.run({ ...base, operation: 'update', presence: byId(LUNCH), updateFields: {} });
		expect(run.error.message).toBe('Nothing to update');
		expect(run.error.name).toBe('NodeOperationError');
		expect(apiCalls(t.sim)).toEqual([]);
	});
});

describe('Presence Definition: Delete', () => {
	test('current API: DELETE, item says which one', async () => {
		const run = await t.run({ ...base, operation: 'delete', presence: byId(LUNCH) });
		expect(apiCalls(t.sim)).toEqual([{ method: 'DELETE', path: `/api/v2/presence/definitions/${LUNCH}`, query: {}, body: undefined }]);
		expect(run.items('Genesys')).toEqual([{ id: LUNCH, deleted: true }]);
		expect(defs().find((/** @type {any} */ d) => d.id === LUNCH).deactivated).toBe(true);
	});

	test('legacy API: 400 from Genesys carries its message', async () => {
		const run = await t.run({ ...base, operation: 'delete', apiVersion: 'legacy', presence: byId(G.presence.Available) });
		expect(apiCalls(t.sim)).toEqual([
			{ method: 'DELETE', path: `/api/v2/presencedefinitions/${G.presence.Available}`, query: {}, body: undefined },
		]);
		expect(run.error.message).toBe('Genesys Cloud returned 400: Primary (system) presence definitions cannot be deleted.');
		expect(run.error.description).toMatch(/\(correlation ID [0-9a-f-]{36}\)$/);
	});
});

describe('System Presence: Get Many', () => {
	test('GET /api/v2/systempresences, each with its category', async () => {
		const run = await t.run({ resource: 'systemPresence', operation: 'getAll' });
		expect(apiCalls(t.sim)).toEqual([{ method: 'GET', path: '/api/v2/systempresences', query: {}, body: undefined }]);
		const items = run.items('Genesys');
		expect(items).toHaveLength(10);
		expect(items.find((/** @type {any} */ p) => p.id === 'ON_QUEUE')).toEqual({
			id: 'ON_QUEUE',
			name: 'On Queue',
			selfUri: '/api/v2/systempresences/ON_QUEUE',
			category: 'available',
		});
		expect(Object.fromEntries(items.map((/** @type {any} */ p) => [p.name, p.category]))).toEqual({
			Available: 'available',
			Away: 'away',
			Break: 'away',
			Busy: 'busy',
			Idle: 'away',
			Meal: 'away',
			Meeting: 'busy',
			Offline: 'offline',
			'On Queue': 'available',
			Training: 'busy',
		});
	});
});
