/**
 * The OAuth2 client-credentials token request all three credentials make in `preAuthentication`.
 * n8n calls that hook when the hidden expirable `accessToken` is empty, and again once when a
 * vendor answers 401 — so the token is cached on the credential (shared by every worker in queue
 * mode) until it really expires at the vendor.
 */
import type { IDataObject, IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';
import { UserError } from 'n8n-workflow';

import { redactSecrets } from './redact';
import type { RetryPolicy } from './retry';
import { DEFAULT_RETRY_POLICY, withRetry } from './retry';

export interface TokenRequest {
	vendorName: string;
	url: string;
	form: Record<string, string>;
	/** For a vendor that takes the client ID and secret as HTTP Basic auth instead of in the form. */
	basicAuth?: { username: string; password: string };
	/** Values that must never appear in an error message. */
	secrets: string[];
	/** What the token was requested for, named in errors (e.g. `requested scope "users:write"`). */
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
 * How long a token request may wait for the token endpoint. Identity providers answer in well
 * under a second; a silent one must fail the items that need the token with a clear reason, not
 * hold them for the package's 30 s API timeout on top of the API call's own.
 */
const TOKEN_TIMEOUT_MS = 10_000;

/**
 * Token endpoints rate-limit too (identity providers, vendors' login hosts): a 429 is waited out like an API 429
 * (withRetry, its Retry-After and total-wait bounds), in fewer attempts. Anything else is final: the
 * request is a POST, and a wrong secret or a dead host does not get better by asking again.
 */
const TOKEN_RETRY_POLICY: RetryPolicy = { ...DEFAULT_RETRY_POLICY, maxAttempts: 3 };

/** The token endpoint's 429, thrown so withRetry reads its status and Retry-After. */
class RateLimited extends Error {
	readonly response: { status: number; headers: Record<string, string>; body: unknown };

	constructor(readonly answer: FullResponse) {
		super('HTTP 429');
		this.response = { status: answer.statusCode, headers: answer.headers ?? {}, body: answer.body };
	}
}

/** Vendors answer token errors in OAuth2's `error`/`error_description` shape (some add `description`). */
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
		timeout: TOKEN_TIMEOUT_MS,
	};
	if (request.basicAuth) options.auth = request.basicAuth;

	const purpose = request.purpose ? ` (${request.purpose})` : '';
	const response = await withRetry(
		'POST',
		async () => {
			const answer = (await helper.helpers.httpRequest(options)) as FullResponse;
			if (answer.statusCode === 429) throw new RateLimited(answer);
			return answer;
		},
		TOKEN_RETRY_POLICY,
		false,
	).catch((error: unknown) => {
		// Still 429 after the retries: reported below like any refused token request.
		if (error instanceof RateLimited) return error.answer;
		// No answer (DNS, refused, TLS, timeout): say where we tried to go, never what we sent.
		const reason = isTimeout(error)
			? `timed out (no answer within ${TOKEN_TIMEOUT_MS} ms)`
			: `failed: ${redactSecrets(String((error as Error)?.message ?? error), request.secrets)}`;
		throw new UserError(`${request.vendorName}: token request to ${request.url} ${reason}${purpose}`);
	});

	const body = typeof response.body === 'string' ? safeJson(response.body) : response.body;
	const token = (body as IDataObject | undefined)?.access_token;
	if (response.statusCode >= 200 && response.statusCode < 300 && typeof token === 'string' && token) {
		const expiresIn = Number((body as IDataObject).expires_in);
		return { accessToken: token, expiresIn: Number.isFinite(expiresIn) ? expiresIn : undefined };
	}
	const reason = redactSecrets(vendorReason(body) || 'no access_token in the answer', request.secrets);
	const oauthError = (body as IDataObject | undefined)?.error;
	throw new TokenRequestError(
		`${request.vendorName}: token request failed (HTTP ${response.statusCode}): ${reason}${purpose}`,
		typeof oauthError === 'string' ? oauthError : undefined,
	);
}

/** The HTTP client's timeout (`timeout of 10000ms exceeded`, code ECONNABORTED or ETIMEDOUT). */
function isTimeout(error: unknown): boolean {
	const e = error as { code?: string; cause?: { code?: string }; message?: string };
	const code = e?.cause?.code ?? e?.code;
	return code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(String(e?.message ?? ''));
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		// Not JSON: keep the text, it is reported (truncated, redacted) as the vendor's reason.
		return text;
	}
}
