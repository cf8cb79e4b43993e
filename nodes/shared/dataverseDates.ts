/**
 * Dataverse webhook payloads (RemoteExecutionContext, WCF JSON) write DateTime values as
 * `/Date(<ms since epoch, UTC>[±hhmm])/`. The milliseconds are already UTC; the optional offset
 * only says which zone the sender displayed, so it never shifts the instant.
 */
const WCF_DATE = /^\/Date\((-?\d+)(?:([+-])(\d{2})(\d{2}))?\)\/$/;

/** `/Date(1722582039000+0000)/` → `2024-08-02T07:00:39.000Z`; null when the text is not a WCF date. */
export function wcfDateToIso(value: unknown): string | null {
	if (typeof value !== 'string') return null;
	const match = WCF_DATE.exec(value);
	if (!match) return null;
	const ms = Number(match[1]);
	if (match[2] !== undefined && (Number(match[3]) > 23 || Number(match[4]) > 59)) return null;
	const date = new Date(ms);
	return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function isWcfDate(value: unknown): boolean {
	return wcfDateToIso(value) !== null;
}
