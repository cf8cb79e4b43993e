/**
 * The OAuth2 client-credentials token request all three credentials make in `preAuthentication`.
 * n8n calls that hook when the hidden expirable `accessToken` is empty, and again once when a
 * vendor answers 401 — so the token is cached on the credential (shared by every worker in queue
 * mode) until it really expires at the vendor.
 */
import type { IDataObject, IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';
import { UserError, sleep } from 'n8n-workflow';

import { redactSecrets } from './redact';
import { DEFAULT_RETRY_POLICY, retryAfterMs } from './retry';

export interface TokenRequest {
	vendorName: string;
	url: string;
	form: Record<string, string>;
	/** Genesys sends the client ID and secret as HTTP Basic auth instead of in the form. */
	basicAuth?: { username: string; password: string };
	/** Values that must never appear in an error message. */
	secrets: string[];
	/** What the token was requested for, named in errors (Vonage: `requested scope "users:write"`). */
	purpose?: string;
}

/** A refused token request; `oauthError` is the vendor's OAuth2 `error` code when it gave one. */
export class TokenRequestError extends UserError {
	constructor(
		message: string,
		readonly oauthError?: string,
	) {
		super(message);
	}
}

interface FullResponse {
	statusCode: number;
	headers?: Record<string, string>;
	body: unknown;
}

/**
 * Token endpoints rate-limit too (Azure AD, Genesys login): a 429 is waited out like an API 429,
 * within the same bounds, instead of failing every item that needed the token.
 */
const TOKEN_ATTEMPTS = 3;

/** Vendors answer token errors in OAuth2's `error`/`error_description` shape (Genesys adds `description`). */
function vendorReason(body: unknown): string {
	if (typeof body === 'string') return body.slice(0, 300);
	if (!body || typeof body !== 'object') return '';
	const b = body as IDataObject;
	const parts = [b.error, b.error_description ?? b.description ?? b.message].filter(
		(p): p is string => typeof p === 'string' && p !== '',
	);
	return parts.join(': ');
}

export async function requestClientCredentialsToken(
	helper: IHttpRequestHelper,
	request: TokenRequest,
): Promise<{ accessToken: string; expiresIn?: number }> {
	const options: IHttpRequestOptions = {
		method: 'POST',
		url: request.url,
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
		body: new URLSearchParams(request.form).toString(),
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	if (request.basicAuth) options.auth = request.basicAuth;

	let response: FullResponse | undefined;
	let networkFailure = '';
	let waited = 0;
	for (let attempt = 1; ; attempt++) {
		try {
			response = (await helper.helpers.httpRequest(options)) as FullResponse;
		} catch (error) {
			networkFailure = String((error as Error).message ?? error);
		}
		if (response?.statusCode !== 429 || attempt >= TOKEN_ATTEMPTS) break;
		const delay = retryAfterMs(response.headers ?? {}, DEFAULT_RETRY_POLICY.defaultRetryAfterMs);
		if (waited + delay > DEFAULT_RETRY_POLICY.maxTotalWaitMs) break;
		waited += delay;
		await sleep(delay);
	}
	if (response === undefined) {
		// Network failures (DNS, refused, TLS): say where we tried to go, never what we sent.
		const reason = redactSecrets(networkFailure, request.secrets);
		const purpose = request.purpose ? ` (${request.purpose})` : '';
		throw new UserError(`${request.vendorName}: token request to ${request.url} failed: ${reason}${purpose}`);
	}

	const body = typeof response.body === 'string' ? safeJson(response.body) : response.body;
	const token = (body as IDataObject | undefined)?.access_token;
	if (response.statusCode >= 200 && response.statusCode < 300 && typeof token === 'string' && token) {
		const expiresIn = Number((body as IDataObject).expires_in);
		return { accessToken: token, expiresIn: Number.isFinite(expiresIn) ? expiresIn : undefined };
	}
	const reason = redactSecrets(vendorReason(body) || 'no access_token in the answer', request.secrets);
	const purpose = request.purpose ? ` (${request.purpose})` : '';
	const oauthError = (body as IDataObject | undefined)?.error;
	throw new TokenRequestError(
		`${request.vendorName}: token request failed (HTTP ${response.statusCode}): ${reason}${purpose}`,
		typeof oauthError === 'string' ? oauthError : undefined,
	);
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		// Not JSON: keep the text, it is reported (truncated, redacted) as the vendor's reason.
		return text;
	}
}
