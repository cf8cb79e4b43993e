/** Dataverse's presences mapped onto the shared categories. */
import type { PresenceCategory } from '../shared/presence';

/**
 * Dataverse's out-of-the-box presences: the same IDs in every organization
 * (Microsoft Learn, "Synchronize agent presence status across multiple systems").
 */
export const DATAVERSE_OOTB_PRESENCES: Record<string, { name: string; category: PresenceCategory }> = {
	'f523f628-c07a-e811-8162-000d3aa11f50': { name: 'Available', category: 'available' },
	'efdeb843-c07a-e811-8162-000d3aa11f50': { name: 'Busy', category: 'busy' },
	'08971864-c07a-e811-8162-000d3aa11f50': { name: 'Busy DND', category: 'do_not_disturb' },
	'70139190-c07a-e811-8162-000d3aa11f50': { name: 'Offline', category: 'offline' },
	'3dacae76-c07a-e811-8162-000d3aa11f50': { name: 'Away', category: 'away' },
};

/**
 * `msdyn_presence.msdyn_basepresencestatus` — the global choice `msdyn_basepresencestatus`
 * (Microsoft's Dynamics 365 Customer Service entity reference): a custom presence's category.
 */
export const DATAVERSE_BASE_STATUS: Record<number, PresenceCategory> = {
	192360000: 'available',
	192360001: 'busy',
	192360002: 'do_not_disturb',
	192360003: 'away',
	192360004: 'offline',
};

export const DATAVERSE_BASE_STATUS_BY_CATEGORY: Record<PresenceCategory, number> = {
	available: 192360000,
	busy: 192360001,
	do_not_disturb: 192360002,
	away: 192360003,
	offline: 192360004,
};

export function dataverseCategory(presenceId: string | null | undefined, baseStatus?: number | null): PresenceCategory | null {
	if (presenceId) {
		const known = DATAVERSE_OOTB_PRESENCES[presenceId.toLowerCase()];
		if (known) return known.category;
	}
	return baseStatus != null ? (DATAVERSE_BASE_STATUS[baseStatus] ?? null) : null;
}
