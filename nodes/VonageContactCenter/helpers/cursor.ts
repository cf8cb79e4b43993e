/**
 * Which Insights Stats presence activities are new. Polled with `include=Processed`, an activity
 * comes back when it starts and again when it ends (with its duration), so "one item per change,
 * none twice" needs memory: activities are keyed by agent + start + name; keys are kept for
 * RETAIN_MS and anything older than that, or older than the trigger itself, is never emitted.
 */
import type { VonagePresenceActivity } from '../events/vonageEvents';

const RETAIN_MS = 24 * 60 * 60 * 1000;

/**
 * Insights Stats answers a window of at most 31 days (400 "Request window size limit exceeded 31
 * days"). A cursor further back than this is walked forward one window per poll; 30 days leaves
 * room for the clock moving between our reading of it and Vonage's.
 */
export const MAX_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

/** The end to ask for when the window from `start` to now is longer than Vonage answers; else none (up to now). */
export function windowEnd(start: string, nowMs: number): string | undefined {
	const from = Date.parse(start);
	return nowMs - from > MAX_WINDOW_MS ? new Date(from + MAX_WINDOW_MS).toISOString() : undefined;
}

export interface CursorState {
	/** The previous response's `upTo`: the next poll's `start`. */
	cursor?: string;
	/** When the trigger started polling; activities that started before are not changes we saw. */
	since?: string;
	/** Emitted activity keys → start (ms). */
	seen?: Record<string, number>;
}

const activityKey = (a: VonagePresenceActivity) => `${a.agentId}|${a.start}|${a.name ?? a.category}`;

/**
 * The activities to emit (oldest first) and the state to store after this poll. The horizon is
 * RETAIN_MS before the window's start: the keys kept from the previous poll reach back exactly
 * that far, and a catch-up window (weeks old) still emits what happened in it.
 */
export function selectNew(
	state: CursorState,
	activities: VonagePresenceActivity[],
	upTo: string,
	windowStart: string = upTo,
): { fresh: VonagePresenceActivity[]; next: CursorState } {
	const seen = { ...(state.seen ?? {}) };
	const horizon = Math.max(Date.parse(state.since ?? upTo), Date.parse(windowStart) - RETAIN_MS);
	const fresh: VonagePresenceActivity[] = [];
	for (const activity of activities) {
		if (activity.type !== undefined && activity.type !== 'Presence') continue;
		const start = Date.parse(activity.start);
		const key = activityKey(activity);
		if (Number.isNaN(start) || start < horizon || key in seen) continue;
		seen[key] = start;
		fresh.push(activity);
	}
	for (const [key, start] of Object.entries(seen)) if (start < Date.parse(upTo) - RETAIN_MS) delete seen[key];
	fresh.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
	return { fresh, next: { cursor: upTo, since: state.since, seen } };
}
