/**
 * AWS Signature Version 4 with node:crypto only (a verified community node may have no runtime
 * dependency). Follows "Create a signed AWS API request" (AWS IAM User Guide) as the AWS SDK for
 * JavaScript v3 (`@smithy/signature-v4`) applies it to REST-JSON services such as Amazon Connect:
 * every path segment URI-encoded once more, query parameters sorted and RFC 3986-encoded, the
 * payload's SHA-256 in the canonical request and, as the SDK's Connect client sends it, in the
 * signed X-Amz-Content-Sha256 header.
 */
import { createHash, createHmac } from 'node:crypto';

export interface AwsKeys {
	accessKeyId: string;
	secretAccessKey: string;
	/** Temporary credentials (STS) carry a session token, sent as X-Amz-Security-Token and signed. */
	sessionToken?: string;
}

export interface SigningInput {
	method: string;
	/** The whole URL, query string included, exactly as it will be sent. */
	url: string;
	headers: Record<string, string>;
	body: string;
	region: string;
	service: string;
	now: Date;
}

const sha256Hex = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/** RFC 3986 encoding: encodeURIComponent leaves !'()* alone, SigV4 does not. */
export const rfc3986 = (value: string) =>
	encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** `20260131T093000Z` and `20260131`. */
export function amzDate(now: Date): { dateTime: string; date: string } {
	const dateTime = now.toISOString().replace(/[:-]|\.\d{3}/g, '');
	return { dateTime, date: dateTime.slice(0, 8) };
}

/** The path as sent, each segment encoded once more (the SDK's `uriEscapePath`, on for all but S3). */
function canonicalPath(pathname: string): string {
	if (pathname === '' || pathname === '/') return '/';
	return pathname
		.split('/')
		.map((segment) => rfc3986(segment))
		.join('/');
}

function canonicalQuery(search: URLSearchParams): string {
	const pairs: Array<[string, string]> = [];
	for (const [key, value] of search) pairs.push([rfc3986(key), rfc3986(value)]);
	pairs.sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
	return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

/**
 * Adds X-Amz-Date, X-Amz-Security-Token (when given) and Authorization to `input.headers`,
 * signing host and every header given (lower-cased, sorted), and returns the headers.
 */
export function signRequest(keys: AwsKeys, input: SigningInput): Record<string, string> {
	const url = new URL(input.url);
	const { dateTime, date } = amzDate(input.now);
	const payloadHash = sha256Hex(input.body);
	const headers: Record<string, string> = {
		...input.headers,
		'X-Amz-Content-Sha256': payloadHash,
		'X-Amz-Date': dateTime,
	};
	if (keys.sessionToken) headers['X-Amz-Security-Token'] = keys.sessionToken;

	const signed: Record<string, string> = { host: url.host };
	for (const [name, value] of Object.entries(headers)) {
		signed[name.toLowerCase()] = String(value).trim().replace(/\s+/g, ' ');
	}
	const names = Object.keys(signed).sort();
	const signedHeaders = names.join(';');
	const canonicalRequest = [
		input.method.toUpperCase(),
		canonicalPath(url.pathname),
		canonicalQuery(url.searchParams),
		names.map((n) => `${n}:${signed[n]}\n`).join(''),
		signedHeaders,
		payloadHash,
	].join('\n');

	const scope = `${date}/${input.region}/${input.service}/aws4_request`;
	const stringToSign = ['AWS4-HMAC-SHA256', dateTime, scope, sha256Hex(canonicalRequest)].join('\n');
	const key = hmac(hmac(hmac(hmac(`AWS4${keys.secretAccessKey}`, date), input.region), input.service), 'aws4_request');
	const signature = createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
	headers.Authorization = `AWS4-HMAC-SHA256 Credential=${keys.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
	return headers;
}
