/** Vonage Contact Center's presence categories mapped onto the shared categories. */
import type { PresenceCategory } from '../shared/presence';

/** Vonage `category.categoryType` (Ready, Away, ExtendedAway, LoggedOut). */
const VONAGE_CATEGORY: Record<string, PresenceCategory> = {
	Ready: 'available',
	Away: 'away',
	ExtendedAway: 'away',
	LoggedOut: 'offline',
};

/**
 * Ready (Outbound): category Ready, subcategory `readyOutbound` in webhook events ("agent.
 * presencechanged.v0"), `eligibleForRouting: false` in Insights Stats activities. Vonage offers
 * such an agent no inbound work ("Agent states": in Ready for Outbound an agent "cannot receive
 * any inbound calls, but can make outbound calls").
 */
export function isVonageReadyOutbound(
	categoryType: string | null | undefined,
	subCategory?: string | null,
	eligibleForRouting?: boolean | null,
): boolean {
	if (categoryType?.toLowerCase() !== 'ready') return false;
	// ASSUMPTION: the Agents API's presence definitions spell the subcategory ReadyOutbound (its
	// other subCategory values repeat the Pascal-case categoryType); matched case-insensitively.
	return (subCategory ?? '').toLowerCase() === 'readyoutbound' || eligibleForRouting === false;
}

/**
 * The shared category of a Vonage presence. Ready (Outbound) is `busy`, not `available`: the agent
 * is working (on outbound) and must not be offered inbound work, yet is neither away nor offline.
 */
export function vonageCategory(
	categoryType: string | null | undefined,
	subCategory?: string | null,
	eligibleForRouting?: boolean | null,
): PresenceCategory | null {
	if (!categoryType) return null;
	if (isVonageReadyOutbound(categoryType, subCategory, eligibleForRouting)) return 'busy';
	return VONAGE_CATEGORY[categoryType] ?? null;
}

/**
 * The categoryTypes a category is set as, most fitting first. Vonage has no busy category: a busy
 * agent is best expressed as Away (not offered work). "available" means a plain Ready definition,
 * never Ready (Outbound).
 */
export const VONAGE_CATEGORY_TYPES_BY_CATEGORY: Record<PresenceCategory, string[]> = {
	available: ['Ready'],
	busy: ['Away'],
	do_not_disturb: ['Away', 'ExtendedAway'],
	away: ['Away', 'ExtendedAway'],
	offline: ['LoggedOut'],
};
