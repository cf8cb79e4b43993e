// @ts-check
const { useSimulator, nodeOf, IDS } = require('../helpers/vendors');

const T = IDS.graph;
const teamsNode = (/** @type {Record<string, any>} */ parameters) => nodeOf('graph', { resource: 'agentPresence', ...parameters });

const t = useSimulator({ vendor: 'graph' });
const node = (/** @type {any} */ p = {}) => teamsNode({ operation: 'set', ...p });

describe('pickers', () => {
	test('agents with a filter: $search with ConsistencyLevel: eventual', async () => {
		const result = await t.h.callMethod(node(), 'listSearch', 'searchAgents', 'casey');
		expect(result).toEqual({ results: [{ name: 'Casey Chen (casey.chen@contoso.com)', value: T.users.casey }], paginationToken: undefined });
		const [call] = t.sim.requests.filter((/** @type {any} */ r) => r.mount === '/graph');
		expect(call.query).toEqual({
			$select: 'id,displayName,mail,userPrincipalName',
			$top: '25',
			$search: '"displayName:casey" OR "mail:casey" OR "userPrincipalName:casey"',
			$orderby: 'displayName',
		});
		expect(call.headers.consistencylevel).toBe('eventual');
	});

	test('agents without a filter: every user', async () => {
		const result = await t.h.callMethod(node(), 'listSearch', 'searchAgents');
		expect(result.results.map((/** @type {any} */ r) => r.value)).toEqual(Object.values(T.users));
	});

	test('presences offered are the pairs the operation accepts', async () => {
		const set = await t.h.callMethod(node(), 'listSearch', 'searchPresences');
		expect(set.results.map((/** @type {any} */ r) => r.value)).toEqual(['Available/Available', 'Busy/InACall', 'Busy/InAConferenceCall', 'Away/Away', 'DoNotDisturb/Presenting']);
		const preferred = await t.h.callMethod(node({ operation: 'setPreferred' }), 'listSearch', 'searchPresences');
		expect(preferred.results.map((/** @type {any} */ r) => r.value)).toEqual([
			'Available/Available',
			'Busy/Busy',
			'DoNotDisturb/DoNotDisturb',
			'BeRightBack/BeRightBack',
			'Away/Away',
			'Offline/OffWork',
		]);
	});
});
