/** Map Presence's list of Teams presences: availability/activity pairs, as the Set takes them. */
import type { INodePropertyOptions } from 'n8n-workflow';

import type { MappingSide } from '../../shared/vendorModule';
import { TEAMS_PREFERRED_PAIRS, TEAMS_SESSION_PAIRS } from '../helpers/pairs';
import { pairId, pairName } from '../helpers/presence';

/**
 * Pairs Teams shows besides the ones an app or a user can set: in a meeting, presenting, out of
 * office. ASSUMPTION: "presence resource type" lists availability and activity values separately,
 * not which pairs occur; these are the pairs of those values Teams shows for the three cases. Any
 * other pair can be given with an expression.
 */
const TEAMS_SHOWN_PAIRS: Array<[string, string]> = [
	['Busy', 'InAMeeting'],
	['DoNotDisturb', 'Presenting'],
	['Away', 'OutOfOffice'],
];

/**
 * A presence read from Teams can be any pair a user may show; a presence written is one an app's
 * presence session accepts ("presence: setPresence"). Nothing is read: the pairs are Graph's own.
 */
export function teamsMapPresences(side: MappingSide): INodePropertyOptions[] {
	const pairs = side === 'to' ? TEAMS_SESSION_PAIRS : [...TEAMS_PREFERRED_PAIRS, ...TEAMS_SESSION_PAIRS, ...TEAMS_SHOWN_PAIRS];
	const seen = new Set<string>();
	return pairs
		.map(([availability, activity]) => ({ name: pairName(availability, activity), value: pairId(availability, activity) }))
		.filter((o) => !seen.has(o.value) && seen.add(o.value) !== undefined);
}
