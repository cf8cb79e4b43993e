/**
 * Dataverse webhook payloads (RemoteExecutionContext, WCF JSON) write DateTime values as
 * `/Date(<ms since epoch, UTC>[±hhmm])/`. The milliseconds are already UTC; the optional offset
 * only says which zone the sender displayed, so it never shifts the instant.
 */
/** The largest instant a JavaScript Date holds (ECMAScript TimeClip). */
const MAX_DATE_MS = 8.64e15;

/**
 * The last few dates read: a webhook's date columns are checked, then read again to normalize
 * them, so the second read is a lookup instead of another regex match.
 */
const RECENT = 8;
const recentText: string[] = new Array<string>(RECENT).fill('');
const recentMs: Array<number | null> = new Array<number | null>(RECENT).fill(null);
let nextSlot = 0;

/** `/Date(1722582039000+0000)/` → 1722582039000; null when the text is not a WCF date. */
export function wcfDateToMs(value: unknown): number | null {
	if (typeof value !== 'string') return null;
	for (let i = 0; i < RECENT; i++) if (recentText[i] === value) return recentMs[i];
	const ms = parseWcfDate(value);
	recentText[nextSlot] = value;
	recentMs[nextSlot] = ms;
	nextSlot = (nextSlot + 1) % RECENT;
	return ms;
}

/** The WCF date grammar, as a regex: the reference parseWcfDate is tested against. */
export const WCF_DATE = /^\/Date\((-?\d+)(?:([+-])(\d{2})(\d{2}))?\)\/$/;

const isDigit = (code: number) => code >= 48 && code <= 57;
const twoDigits = (text: string, at: number) =>
	(text.charCodeAt(at) - 48) * 10 + (text.charCodeAt(at + 1) - 48);

/**
 * WCF_DATE (and its hour ≤ 23, minute ≤ 59 offset rule) scanned by hand: this runs for every date
 * column of every webhook, and a regex match with its capture array costs more than the rest of
 * the column's check. test/shared/dataverseDates.test.js holds the two equal.
 */
export function parseWcfDate(value: string): number | null {
	const n = value.length;
	// "/Date(" … ")/"
	if (
		n < 9 ||
		value.charCodeAt(0) !== 47 ||
		value.charCodeAt(1) !== 68 ||
		value.charCodeAt(2) !== 97 ||
		value.charCodeAt(3) !== 116 ||
		value.charCodeAt(4) !== 101 ||
		value.charCodeAt(5) !== 40 ||
		value.charCodeAt(n - 2) !== 41 ||
		value.charCodeAt(n - 1) !== 47
	) {
		return null;
	}
	const end = n - 2;
	let i = 6;
	const negative = value.charCodeAt(i) === 45;
	if (negative) i++;
	const first = i;
	let ms = 0;
	for (; i < end; i++) {
		const code = value.charCodeAt(i);
		if (!isDigit(code)) break;
		ms = ms * 10 + (code - 48);
	}
	if (i === first) return null;
	// Up to 15 digits the sum is exact; beyond, let Number round as the regex path did.
	if (i - first > 15) ms = Number(value.slice(first, i));
	if (negative) ms = -ms;
	if (i !== end) {
		const sign = value.charCodeAt(i);
		if (end - i !== 5 || (sign !== 43 && sign !== 45)) return null;
		for (let k = i + 1; k < end; k++) if (!isDigit(value.charCodeAt(k))) return null;
		if (twoDigits(value, i + 1) > 23 || twoDigits(value, i + 3) > 59) return null;
	}
	return Math.abs(ms) <= MAX_DATE_MS ? ms : null;
}

/** `/Date(1722582039000+0000)/` → `2024-08-02T07:00:39.000Z`; null when the text is not a WCF date. */
export function wcfDateToIso(value: unknown): string | null {
	const ms = wcfDateToMs(value);
	return ms === null ? null : isoString(ms);
}

export function isWcfDate(value: unknown): boolean {
	return wcfDateToMs(value) !== null;
}

const DAY_MS = 86_400_000;
/** 9999-12-31T23:59:59.999Z: up to here toISOString writes a four-digit year. */
const LAST_FOUR_DIGIT_YEAR_MS = 253_402_300_799_999;
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const pad2 = (n: number) => TWO_DIGITS[n];
const pad3 = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

/**
 * `new Date(ms).toISOString()`, written out by hand for 1970–9999 (the webhook's hot path: the
 * built-in costs more than the rest of a payload's normalization); other instants use the built-in.
 * Days to civil date: H. Hinnant's `civil_from_days`. test/shared/dataverseDates.test.js holds the
 * two equal.
 */
export function isoString(ms: number): string {
	if (!(ms >= 0 && ms <= LAST_FOUR_DIGIT_YEAR_MS) || !Number.isInteger(ms))
		return new Date(ms).toISOString();
	const days = Math.floor(ms / DAY_MS);
	let rest = ms - days * DAY_MS;
	const hours = Math.floor(rest / 3_600_000);
	rest -= hours * 3_600_000;
	const minutes = Math.floor(rest / 60_000);
	rest -= minutes * 60_000;
	const seconds = Math.floor(rest / 1000);
	const millis = rest - seconds * 1000;

	const z = days + 719_468;
	const era = Math.floor(z / 146_097);
	const dayOfEra = z - era * 146_097;
	const yearOfEra = Math.floor(
		(dayOfEra -
			Math.floor(dayOfEra / 1460) +
			Math.floor(dayOfEra / 36_524) -
			Math.floor(dayOfEra / 146_096)) /
			365,
	);
	const dayOfYear =
		dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
	const mp = Math.floor((5 * dayOfYear + 2) / 153);
	const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
	const month = mp < 10 ? mp + 3 : mp - 9;
	const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
	return `${year}-${pad2(month)}-${pad2(day)}T${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}.${pad3(millis)}Z`;
}
