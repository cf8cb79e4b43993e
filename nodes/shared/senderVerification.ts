/**
 * The shared-key check every source offers: the key in a query parameter (e.g. `?code=`) or in a
 * header. Keys are compared as SHA-256 digests with timingSafeEqual, so neither the key's content
 * nor its length leaks through response timing.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

import type { ReceivedEvent } from './webhookSource';

export interface SharedKeySettings {
	verification: 'queryKey' | 'header';
	queryParameter: string;
	headerName: string;
	/** '' when none is configured: every event is then refused. */
	sharedKey: string;
	/** Where the key is configured, for the refusal: "trigger" or "node". */
	where: string;
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

export function constantTimeEqual(given: string, expected: string): boolean {
	return timingSafeEqual(digest(given), digest(expected));
}

/** A header or query value given exactly once, else undefined. */
export function single(value: unknown): string | undefined {
	if (Array.isArray(value)) return value.length === 1 && typeof value[0] === 'string' ? value[0] : undefined;
	return typeof value === 'string' ? value : undefined;
}

/** Null when the event carries the key, otherwise why not (never echoes a key). */
export function verifySharedKey(settings: SharedKeySettings, event: ReceivedEvent): string | null {
	if (settings.sharedKey === '') return `No shared key is configured on the ${settings.where}`;
	if (settings.verification === 'queryKey') {
		const given = single(event.query[settings.queryParameter]);
		if (given === undefined) return `Missing query parameter "${settings.queryParameter}"`;
		return constantTimeEqual(given, settings.sharedKey) ? null : `Wrong key in query parameter "${settings.queryParameter}"`;
	}
	const given = single(event.headers[settings.headerName.toLowerCase()]);
	if (given === undefined) return `Missing header "${settings.headerName}"`;
	return constantTimeEqual(given, settings.sharedKey) ? null : `Wrong value in header "${settings.headerName}"`;
}
