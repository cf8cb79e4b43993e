/** The read-before / write / read-after steps every presence-writing operation shares. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { teamsCategory } from '../categories';
import { guardVerdict, guardsNeedCurrent, readSetGuards, verdictFields } from '../../shared/setGuards';
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
	const onlyIfDifferent = step.wanted !== undefined && ctx.getNodeParameter('onlyIfDifferent', itemIndex, true) === true;
	// Only the operations that set a presence (a wanted pair) take the guards. Graph's presence has
	// no change time, so Source Changed At cannot apply: only protected states count.
	const read = step.wanted ? readSetGuards(ctx, itemIndex) : undefined;
	const guards = read ? { ...read, sourceChangedAt: null } : undefined;
	let previous: IDataObject | undefined;
	if (onlyIfDifferent || (guards && guardsNeedCurrent(guards))) {
		previous = await readPresence(ctx, agentId, timeoutMs);
		const verdict = guards
			? guardVerdict(
					guards,
					{
						category: teamsCategory(previous.availability as string | undefined),
						states: typeof previous.activity === 'string' ? [previous.activity] : [],
						changedAt: null,
					},
				)
			: null;
		if (verdict) {
			return presenceItem({ id: agentId, ...previous }, 'presence_set', {
				written: false,
				skippedReason: verdict.skippedReason,
				...verdictFields(verdict),
				...previousFields(previous),
			});
		}
	}
	if (onlyIfDifferent && previous) {
		if (pairId(previous.availability, previous.activity) === pairId(...step.wanted!)) {
			return presenceItem({ id: agentId, ...previous }, 'presence_set', {
				written: false,
				skippedReason: 'same',
				...previousFields(previous),
			});
		}
	}
	let written = true;
	let failure: unknown;
	try {
		await graphRequest(ctx, {
			method: 'POST',
			path: `${presencePath(agentId)}/${step.action}`,
			body: step.body,
			idempotent: step.idempotent,
			timeoutMs,
			permission: WRITE,
		});
	} catch (error) {
		failure = error;
	}
	if (failure !== undefined) {
		if (!(step.notFoundIsNoop && (failure as { httpCode?: string }).httpCode === '404')) throw asNodeError(ctx, failure);
		written = false;
	}
	const after = await readPresence(ctx, agentId, timeoutMs);
	const extra: IDataObject = { written, ...previousFields(previous) };
	if (!written) extra.skippedReason = 'no_session';
	if (step.wanted) extra.requestedPresenceId = pairId(...step.wanted);
	return presenceItem({ id: agentId, ...after }, 'presence_set', extra);
}

function previousFields(previous: IDataObject | undefined): IDataObject {
	if (!previous) return { previousPresenceId: null, previousCategory: null };
	return {
		previousPresenceId: pairId(previous.availability, previous.activity),
		previousCategory: teamsCategory(previous.availability as string | undefined),
	};
}
