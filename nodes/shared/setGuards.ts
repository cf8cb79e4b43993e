/**
 * The two guards every Set operation applies before it writes: protected states ("Don't
 * Override When Current Is") and stale events ("Source Changed At"). Both compare the item's
 * options with the target's current presence only, so they hold across executions and workers.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { PresenceCategory } from './presence';

export interface SetGuards {
	/** Categories and vendor states that must not be overwritten. */
	protectedStates: string[];
	/** The source change's time in ms since the epoch, or null when not given. */
	sourceChangedAt: number | null;
}

/** What the Set read about the target before writing. */
export interface CurrentPresence {
	category: PresenceCategory | null;
	/** Vendor states the read shows (`onQueue`, `setBySystem`, a Teams activity). */
	states: string[];
	/** When the target's presence last changed (ISO 8601), or null when the vendor does not say. */
	changedAt: string | null;
}

export type GuardVerdict =
	| { skippedReason: 'protected'; protectedState: string }
	| { skippedReason: 'stale'; sourceChangedAt: string }
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
	return { protectedStates, sourceChangedAt };
}

/** Whether the guards need the current presence (read even when Only If Different is off). */
export function guardsNeedCurrent(guards: SetGuards): boolean {
	return guards.protectedStates.length > 0 || guards.sourceChangedAt !== null;
}

/** Why the write must not happen, or null when it may. Protected wins over stale. */
export function guardVerdict(guards: SetGuards, current: CurrentPresence | null): GuardVerdict {
	if (!current) return null;
	const hit = guards.protectedStates.find(
		(state) => state === current.category || current.states.includes(state),
	);
	if (hit !== undefined) return { skippedReason: 'protected', protectedState: hit };
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
	return verdict.skippedReason === 'protected'
		? { protectedState: verdict.protectedState }
		: { sourceChangedAt: verdict.sourceChangedAt };
}
