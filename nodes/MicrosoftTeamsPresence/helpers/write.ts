/** The read-before / write / read-after steps every presence-writing operation shares. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { teamsCategory } from '../../shared/categories';
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
	body?: IDataObject;
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
	let previous: IDataObject | undefined;
	if (onlyIfDifferent) {
		previous = await readPresence(ctx, agentId, timeoutMs);
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
			permission: step.action === 'setStatusMessage' ? { delegated: 'Presence.ReadWrite' } : WRITE,
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
