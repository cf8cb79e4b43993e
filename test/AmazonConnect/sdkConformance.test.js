// @ts-check
/**
 * Conformance with the AWS SDK for JavaScript v3 (`@aws-sdk/client-connect`):
 *  (a) every Amazon Connect call the package makes, issued through the SDK against the simulator
 *      (endpoint override, static keys): the simulator accepts exactly what the SDK signs, and its
 *      answers deserialise into the SDK's output shapes;
 *  (b) the simulator refuses what AWS refuses: a wrong secret, Region or service, a stale date,
 *      an expired session token — with the exception names the SDK surfaces;
 *  (c) the package's own signer signs a request exactly as the SDK's SignatureV4 does;
 *  (d) the credential's Region table gives the host the SDK resolves for each Region.
 * Where the SDK and the package disagree, the SDK is right.
 */
const connect = require('@aws-sdk/client-connect');
const { SignatureV4 } = require('@smithy/signature-v4');
const { HttpRequest } = require('@smithy/protocol-http');
const { Sha256 } = require('@aws-crypto/sha256-js');
const { IDS, useBareSimulator } = require('../helpers/vendors');
const { sdkClient } = require('./connect');
const { signConnectRequest } = require('../../dist/nodes/AmazonConnect/transport/signing');
const { CONNECT_REGIONS, connectHost } = require('../../dist/nodes/AmazonConnect/transport/endpoints');

const C = IDS.amazonConnect;
/** The simulator, reset before each test (which clears its request log). */
const t = useBareSimulator();

/** @param {Record<string, any>} [over] */
const client = (over = {}) => sdkClient(connect.ConnectClient, t.sim, t.sim.urls.amazonConnect, over);
const send = (/** @type {any} */ command, /** @type {any} */ c = client()) => c.send(command);
const strip = (/** @type {any} */ out) => {
	const { $metadata, ...rest } = out;
	return rest;
};

describe('(a) each call through the SDK, against the simulator', () => {
	test('GetCurrentUserData: Agents filter, paging with NextToken, timestamps as Dates', async () => {
		const first = await send(new connect.GetCurrentUserDataCommand({ InstanceId: C.instanceId, Filters: { RoutingProfiles: [C.profile.basic] }, MaxResults: 3 }));
		expect(first.UserDataList).toHaveLength(3);
		expect(first.NextToken).toEqual(expect.any(String));
		expect(first.UserDataList[0].Status.StatusStartTimestamp).toBeInstanceOf(Date);
		expect(first.UserDataList[0].User).toEqual({ Id: C.users.alex, Arn: C.userArn(C.users.alex) });
		const all = [];
		for await (const page of connect.paginateGetCurrentUserData({ client: client(), pageSize: 3 }, { InstanceId: C.instanceId, Filters: { RoutingProfiles: [C.profile.basic] } })) all.push(...page.UserDataList);
		expect(new Set(all.map((u) => u.User.Id)).size).toBe(all.length);
		expect(all.length).toBe(first.ApproximateTotalCount);
		const one = await send(new connect.GetCurrentUserDataCommand({ InstanceId: C.instanceId, Filters: { Agents: [C.userArn(C.users.blake)] } }));
		expect(one.UserDataList.map((u) => u.Status.StatusName)).toEqual(['Available']);
	});

	test('GetCurrentUserData: the filter rules come back as the SDK\'s exception classes', async () => {
		await expect(send(new connect.GetCurrentUserDataCommand({ InstanceId: C.instanceId, Filters: { Agents: [C.users.alex], Queues: [C.queue.basic] } }))).rejects.toBeInstanceOf(connect.InvalidRequestException);
		const tooMany = Array.from({ length: 101 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
		await expect(send(new connect.GetCurrentUserDataCommand({ InstanceId: C.instanceId, Filters: { Agents: tooMany } }))).rejects.toBeInstanceOf(connect.InvalidParameterException);
		await expect(send(new connect.GetCurrentUserDataCommand({ InstanceId: 'no-such-instance', Filters: { Agents: [C.users.alex] } }))).rejects.toBeInstanceOf(connect.ResourceNotFoundException);
	});

	test('PutUserStatus sets the status; on a contact it becomes NextStatus', async () => {
		await send(new connect.PutUserStatusCommand({ InstanceId: C.instanceId, UserId: C.users.alex, AgentStatusId: C.status.break }));
		t.sim.amazonConnect.startContact(C.users.blake);
		const out = await send(new connect.PutUserStatusCommand({ InstanceId: C.instanceId, UserId: C.users.blake, AgentStatusId: C.status.lunch }));
		expect(strip(out)).toEqual({});
		const data = await send(new connect.GetCurrentUserDataCommand({ InstanceId: C.instanceId, Filters: { Agents: [C.users.alex, C.users.blake] } }));
		const byId = Object.fromEntries(data.UserDataList.map((u) => [u.User.Id, u]));
		expect(byId[C.users.alex].Status.StatusName).toBe('Break');
		expect(byId[C.users.blake].Status.StatusName).toBe('Available');
		expect(byId[C.users.blake].NextStatus).toBe('Lunch');
		expect(byId[C.users.blake].Contacts[0]).toMatchObject({ Channel: 'VOICE', AgentContactState: 'CONNECTED', Queue: { Id: C.queue.basic } });
		await expect(send(new connect.PutUserStatusCommand({ InstanceId: C.instanceId, UserId: C.users.alex, AgentStatusId: '00000000-0000-4000-8000-000000000000' }))).rejects.toBeInstanceOf(connect.ResourceNotFoundException);
	});

	test('ListAgentStatuses (AgentStatusTypes repeated in the query), DescribeAgentStatus, CreateAgentStatus, UpdateAgentStatus', async () => {
		const listed = await send(new connect.ListAgentStatusesCommand({ InstanceId: C.instanceId, AgentStatusTypes: ['ROUTABLE', 'OFFLINE'] }));
		expect(listed.AgentStatusSummaryList.map((s) => s.Name)).toEqual(['Available', 'Offline']);
		expect(listed.AgentStatusSummaryList[0].LastModifiedTime).toBeInstanceOf(Date);
		const paged = [];
		for await (const page of connect.paginateListAgentStatuses({ client: client(), pageSize: 2 }, { InstanceId: C.instanceId })) paged.push(...page.AgentStatusSummaryList);
		expect(paged).toHaveLength(6);
		const created = await send(new connect.CreateAgentStatusCommand({ InstanceId: C.instanceId, Name: 'Coaching', State: 'ENABLED', Description: 'With a supervisor', DisplayOrder: 7 }));
		expect(created).toMatchObject({ AgentStatusId: expect.any(String), AgentStatusARN: expect.stringContaining('/agent-state/') });
		await send(new connect.UpdateAgentStatusCommand({ InstanceId: C.instanceId, AgentStatusId: created.AgentStatusId, Description: 'One to one' }));
		const described = await send(new connect.DescribeAgentStatusCommand({ InstanceId: C.instanceId, AgentStatusId: created.AgentStatusId }));
		expect(described.AgentStatus).toMatchObject({ Name: 'Coaching', Type: 'CUSTOM', State: 'ENABLED', Description: 'One to one', DisplayOrder: 7 });
		expect(described.AgentStatus.LastModifiedTime).toBeInstanceOf(Date);
		await expect(send(new connect.CreateAgentStatusCommand({ InstanceId: C.instanceId, Name: 'Break', State: 'ENABLED' }))).rejects.toBeInstanceOf(connect.DuplicateResourceException);
	});

	test('DescribeUser, ListUsers (paged), SearchUsers by username', async () => {
		const user = await send(new connect.DescribeUserCommand({ InstanceId: C.instanceId, UserId: C.users.alex }));
		expect(user.User).toMatchObject({ Id: C.users.alex, Username: 'alex.agent@contoso.com', IdentityInfo: { FirstName: 'Alex', LastName: 'Agent', Email: 'alex.agent@contoso.com' } });
		const all = [];
		for await (const page of connect.paginateListUsers({ client: client(), pageSize: 7 }, { InstanceId: C.instanceId })) all.push(...page.UserSummaryList);
		expect(all).toHaveLength(C.userCount);
		const found = await send(new connect.SearchUsersCommand({ InstanceId: C.instanceId, SearchCriteria: { StringCondition: { FieldName: 'Username', Value: 'alex.agent@contoso.com', ComparisonType: 'EXACT' } } }));
		expect(found.Users.map((u) => u.Id)).toEqual([C.users.alex]);
		await expect(send(new connect.DescribeUserCommand({ InstanceId: C.instanceId, UserId: '00000000-0000-4000-8000-000000000000' }))).rejects.toBeInstanceOf(connect.ResourceNotFoundException);
	});

	test('throttling: a 429 storm surfaces as ThrottlingException with its request ID', async () => {
		t.sim.inject({ vendor: 'amazonConnect', status: 429, times: 1 });
		const error = await send(new connect.ListAgentStatusesCommand({ InstanceId: C.instanceId })).catch((e) => e);
		expect(error).toBeInstanceOf(connect.ThrottlingException);
		expect(error.message).toBe('Rate exceeded');
		expect(error.$metadata.requestId).toEqual(expect.any(String));
	});
});

describe('(b) what the simulator refuses, as AWS does', () => {
	const refused = async (/** @type {any} */ c) => await send(new connect.ListAgentStatusesCommand({ InstanceId: C.instanceId }), c).catch((e) => e);

	test('a wrong secret', async () => {
		const e = await refused(client({ credentials: { accessKeyId: t.sim.clients.amazonConnect.accessKeyId, secretAccessKey: 'Wr0ngSecretXq7Zk2Vb9Nm4Lp1Hd6Fs3Jt8Yc5Rw0' } }));
		expect([e.name, e.$metadata.httpStatusCode]).toEqual(['InvalidSignatureException', 403]);
		expect(e.message).toMatch(/^The request signature we calculated does not match/);
	});
	test('a Region or service the credential scope does not name', async () => {
		const wrongRegion = await refused(client({ region: 'eu-west-2' }));
		expect([wrongRegion.name, wrongRegion.message]).toEqual(['InvalidSignatureException', 'Credential should be scoped to a valid region. ']);
		const wrongService = await refused(client({ signingName: 'execute-api' }));
		expect(wrongService.name).toBe('InvalidSignatureException');
		expect(wrongService.message).toBe("Credential should be scoped to correct service: 'connect'. ");
	});
	test('an unknown access key, and a date outside the 5-minute window', async () => {
		const unknown = await refused(client({ credentials: { accessKeyId: 'AKIAXQ7ZK2VB9NM4LP1H', secretAccessKey: 'x' } }));
		expect(unknown.name).toBe('UnrecognizedClientException');
		t.sim.amazonConnect.skewClock(6 * 60 * 1000);
		const stale = await refused(client({ systemClockOffset: 0 }));
		expect(stale.name).toBe('InvalidSignatureException');
		expect(stale.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than/);
	});
	test('temporary keys: the session token is required, and refused once expired', async () => {
		const k = t.sim.clients.amazonConnect;
		const temp = { accessKeyId: k.tempAccessKeyId, secretAccessKey: k.tempSecretAccessKey, sessionToken: k.sessionToken };
		await expect(send(new connect.ListAgentStatusesCommand({ InstanceId: C.instanceId }), client({ credentials: temp }))).resolves.toBeDefined();
		const without = await refused(client({ credentials: { ...temp, sessionToken: undefined } }));
		expect(without.name).toBe('UnrecognizedClientException');
		t.sim.amazonConnect.expireSessionToken();
		const expired = await refused(client({ credentials: temp }));
		expect([expired.name, expired.$metadata.httpStatusCode]).toEqual(['ExpiredTokenException', 403]);
	});
});

describe("(c) the package's signer signs as the SDK's SignatureV4", () => {
	const keys = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY', sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLETOKEN' };
	const now = new Date('2026-01-31T09:30:00.000Z');
	const sdkSigner = new SignatureV4({ service: 'connect', region: 'eu-west-2', credentials: keys, sha256: Sha256 });

	test.each([
		['GET with a repeated query parameter', 'GET', '/agent-status/inst-1', { maxResults: 2, AgentStatusTypes: ['ROUTABLE', 'CUSTOM'], nextToken: 'a+b/c=' }, undefined],
		['POST with a JSON body', 'POST', '/metrics/userdata/inst-1', undefined, { Filters: { Agents: ['u-1', 'u-2'] }, MaxResults: 100 }],
		['PUT to a path with an ARN segment', 'PUT', `/users/${encodeURIComponent('arn:aws:connect:eu-west-2:1:instance/i')}/u-1/status`, undefined, { AgentStatusId: 's-1' }],
	])('%s', async (_label, method, path, qs, body) => {
		const ours = signConnectRequest(
			{ ...keys, region: 'eu-west-2' },
			{ method, url: path, baseURL: 'https://connect.eu-west-2.amazonaws.com', qs, body, headers: { Accept: 'application/json' }, json: true },
			now,
		);
		const url = new URL(ours.url);
		/** @type {Record<string, string>} */
		const query = {};
		for (const [k, v] of url.searchParams) query[k] = k in query ? [].concat(query[k], v) : v;
		const headers = { host: url.host, accept: 'application/json' };
		if (body) headers['content-type'] = 'application/json';
		const request = new HttpRequest({ method, protocol: 'https:', hostname: url.hostname, path: url.pathname, query, headers, body: ours.body });
		const signed = await sdkSigner.sign(request, { signingDate: now });
		expect(ours.headers.Authorization).toBe(signed.headers.authorization);
		expect(ours.headers['X-Amz-Date']).toBe(signed.headers['x-amz-date']);
		expect(ours.headers['X-Amz-Security-Token']).toBe(signed.headers['x-amz-security-token']);
	});
});

describe("(d) the Region table against the SDK's endpoint resolution", () => {
	test.each(CONNECT_REGIONS.map((r) => r.value))('%s', async (region) => {
		const c = new connect.ConnectClient({ region, credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
		const endpoint = await c.config.endpointProvider({ Region: region, UseFIPS: false, UseDualStack: false });
		expect(endpoint.url.host).toBe(connectHost(region));
	});
});
