/**
 * The guards every Set operation applies before it writes: protected states ("Don't Override
 * When Current Is") and stale events. An event is stale when the SOURCE has moved on since it:
 * "Source Presence ID" (the event's) differs from "Source's Current Presence ID" (read from the
 * source just before this write). The target's own modification time cannot tell this: after
 * our own write it is our write time, so it would drop the next, newer change (issue #20).
 * "Source Changed At" alone still compares with the target's time, for syncs without a source read.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { PresenceCategory } from './presence';

export interface SetGuards {
	/** Categories and vendor states that must not be overwritten. */
	protectedStates: string[];
	/** The source change's time in ms since the epoch, or null when not given. */
	sourceChangedAt: number | null;
	/** The event's presence at the source and the source's presence now, or null when not both given. */
	sourceCheck: { eventPresenceId: string; currentPresenceId: string } | null;
}

/** What the Set read about the target before writing. */
export interface CurrentPresence {
	category: PresenceCategory | null;
	/** Vendor states the read shows (e.g. `onQueue`, `setBySystem`, an activity). */
	states: string[];
	/** When the target's presence last changed (ISO 8601), or null when the vendor does not say. */
	changedAt: string | null;
}

export type GuardVerdict =
	| { skippedReason: 'protected'; protectedState: string }
	| { skippedReason: 'stale'; sourceChangedAt: string }
	| { skippedReason: 'stale'; sourcePresenceId: string; sourceCurrentPresenceId: string }
	| null;

/** The item's guard options (in `options`); a Source Changed At that is not a date fails the item. */
export function readSetGuards(ctx: IExecuteFunctions, itemIndex: number): SetGuards {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const states = options.dontOverrideWhen;
	const protectedStates = Array.isArray(states) ? states.map(String) : [];
	const raw = options.sourceChangedAt;
	let sourceChangedAt: number | null = null;
	if (raw !== undefined && raw !== null && String(raw).trim() !== '') {
		sourceChangedAt = Date.parse(String(raw).trim());
		if (!Number.isFinite(sourceChangedAt)) {
			throw new NodeOperationError(ctx.getNode(), `Source Changed At is not a date: "${String(raw)}"`, {
				itemIndex,
				description: "Give an ISO 8601 date such as the trigger's changedAt, e.g. 2026-01-31T09:30:00.000Z",
			});
		}
	}
	return { protectedStates, sourceChangedAt, sourceCheck: readSourceCheck(ctx, options, itemIndex) };
}

const idText = (value: unknown) => (value === undefined || value === null ? '' : String(value).trim());

/** Both presence IDs, or null when neither is given; one without the other fails the item. */
function readSourceCheck(ctx: IExecuteFunctions, options: IDataObject, itemIndex: number): SetGuards['sourceCheck'] {
	const eventPresenceId = idText(options.sourcePresenceId);
	const currentPresenceId = idText(options.sourceCurrentPresenceId);
	if (eventPresenceId === '' && currentPresenceId === '') return null;
	if (eventPresenceId === '' || currentPresenceId === '') {
		const missing = eventPresenceId === '' ? 'Source Presence ID' : "Source's Current Presence ID";
		throw new NodeOperationError(ctx.getNode(), `${missing} is empty: the stale check needs both presence IDs`, {
			itemIndex,
			description:
				"Give the trigger's presenceId as Source Presence ID and the presenceId the source's Get answers just before this node as Source's Current Presence ID",
		});
	}
	return { eventPresenceId, currentPresenceId };
}

/** Whether the guards need the current presence (read even when Only If Different is off). */
export function guardsNeedCurrent(guards: SetGuards): boolean {
	return guards.protectedStates.length > 0 || guards.sourceChangedAt !== null || guards.sourceCheck !== null;
}

/** Why the write must not happen, or null when it may. Protected wins over stale. */
export function guardVerdict(guards: SetGuards, current: CurrentPresence | null): GuardVerdict {
	const hit = current
		? guards.protectedStates.find((state) => state === current.category || current.states.includes(state))
		: undefined;
	if (hit !== undefined) return { skippedReason: 'protected', protectedState: hit };
	const check = guards.sourceCheck;
	if (check) {
		// The source is the clock: the target's time is not consulted (it may be our own write's).
		if (check.eventPresenceId.toLowerCase() === check.currentPresenceId.toLowerCase()) return null;
		return {
			skippedReason: 'stale',
			sourcePresenceId: check.eventPresenceId,
			sourceCurrentPresenceId: check.currentPresenceId,
		};
	}
	if (!current) return null;
	if (guards.sourceChangedAt !== null && current.changedAt) {
		const changedAt = Date.parse(current.changedAt);
		// Later, not equal: a duplicate of the very change that is current is Only If Different's case.
		if (Number.isFinite(changedAt) && changedAt > guards.sourceChangedAt) {
			return { skippedReason: 'stale', sourceChangedAt: new Date(guards.sourceChangedAt).toISOString() };
		}
	}
	return null;
}

/** The Set output fields of a guarded skip (added to setOutcome(false, previous, reason)). */
export function verdictFields(verdict: Exclude<GuardVerdict, null>): IDataObject {
	if (verdict.skippedReason === 'protected') return { protectedState: verdict.protectedState };
	return 'sourcePresenceId' in verdict
		? { sourcePresenceId: verdict.sourcePresenceId, sourceCurrentPresenceId: verdict.sourceCurrentPresenceId }
		: { sourceChangedAt: verdict.sourceChangedAt };
}
