/**
 * The Set fields every action node shares, so the same concept has the same name, values and
 * default in each: how the presence is given, the category, and Only If Different.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { PresenceCategory } from './presence';
import { PRESENCE_CATEGORIES } from './presence';
import type { VendorId } from './vendors';
import { VENDORS } from './vendors';

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

/** The systems whose Set operations take the guard options: every vendor, by its id. */
export type GuardedSystem = VendorId;

/**
 * "Don't Override When Current Is": protected categories and the vendor's system states (the
 * states its presence read shows beyond the five categories, which a sync must not overwrite
 * because the contact centre itself put the agent there).
 */
export function protectedStatesOption(system: GuardedSystem): INodeProperties {
	const vendor = VENDORS[system];
	const categories = PRESENCE_CATEGORIES.map(({ name, value }) => ({
		name: `Category: ${name}`,
		value,
		description: `The current presence is of the category ${name}`,
	}));
	const byDefault = vendor.protectedByDefault ?? [];
	const options = [...categories, ...vendor.systemStates];
	const defaultNote = byDefault.length
		? ` Without this option, ${byDefault.map((state) => options.find((o) => o.value === state)?.name ?? state).join(', ')}.`
		: '';
	const description = `Leave the agent's presence alone when it is currently in one of these states: nothing is written and the item says written false, skippedReason "protected" and which state (protectedState).${defaultNote} ${vendor.currentReadNote}.`;
	return {
		displayName: "Don't Override When Current Is",
		name: 'dontOverrideWhen',
		type: 'multiOptions',
		default: [...byDefault],
		options,
		description,
	};
}

/** "Source Changed At": a write older than the target's last change is dropped. */
export function sourceChangedAtOption(system: GuardedSystem): INodeProperties {
	const changedAt = VENDORS[system].changedAt;
	const description =
		'noEffect' in changedAt
			? changedAt.noEffect
			: `When the change being copied happened at the source (the trigger's changedAt, an ISO 8601 date). If the agent's presence here changed later than that — ${changedAt.recordedWhen} — the event is out of date: nothing is written and the item says written false, skippedReason "stale". Protects against repeated and out-of-order deliveries without any stored state, but after this node's own write the time here is the write's: a second change made at the source while the first was still being copied is then judged out of date too. Syncs should use Source Presence ID with Source's Current Presence ID instead, which ignore this time.`;
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
