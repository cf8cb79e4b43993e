/**
 * The Set guard options worded for Amazon Connect. Same parameter names and semantics as the other
 * vendors' (nodes/shared/presenceFields.ts), plus the Contact Control Panel state "on a contact".
 */
import type { INodeProperties } from 'n8n-workflow';

import { PRESENCE_CATEGORIES } from '../../shared/presence';
import { ON_CONTACT } from '../helpers/presence';

/**
 * "Don't Override When Current Is": by default an agent with a contact in progress is left alone —
 * Amazon Connect would only queue the status as NextStatus, applied when the contact ends, by
 * when the sync's reason may be gone.
 */
export const protectedStatesOption: INodeProperties = {
	displayName: "Don't Override When Current Is",
	name: 'dontOverrideWhen',
	type: 'multiOptions',
	default: [ON_CONTACT],
	options: [
		...PRESENCE_CATEGORIES.map(({ name, value }) => ({ name: `Category: ${name}`, value, description: `The current status is of the category ${name}` })),
		{ name: 'On a Contact', value: ON_CONTACT, description: 'The agent has a contact in progress (a call, chat or task)' },
	],
	description:
		'Leave the agent’s status alone when it is currently in one of these states: nothing is written and the item says written false, skippedReason "protected" and which state (protectedState). Without this option, On a Contact. Reads the current status first when a state is chosen, even with Only If Different off.',
};

/** "Source Changed At", against the time the agent's current status started (StatusStartTimestamp). */
export const sourceChangedAtOption: INodeProperties = {
	displayName: 'Source Changed At',
	name: 'sourceChangedAt',
	type: 'string',
	default: '',
	placeholder: '2026-01-31T09:30:00.000Z',
	description:
		"When the change being copied happened at the source (the trigger's changedAt, an ISO 8601 date). If the agent's status here started later than that, the event is out of date: nothing is written and the item says written false, skippedReason \"stale\". Syncs should use Source Presence ID with Source's Current Presence ID instead, which ignore this time.",
};
