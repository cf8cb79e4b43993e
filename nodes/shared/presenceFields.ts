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
