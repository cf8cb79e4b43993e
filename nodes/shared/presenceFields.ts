/**
 * The Set fields every action node shares, so the same concept has the same name, values and
 * default in each: how the presence is given, the category, and Only If Different.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { PresenceCategory } from './presence';
import { PRESENCE_CATEGORIES } from './presence';

/** "Presence Given As": a presence (from the list or by ID) or a category; a vendor may add more. */
export function presenceByField(extra: INodePropertyOptions[] = []): INodeProperties {
	return {
		displayName: 'Presence Given As',
		name: 'presenceBy',
		type: 'options',
		default: 'presence',
		options: [
			{ name: 'Presence', value: 'presence', description: 'A presence, from the list or by ID' },
			{
				name: 'Category',
				value: 'category',
				description: 'Available, Busy, Do Not Disturb, Away or Offline, resolved to one of the vendor’s presences',
			},
			...extra,
		],
	};
}

/** The category to set; an expression may give it in any spelling ("Do Not Disturb", "DND"). */
export function categoryField(description: string): INodeProperties {
	return {
		displayName: 'Category',
		name: 'category',
		type: 'options',
		default: 'available',
		options: PRESENCE_CATEGORIES.map(({ name, value, description: d }) => ({ name, value, description: d })),
		description,
		displayOptions: { show: { presenceBy: ['category'] } },
	};
}

/** On by default: a sync that writes only changes cannot echo a presence back and forth. */
export const onlyIfDifferentField: INodeProperties = {
	displayName: 'Only If Different',
	name: 'onlyIfDifferent',
	type: 'boolean',
	default: true,
	description:
		'Whether to read the current presence first and skip the write when it already matches (stops two-way syncs from echoing)',
};

/** What a Set adds to the presence it outputs: whether it wrote, and what was there before. */
export interface SetOutcome {
	written: boolean;
	previousPresenceId: string | null;
	previousCategory: PresenceCategory | null;
	skippedReason?: string;
	[key: string]: string | boolean | null | undefined;
}

/** The presence read before the write (null when Only If Different was off, so nothing was read). */
export interface PreviousPresence {
	presenceId: string | null;
	category: PresenceCategory | null;
}

export function setOutcome(written: boolean, previous: PreviousPresence | null, skippedReason = 'same'): SetOutcome {
	const outcome: SetOutcome = {
		written,
		previousPresenceId: previous?.presenceId ?? null,
		previousCategory: previous?.category ?? null,
	};
	if (!written) outcome.skippedReason = skippedReason;
	return outcome;
}

/** The systems whose Set operations take the guard options; Teams is `teams`, as in items' `source`. */
export type GuardedSystem = 'dataverse' | 'genesys' | 'vonage' | 'teams';

/**
 * The states a vendor's presence read shows beyond the five categories: what a sync must not
 * overwrite because the contact centre itself put the agent there.
 */
const SYSTEM_STATES: Record<GuardedSystem, INodePropertyOptions[]> = {
	dataverse: [
		{
			name: 'Set by the System',
			value: 'setBySystem',
			description:
				'Dynamics 365 Contact Center itself set the current presence (e.g. because of capacity or work assignment), not the agent',
		},
	],
	genesys: [
		{
			name: 'On Queue',
			value: 'onQueue',
			description: 'The agent is On Queue in Genesys Cloud and is taking interactions',
		},
	],
	// The Agents API's presence read has no interaction state: categories only.
	vonage: [],
	teams: [
		{ name: 'In a Call (Busy)', value: 'InACall', description: 'Teams shows the user in a call' },
		{
			name: 'In a Conference Call (Busy)',
			value: 'InAConferenceCall',
			description: 'Teams shows the user in a conference call',
		},
		{ name: 'Presenting (Do Not Disturb)', value: 'Presenting', description: 'Teams shows the user presenting' },
		{
			name: 'Do Not Disturb (Activity)',
			value: 'DoNotDisturb',
			description: 'Teams shows Do Not Disturb (set by the user, or while focusing)',
		},
	],
};

const CURRENT_READ_NOTE: Record<GuardedSystem, string> = {
	dataverse:
		"Reads the agent's current presence and who set it first when a state is chosen, even with Only If Different off",
	genesys: 'Reads the current presence first when a state is chosen, even with Only If Different off',
	vonage: 'Reads the current presence first when a state is chosen, even with Only If Different off',
	teams: 'Reads the current presence first when a state is chosen, even with Only If Different off',
};

/** "Don't Override When Current Is": protected categories and the vendor's system states. */
export function protectedStatesOption(system: GuardedSystem): INodeProperties {
	const categories = PRESENCE_CATEGORIES.map(({ name, value }) => ({
		name: `Category: ${name}`,
		value,
		description: `The current presence is of the category ${name}`,
	}));
	return {
		displayName: "Don't Override When Current Is",
		name: 'dontOverrideWhen',
		type: 'multiOptions',
		default: [],
		options: [...categories, ...SYSTEM_STATES[system]],
		description: `Leave the agent's presence alone when it is currently in one of these states: nothing is written and the item says written false, skippedReason "protected" and which state (protectedState). ${CURRENT_READ_NOTE[system]}.`,
	};
}

const CHANGED_AT_SOURCE: Record<GuardedSystem, string> = {
	dataverse: 'when Dynamics 365 Contact Center last recorded a presence change (read first when this is set)',
	genesys: 'when Genesys Cloud last recorded a presence change (read first when this is set)',
	vonage: 'when Vonage Contact Center last recorded a presence change (read first when this is set)',
	teams: '',
};

/** "Source Changed At": a write older than the target's last change is dropped. */
export function sourceChangedAtOption(system: GuardedSystem): INodeProperties {
	const description =
		system === 'teams'
			? 'Has no effect for Microsoft Teams: Microsoft Graph does not say when a presence last changed, so an older event cannot be told apart from a newer one'
			: `When the change being copied happened at the source (the trigger's changedAt, an ISO 8601 date). If the agent's presence here changed later than that — ${CHANGED_AT_SOURCE[system]} — the event is out of date: nothing is written and the item says written false, skippedReason "stale". Protects against repeated and out-of-order deliveries without any stored state, but after this node's own write the time here is the write's: a second change made at the source while the first was still being copied is then judged out of date too. Syncs should use Source Presence ID with Source's Current Presence ID instead, which ignore this time.`;
	return {
		displayName: 'Source Changed At',
		name: 'sourceChangedAt',
		type: 'string',
		default: '',
		placeholder: '2026-01-31T09:30:00.000Z',
		description,
	};
}

/**
 * "Source Presence ID" and "Source's Current Presence ID": the stale check against the source.
 * An event whose presence the source no longer shows has been overtaken by a newer change, whose
 * own event writes it; nothing here depends on clocks or on what this node wrote before.
 */
export const sourceCheckOptions: INodeProperties[] = [
	{
		displayName: 'Source Presence ID',
		name: 'sourcePresenceId',
		type: 'string',
		default: '',
		placeholder: "={{ $('Trigger').item.json.presenceId }}",
		description:
			"The presence the event being copied reported at the source (the trigger's presenceId). Give it with Source's Current Presence ID: when the two differ, the source has changed since the event, so nothing is written and the item says written false, skippedReason \"stale\". An older, repeated or reordered event never overwrites a newer one, and a newer one is never skipped because of an earlier write.",
	},
	{
		displayName: "Source's Current Presence ID",
		name: 'sourceCurrentPresenceId',
		type: 'string',
		default: '',
		placeholder: "={{ $('Read source presence').item.json.presenceId }}",
		description:
			"The agent's presence at the source now: the presenceId of the source's Get Presence run just before this node. Compared with Source Presence ID; the target's own change time is then not used.",
	},
];
