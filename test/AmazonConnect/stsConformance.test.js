// @ts-check
/**
 * Assume Role against the AWS SDK for JavaScript v3 (`@aws-sdk/client-sts`):
 *  (a) the SDK's AssumeRole against the simulated STS: accepted as the SDK signs it, the answer
 *      deserialised into the SDK's output, its temporary keys accepted by the simulated Amazon
 *      Connect through the SDK's Connect client; refusals surface as the SDK's error codes;
 *  (b) the credential's AssumeRole request is the SDK's: the same form, content type and, signed
 *      at the same instant, the same Authorization as the SDK's SignatureV4 for `sts`;
 *  (c) every Region of the credential's table reaches the STS host the SDK resolves for it.
 * Where the SDK and the package disagree, the SDK is right.
 */
const sts = require('@aws-sdk/client-sts');
const connect = require('@aws-sdk/client-connect');
const { SignatureV4 } = require('@smithy/signature-v4');
const { HttpRequest } = require('@smithy/protocol-http');
const { Sha256 } = require('@aws-crypto/sha256-js');
const { IDS, useBareSimulator } = require('../helpers/vendors');
const { sdkClient } = require('./connect');
const { assumeRoleRequest, stsEndpoint } = require('../../dist/nodes/AmazonConnect/transport/sts');
const { CONNECT_REGIONS } = require('../../dist/nodes/AmazonConnect/transport/endpoints');

const C = IDS.amazonConnect;
/** The simulator, reset before each test (which clears its request log). */
const t = useBareSimulator();

/** @param {Record<string, any>} [over] */
const stsClient = (over = {}) => sdkClient(sts.STSClient, t.sim, t.sim.urls.amazonSts, over);
const assumeRoleInput = (/** @type {Record<string, any>} */ over = {}) => ({
	RoleArn: t.sim.clients.amazonConnect.roleArn,
	RoleSessionName: 'n8n-agent-presence',
	DurationSeconds: 3600,
	ExternalId: t.sim.clients.amazonConnect.externalId,
	...over,
});

describe('(a) the SDK’s AssumeRole against the simulator', () => {
	test('temporary keys with an Expiration (a Date) an hour away, which the SDK’s Connect client then signs with', async () => {
		const out = await stsClient().send(new sts.AssumeRoleCommand(assumeRoleInput()));
		expect(out.Credentials).toEqual({ AccessKeyId: expect.stringMatching(/^ASIA/), SecretAccessKey: expect.any(String), SessionToken: expect.any(String), Expiration: expect.any(Date) });
		expect(Math.abs(out.Credentials.Expiration.getTime() - (Date.now() + 3600_000))).toBeLessThan(5000);
		expect(out.AssumedRoleUser?.Arn).toBe('arn:aws:sts::123456789012:assumed-role/n8n-agent-presence/n8n-agent-presence');
		expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
		const c = new connect.ConnectClient({
			region: C.region,
			endpoint: t.sim.urls.amazonConnect,
			credentials: { accessKeyId: out.Credentials.AccessKeyId, secretAccessKey: out.Credentials.SecretAccessKey, sessionToken: out.Credentials.SessionToken },
			maxAttempts: 1,
		});
		const statuses = await c.send(new connect.ListAgentStatusesCommand({ InstanceId: C.instanceId, MaxResults: 1 }));
		expect(statuses.AgentStatusSummaryList).toHaveLength(1);
	});

	test.each([
		['a wrong External ID', 'AccessDenied', {}, { ExternalId: 'Wq3Zk8Vd2Np6' }],
		['another role', 'AccessDenied', {}, { RoleArn: 'arn:aws:iam::123456789012:role/someone-else' }],
		['a wrong secret', 'SignatureDoesNotMatch', { credentials: { accessKeyId: 'AKIASIMCNCT7Q4XZ2W9K', secretAccessKey: 'Zq7Xk2Vb9Nm4Lp1Hd6Fs3Jt8Yc5Rw0Qe2Ua4Io1K' } }, {}],
		['an unknown key', 'InvalidClientTokenId', { credentials: { accessKeyId: 'AKIAZZZZQQQQ22223333', secretAccessKey: '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' } }, {}],
		['a duration past the role’s maximum', 'ValidationError', {}, { DurationSeconds: 43200 }],
	])('%s: the SDK reads STS’s error XML as %s', async (_label, code, clientOver, inputOver) => {
		const error = await stsClient(clientOver).send(new sts.AssumeRoleCommand(assumeRoleInput(inputOver))).catch((/** @type {any} */ e) => e);
		expect(error.name).toBe(code);
		expect(error.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
	});
});

describe('(b) the credential’s AssumeRole request against the SDK’s', () => {
	test('the same form and content type, as the simulator received them from both', async () => {
		await stsClient().send(new sts.AssumeRoleCommand(assumeRoleInput()));
		const k = t.sim.clients.amazonConnect;
		const ours = assumeRoleRequest(
			{ region: C.region, accessKeyId: k.accessKeyId, secretAccessKey: k.secretAccessKey, roleArn: k.roleArn, externalId: k.externalId, overrideEndpoints: true, stsBaseUrl: t.sim.urls.amazonSts },
			new Date(),
		);
		const res = await fetch(ours.url, { method: 'POST', headers: /** @type {any} */ (ours.headers), body: /** @type {string} */ (ours.body) });
		expect(res.status).toBe(200);
		const [sdk, own] = t.sim.requests;
		expect(own.body).toEqual(sdk.body);
		expect(own.headers['content-type']).toBe(sdk.headers['content-type']);
	});

	test('signed at the same instant, the same Authorization as the SDK’s SignatureV4 for sts', async () => {
		const keys = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY' };
		const now = new Date('2026-01-31T09:30:00.000Z');
		const ours = assumeRoleRequest({ ...keys, region: 'us-gov-west-1', roleArn: 'arn:aws-us-gov:iam::123456789012:role/r', externalId: 'ext-1', durationSeconds: 900 }, now);
		const url = new URL(ours.url);
		expect(url.host).toBe('sts.us-gov-west-1.amazonaws.com');
		const request = new HttpRequest({
			method: 'POST',
			protocol: 'https:',
			hostname: url.hostname,
			path: url.pathname,
			headers: { host: url.host, 'content-type': /** @type {any} */ (ours.headers)['Content-Type'] },
			body: ours.body,
		});
		const signer = new SignatureV4({ service: 'sts', region: 'us-gov-west-1', credentials: keys, sha256: Sha256, applyChecksum: true });
		const signed = await signer.sign(request, { signingDate: now });
		expect(/** @type {any} */ (ours.headers).Authorization).toBe(signed.headers.authorization);
	});
});

describe('(c) the STS endpoint of each Region against the SDK’s endpoint resolution', () => {
	test.each(CONNECT_REGIONS.map((/** @type {any} */ r) => r.value))('%s', async (region) => {
		const c = new sts.STSClient({ region, credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
		const endpoint = await c.config.endpointProvider({ Region: region, UseFIPS: false, UseDualStack: false, UseGlobalEndpoint: false });
		expect(new URL(stsEndpoint({ region })).host).toBe(endpoint.url.host);
	});
});
