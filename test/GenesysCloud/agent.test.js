// @ts-check
/**
 * Agent → Get and Agent → Get Many of the Genesys Cloud node: the exact requests Genesys Cloud
 * received (GET /api/v2/users/{userId}, the user search by email, GET /api/v2/users paged) and the
 * items emitted.
 */
const { useSimulator, IDS, apiCalls, byId, byEmail } = require('../helpers/vendors');

const G = IDS.genesys;
const ctx = useSimulator({ vendor: 'genesys' });

/** The user search for one exact email, first page, as apiCalls() lists it. */
const emailSearch = (/** @type {number} */ pageSize, /** @type {string} */ email) => ({
	method: 'POST',
	path: '/api/v2/users/search',
	query: {},
	body: { pageSize, pageNumber: 1, query: [{ type: 'EXACT', fields: ['email'], value: email }] },
	status: 200,
});

test('Get by ID: GET /api/v2/users/{userId}, the user as Genesys answers it; a second execution reuses it', async () => {
	const result = await ctx.run({ resource: 'agent', operation: 'get', agent: byId(G.users.alex) });
	expect(result.error).toBeUndefined();
	expect(apiCalls(ctx.sim, 'genesys')).toEqual([
		{ method: 'GET', path: `/api/v2/users/${G.users.alex}`, query: {}, body: undefined, status: 200 },
	]);
	const [user] = result.items('Genesys');
	expect(user).toMatchObject({ id: G.users.alex, email: 'alex.agent@contoso.com', name: 'Alex Agent' });
	await ctx.run({ resource: 'agent', operation: 'get', agent: byId(G.users.alex) });
	expect(apiCalls(ctx.sim, 'genesys')).toHaveLength(1);
});

test('Get by email: one exact email search; an unknown email is a clear error', async () => {
	const result = await ctx.run({ resource: 'agent', operation: 'get', agent: byEmail('blake.baker@contoso.com') });
	expect(apiCalls(ctx.sim, 'genesys')).toEqual([
		emailSearch(2, 'blake.baker@contoso.com'),
	]);
	expect(result.items('Genesys')[0]).toMatchObject({ id: G.users.blake, email: 'blake.baker@contoso.com' });

	const missing = await ctx.run({ resource: 'agent', operation: 'get', agent: byEmail('nobody@contoso.com') });
	expect(missing.error?.message).toBe('No Genesys Cloud user has the email "nobody@contoso.com"');
});

test('Get Many: GET /api/v2/users page by page up to the limit', async () => {
	const result = await ctx.run({ resource: 'agent', operation: 'getAll', returnAll: false, limit: 3 });
	expect(apiCalls(ctx.sim, 'genesys')).toEqual([
		{ method: 'GET', path: '/api/v2/users', query: { pageSize: '3', pageNumber: '1' }, body: undefined, status: 200 },
	]);
	expect(result.items('Genesys')).toHaveLength(3);
	expect(result.items('Genesys')[0]).toHaveProperty('email');
});

test('Get Many, Return All: every page until pageCount', async () => {
	const result = await ctx.run({ resource: 'agent', operation: 'getAll', returnAll: true });
	const all = ctx.sim.state.genesys.users.filter((/** @type {any} */ u) => u.state === 'active');
	expect(result.items('Genesys').map((/** @type {any} */ u) => u.id)).toEqual(all.map((/** @type {any} */ u) => u.id));
	expect(apiCalls(ctx.sim, 'genesys').map((c) => [c.method, c.path, c.query.pageNumber])).toEqual(
		Array.from({ length: Math.ceil(all.length / 100) }, (_, i) => ['GET', '/api/v2/users', String(i + 1)]),
	);
});

test('Get Many with an email filter: the user search, exact email', async () => {
	const result = await ctx.run({ resource: 'agent', operation: 'getAll', returnAll: true, filters: { email: 'casey.chen@contoso.com' } });
	expect(apiCalls(ctx.sim, 'genesys')).toEqual([
		emailSearch(100, 'casey.chen@contoso.com'),
	]);
	expect(result.items('Genesys').map((/** @type {any} */ u) => u.id)).toEqual([G.users.casey]);
});
