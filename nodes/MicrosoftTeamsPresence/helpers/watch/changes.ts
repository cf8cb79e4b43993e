/** Turning a read into changes: each user's change emitted once, against the presence last seen (kept in static data). */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { teamsCategory } from '../../categories';
import { pairId, presenceItem } from '../presence';

/** What a trigger last saw: each user's availability/activity. */
export interface SeenState {
	seen?: Record<string, string>;
}

/**
 * The changes in `presences` against `state.seen`, which is updated in place. A user seen for the
 * first time (or every user, on a first read) only sets the baseline. `watched` is the full list:
 * users no longer in it are forgotten, so re-adding one starts from a fresh baseline.
 */
export function changesOf(
	state: SeenState,
	presences: IDataObject[],
	options: { includeActivity: boolean; watched?: string[]; detectedAt: string },
): INodeExecutionData[] {
	const same = (before: string, now: string) =>
		options.includeActivity ? before === now : before.split('/')[0] === now.split('/')[0];
	const first = state.seen === undefined;
	const seen = { ...(state.seen ?? {}) };
	const out: INodeExecutionData[] = [];
	for (const presence of presences) {
		const id = String(presence.id).toLowerCase();
		const now = pairId(presence.availability, presence.activity);
		const before = seen[id];
		seen[id] = now;
		if (first || before === undefined || same(before, now)) continue;
		const [previousAvailability] = before.split('/');
		out.push({
			json: presenceItem(presence, 'presence_changed', {
				previousPresenceId: before,
				previousCategory: teamsCategory(previousAvailability),
				detectedAt: options.detectedAt,
			}),
		});
	}
	const watched = options.watched;
	state.seen = watched ? Object.fromEntries(Object.entries(seen).filter(([id]) => watched.includes(id))) : seen;
	return out;
}
