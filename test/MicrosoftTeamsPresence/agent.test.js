// @ts-check
/** Microsoft Teams Agent → Get / Get Many: the directory's users through Graph. */
const { useSimulator, apiCalls, byId, byEmail, IDS } = require('../helpers/vendors');

const T = IDS.graph;
const t = useSimulator({ vendor: 'graph' });
const SELECT = 'id,displayName,mail,userPrincipalName,jobTitle,department,accountEnabled';
const alex = {
	source: 'teams',
	agentId: T.users.alex,
	id: T.users.alex,
	displayName: 'Alex Agent',
	mail: 'alex.agent@contoso.com',
	userPrincipalName: 'alex.agent@contoso.com',
	jobTitle: null,
	department: null,
	accountEnabled: true,
};

describe('Microsoft Teams Agent', () => {
	test('Get by ID reads the user with the agent fields', async () => {
		const out = await t.run({ resource: 'agent', operation: 'get', agent: byId(T.users.alex) });
		expect(out.items('Teams')).toEqual([alex]);
		expect(apiCalls(t.sim, 'graph')).toEqual([{ method: 'GET', path: `/v1.0/users/${T.users.alex}`, query: { $select: SELECT }, body: undefined, status: 200 }]);
	});

	test('Get by e-mail asks Graph for the UPN in one call', async () => {
		const out = await t.run({ resource: 'agent', operation: 'get', agent: byEmail('Alex.Agent@contoso.com') });
		expect(out.items('Teams')).toEqual([alex]);
		expect(apiCalls(t.sim, 'graph').map((/** @type {any} */ c) => c.path)).toEqual(['/v1.0/users/Alex.Agent%40contoso.com']);
	});

	test('Get of an unknown user is a clear error per item (Continue On Fail keeps the others)', async () => {
		const out = await t.run(
			{ resource: 'agent', operation: 'get', agent: byEmail('={{ $json.email }}') },
			[{ email: 'nobody@contoso.com' }, { email: 'alex.agent@contoso.com' }],
			{ onError: 'continueRegularOutput' },
		);
		expect(out.items('Teams')[0].error).toBe('No Microsoft Teams user "nobody@contoso.com"');
		expect(out.items('Teams')[1]).toEqual(alex);
	});

	test('Get Many with a limit reads one page of that size', async () => {
		const out = await t.run({ resource: 'agent', operation: 'getAll', returnAll: false, limit: 2 });
		expect(out.items('Teams').map((/** @type {any} */ i) => i.displayName)).toHaveLength(2);
		expect(apiCalls(t.sim, 'graph')).toEqual([{ method: 'GET', path: '/v1.0/users', query: { $select: SELECT, $top: '2' }, body: undefined, status: 200 }]);
	});

	test('Get Many with Return All follows @odata.nextLink to the end', async () => {
		const ids = Array.from({ length: 1001 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
		t.sim.graph.setGroupMembers(T.groups.agents, ids);
		const out = await t.run({ resource: 'agent', operation: 'getAll', returnAll: true });
		expect(out.items('Teams')).toHaveLength(1006);
		expect(apiCalls(t.sim, 'graph').map((/** @type {any} */ c) => [c.path, c.query.$skiptoken ? 'next' : 'first'])).toEqual([
			['/v1.0/users', 'first'],
			['/v1.0/users', 'next'],
		]);
	});
});
