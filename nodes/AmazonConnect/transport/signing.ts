/**
 * Turns an n8n request into the one Amazon Connect receives, signed: the query string goes into
 * the URL and the body becomes the JSON text, so what is signed is byte for byte what is sent
 * (n8n's HTTP client would otherwise serialize both after signing, its own way).
 */
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { UserError } from 'n8n-workflow';

import { CONNECT_SERVICE, checkInstanceRegion } from './endpoints';
import type { AwsKeys } from './sigv4';
import { rfc3986, signRequest } from './sigv4';
import { assumesRole, storedSession } from './sts';

function queryString(qs: IDataObject | undefined): string {
	const parts: string[] = [];
	for (const [key, value] of Object.entries(qs ?? {})) {
		if (value === undefined || value === null) continue;
		// A list (AgentStatusTypes) is the same parameter repeated, as the AWS SDK sends it.
		for (const v of Array.isArray(value) ? value : [value]) parts.push(`${rfc3986(key)}=${rfc3986(String(v))}`);
	}
	return parts.join('&');
}

/** The keys `connect` requests are signed with: the credential's own, or the assumed role's temporary ones. */
function signingKeys(credentials: ICredentialDataDecryptedObject): AwsKeys {
	if (!assumesRole(credentials)) {
		return {
			accessKeyId: String(credentials.accessKeyId ?? '').trim(),
			secretAccessKey: String(credentials.secretAccessKey ?? ''),
			sessionToken: String(credentials.sessionToken ?? '').trim() || undefined,
		};
	}
	const session = storedSession(credentials);
	// preAuthentication fills the session before any request; without one nothing may go out unsigned.
	if (!session)
		throw new UserError(
			'Amazon Connect: no assumed-role session for this credential yet; run the credential test or the node again',
		);
	return {
		accessKeyId: session.accessKeyId,
		secretAccessKey: session.secretAccessKey,
		sessionToken: session.sessionToken,
	};
}

export function signConnectRequest(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
	now: Date,
): IHttpRequestOptions {
	checkInstanceRegion(credentials);
	const base = requestOptions.baseURL ? String(requestOptions.baseURL).replace(/\/+$/, '') : '';
	const query = queryString(requestOptions.qs);
	const url = `${base}${requestOptions.url}${query ? (requestOptions.url.includes('?') ? '&' : '?') + query : ''}`;
	const method = (requestOptions.method ?? 'GET').toUpperCase();
	const body =
		requestOptions.body === undefined || requestOptions.body === null
			? ''
			: typeof requestOptions.body === 'string'
				? requestOptions.body
				: JSON.stringify(requestOptions.body);
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(requestOptions.headers ?? {})) {
		// n8n's client adds its own User-Agent and Content-Length later; neither may be signed.
		if (!['user-agent', 'content-length', 'authorization'].includes(name.toLowerCase())) headers[name] = String(value);
	}
	if (body !== '' && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
		headers['Content-Type'] = 'application/json';
	}
	const signed = signRequest(signingKeys(credentials), {
		method,
		url,
		headers,
		body,
		region: String(credentials.region ?? 'us-east-1'),
		service: CONNECT_SERVICE,
		now,
	});
	const out: IHttpRequestOptions = { ...requestOptions, url, headers: signed, method: requestOptions.method };
	delete out.baseURL;
	delete out.qs;
	if (body === '') delete out.body;
	else out.body = body;
	return out;
}
