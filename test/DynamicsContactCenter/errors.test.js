// @ts-check
const { useSimulator, rl } = require('../helpers/vendors');
const { DV, NODE, dvNode, calls } = require('./dataverse');

const P = DV.presences;
const ALEX = DV.agents.alex;
const VENDOR = 'Dynamics 365 Contact Center (Dataverse)';

const t = useSimulator({ vendor: 'dataverse' });

const getPresence = (/** @type {string} */ agentId, /** @type {Record<string, any>} */ extra = {}) =>
	dvNode({ resource: 'agentPresence', operation: 'get', agent: rl('id', agentId) }, extra);
const setPresence = (/** @type {Record<string, any>} */ params) =>
	dvNode({ resource: 'agentPresence', operation: 'set', agent: rl('id', ALEX), onlyIfDifferent: false, ...params });
const inject = (/** @type {Record<string, any>} */ fault) => t.sim.inject({ vendor: 'dataverse', ...fault });
const lines = () => calls(t.sim).map((c) => `${c.method} ${c.path} ${c.status}`);

describe('Dataverse errors surface with Dataverse\'s own message', () => {
	test('400 Bad Request', async () => {
		inject({ method: 'GET', path: 'CCaaS_GetPresence', status: 400 });
		const run = await t.h.runWorkflow({ nodes: [getPresence(ALEX)] });
		const error = run.nodeError(NODE);
		expect(error.message).toBe(`${VENDOR} returned 400: Invalid argument. [0x80040203]`);
		expect(error.httpCode).toBe('400');
		expect(lines()).toEqual(['GET /CCaaS_GetPresence(ApiVersion=@v) 400']);
	});

	test('404 for a user who is not an omnichannel agent', async () => {
		const run = await t.h.runWorkflow({ nodes: [getPresence(DV.nonAgentUserId)] });
		expect(run.nodeError(NODE).message).toBe(
			`${VENDOR} returned 404: Agent with id '${DV.nonAgentUserId}' was not found or is not an omnichannel agent. [0x80040217]`,
		);
		expect(lines()).toEqual(['GET /CCaaS_GetPresence(ApiVersion=@v) 404']);
	});

	test('405 API not allowed', async () => {
		inject({ method: 'POST', path: 'CCaaS_ModifyAgentPresence', status: 405 });
		const run = await t.h.runWorkflow({ nodes: [setPresence({ presenceBy: 'presence', presence: rl('id', P.away) })] });
		expect(run.nodeError(NODE).message).toBe(`${VENDOR} returned 405: The requested method is not allowed. [0x80060888]`);
		expect(lines()).toEqual(['POST /CCaaS_ModifyAgentPresence 405']);
	});

	test('500 on the presence write is reported, not repeated (the POST may have been applied)', async () => {
		inject({ method: 'POST', path: 'CCaaS_ModifyAgentPresence', status: 500 });
		const run = await t.h.runWorkflow({ nodes: [setPresence({ presenceBy: 'presence', presence: rl('id', P.away) })] });
		expect(run.nodeError(NODE).message).toBe(`${VENDOR} returned 500: An unexpected error occurred. [0x80040216]`);
		expect(lines()).toEqual(['POST /CCaaS_ModifyAgentPresence 500']);
	});

	test('500 on a read is retried with backoff and then succeeds', async () => {
		inject({ method: 'GET', path: 'CCaaS_GetPresence', status: 500 });
		const run = await t.h.runWorkflow({ nodes: [getPresence(ALEX)] });
		expect(run.items(NODE)).toEqual([expect.objectContaining({ PresenceId: P.busy, category: 'busy' })]);
		expect(lines()).toEqual(['GET /CCaaS_GetPresence(ApiVersion=@v) 500', 'GET /CCaaS_GetPresence(ApiVersion=@v) 200']);
	});
});

describe('service protection, tokens', () => {
	test('429 waits Retry-After and then succeeds, for the POST too', async () => {
		inject({ method: 'POST', path: 'CCaaS_ModifyAgentPresence', status: 429, retryAfter: 0, times: 2 });
		const run = await t.h.runWorkflow({ nodes: [setPresence({ presenceBy: 'presence', presence: rl('id', P.away) })] });
		expect(run.items(NODE)).toEqual([expect.objectContaining({ written: true, presenceId: P.away })]);
		expect(lines()).toEqual([
			'POST /CCaaS_ModifyAgentPresence 429',
			'POST /CCaaS_ModifyAgentPresence 429',
			'POST /CCaaS_ModifyAgentPresence 200',
		]);
	});

	test('429 retries are bounded; then the service-protection message is shown', async () => {
		inject({ method: 'GET', path: 'CCaaS_GetPresence', status: 429, retryAfter: 0, times: 50 });
		const run = await t.h.runWorkflow({ nodes: [getPresence(ALEX)] });
		expect(run.nodeError(NODE).message).toBe(
			`${VENDOR} returned 429: Number of requests exceeded the limit of 6000 over time window of 300 seconds. [0x80072322]`,
		);
		expect(lines()).toEqual(Array(5).fill('GET /CCaaS_GetPresence(ApiVersion=@v) 429'));
	});

	test('401 on an expired token: one token refresh, then the call succeeds', async () => {
		await t.h.runWorkflow({ nodes: [getPresence(ALEX)] });
		expect(t.h.credentialsHelper.preAuthenticationCalls).toBe(1);
		t.sim.expireTokens('dataverse');
		t.sim.clearRequests();
		const run = await t.h.runWorkflow({ nodes: [getPresence(ALEX)] });
		expect(run.items(NODE)).toEqual([expect.objectContaining({ PresenceId: P.busy })]);
		expect(t.h.credentialsHelper.preAuthenticationCalls).toBe(2);
		expect(t.sim.requests.map((/** @type {any} */ r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
			'GET /api/data/v9.2/CCaaS_GetPresence(ApiVersion=@v) 401',
			`POST /login/${t.sim.clients.dataverse.tenantId}/oauth2/v2.0/token 200`,
			'GET /api/data/v9.2/CCaaS_GetPresence(ApiVersion=@v) 200',
		]);
	});
});

describe('bad input and Continue On Fail', () => {
	test('a typed agent ID that is not a GUID is flagged by the resource locator, as in the editor', async () => {
		await expect(t.h.runWorkflow({ nodes: [getPresence('alex')] })).rejects.toThrow('Not a valid user ID: expected one like 97c90b02-4e38-ef11-a315-000d3a5a54dc');
		expect(lines()).toEqual([]);
	});

	test('an agent ID from an expression that is not a GUID fails before any request', async () => {
		const run = await t.h.runWorkflow({ nodes: [getPresence('={{ $json.agent }}')], input: [{ agent: 'alex' }] });
		const error = run.nodeError(NODE);
		expect(error.name).toBe('NodeOperationError');
		expect(error.message).toBe('Agent ID "alex" is not a valid GUID');
		expect(lines()).toEqual([]);
	});

	test('an unknown category names the valid ones', async () => {
		const run = await t.h.runWorkflow({
			nodes: [setPresence({ presenceBy: 'category', category: '={{ $json.category }}' })],
			input: [{ category: 'lunch' }],
		});
		const error = run.nodeError(NODE);
		expect(error.name).toBe('NodeOperationError');
		expect(error.message).toBe('Unknown presence category "lunch"');
		expect(error.description).toBe('Use one of: available, busy, do_not_disturb, away, offline');
		expect(lines()).toEqual([]);
	});

	test('a presence ID that is not a GUID', async () => {
		const run = await t.h.runWorkflow({
			nodes: [setPresence({ presenceBy: 'presence', presence: rl('id', '={{ $json.presence }}') })],
			input: [{ presence: 'Available' }],
		});
		expect(run.nodeError(NODE).message).toBe('Presence ID "Available" is not a valid GUID');
		expect(lines()).toEqual([]);
	});

	test('Continue On Fail: failed items carry the error, the others go on, all paired', async () => {
		const run = await t.h.runWorkflow({
			nodes: [
				dvNode(
					{ resource: 'agentPresence', operation: 'get', agent: rl('id', '={{ $json.agent }}') },
					{ continueOnFail: true },
				),
			],
			input: [{ agent: ALEX }, { agent: 'not-a-guid' }, { agent: DV.nonAgentUserId }, { agent: DV.agents.casey }],
		});
		const items = run.rawItems(NODE);
		expect(items.map((/** @type {any} */ i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(items[0].json).toMatchObject({ agentId: ALEX, category: 'busy' });
		expect(items[1].json).toEqual({ error: 'Agent ID "not-a-guid" is not a valid GUID', errorDescription: expect.any(String) });
		expect(items[2].json).toMatchObject({
			error: `${VENDOR} returned 404: Agent with id '${DV.nonAgentUserId}' was not found or is not an omnichannel agent. [0x80040217]`,
			httpCode: '404',
		});
		expect(items[3].json).toMatchObject({ agentId: DV.agents.casey, category: 'available' });
	});
});
