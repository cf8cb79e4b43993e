/**
 * What changed between two polls of GetCurrentUserData. The API shows each agent's status now, not
 * its history: a poll sees the status an agent is in, and a change is a different status or the
 * same one started again (a new StatusStartTimestamp). Statuses held between two polls are not seen.
 */
import type { IDataObject } from 'n8n-workflow';

import type { PresenceEvent } from '../../shared/presence';

/** Per logged-in agent: the status and when it started, as last seen. */
export type Snapshot = Record<string, { presenceId: string | null; changedAt: string | null }>;

export function snapshotOf(items: IDataObject[]): Snapshot {
	const snapshot: Snapshot = {};
	for (const item of items) {
		snapshot[String(item.agentId)] = { presenceId: (item.presenceId as string | null) ?? null, changedAt: (item.changedAt as string | null) ?? null };
	}
	return snapshot;
}

export interface Change {
	agentId: string;
	event: PresenceEvent;
	/** The agent's current item (none for a logout). */
	item?: IDataObject;
}

/**
 * The changes from `before` to the current items: a new agent logged in, a different status or
 * start time changed presence, an agent no longer listed logged out.
 */
export function changesSince(before: Snapshot, items: IDataObject[]): Change[] {
	const changes: Change[] = [];
	const now = new Set<string>();
	for (const item of items) {
		const agentId = String(item.agentId);
		now.add(agentId);
		const was = before[agentId];
		if (!was) changes.push({ agentId, event: 'logged_in', item });
		else if (was.presenceId !== item.presenceId || was.changedAt !== item.changedAt) changes.push({ agentId, event: 'presence_changed', item });
	}
	for (const agentId of Object.keys(before)) if (!now.has(agentId)) changes.push({ agentId, event: 'logged_out' });
	return changes;
}
