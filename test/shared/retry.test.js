// @ts-check
const { retryAfterMs, nextDelayMs, withRetry, isNetworkError } = require('../../dist/nodes/shared/retry');
const { redactSecrets } = require('../../dist/nodes/shared/redact');

const policy = { maxAttempts: 4, maxTotalWaitMs: 50, baseBackoffMs: 1, defaultRetryAfterMs: 2 };
const httpError = (status, headers = {}) => ({ cause: { response: { status, headers, data: {} } } });

test('Retry-After in seconds, as an HTTP date, or missing', () => {
	expect(retryAfterMs({ 'retry-after': '3' }, 99)).toBe(3000);
	expect(retryAfterMs({ 'retry-after': 'Mon, 23 Nov 2026 10:00:05 GMT' }, 99, Date.parse('Mon, 23 Nov 2026 10:00:00 GMT'))).toBe(5000);
	expect(retryAfterMs({}, 99)).toBe(99);
	expect(retryAfterMs({ 'retry-after': 'soon' }, 99)).toBe(99);
});

test('429 always waits; 5xx and network errors only for idempotent methods; 4xx never', () => {
	expect(nextDelayMs('POST', { status: 429, headers: { 'retry-after': '1' }, body: {} }, false, 1, policy)).toBe(1000);
	expect(nextDelayMs('GET', { status: 503, headers: {}, body: {} }, false, 3, policy)).toBe(4);
	expect(nextDelayMs('POST', { status: 503, headers: {}, body: {} }, false, 1, policy)).toBeUndefined();
	expect(nextDelayMs('PATCH', { status: 500, headers: {}, body: {} }, false, 1, policy, true)).toBe(1);
	expect(nextDelayMs('GET', undefined, true, 1, policy)).toBe(1);
	expect(nextDelayMs('GET', undefined, false, 1, policy)).toBeUndefined();
	expect(nextDelayMs('GET', { status: 404, headers: {}, body: {} }, false, 1, policy)).toBeUndefined();
});

test('withRetry gives up after maxAttempts and rethrows the last failure', async () => {
	let calls = 0;
	const failure = httpError(503);
	await expect(
		withRetry('GET', async () => {
			calls++;
			throw failure;
		}, policy),
	).rejects.toBe(failure);
	expect(calls).toBe(4);
});

test('withRetry stops when the next wait would pass the total wait bound', async () => {
	let calls = 0;
	await expect(
		withRetry('GET', async () => {
			calls++;
			throw httpError(429, { 'retry-after': '1' });
		}, policy),
	).rejects.toBeDefined();
	expect(calls).toBe(1);
});

test('withRetry returns the first success', async () => {
	let calls = 0;
	const result = await withRetry('GET', async () => {
		if (++calls < 3) throw httpError(429, { 'retry-after': '0' });
		return 'ok';
	}, policy);
	expect(result).toBe('ok');
	expect(calls).toBe(3);
});

test('network error codes are recognised through n8n error causes', () => {
	expect(isNetworkError({ cause: { code: 'ECONNRESET' } })).toBe(true);
	expect(isNetworkError({ code: 'ETIMEDOUT' })).toBe(true);
	expect(isNetworkError(new Error('token request failed'))).toBe(false);
});

test('redactSecrets masks every occurrence of long secrets only', () => {
	expect(redactSecrets('bad s3cr3t-value and s3cr3t-value', ['s3cr3t-value'])).toBe('bad *** and ***');
	expect(redactSecrets('the id', ['id'])).toBe('the id');
});
