/**
 * Assume-role for the amazonConnectApi credential: AWS STS `AssumeRole` (Query API, "AWS Security
 * Token Service API Reference"): `POST /` to the regional endpoint `sts.<region>.amazonaws.com`
 * (GovCloud (US-West) too), a form body `Action=AssumeRole&Version=2011-06-15&RoleArn=…
 * &RoleSessionName=…&DurationSeconds=…[&ExternalId=…]` signed SigV4 for the service `sts` with the
 * credential's own keys, answered with XML `AssumeRoleResult/Credentials/{AccessKeyId,
 * SecretAccessKey,SessionToken,Expiration}` or an `ErrorResponse/Error/{Code,Message}` with a
 * `RequestId`. The temporary keys are kept in the credential's hidden expirable field and sign
 * the `connect` requests until shortly before they expire.
 */
import { createHash } from 'node:crypto';

import type {
	ICredentialDataDecryptedObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
} from 'n8n-workflow';
import { UserError } from 'n8n-workflow';

import { redactSecrets } from '../../shared/redact';
import { rfc3986, signRequest } from './sigv4';

export const STS_SERVICE = 'sts';
export const STS_VERSION = '2011-06-15';

/** The hidden expirable field the session is kept in (n8n runs preAuthentication while it is empty). */
export const SESSION_FIELD = 'assumedRoleSession';

/**
 * Temporary keys are replaced this long before their Expiration: what the AWS SDK's credential
 * providers allow (`@smithy/property-provider` memoize, 5 minutes), so a request signed now does
 * not arrive expired.
 */
export const REFRESH_BEFORE_MS = 5 * 60 * 1000;

/** DurationSeconds: 900 (15 minutes) up to the role's maximum session duration, at most 43200 (12 hours). */
export const DURATION_LIMITS = { min: 900, max: 43200, default: 3600 };

export interface AssumedRoleSession {
	accessKeyId: string;
	secretAccessKey: string;
	sessionToken: string;
	/** ISO 8601, as STS gives it. */
	expiration: string;
	/** Which settings it was issued for: another role, external ID, key or Region asks STS again. */
	issuedFor: string;
}

const text = (value: unknown) => String(value ?? '').trim();

export const assumesRole = (credentials: ICredentialDataDecryptedObject) =>
	credentials.assumeRole === true;

/** `https://sts.<region>.amazonaws.com`, or the credential's STS override (a VPC endpoint, a proxy, the simulator). */
export function stsEndpoint(credentials: ICredentialDataDecryptedObject): string {
	const override = text(credentials.stsBaseUrl);
	if (credentials.overrideEndpoints === true && override !== '')
		return override.replace(/\/+$/, '');
	return `https://sts.${text(credentials.region) || 'us-east-1'}.amazonaws.com`;
}

/** A fingerprint of what the session depends on (the External ID only hashed, as it is kept beside it). */
export function sessionFingerprint(credentials: ICredentialDataDecryptedObject): string {
	const parts = [
		credentials.region,
		credentials.accessKeyId,
		credentials.roleArn,
		credentials.externalId,
		credentials.roleSessionName,
	];
	return createHash('sha256').update(parts.map(text).join('\n'), 'utf8').digest('hex');
}

/** The AssumeRole parameters, checked as the API Reference constrains them, so a typo fails here and plainly. */
export function assumeRoleParameters(
	credentials: ICredentialDataDecryptedObject,
): Record<string, string> {
	const roleArn = text(credentials.roleArn);
	if (!/^arn:aws(-us-gov)?:iam::\d{12}:role\/.+$/.test(roleArn)) {
		throw new UserError(
			`The Role ARN "${roleArn}" is not an IAM role ARN (arn:aws:iam::<account ID>:role/<role name>)`,
		);
	}
	const sessionName = text(credentials.roleSessionName) || 'n8n-agent-presence';
	if (!/^[\w+=,.@-]{2,64}$/.test(sessionName)) {
		throw new UserError(
			'The Role Session Name must be 2–64 characters: letters, digits and _+=,.@-',
		);
	}
	const duration = Number(credentials.durationSeconds ?? DURATION_LIMITS.default);
	if (
		!Number.isInteger(duration) ||
		duration < DURATION_LIMITS.min ||
		duration > DURATION_LIMITS.max
	) {
		throw new UserError(
			`The Session Duration must be a whole number of seconds from ${DURATION_LIMITS.min} to ${DURATION_LIMITS.max}`,
		);
	}
	const externalId = text(credentials.externalId);
	// Not echoed: it is not secret (IAM User Guide) but it is not for other readers of the error either.
	if (externalId !== '' && !/^[\w+=,.@:/-]{2,1224}$/.test(externalId)) {
		throw new UserError('The External ID must be 2–1224 characters: letters, digits and _+=,.@:/-');
	}
	return {
		Action: 'AssumeRole',
		Version: STS_VERSION,
		RoleArn: roleArn,
		RoleSessionName: sessionName,
		DurationSeconds: String(duration),
		...(externalId !== '' && { ExternalId: externalId }),
	};
}

/** STS answers in well under a second; a silent endpoint must fail the items plainly, not after the API timeout. */
const STS_TIMEOUT_MS = 10_000;

/** The AssumeRole request, signed for `sts` with the credential's own keys. */
export function assumeRoleRequest(
	credentials: ICredentialDataDecryptedObject,
	now: Date,
): IHttpRequestOptions {
	const url = `${stsEndpoint(credentials)}/`;
	const body = Object.entries(assumeRoleParameters(credentials))
		.map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
		.join('&');
	const headers = signRequest(
		{
			accessKeyId: text(credentials.accessKeyId),
			secretAccessKey: String(credentials.secretAccessKey ?? ''),
			sessionToken: text(credentials.sessionToken) || undefined,
		},
		{
			method: 'POST',
			url,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body,
			region: text(credentials.region) || 'us-east-1',
			service: STS_SERVICE,
			now,
		},
	);
	return {
		method: 'POST',
		url,
		headers,
		body,
		encoding: 'text',
		json: false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: STS_TIMEOUT_MS,
	};
}

/** The text of the first `<name>` element (STS's XML has no attributes or CDATA in these members). */
function element(xml: string, name: string): string | undefined {
	const match = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml);
	if (!match) return undefined;
	return match[1]
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&');
}

/**
 * The session from AssumeRole's answer; any other answer becomes an error naming AWS STS, the
 * status, AWS's error code, message and request ID (never the keys sent).
 */
interface StsResponse {
	statusCode: number;
	body: unknown;
	headers?: Record<string, unknown>;
}

export function readAssumeRoleResponse(
	credentials: ICredentialDataDecryptedObject,
	response: StsResponse,
	secrets: string[],
): AssumedRoleSession {
	const xml = typeof response.body === 'string' ? response.body : '';
	if (response.statusCode === 200) {
		const result = element(xml, 'AssumeRoleResult') ?? '';
		const creds = element(result, 'Credentials') ?? '';
		const session = {
			accessKeyId: element(creds, 'AccessKeyId') ?? '',
			secretAccessKey: element(creds, 'SecretAccessKey') ?? '',
			sessionToken: element(creds, 'SessionToken') ?? '',
			expiration: element(creds, 'Expiration') ?? '',
			issuedFor: sessionFingerprint(credentials),
		};
		if (
			session.accessKeyId &&
			session.secretAccessKey &&
			session.sessionToken &&
			Number.isFinite(Date.parse(session.expiration))
		)
			return session;
		throw new UserError('AWS STS AssumeRole answered 200 without AssumeRoleResult/Credentials');
	}
	const code = element(xml, 'Code');
	const message = element(xml, 'Message');
	const requestId =
		element(xml, 'RequestId') ?? (response.headers?.['x-amzn-requestid'] as string | undefined);
	const detail = redactSecrets([code, message].filter(Boolean).join(': '), secrets) || `HTTP ${response.statusCode}`;
	// AccessDenied is the one answer for a wrong role, a wrong External ID and a trust policy that does not trust the keys.
	const hint = code === 'AccessDenied' ? ". Check the Role ARN, the External ID and the role's trust policy." : '';
	throw new UserError(
		`AWS STS AssumeRole returned ${response.statusCode}: ${detail}${requestId ? ` (request ID ${requestId})` : ''}${hint}`,
	);
}

/** The stored session, or null when there is none, it is unreadable or it belongs to other settings. */
export function storedSession(
	credentials: ICredentialDataDecryptedObject,
): AssumedRoleSession | null {
	const stored =
		typeof credentials[SESSION_FIELD] === 'string' ? (credentials[SESSION_FIELD] as string) : '';
	if (stored === '') return null;
	try {
		const session = JSON.parse(stored) as AssumedRoleSession;
		return session.issuedFor === sessionFingerprint(credentials) ? session : null;
	} catch {
		return null;
	}
}

/** Whether the stored session can still sign a request sent at `now` (ms). */
export function sessionIsFresh(credentials: ICredentialDataDecryptedObject, now: number): boolean {
	const session = storedSession(credentials);
	return session !== null && Date.parse(session.expiration) - REFRESH_BEFORE_MS > now;
}

/** The credential's preAuthentication: a new session from STS, as the hidden field keeps it. */
export async function assumeRole(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	now: Date,
): Promise<string> {
	const request = assumeRoleRequest(credentials, now);
	const secrets = [
		String(credentials.secretAccessKey ?? ''),
		text(credentials.sessionToken),
		text(credentials.externalId),
	];
	const response = (await helper.helpers.httpRequest(request).catch((error: unknown) => {
		// No answer (DNS, refused, TLS, timeout): say where we tried to go, never what we sent.
		throw new UserError(
			`AWS STS: the AssumeRole request to ${request.url} failed: ${redactSecrets(String((error as Error)?.message ?? error), secrets)}`,
		);
	})) as StsResponse;
	return JSON.stringify(readAssumeRoleResponse(credentials, response, secrets));
}
