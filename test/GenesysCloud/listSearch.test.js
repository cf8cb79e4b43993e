// @ts-check
/** The editor's live pickers: users (POST /api/v2/users/search) and presence definitions. */
const { useSimulator } = require('../helpers/vendors');
const { apiCalls, genesysNode, G } = require('./genesys');

const t = useSimulator({ vendor: 'genesys' });
const setNode = genesysNode({ resource: 'agentPresence', operation: 'set' });

test('users: a filter searches name and email (CONTAINS)', async () => {
	const found = await t.h.callMethod(setNode, 'listSearch', 'searchUsers', 'casey');
	expect(apiCalls(t.sim)).toEqual([
		{
			method: 'POST',
			path: '/api/v2/users/search',
			query: {},
			body: { pageSize: 25, pageNumber: 1, query: [{ type: 'CONTAINS', fields: ['name', 'email'], value: 'casey' }] },
		},
	]);
	expect(found).toEqual({ results: [{ name: 'Casey Chen (casey.chen@contoso.com)', value: G.users.casey }], paginationToken: undefined });
});

test('users: no filter lists active users page by page', async () => {
	const first = await t.h.callMethod(setNode, 'listSearch', 'searchUsers', '');
	expect(first.results).toHaveLength(25);
	expect(first.paginationToken).toBe('2');
	const last = await t.h.callMethod(setNode, 'listSearch', 'searchUsers', '', '5');
	expect(last.paginationToken).toBeUndefined();
	expect(apiCalls(t.sim).map((c) => c.body)).toEqual([1, 5].map((pageNumber) => ({
		pageSize: 25,
		pageNumber,
		query: [{ type: 'EXACT', fields: ['state'], values: ['active'] }],
	})));
});

test('presence definitions: active ones, labelled with their system presence, filtered', async () => {
	const found = await t.h.callMethod(setNode, 'listSearch', 'searchPresenceDefinitions', 'queue');
	expect(apiCalls(t.sim)).toEqual([{ method: 'GET', path: '/api/v2/presence/definitions', query: {}, body: undefined }]);
	// A system presence's own definition reads as Genesys Cloud shows it, not "On Queue (OnQueue)".
	expect(found).toEqual({ results: [{ name: 'On Queue', value: G.presence['On Queue'] }] });
	const lunch = await t.h.callMethod(setNode, 'listSearch', 'searchPresenceDefinitions', 'lunch');
	expect(lunch.results.map((/** @type {any} */ r) => r.name)).toEqual(['Lunch (Meal)']);
});

test('presence definitions from the legacy API when the node uses it', async () => {
	const node = genesysNode({ resource: 'presenceDefinition', operation: 'get', apiVersion: 'legacy' });
	const found = await t.h.callMethod(node, 'listSearch', 'searchPresenceDefinitions', '');
	expect(apiCalls(t.sim)).toEqual([
		{ method: 'GET', path: '/api/v2/presencedefinitions', query: { pageSize: '100', pageNumber: '1' }, body: undefined },
	]);
	expect(found.results).toHaveLength(60);
	expect(found.results).toContainEqual({ name: 'Lunch (Meal)', value: G.custom.lunch });
});
