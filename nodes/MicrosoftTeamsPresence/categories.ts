/** Microsoft Teams' availability and activity mapped onto the shared categories. */
import type { PresenceCategory } from '../shared/presence';

/**
 * Microsoft Teams `presence.availability` ("presence resource type"). AvailableIdle and BusyIdle
 * are the same base state with the user inactive; PresenceUnknown has no category.
 */
const TEAMS_AVAILABILITY: Record<string, PresenceCategory> = {
	Available: 'available',
	AvailableIdle: 'available',
	Busy: 'busy',
	BusyIdle: 'busy',
	DoNotDisturb: 'do_not_disturb',
	Away: 'away',
	BeRightBack: 'away',
	Offline: 'offline',
};

export function teamsCategory(availability: string | null | undefined): PresenceCategory | null {
	if (typeof availability !== 'string') return null;
	const key = Object.keys(TEAMS_AVAILABILITY).find((k) => k.toLowerCase() === availability.toLowerCase());
	return key ? TEAMS_AVAILABILITY[key] : null;
}

/**
 * The availability/activity pair a category is set as. An app's presence session accepts only
 * Available/Available, Busy/InACall, Busy/InAConferenceCall, Away/Away and DoNotDisturb/Presenting
 * ("presence: setPresence", Supported combinations): Offline has no session pair (null). The user's preferred
 * presence accepts Available, Busy, DoNotDisturb, BeRightBack, Away and Offline/OffWork
 * ("presence: setUserPreferredPresence").
 */
export const TEAMS_SESSION_PAIR_BY_CATEGORY: Record<PresenceCategory, [string, string] | null> = {
	available: ['Available', 'Available'],
	busy: ['Busy', 'InACall'],
	do_not_disturb: ['DoNotDisturb', 'Presenting'],
	away: ['Away', 'Away'],
	offline: null,
};

export const TEAMS_PREFERRED_PAIR_BY_CATEGORY: Record<PresenceCategory, [string, string]> = {
	available: ['Available', 'Available'],
	busy: ['Busy', 'Busy'],
	do_not_disturb: ['DoNotDisturb', 'DoNotDisturb'],
	away: ['Away', 'Away'],
	offline: ['Offline', 'OffWork'],
};
