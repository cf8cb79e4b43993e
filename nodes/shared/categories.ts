/**
 * Each vendor's native presence vocabulary mapped onto the shared categories.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { PresenceCategory } from './presence';
import { PRESENCE_CATEGORIES } from './presence';

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

/** An expression that found no category renders as one of these. */
const NO_CATEGORY = new Set(['', 'null', 'undefined']);

/** The webhook triggers whose items carry a presence (the Dynamics one is the same trigger, source fixed). */
const TRIGGER_TYPES = ['agentPresenceTrigger', 'dynamicsContactCenterTrigger'];

/** The presence the item is about: on the item itself, else on the trigger's item it came from. */
function presenceLabel(ctx: IExecuteFunctions, itemIndex: number): string {
	const own = ctx.getInputData()[itemIndex]?.json ?? {};
	const named = (json: IDataObject) => (json.presenceName ?? json.presenceId ?? null) as string | null;
	if (named(own)) return String(named(own));
	try {
		const trigger = ctx
			.getParentNodes(ctx.getNode().name)
			.find((p) => TRIGGER_TYPES.includes(p.type.slice(p.type.lastIndexOf('.') + 1)));
		if (trigger) {
			const found = ctx.evaluateExpression(
				`{{ $('${trigger.name}').item.json.presenceName ?? $('${trigger.name}').item.json.presenceId }}`,
				itemIndex,
			);
			if (typeof found === 'string' && found !== '' && found !== 'null') return found;
		}
	} catch {
		// No paired trigger item: the generic wording below says enough.
	}
	return 'the incoming presence';
}

/** Every spelling of a category an expression may give, squashed (case, spaces, `-`, `_` dropped). */
const CATEGORY_SPELLINGS: Record<string, PresenceCategory> = {
	available: 'available',
	busy: 'busy',
	donotdisturb: 'do_not_disturb',
	dnd: 'do_not_disturb',
	away: 'away',
	offline: 'offline',
};

/**
 * The category a Set by category is given (from the options list or an expression): "Do Not
 * Disturb", "do_not_disturb", "DND" and "do-not-disturb" are the same, in any case. An empty value
 * is usually a custom presence not resolved or mapped yet: the error names the presence and both
 * ways to give it one. Any other value lists the valid categories.
 */
export function requirePresenceCategory(ctx: IExecuteFunctions, value: unknown, itemIndex: number): PresenceCategory {
	if (value === null || value === undefined || NO_CATEGORY.has(String(value).trim())) {
		const label = presenceLabel(ctx, itemIndex);
		throw new NodeOperationError(ctx.getNode(), `No presence category for "${label}"`, {
			itemIndex,
			description:
				`"${label}" is probably a custom presence, and a custom presence has no category until it is mapped. ` +
				'Turn on "Resolve Custom Presences" in the Agent Presence Trigger (Dynamics: the category comes from the presence\'s base status, read with the Dataverse credential), ' +
				'or map the presence name to a category (available, busy, do_not_disturb, away, offline) in the workflow\'s mapping.',
		});
	}
	const found = CATEGORY_SPELLINGS[String(value).toLowerCase().replace(/[\s_-]+/g, '')];
	if (!found) {
		throw new NodeOperationError(ctx.getNode(), `Unknown presence category "${String(value)}"`, {
			itemIndex,
			description: `Use one of: ${PRESENCE_CATEGORIES.map((c) => c.value).join(', ')}`,
		});
	}
	return found;
}

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
