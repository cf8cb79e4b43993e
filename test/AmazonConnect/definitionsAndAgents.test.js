// @ts-check
/** Presence Definition (agent statuses) and Agent operations against the simulated Amazon Connect. */
const { rl, useSimulator } = require('../helpers/vendors');
const { C, apiCalls, statusOf } = require('./connect');

const S = C.status;
const t = useSimulator({ vendor: 'amazonConnect' });
const STATUS_PATH = `/agent-status/${C.instanceId}`;

describe('Presence Definition', () => {
	test('Get Many: ListAgentStatuses with AgentStatusTypes repeated, NextToken pages, shared categories', async () => {
		const run = await t.run({ resource: 'presenceDefinition', operation: 'getAll', returnAll: false, limit: 3, types: ['CUSTOM', 'OFFLINE'] });
		expect(run.items('Connect')).toEqual([
			{ Id: S.offline, Arn: C.statusArn(S.offline), Name: 'Offline', Type: 'OFFLINE', LastModifiedTime: statusOf(t.sim, S.offline).LastModifiedTime, LastModifiedRegion: 'us-east-1', source: 'amazonConnect', category: 'offline', presenceId: S.offline, presenceName: 'Offline' },
			expect.objectContaining({ Name: 'Break', Type: 'CUSTOM', category: 'away' }),
			expect.objectContaining({ Name: 'Lunch', Type: 'CUSTOM', category: 'away' }),
		]);
		const calls = apiCalls(t.sim);
		expect(calls).toHaveLength(1);
		expect(t.sim.requests[0].search).toBe('?maxResults=3&AgentStatusTypes=CUSTOM&AgentStatusTypes=OFFLINE');
		t.sim.clearRequests();
		const all = await t.run({ resource: 'presenceDefinition', operation: 'getAll', returnAll: true });
		expect(all.items('Connect')).toHaveLength(6);
	});

	test('Get: DescribeAgentStatus, by ID or ARN', async () => {
		const run = await t.run({ resource: 'presenceDefinition', operation: 'get', presence: rl('id', C.statusArn(S.training)) });
		expect(run.items('Connect')).toEqual([{ ...statusOf(t.sim, S.training), source: 'amazonConnect', presenceId: S.training, presenceName: 'Training', category: 'busy' }]);
		expect(apiCalls(t.sim)).toEqual([{ method: 'GET', path: `${STATUS_PATH}/${S.training}`, query: {}, body: undefined, status: 200 }]);
	});

	test('Create: PUT /agent-status/{InstanceId}, then the status in full', async () => {
		const run = await t.run({ resource: 'presenceDefinition', operation: 'create', name: 'Coaching', state: 'ENABLED', additionalFields: { description: 'With a supervisor', displayOrder: 7 } });
		const [out] = run.items('Connect');
		expect(out).toMatchObject({ Name: 'Coaching', Type: 'CUSTOM', State: 'ENABLED', Description: 'With a supervisor', DisplayOrder: 7, category: 'away', presenceName: 'Coaching' });
		expect(apiCalls(t.sim)[0]).toEqual({ method: 'PUT', path: STATUS_PATH, query: {}, body: { Name: 'Coaching', State: 'ENABLED', Description: 'With a supervisor', DisplayOrder: 7 }, status: 200 });
		const dup = await t.run({ resource: 'presenceDefinition', operation: 'create', name: 'Break', state: 'ENABLED' });
		expect(dup.nodeError('Connect').message).toMatch(/^Amazon Connect returned 409: DuplicateResourceException: An agent status named Break already exists\. \(request ID [0-9a-f-]{36}\)$/);
	});

	test('Update: POST /agent-status/{InstanceId}/{AgentStatusId} with only the fields given', async () => {
		const run = await t.run({ resource: 'presenceDefinition', operation: 'update', presence: rl('list', S.lunch), updateFields: { state: 'DISABLED', description: 'Long lunch' } });
		expect(run.items('Connect')[0]).toMatchObject({ AgentStatusId: S.lunch, State: 'DISABLED', Description: 'Long lunch' });
		expect(apiCalls(t.sim)[0]).toEqual({ method: 'POST', path: `${STATUS_PATH}/${S.lunch}`, query: {}, body: { State: 'DISABLED', Description: 'Long lunch' }, status: 200 });
		const nothing = await t.run({ resource: 'presenceDefinition', operation: 'update', presence: rl('list', S.lunch), updateFields: {} });
		expect(nothing.nodeError('Connect').message).toBe('Nothing to update: add a field under Update Fields');
	});
});

describe('Agent', () => {
	test('Get: DescribeUser, with agentName and agentEmail', async () => {
		const run = await t.run({ resource: 'agent', operation: 'get', agent: rl('id', C.userArn(C.users.casey)) });
		const user = t.sim.state.amazonConnect.users.find((u) => u.Id === C.users.casey);
		expect(run.items('Connect')).toEqual([{ ...user, source: 'amazonConnect', agentId: C.users.casey, agentName: 'Casey Chen', agentEmail: 'casey.chen@contoso.com', username: 'casey.chen@contoso.com' }]);
		expect(apiCalls(t.sim)).toEqual([{ method: 'GET', path: `/users/${C.instanceId}/${C.users.casey}`, query: {}, body: undefined, status: 200 }]);
	});

	test('Get Many: ListUsers, every page; by username: SearchUsers', async () => {
		const run = await t.run({ resource: 'agent', operation: 'getAll', returnAll: false, limit: 12 });
		expect(run.items('Connect')).toHaveLength(12);
		expect(apiCalls(t.sim)).toEqual([{ method: 'GET', path: `/users-summary/${C.instanceId}`, query: { maxResults: '12' }, body: undefined, status: 200 }]);
		t.sim.clearRequests();
		const found = await t.run({ resource: 'agent', operation: 'getAll', returnAll: true, filters: { username: 'cnagent00', comparison: 'STARTS_WITH' } });
		expect(found.items('Connect').map((u) => u.Username)).toEqual(['cnagent001', 'cnagent002', 'cnagent003', 'cnagent004', 'cnagent005', 'cnagent006', 'cnagent007', 'cnagent008', 'cnagent009']);
		expect(apiCalls(t.sim)[0].body).toEqual({ InstanceId: C.instanceId, MaxResults: 100, SearchCriteria: { StringCondition: { FieldName: 'Username', Value: 'cnagent00', ComparisonType: 'STARTS_WITH' } } });
	});
});
