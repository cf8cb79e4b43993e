/**
 * Vonage Contact Center tokens per scope.
 *
 * Vonage's Authentication API issues a token for the scopes a request names and refuses the whole
 * request (`invalid_scope`) when the API client lacks any one of them ("Requests (Authentication
 * API)"). n8n caches a credential's token in its hidden expirable field — stored with the
 * credential, so every queue-mode worker shares it — and runs preAuthentication without telling it
 * which node asks. So:
 * - preAuthentication asks for all the credential's scopes in one request; when the client has
 *   them all (the usual case) that one token, in `accessToken`, serves every scope;
 * - when Vonage refuses, it asks for each scope on its own and keeps, in the hidden `scopedTokens`
 *   field next to it, a token per granted scope and Vonage's refusal for the others;
 * - every request names the scopes its endpoint accepts (a marker header that never leaves n8n),
 *   and authenticate() attaches the token of the first one granted, or fails naming the scope.
 */
import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';
import { UserError } from 'n8n-workflow';

import { TokenRequestError } from '../../shared/clientCredentialsToken';

/** Set by the Vonage transport, read and removed by the credential's authenticate(). */
export const VONAGE_SCOPE_HEADER = 'x-n8n-vonage-scopes';

const SCOPES = Symbol('vonageScopes');
type Scoped = IHttpRequestOptions & { [SCOPES]?: string[] };

/** Token lifetime when Vonage does not say (its documented `expires_in` is always 7200). */
const DEFAULT_TTL_MS = 7200 * 1000;

interface ScopedTokens {
	/** Scope → access token. */
	tokens: Record<string, string>;
	/** Scope → why Vonage refused a token for it. */
	refused: Record<string, string>;
	/** When the refusals stop being trusted (the tokens' lifetime): then Vonage is asked again. */
	recheckAt: number;
}

export function parseScopes(value: unknown): string[] {
	return [...new Set(String(value ?? '').trim().split(/\s+/).filter(Boolean))];
}

export interface ScopedTokenResult {
	accessToken: string;
	expiresIn?: number;
}

/**
 * preAuthentication's output: `accessToken` (the all-scopes token, or one granted scope's token so
 * n8n sees a token) and `scopedTokens` (empty when `accessToken` covers every scope). Throws the
 * combined request's error when no scope at all is granted.
 */
export async function fetchScopedTokens(
	scopes: string[],
	request: (scope: string) => Promise<ScopedTokenResult>,
	now: number,
): Promise<{ accessToken: string; scopedTokens: string }> {
	let combinedError: unknown;
	try {
		const token = await request(scopes.join(' '));
		return { accessToken: token.accessToken, scopedTokens: '' };
	} catch (error) {
		combinedError = error;
	}
	// Only a refused scope is worth asking scope by scope (a wrong secret fails them all).
	const refusedScope = combinedError instanceof TokenRequestError && combinedError.oauthError === 'invalid_scope';
	if (scopes.length <= 1 || !refusedScope) throw combinedError;
	const cache: ScopedTokens = { tokens: {}, refused: {}, recheckAt: now + DEFAULT_TTL_MS };
	for (const scope of scopes) {
		try {
			const token = await request(scope);
			cache.tokens[scope] = token.accessToken;
			if (token.expiresIn) cache.recheckAt = Math.min(cache.recheckAt, now + token.expiresIn * 1000);
		} catch (error) {
			cache.refused[scope] = (error as Error).message;
		}
	}
	const granted = Object.values(cache.tokens);
	if (granted.length === 0) throw combinedError;
	return { accessToken: granted[0], scopedTokens: JSON.stringify(cache) };
}

function readScopedTokens(credentials: ICredentialDataDecryptedObject, scopes: string[]): ScopedTokens {
	const stored = typeof credentials.scopedTokens === 'string' ? credentials.scopedTokens : '';
	if (stored !== '') {
		try {
			const parsed = JSON.parse(stored) as Partial<ScopedTokens>;
			return { tokens: parsed.tokens ?? {}, refused: parsed.refused ?? {}, recheckAt: Number(parsed.recheckAt ?? 0) };
		} catch {
			// Unreadable: no per-scope tokens; a 401 makes n8n fetch new ones.
			return { tokens: {}, refused: {}, recheckAt: 0 };
		}
	}
	const token = typeof credentials.accessToken === 'string' ? credentials.accessToken : '';
	const tokens: Record<string, string> = {};
	if (token !== '') for (const scope of scopes) tokens[scope] = token;
	return { tokens, refused: {}, recheckAt: 0 };
}

/**
 * The credential test (a request that names no scope) fails while any of the credential's Scopes
 * was refused: a mistyped or ungranted scope would otherwise pass the test on the other scopes'
 * tokens and only fail the operations that need it, much later.
 */
function refuseUngrantedScopes(cache: ScopedTokens, vendorName: string): void {
	const refused = Object.keys(cache.refused);
	if (refused.length === 0) return;
	const names = refused.map((s) => `"${s}"`).join(', ');
	const one = refused.length === 1;
	throw new UserError(
		`${vendorName}: the API client is not granted the scope${one ? '' : 's'} ${names}. Correct ${one ? 'it' : 'them'} in the credential's Scopes, or allow ${one ? 'it' : 'them'} for the API client in VCC Admin. ${refused.map((s) => cache.refused[s]).join(' ')}`,
	);
}

/**
 * The credential's authenticate(): the bearer token for the scopes the request accepts (any one
 * suffices, in the order given). Without a marker (the credential test) any granted token is used.
 */
export function authenticateVonage(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
	vendorName: string,
	now: number,
): IHttpRequestOptions {
	const headers = { ...(requestOptions.headers ?? {}) } as Record<string, unknown>;
	const markerKey = Object.keys(headers).find((k) => k.toLowerCase() === VONAGE_SCOPE_HEADER);
	const wanted = markerKey ? parseScopes(headers[markerKey]) : ((requestOptions as Scoped)[SCOPES] ?? []);
	if (markerKey) delete headers[markerKey];
	for (const key of Object.keys(headers)) if (key.toLowerCase() === 'authorization') delete headers[key];
	// n8n runs authenticate() again on the returned options after a 401 refresh: keep the scopes
	// on them, out of the headers Vonage receives.
	const out = (extra: Record<string, string>): IHttpRequestOptions => {
		const options = { ...requestOptions, headers: { ...headers, ...extra } as IHttpRequestOptions['headers'] };
		Object.defineProperty(options, SCOPES, { value: wanted, enumerable: false });
		return options;
	};

	const configured = parseScopes(credentials.scopes);
	const cache = readScopedTokens(credentials, configured);
	if (wanted.length === 0) refuseUngrantedScopes(cache, vendorName);
	const granted = wanted.length ? wanted.find((s) => cache.tokens[s]) : Object.keys(cache.tokens)[0];
	if (granted) return out({ Authorization: `Bearer ${cache.tokens[granted]}` });

	const needed = wanted.map((s) => `"${s}"`).join(' or ');
	if (wanted.length > 0 && wanted.every((s) => !configured.includes(s))) {
		throw new UserError(
			`${vendorName}: this operation needs the scope ${needed}, which the credential does not request: add it to the credential's Scopes (and allow it for the API client in VCC Admin)`,
		);
	}
	if (now >= cache.recheckAt) {
		// The refusal is as old as the tokens: send without a token, Vonage's 401 makes n8n ask again.
		return out({});
	}
	const reasons = wanted.filter((s) => cache.refused[s]).map((s) => cache.refused[s]);
	throw new UserError(
		`${vendorName}: the API client is not granted the scope ${needed}, which this operation needs. Allow it for the API client in VCC Admin.${reasons.length ? ` ${reasons.join(' ')}` : ''}`,
	);
}
