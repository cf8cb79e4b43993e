/**
 * Sender verification: a shared key in the query string (Dataverse WebhookKey sends `?code=`) or in
 * a header. Keys are compared as SHA-256 digests with timingSafeEqual, so neither the key's content
 * nor its length leaks through response timing.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export type Verification = 'none' | 'queryKey' | 'header';

export interface VerificationSettings {
	verification: Verification;
	queryParameter: string;
	headerName: string;
	sharedKey: string;
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

export function constantTimeEqual(given: string, expected: string): boolean {
	return timingSafeEqual(digest(given), digest(expected));
}

function single(value: unknown): string | undefined {
	if (Array.isArray(value)) return value.length === 1 && typeof value[0] === 'string' ? value[0] : undefined;
	return typeof value === 'string' ? value : undefined;
}

/** Null when the sender is verified, otherwise why not (for the 401 answer; never echoes a key). */
export function verifySender(
	settings: VerificationSettings,
	query: Record<string, unknown>,
	headers: Record<string, unknown>,
): string | null {
	if (settings.verification === 'none') return null;
	if (settings.sharedKey === '') return 'No shared key is configured on the trigger';
	if (settings.verification === 'queryKey') {
		const given = single(query[settings.queryParameter]);
		if (given === undefined) return `Missing query parameter "${settings.queryParameter}"`;
		return constantTimeEqual(given, settings.sharedKey) ? null : `Wrong key in query parameter "${settings.queryParameter}"`;
	}
	const name = settings.headerName.toLowerCase();
	const given = single(headers[name]);
	if (given === undefined) return `Missing header "${settings.headerName}"`;
	return constantTimeEqual(given, settings.sharedKey) ? null : `Wrong value in header "${settings.headerName}"`;
}
