/**
 * The one guarded Set every vendor's Set (and a Bulk Set) runs: read the target's presence
 * now → protected states and the stale checks (setGuards.ts) → Only If Different → write → the
 * item. A vendor supplies only how to read, compare, write and shape its item; the order of the
 * checks and the Set output fields (`written`, `previousPresenceId`, `skippedReason`, …) are here.
 * A person the target has no user for is skipped by the caller's skippingUnknownAgent (unknownAgent.ts),
 * which wraps the whole Set because the user is resolved before anything is read.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { GuardedSystem, PreviousPresence } from './presenceFields';
import { protectedStatesOption, setOutcome, sourceChangedAtOption, sourceCheckOptions } from './presenceFields';
import type { CurrentPresence, SetGuards } from './setGuards';
import { guardVerdict, guardsNeedCurrent, verdictFields } from './setGuards';

/** The guard options every Set offers in its Options, in this order: protected states, then the stale checks. */
export const guardOptions = (system: GuardedSystem): INodeProperties[] => [
	protectedStatesOption(system),
	sourceChangedAtOption(system),
	...sourceCheckOptions,
];

/** How one vendor sees its read of the target: what the guards compare and what the output reports. */
export interface CurrentRead<Read> {
	/** What the guards compare; null when the read shows no presence to compare. */
	presenceOf: (read: Read) => CurrentPresence | null;
	/** The presence before the write, for `previousPresenceId` / `previousCategory`. */
	previousOf: (read: Read) => PreviousPresence | null;
}

/** The decision on one read: the previous presence, and the skip's output fields when it must not write. */
export interface GuardDecision {
	previous: PreviousPresence | null;
	skipped: IDataObject | null;
}

/** Protected states and stale events win over Only If Different: a skip says the stronger reason. */
export async function decideOnRead<Read>(
	read: Read,
	guards: SetGuards | null,
	current: CurrentRead<Read>,
	isSame?: (read: Read, previous: PreviousPresence | null) => boolean | Promise<boolean>,
): Promise<GuardDecision> {
	const previous = current.previousOf(read);
	const verdict = guards ? guardVerdict(guards, current.presenceOf(read)) : null;
	if (verdict) return { previous, skipped: { ...setOutcome(false, previous, verdict.skippedReason), ...verdictFields(verdict) } };
	if (isSame && (await isSame(read, previous))) return { previous, skipped: setOutcome(false, previous) };
	return { previous, skipped: null };
}

export interface GuardedSet<Read, Written> extends CurrentRead<Read> {
	/** The item's guards, or null for a write that takes none (e.g. a Clear or a status message). */
	guards: SetGuards | null;
	onlyIfDifferent: boolean;
	/** Reads the target's presence now; called only when Only If Different or a guard needs it. */
	readCurrent: () => Promise<Read>;
	/** Whether the read already shows what the Set would write (Only If Different). */
	isSame: (read: Read, previous: PreviousPresence | null) => boolean | Promise<boolean>;
	/** The write itself (and, where the vendor answers nothing useful, the read back). */
	write: () => Promise<Written>;
	/** The output item of a skipped write, from the read and the skip's outcome fields. */
	skippedItem: (read: Read, outcome: IDataObject) => IDataObject | Promise<IDataObject>;
	/** The output item of a write, from its result and the presence before it. */
	writtenItem: (written: Written, previous: PreviousPresence | null) => IDataObject | Promise<IDataObject>;
}

export async function runGuardedSet<Read, Written>(set: GuardedSet<Read, Written>): Promise<IDataObject> {
	let previous: PreviousPresence | null = null;
	if (set.onlyIfDifferent || (set.guards !== null && guardsNeedCurrent(set.guards))) {
		const read = await set.readCurrent();
		const decision = await decideOnRead(read, set.guards, set, set.onlyIfDifferent ? set.isSame : undefined);
		if (decision.skipped) return await set.skippedItem(read, decision.skipped);
		previous = decision.previous;
	}
	return await set.writtenItem(await set.write(), previous);
}
