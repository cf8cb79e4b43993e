// @ts-check
/** Presence Definition → Get Many, User → Get / Get Many / Find by Email, and the live pickers. */
const { rl, useSimulator } = require('../helpers/vendors');
const { V, AGENTS_ACCEPT, USER_ADMIN_ACCEPT, vonageNode, apiCalls } = require('./vonage');

const t = useSimulator({ vendor: 'vonage' });
const defs = () => t.sim.state.vonage.definitions;
const activeUsers = () => t.sim.state.vonage.users.filter((u) => u.active);

const NORMALIZED = { Ready: 'available', Away: 'away', ExtendedAway: 'away', LoggedOut: 'offline' };
const definitionItem = (d) => ({ ...d, source: 'vonage', presenceName: d.description, normalizedCategory: NORMALIZED[d.category.categoryType] });

describe('Presence Definition → Get Many', () => {
	const node = (params) => vonageNode({ resource: 'presenceDefinition', operation: 'getAll', ...params });

	test('Return All: one item per definition, native fields (category.subCategory) kept', async () => {
		const run = await t.h.runWorkflow({ nodes: [node({ returnAll: true })] });
		const items = run.items('Vonage');
		expect(items).toHaveLength(8);
		expect(items).toEqual(defs().map(definitionItem));
		expect(items[0]).toEqual({
			presenceId: '4060362d-1ab1-11ec-a0c4-066a9ef411a8',
			selectable: false,
			category: { categoryType: 'ExtendedAway', description: 'Extended Away', subCategory: 'ExtendedAway' },
			description: 'Extended away',
			source: 'vonage',
			presenceName: 'Extended away',
			normalizedCategory: 'away',
		});
		expect(apiCalls(t.sim)).toEqual([
			{ method: 'GET', path: '/agents/presence-definitions', query: {}, body: undefined, status: 200 },
		]);
		expect(t.sim.requests.find((r) => r.path === '/agents/presence-definitions').headers.accept).toBe(AGENTS_ACCEPT);
	});

	test('Limit and Selectable Only', async () => {
		const run = await t.h.runWorkflow({ nodes: [node({ returnAll: false, limit: 3, filters: { selectableOnly: true } })] });
		expect(run.items('Vonage')).toEqual(defs().filter((d) => d.selectable).slice(0, 3).map(definitionItem));
		expect(run.items('Vonage').map((i) => i.presenceName)).toEqual(['Ready', 'Away', 'Break']);
	});
});

describe('Agent → Get', () => {
	test('GET /useradmin/users/{userId} with the User Admin v4 Accept header', async () => {
		const run = await t.h.runWorkflow({ nodes: [vonageNode({ resource: 'agent', operation: 'get', agent: rl('list', V.users.blake) })] });
		const blake = t.sim.state.vonage.users.find((u) => u.userId === V.users.blake);
		expect(run.items('Vonage')).toEqual([blake]);
		expect(apiCalls(t.sim)).toEqual([
			{ method: 'GET', path: `/useradmin/users/${V.users.blake}`, query: {}, body: undefined, status: 200 },
		]);
		expect(t.sim.requests.find((r) => r.path.startsWith('/useradmin')).headers.accept).toBe(USER_ADMIN_ACCEPT);
	});

	test('by email: looked up in the user list, then read by ID', async () => {
		const run = await t.h.runWorkflow({
			nodes: [vonageNode({ resource: 'agent', operation: 'get', agent: rl('email', 'dana.diaz@contoso.com') })],
		});
		expect(run.items('Vonage')).toEqual([t.sim.state.vonage.users.find((u) => u.userId === V.users.dana)]);
		expect(apiCalls(t.sim).map((c) => [c.path, c.query])).toEqual([
			['/useradmin/users', { include: 'Active', page: '1', limit: '1000' }],
			[`/useradmin/users/${V.users.dana}`, {}],
		]);
	});
});

describe('Agent → Get Many', () => {
	const node = (params) => vonageNode({ resource: 'agent', operation: 'getAll', ...params });

	test('Return All follows page/limit until meta.pageCount', async () => {
		const run = await t.h.runWorkflow({ nodes: [node({ returnAll: true, options: { pageSize: 10 } })] });
		expect(activeUsers()).toHaveLength(30);
		expect(run.items('Vonage')).toEqual(activeUsers());
		expect(apiCalls(t.sim)).toEqual(
			[1, 2, 3].map((page) => ({
				method: 'GET',
				path: '/useradmin/users',
				query: { include: 'Active', page: String(page), limit: '10' },
				body: undefined,
				status: 200,
			})),
		);
	});

	test('Limit stops paging as soon as it has enough', async () => {
		const run = await t.h.runWorkflow({ nodes: [node({ returnAll: false, limit: 12, options: { pageSize: 10 } })] });
		expect(run.items('Vonage')).toEqual(activeUsers().slice(0, 12));
		expect(apiCalls(t.sim).map((c) => c.query)).toEqual([
			{ include: 'Active', page: '1', limit: '10' },
			{ include: 'Active', page: '2', limit: '10' },
		]);
	});

	test('Limit without a page size asks for exactly that many; Include Archived', async () => {
		const run = await t.h.runWorkflow({ nodes: [node({ returnAll: false, limit: 5, options: { include: 'Archived' } })] });
		const archived = t.sim.state.vonage.users.filter((u) => !u.active);
		expect(archived).toHaveLength(1);
		expect(run.items('Vonage')).toEqual(archived);
		expect(apiCalls(t.sim).map((c) => c.query)).toEqual([{ include: 'Archived', page: '1', limit: '5' }]);
	});
});

describe('Agent → Get by email (was User → Find by Email)', () => {
	const node = (email, options = {}) => vonageNode({ resource: 'agent', operation: 'get', agent: rl('email', email), options });

	test('matches case-insensitively', async () => {
		const run = await t.h.runWorkflow({ nodes: [node('Blake.Baker@CONTOSO.com')] });
		expect(run.items('Vonage')).toEqual([t.sim.state.vonage.users.find((u) => u.userId === V.users.blake)]);
		expect(apiCalls(t.sim).map((c) => [c.path, c.query])).toEqual([
			['/useradmin/users', { include: 'Active', page: '1', limit: '1000' }],
			[`/useradmin/users/${V.users.blake}`, {}],
		]);
	});

	test('archived users only with Include: All', async () => {
		const archived = t.sim.state.vonage.users.find((u) => !u.active);
		const missing = await t.h.runWorkflow({ nodes: [node(archived.email)] });
		expect(missing.nodeError('Vonage').message).toBe(`No active Vonage Contact Center user has the email ${archived.email}`);
		t.sim.clearRequests();
		const found = await t.h.runWorkflow({ nodes: [node(archived.email, { include: 'All' })] });
		expect(found.items('Vonage')).toEqual([archived]);
		expect(apiCalls(t.sim).map((c) => [c.path, c.query])).toEqual([
			['/useradmin/users', { include: 'All', page: '1', limit: '1000' }],
			[`/useradmin/users/${archived.userId}`, {}],
		]);
	});
});

describe('pickers (list search)', () => {
	const spec = vonageNode({ resource: 'agentPresence', operation: 'set' });

	test('searchUsers: active users filtered by name or email', async () => {
		const answer = await t.h.callMethod(spec, 'listSearch', 'searchUsers', 'casey');
		expect(answer).toEqual({
			results: [{ name: 'Casey Chen (casey.chen@contoso.com)', value: V.users.casey }],
			paginationToken: undefined,
		});
		expect(apiCalls(t.sim).map((c) => [c.path, c.query])).toEqual([
			['/useradmin/users', { include: 'Active', page: '1', limit: '100' }],
		]);
	});

	test('searchUsers without a filter lists everyone on the page', async () => {
		const answer = await t.h.callMethod(spec, 'listSearch', 'searchUsers');
		expect(answer.results.map((r) => r.value)).toEqual(activeUsers().map((u) => u.userId));
	});

	test('searchPresenceDefinitions: selectable definitions only', async () => {
		const all = await t.h.callMethod(spec, 'listSearch', 'searchPresenceDefinitions');
		expect(all.results).toEqual(
			defs()
				.filter((d) => d.selectable)
				.map((d) => ({ name: `${d.description} (${d.category.description})`, value: d.presenceId })),
		);
		const lunch = await t.h.callMethod(spec, 'listSearch', 'searchPresenceDefinitions', 'lun');
		expect(lunch.results).toEqual([{ name: 'Lunch (Extended Away)', value: V.presence.lunch }]);
		expect(t.sim.requests.filter((r) => r.path === '/agents/presence-definitions').every((r) => r.headers.accept === AGENTS_ACCEPT)).toBe(true);
	});
});
