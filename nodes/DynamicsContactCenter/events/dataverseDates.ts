/**
 * Dataverse webhook payloads (RemoteExecutionContext, WCF JSON) write DateTime values as
 * `/Date(<ms since epoch, UTC>[±hhmm])/`. The milliseconds are already UTC; the optional offset
 * only says which zone the sender displayed, so it never shifts the instant.
 */
const WCF_DATE = /^\/Date\((-?\d+)(?:[+-](\d{2})(\d{2}))?\)\/$/;

/** The largest instant a JavaScript Date holds (ECMAScript TimeClip). */
const MAX_DATE_MS = 8.64e15;

/**
 * `/Date(1722582039000+0000)/` → 1722582039000; null when the text is not a WCF date, its offset
 * is not a clock time (hours ≤ 23, minutes ≤ 59) or the instant is beyond what a Date holds.
 */
export function wcfDateToMs(value: unknown): number | null {
	if (typeof value !== 'string') return null;
	const match = WCF_DATE.exec(value);
	if (!match) return null;
	const [, digits, hours, minutes] = match;
	if (hours !== undefined && (Number(hours) > 23 || Number(minutes) > 59)) return null;
	const ms = Number(digits);
	return Math.abs(ms) <= MAX_DATE_MS ? ms : null;
}

/** `/Date(1722582039000+0000)/` → `2024-08-02T07:00:39.000Z`; null when the text is not a WCF date. */
export function wcfDateToIso(value: unknown): string | null {
	const ms = wcfDateToMs(value);
	return ms === null ? null : new Date(ms).toISOString();
}
