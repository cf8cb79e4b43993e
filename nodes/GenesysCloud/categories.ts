/** Genesys Cloud's system presences mapped onto the shared categories. */
import type { PresenceCategory } from '../shared/presence';

/**
 * Genesys Cloud system presences. The legacy definitions API and system presences spell them
 * 'On Queue', the current definitions API (OrganizationPresenceDefinition) 'OnQueue'; case,
 * spaces, '_' and '-' are ignored. On Queue means the agent is taking ACD work; Genesys treats it
 * as available for routing.
 */
const GENESYS_SYSTEM: Record<string, PresenceCategory> = {
	AVAILABLE: 'available',
	ONQUEUE: 'available',
	BUSY: 'busy',
	MEETING: 'busy',
	TRAINING: 'busy',
	AWAY: 'away',
	BREAK: 'away',
	MEAL: 'away',
	IDLE: 'away',
	OFFLINE: 'offline',
};

export function genesysCategory(systemPresence: string | null | undefined): PresenceCategory | null {
	if (typeof systemPresence !== 'string') return null;
	return GENESYS_SYSTEM[systemPresence.toUpperCase().replace(/[\s_-]+/g, '')] ?? null;
}

/** The system presence whose primary definition a category resolves to in Genesys. */
export const GENESYS_SYSTEM_BY_CATEGORY: Record<PresenceCategory, string> = {
	available: 'Available',
	busy: 'Busy',
	do_not_disturb: 'Busy',
	away: 'Away',
	offline: 'Offline',
};
