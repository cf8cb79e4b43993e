// @ts-check
/** Throttling, signature and token failures, an unknown instance, Continue On Fail, and the credential test. */
const { createHarness } = require('../harness');
const { rl, useSimulator, credentialsFor } = require('../helpers/vendors');
const { C, connectNode, apiCalls } = require('./connect');

const t = useSimulator({ vendor: 'amazonConnect' });
const GET_ALEX = { resource: 'agentPresence', operation: 'get', agent: rl('id', C.users.alex) };

/** A harness whose Amazon Connect credential differs in `over`. @param {Record<string, any>} over */
async function harnessWith(over) {
	return await createHarness({ credentials: credentialsFor(t.sim, 'amazonConnect', over) });
}

describe('throttling', () => {
	test('a storm of 429 ThrottlingException is waited out (the statuses read retried) and the run succeeds', async () => {
		t.sim.inject({ vendor: 'amazonConnect', status: 429, times: 2 });
		const run = await t.run(GET_ALEX);
		expect(run.items('Connect')[0]).toMatchObject({ agentId: C.users.alex, presenceName: 'Available' });
		expect(apiCalls(t.sim).map((c) => c.status)).toEqual([429, 429, 200, 200]);
	});

	test('a storm longer than the retries fails naming the AWS error code and request ID', async () => {
		t.sim.inject({ vendor: 'amazonConnect', status: 429, code: 'TooManyRequestsException', times: 99 });
		const run = await t.run(GET_ALEX);
		const error = run.nodeError('Connect');
		expect(error.message).toMatch(/^Amazon Connect returned 429: TooManyRequestsException: Too many requests \(request ID [0-9a-f-]{36}\)$/);
		expect(apiCalls(t.sim)).toHaveLength(5);
	}, 30000);
});

describe('signatures and keys, as AWS refuses them', () => {
	test('a wrong secret: 403 InvalidSignatureException, the secret in no output', async () => {
		const h = await harnessWith({ secretAccessKey: 'Zq7Xk2Vb9Nm4Lp1Hd6Fs3Jt8Yc5Rw0Qe2Ua4Io1K' });
		const run = await h.runWorkflow({ nodes: [connectNode(GET_ALEX)] });
		expect(run.nodeError('Connect').message).toMatch(/^Amazon Connect returned 403: InvalidSignatureException: The request signature we calculated does not match the signature you provided\./);
	});

	test('a credential scoped to another Region', async () => {
		// Given as an ID: an ARN of another Region is refused before any request (assumeRole.test.js).
		const h = await harnessWith({ region: 'eu-west-2', instance: C.instanceId });
		const run = await h.runWorkflow({ nodes: [connectNode(GET_ALEX)] });
		expect(run.nodeError('Connect').message).toMatch(/^Amazon Connect returned 403: InvalidSignatureException: Credential should be scoped to a valid region\./);
	});

	test('temporary keys: signed with the session token; once it expires, ExpiredTokenException', async () => {
		const k = t.sim.clients.amazonConnect;
		const h = await harnessWith({ accessKeyId: k.tempAccessKeyId, secretAccessKey: k.tempSecretAccessKey, sessionToken: k.sessionToken });
		const ok = await h.runWorkflow({ nodes: [connectNode(GET_ALEX)] });
		expect(ok.items('Connect')).toHaveLength(1);
		expect(t.sim.requests[0].headers.authorization).toMatch(/SignedHeaders=accept;content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token,/);
		t.sim.amazonConnect.expireSessionToken();
		const expired = await h.runWorkflow({ nodes: [connectNode(GET_ALEX)] });
		expect(expired.nodeError('Connect').message).toMatch(/^Amazon Connect returned 403: ExpiredTokenException: The security token included in the request is expired \(request ID/);
	});

	test('an unknown instance: 404 ResourceNotFoundException', async () => {
		const h = await harnessWith({ instance: 'arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-4333-8444-555555555555' });
		const run = await h.runWorkflow({ nodes: [connectNode(GET_ALEX)] });
		expect(run.nodeError('Connect').message).toMatch(/^Amazon Connect returned 404: ResourceNotFoundException: Instance not found: 11111111-2222-4333-8444-555555555555/);
	});
});

describe('Continue On Fail', () => {
	test('a failing item becomes an error item; the others go on, each paired to its input', async () => {
		const unknown = '00000000-0000-4000-8000-000000000000';
		const run = await t.run(
			{ resource: 'agentPresence', operation: 'get', agent: rl('id', '={{ $json.id }}') },
			[{ id: C.users.alex }, { id: unknown }, { id: C.users.blake }],
			{ onError: 'continueRegularOutput' },
		);
		const out = run.items('Connect');
		expect(out.map((i) => i.agentId ?? i.error)).toEqual([C.users.alex, expect.stringMatching(/^Amazon Connect returned 404: ResourceNotFoundException: User not found/), C.users.blake]);
		expect(out[1].httpCode).toBe('404');
	});
});

describe('credential test', () => {
	test('ListAgentStatuses (maxResults 1) on the instance, signed; a wrong secret fails', async () => {
		const h = await createHarness();
		const creds = credentialsFor(t.sim, 'amazonConnect');
		expect(await h.testCredential('amazonConnectApi', creds.amazonConnectApi)).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(t.sim.requests.map((r) => `${r.method} ${r.path}${r.search} ${r.status}`)).toEqual([`GET /agent-status/${C.instanceId}?maxResults=1 200`]);
		const wrong = await h.testCredential('amazonConnectApi', { ...creds.amazonConnectApi, secretAccessKey: 'Zq7Xk2Vb9Nm4Lp1Hd6Fs3Jt8Yc5Rw0Qe2Ua4Io1K' });
		expect(wrong.status).toBe('Error');
	});
});
