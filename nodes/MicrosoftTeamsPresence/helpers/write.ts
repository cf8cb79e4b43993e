/** The read-before / write / read-after steps every presence-writing operation shares. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { teamsCategory } from '../categories';
import { runGuardedSet } from '../../shared/guardedSet';
import { setOutcome } from '../../shared/presenceFields';
import { readSetGuards } from '../../shared/setGuards';
import { requestTimeoutMs } from '../../shared/timeout';
import { asNodeError, graphRequest } from '../transport';
import { pairId, presenceItem } from './presence';

const READ = { application: 'Presence.Read.All', delegated: 'Presence.Read.All' };
export const WRITE = { application: 'Presence.ReadWrite.All', delegated: 'Presence.ReadWrite' };

export const presencePath = (agentId: string) => `/users/${encodeURIComponent(agentId)}/presence`;

export async function readPresence(ctx: IExecuteFunctions, agentId: string, timeoutMs?: number): Promise<IDataObject> {
	return await graphRequest(ctx, { method: 'GET', path: presencePath(agentId), timeoutMs, permission: READ });
}

export interface WriteStep {
	action: string;
	body?: IDataObject | string;
	/** Availability/activity wanted: with Only If Different, the write is skipped when Teams already shows it. */
	wanted?: [string, string];
	idempotent?: boolean;
	/** Whether a 404 means "nothing to clear" (clearPresence without a session). */
	notFoundIsNoop?: boolean;
}

/**
 * Runs one write for an item and answers the agent's presence after it (VOCAB's Set output:
 * `written`, `previousPresenceId`, `previousCategory`, `skippedReason`).
 */
export async function writePresence(
	ctx: IExecuteFunctions,
	itemIndex: number,
	agentId: string,
	step: WriteStep,
): Promise<IDataObject> {
	const timeoutMs = requestTimeoutMs(ctx, itemIndex);
	const wanted = step.wanted;
	// Only the operations that set a presence (a wanted pair) take the guards. Graph's presence has
	// no change time, so Source Changed At cannot apply: only protected states count.
	const read = wanted ? readSetGuards(ctx, itemIndex) : undefined;
	return await runGuardedSet<IDataObject, boolean>({
		guards: read ? { ...read, sourceChangedAt: null } : null,
		onlyIfDifferent: wanted !== undefined && ctx.getNodeParameter('onlyIfDifferent', itemIndex, true) === true,
		readCurrent: async () => await readPresence(ctx, agentId, timeoutMs),
		presenceOf: (previous) => ({
			category: teamsCategory(previous.availability as string | undefined),
			states: typeof previous.activity === 'string' ? [previous.activity] : [],
			changedAt: null,
		}),
		previousOf: (previous) => ({
			presenceId: pairId(previous.availability, previous.activity),
			category: teamsCategory(previous.availability as string | undefined),
		}),
		isSame: (previous) => pairId(previous.availability, previous.activity) === pairId(...wanted!),
		write: async () => await writeStep(ctx, agentId, step, timeoutMs),
		skippedItem: (previous, outcome) => presenceItem({ id: agentId, ...previous }, 'presence_set', outcome),
		// Graph answers a write with no body: the presence after it is read back.
		writtenItem: async (written, previous) => {
			const after = await readPresence(ctx, agentId, timeoutMs);
			const extra: IDataObject = setOutcome(written, previous, 'no_session');
			if (wanted) extra.requestedPresenceId = pairId(...wanted);
			return presenceItem({ id: agentId, ...after }, 'presence_set', extra);
		},
	});
}

/** The POST itself; false when it found nothing to clear (a 404 the step expects). */
async function writeStep(
	ctx: IExecuteFunctions,
	agentId: string,
	step: WriteStep,
	timeoutMs: number | undefined,
): Promise<boolean> {
	try {
		await graphRequest(ctx, {
			method: 'POST',
			path: `${presencePath(agentId)}/${step.action}`,
			body: step.body,
			idempotent: step.idempotent,
			timeoutMs,
			permission: WRITE,
		});
		return true;
	} catch (error) {
		if (step.notFoundIsNoop && (error as { httpCode?: string }).httpCode === '404') return false;
		throw asNodeError(ctx, error);
	}
}
