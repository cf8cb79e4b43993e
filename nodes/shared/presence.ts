/**
 * One presence model for every vendor: each node keeps its vendor's native fields and adds
 * these, so sync logic can compare presences without a Code node.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Vendor } from './endpoints';

export type PresenceCategory = 'available' | 'busy' | 'do_not_disturb' | 'away' | 'offline';

export const PRESENCE_CATEGORIES: Array<{ name: string; value: PresenceCategory; description: string }> = [
	{ name: 'Available', value: 'available', description: 'Ready to take work' },
	{ name: 'Busy', value: 'busy', description: 'Working, not to be offered more' },
	{ name: 'Do Not Disturb', value: 'do_not_disturb', description: 'Busy and not to be disturbed' },
	{ name: 'Away', value: 'away', description: 'Away from the desk (break, lunch, meeting)' },
	{ name: 'Offline', value: 'offline', description: 'Logged out or offline' },
];

export type PresenceEvent =
	| 'presence_changed'
	| 'capacity_changed'
	| 'agent_created'
	| 'logged_in'
	| 'logged_out'
	| 'presence_read'
	| 'presence_set';

/** The system the presence lives in: the API name, except Microsoft Teams (`teams`, reached through Graph). */
export type PresenceSource = Exclude<Vendor, 'graph'> | 'teams' | 'amazonConnect';

export interface NormalizedPresence {
	source: PresenceSource;
	event: PresenceEvent;
	agentId: string;
	presenceId: string | null;
	presenceName: string | null;
	/** null when the presence is custom and its category could not be resolved. */
	category: PresenceCategory | null;
	loggedIn?: boolean;
	capacity?: number;
	changedBy?: string;
	changedAt: string | null;
	raw?: IDataObject;
}

/** Drops undefined keys so emitted items hold only what the vendor told us. */
export function normalizedPresence(fields: NormalizedPresence): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) if (value !== undefined) out[key] = value as IDataObject[string];
	return out;
}
