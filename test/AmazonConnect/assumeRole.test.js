// @ts-check
/**
 * Assume Role: the credential's keys call AWS STS AssumeRole (signed for `sts`), the role's
 * temporary keys sign the Amazon Connect calls; refused roles, a session renewed before its
 * Expiration and one that AWS calls expired early. Also the Instance ARN's Region check.
 */
const { createHarness } = require('../harness');
const { rl, useSimulator, credentialsFor, tokenRequests } = require('../helpers/vendors');
const { C, connectNode, apiCalls, LIST_STATUSES, userDataCall } = require('./connect');

const t = useSimulator({ vendor: 'amazonConnect' });
const GET_ALEX = { resource: 'agentPresence', operation: 'get', agent: rl('id', C.users.alex) };
const TYPE = 'amazonConnectApi';

/** The Amazon Connect credential with Assume Role on, differing in `over`. @param {Record<string, any>} [over] */
function roleCredentials(over = {}) {
	const k = t.sim.clients.amazonConnect;
	return credentialsFor(t.sim, 'amazonConnect', {
		assumeRole: true,
		roleArn: k.roleArn,
		externalId: k.externalId,
		stsBaseUrl: t.sim.urls.amazonSts,
		...over,
	});
}

/** @param {Record<string, any>} [over] */
async function roleHarness(over) {
	return await createHarness({ credentials: roleCredentials(over) });
}

/** The STS calls as `{ method, path, body, status }`. */
const stsCalls = () => tokenRequests(t.sim, 'amazonConnect').map((/** @type {any} */ r) => ({ method: r.method, path: r.path, body: r.body, status: r.status }));

/** AssumeRole's form as the credential sends it. @param {Record<string, string>} [over] */
const assumeRoleForm = (over = {}) => ({
	Action: 'AssumeRole',
	Version: '2011-06-15',
	RoleArn: t.sim.clients.amazonConnect.roleArn,
	RoleSessionName: 'n8n-agent-presence',
	DurationSeconds: '3600',
	ExternalId: t.sim.clients.amazonConnect.externalId,
	...over,
});

describe('Assume Role', () => {
	test('one AssumeRole signed for sts with the user’s keys, then every connect call signed with the session’s keys and token', async () => {
		const h = await roleHarness();
		const run = await h.runWorkflow({ nodes: [connectNode(GET_ALEX)] });
		expect(run.items('Connect')).toEqual([expect.objectContaining({ agentId: C.users.alex, presenceName: 'Available', category: 'available', loggedIn: true })]);

		expect(stsCalls()).toEqual([{ method: 'POST', path: '/', body: assumeRoleForm(), status: 200 }]);
		const [sts] = tokenRequests(t.sim, 'amazonConnect');
		const k = t.sim.clients.amazonConnect;
		expect(sts.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(sts.headers.authorization).toMatch(new RegExp(`^AWS4-HMAC-SHA256 Credential=${k.accessKeyId}/\\d{8}/us-east-1/sts/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$`));

		expect(apiCalls(t.sim)).toEqual([LIST_STATUSES, userDataCall([C.users.alex])]);
		const [keyId] = t.sim.amazonConnect.assumedSessions();
		expect(keyId).toMatch(/^ASIA[A-Z2-9]{16}$/);
		for (const r of t.sim.requests.filter((/** @type {any} */ r) => r.mount === '/amazon-connect')) {
			expect(r.headers.authorization).toMatch(new RegExp(`^AWS4-HMAC-SHA256 Credential=${keyId}/\\d{8}/us-east-1/connect/aws4_request, SignedHeaders=accept;content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token, `));
			expect(r.headers['x-amz-security-token']).toEqual(expect.any(String));
		}

		// The session is kept with the credential: the next execution asks STS nothing.
		t.sim.clearRequests();
		const again = await h.runWorkflow({ nodes: [connectNode(GET_ALEX)] });
		expect(again.items('Connect')).toHaveLength(1);
		expect(stsCalls()).toEqual([]);
		expect(apiCalls(t.sim)).toEqual([userDataCall([C.users.alex])]);
	});

	test('a wrong External ID: AWS’s AccessDenied with its request ID, no connect call, the External ID in no output', async () => {
		const h = await roleHarness({ externalId: 'Wq3Zk8Vd2Np6' });
		const run = await h.runWorkflow({ nodes: [connectNode(GET_ALEX)] });
		const message = run.nodeError('Connect').message;
		expect(message).toMatch(
			/^Amazon Connect: AWS STS AssumeRole returned 403: AccessDenied: User: arn:aws:iam::123456789012:user\/n8n-sync is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::123456789012:role\/n8n-agent-presence \(request ID [0-9a-f-]{36}\)\. Check the Role ARN, the External ID and the role's trust policy\.$/,
		);
		expect(message).not.toContain('Wq3Zk8Vd2Np6');
		expect(stsCalls()).toEqual([{ method: 'POST', path: '/', body: assumeRoleForm({ ExternalId: 'Wq3Zk8Vd2Np6' }), status: 403 }]);
		expect(apiCalls(t.sim)).toEqual([]);
	});

	test('another role: AccessDenied naming that role', async () => {
		const other = 'arn:aws:iam::123456789012:role/someone-else';
		const h = await roleHarness({ roleArn: other });
		const run = await h.runWorkflow({ nodes: [connectNode(GET_ALEX)] });
		expect(run.nodeError('Connect').message).toContain(`AccessDenied: User: arn:aws:iam::123456789012:user/n8n-sync is not authorized to perform: sts:AssumeRole on resource: ${other} (request ID `);
	});

	test('a wrong secret: STS’s SignatureDoesNotMatch; an unknown key: InvalidClientTokenId', async () => {
		const wrongSecret = await (await roleHarness({ secretAccessKey: 'Zq7Xk2Vb9Nm4Lp1Hd6Fs3Jt8Yc5Rw0Qe2Ua4Io1K' })).runWorkflow({ nodes: [connectNode(GET_ALEX)] });
		expect(wrongSecret.nodeError('Connect').message).toMatch(/^Amazon Connect: AWS STS AssumeRole returned 403: SignatureDoesNotMatch: The request signature we calculated does not match/);
		const unknownKey = await (await roleHarness({ accessKeyId: 'AKIAZZZZQQQQ22223333' })).runWorkflow({ nodes: [connectNode(GET_ALEX)] });
		expect(unknownKey.nodeError('Connect').message).toMatch(/^Amazon Connect: AWS STS AssumeRole returned 403: InvalidClientTokenId: The security token included in the request is invalid\. \(request ID [0-9a-f-]{36}\)/);
	});

	test('a Role ARN that is no role ARN fails before any request', async () => {
		const run = await (await roleHarness({ roleArn: 'n8n-agent-presence' })).runWorkflow({ nodes: [connectNode(GET_ALEX)] });
		expect(run.nodeError('Connect').message).toBe('Amazon Connect: The Role ARN "n8n-agent-presence" is not an IAM role ARN (arn:aws:iam::<account ID>:role/<role name>)');
		expect(t.sim.requests).toEqual([]);
	});

	test('a session AWS calls expired early (ExpiredTokenException) is renewed once and the call sent again', async () => {
		const h = await roleHarness();
		await h.runWorkflow({ nodes: [connectNode(GET_ALEX)] });
		t.sim.amazonConnect.expireAssumedSessions();
		t.sim.clearRequests();
		const run = await h.runWorkflow({ nodes: [connectNode(GET_ALEX)] });
		expect(run.items('Connect')).toEqual([expect.objectContaining({ agentId: C.users.alex, presenceName: 'Available' })]);
		const expired = { ...userDataCall([C.users.alex]), status: 403 };
		expect(apiCalls(t.sim)).toEqual([expired, userDataCall([C.users.alex])]);
		expect(stsCalls()).toEqual([{ method: 'POST', path: '/', body: assumeRoleForm(), status: 200 }]);
		// The new session signs the retry and stays with the credential.
		const [, second] = t.sim.amazonConnect.assumedSessions();
		expect(t.sim.requests.at(-1).headers.authorization).toContain(`Credential=${second}/`);
		expect(JSON.parse(h.credentialsHelper.store[TYPE].assumedRoleSession).accessKeyId).toBe(second);
	});

	test('a session expiring within 5 minutes is renewed before the call, which goes out once', async () => {
		const h = await roleHarness();
		await h.runWorkflow({ nodes: [connectNode(GET_ALEX)] });
		const stored = JSON.parse(h.credentialsHelper.store[TYPE].assumedRoleSession);
		h.credentialsHelper.store[TYPE].assumedRoleSession = JSON.stringify({ ...stored, expiration: new Date(Date.now() + 60_000).toISOString() });
		t.sim.clearRequests();
		const run = await h.runWorkflow({ nodes: [connectNode(GET_ALEX)] });
		expect(run.items('Connect')).toHaveLength(1);
		expect(t.sim.requests.map((/** @type {any} */ r) => `${r.mount} ${r.status}`)).toEqual(['/amazon-sts 200', '/amazon-connect 200']);
		expect(Date.parse(JSON.parse(h.credentialsHelper.store[TYPE].assumedRoleSession).expiration)).toBeGreaterThan(Date.now() + 30 * 60_000);
	});

	test('a session issued for another role is not used: the role changed in the credential is assumed afresh', async () => {
		const h = await roleHarness();
		await h.runWorkflow({ nodes: [connectNode(GET_ALEX)] });
		h.credentialsHelper.store[TYPE].roleSessionName = 'n8n-second';
		t.sim.clearRequests();
		await h.runWorkflow({ nodes: [connectNode(GET_ALEX)] });
		expect(stsCalls()).toEqual([{ method: 'POST', path: '/', body: assumeRoleForm({ RoleSessionName: 'n8n-second' }), status: 200 }]);
	});

	test('the credential test assumes the role, then reads one agent status with the session', async () => {
		const h = await roleHarness();
		const creds = roleCredentials()[TYPE];
		expect(await h.testCredential(TYPE, creds)).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(t.sim.requests.map((/** @type {any} */ r) => `${r.mount} ${r.method} ${r.path}${r.search} ${r.status}`)).toEqual([
			'/amazon-sts POST / 200',
			`/amazon-connect GET /agent-status/${C.instanceId}?maxResults=1 200`,
		]);
		const refused = await h.testCredential(TYPE, { ...creds, externalId: 'Wq3Zk8Vd2Np6' });
		expect(refused.status).toBe('Error');
		expect(refused.message).toMatch(/AWS STS AssumeRole returned 403: AccessDenied/);
	});
});

describe('the Instance ARN’s Region', () => {
	const otherRegionArn = `arn:aws:connect:eu-west-2:123456789012:instance/${C.instanceId}`;

	test('an Instance ARN in another Region than the credential’s is refused before any request, saying which Region to choose', async () => {
		const h = await createHarness({ credentials: credentialsFor(t.sim, 'amazonConnect', { instance: otherRegionArn }) });
		const run = await h.runWorkflow({ nodes: [connectNode(GET_ALEX)] });
		expect(run.nodeError('Connect').message).toBe(
			"Amazon Connect: the Instance ARN is in the Region eu-west-2, but the credential's Region is us-east-1. Choose eu-west-2 as the Region, or give the ARN of the instance in us-east-1.",
		);
		expect(t.sim.requests).toEqual([]);
		const test = await h.testCredential(TYPE, credentialsFor(t.sim, 'amazonConnect', { instance: otherRegionArn })[TYPE]);
		expect(test.status).toBe('Error');
		expect(test.message).toContain('the Instance ARN is in the Region eu-west-2');
	});

	test('an instance ID (no Region in it) and an ARN of the credential’s Region pass', async () => {
		for (const instance of [C.instanceId, C.instanceArn]) {
			const h = await createHarness({ credentials: credentialsFor(t.sim, 'amazonConnect', { instance }) });
			const run = await h.runWorkflow({ nodes: [connectNode(GET_ALEX)] });
			expect(run.items('Connect')).toHaveLength(1);
		}
	});
});
