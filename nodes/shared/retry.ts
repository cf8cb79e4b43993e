/**
 * Rate limits and transient failures, handled once for every vendor transport:
 * - 429: wait the vendor's Retry-After (seconds or HTTP date), within bounded attempts and total wait;
 * - 5xx / network errors: retry with exponential backoff, only for idempotent methods (a POST that
 *   reached the vendor may have been applied, so it is never repeated blindly).
 * 401 is not handled here: httpRequestWithAuthentication already refreshes the token once.
 */
import type { IHttpRequestMethods } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { HttpFailure } from './errors';
import { httpFailureOf, passOn } from './errors';

export interface RetryPolicy {
	maxAttempts: number;
	/** Upper bound on all waits of one request, in milliseconds. */
	maxTotalWaitMs: number;
	/** First backoff for 5xx, doubled each time. */
	baseBackoffMs: number;
	/** Used when a 429 carries no Retry-After. */
	defaultRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 5,
	maxTotalWaitMs: 60_000,
	baseBackoffMs: 500,
	defaultRetryAfterMs: 1_000,
};

const IDEMPOTENT: IHttpRequestMethods[] = ['GET', 'HEAD', 'PUT', 'DELETE'];

export function retryAfterMs(headers: Record<string, string>, fallbackMs: number, now = Date.now()): number {
	const value = headers['retry-after'];
	if (value === undefined || value === '') return fallbackMs;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(value);
	return Number.isFinite(date) ? Math.max(0, date - now) : fallbackMs;
}

/** How long to wait before the next attempt, or undefined when the failure is final. */
export function nextDelayMs(
	method: IHttpRequestMethods,
	failure: HttpFailure | undefined,
	networkError: boolean,
	attempt: number,
	policy: RetryPolicy,
	/** PATCH is retried where the vendor documents it as idempotent (setting a presence is). */
	idempotent = IDEMPOTENT.includes(method),
): number | undefined {
	if (failure?.status === 429) return retryAfterMs(failure.headers, policy.defaultRetryAfterMs);
	const transient = failure === undefined ? networkError : failure.status >= 500;
	if (transient && idempotent) return policy.baseBackoffMs * 2 ** (attempt - 1);
	return undefined;
}

const NETWORK_CODES = ['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN'];

/** A request that never got an answer (reset, refused, timed out) — not a token or input error. */
export function isNetworkError(error: unknown): boolean {
	const e = error as { code?: string; cause?: { code?: string } };
	const code = e?.cause?.code ?? e?.code;
	return typeof code === 'string' && NETWORK_CODES.includes(code);
}

/**
 * Runs `send` until it succeeds or the failure is final; then rethrows the last error for the
 * transport to turn into a vendor error.
 */
export async function withRetry<T>(
	method: IHttpRequestMethods,
	send: () => Promise<T>,
	policy: RetryPolicy = DEFAULT_RETRY_POLICY,
	idempotent?: boolean,
): Promise<T> {
	let waited = 0;
	for (let attempt = 1; ; attempt++) {
		try {
			return await send();
		} catch (error) {
			const delay = nextDelayMs(method, httpFailureOf(error), isNetworkError(error), attempt, policy, idempotent);
			if (delay === undefined || attempt >= policy.maxAttempts || waited + delay > policy.maxTotalWaitMs) {
				// The last failure goes back unchanged: the transport reads its HTTP response to build the vendor's NodeApiError.
				passOn(error);
			}
			waited += delay;
			await sleep(delay);
		}
	}
}
