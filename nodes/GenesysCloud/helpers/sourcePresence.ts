/**
 * One user's presence on one source, read and written the way Genesys Cloud documents for that kind
 * of source (SDK PresenceApi):
 * - PURECLOUD and unlisted custom sources: GET / PATCH /api/v2/users/{userId}/presences/{source};
 * - a registered source (Presence Sources API): those endpoints "do not support registered presence
 *   sources", so it is written with PUT /api/v2/users/presences/bulk naming it in `sourceId`, read with
 *   GET /api/v2/users/presences/{sourceId}/bulk, and made primary with
 *   PUT /api/v2/presence/users/{userId}/primarysource.
 * What the user shows, and is routed on, is their primary source's presence: a write to another
 * source changes nothing anyone sees.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { SourceRef } from './sources';
import { sourcePath } from './userPresence';
import { EDIT_PRESENCE_PERMISSION, genesysRequest } from '../transport';

export interface PresenceWrite {
	definitionId: string;
	message?: string;
	/** Make this source the user's primary one. */
	primary?: boolean;
}

const bulkPath = (sourceId: string, userId: string) =>
	`/api/v2/users/presences/${encodeURIComponent(sourceId)}/bulk?id=${encodeURIComponent(userId)}`;

export async function readSourcePresence(
	ctx: IExecuteFunctions,
	userId: string,
	source: SourceRef,
	timeoutMs?: number,
): Promise<IDataObject> {
	if (!source.registered) return await genesysRequest(ctx, { method: 'GET', path: sourcePath(userId, source.id), timeoutMs });
	const answer = await genesysRequest<IDataObject[]>(ctx, { method: 'GET', path: bulkPath(source.id, userId), timeoutMs });
	const found = (Array.isArray(answer) ? answer : []).find(
		(p) => typeof p?.userId === 'string' && p.userId.toLowerCase() === userId.toLowerCase(),
	);
	if (found) return found;
	throw new NodeOperationError(ctx.getNode(), `Genesys Cloud has no presence of user ${userId} on source ${source.id}`, {
		description: `GET /api/v2/users/presences/${source.id}/bulk answered without this user`,
	});
}

/** Writes the presence and answers Genesys' UserPresence (its `primary` says whether the user shows it). */
export async function writeSourcePresence(
	ctx: IExecuteFunctions,
	userId: string,
	source: SourceRef,
	write: PresenceWrite,
	timeoutMs?: number,
): Promise<IDataObject> {
	if (!source.registered) {
		// PATCH (UserPresence): presenceDefinition.id is the only field Genesys needs.
		const body: IDataObject = { presenceDefinition: { id: write.definitionId } };
		if (write.message !== undefined) body.message = write.message;
		if (write.primary === true) body.primary = true;
		// Setting a presence to a given value is idempotent: safe to retry after a 5xx.
		return await genesysRequest(ctx, {
			method: 'PATCH',
			path: sourcePath(userId, source.id),
			body,
			idempotent: true,
			timeoutMs,
			permission: EDIT_PRESENCE_PERMISSION,
		});
	}
	const entry: IDataObject = { id: userId, sourceId: source.id, presenceDefinition: { id: write.definitionId } };
	if (write.message !== undefined) entry.message = write.message;
	const answer = await genesysRequest<IDataObject[]>(ctx, {
		method: 'PUT',
		path: '/api/v2/users/presences/bulk',
		body: [entry],
		idempotent: true,
		timeoutMs,
		permission: EDIT_PRESENCE_PERMISSION,
	});
	const written = (Array.isArray(answer) ? answer : []).find((p) => p?.id === userId) ?? (answer?.[0] as IDataObject | undefined);
	if (!written) {
		throw new NodeOperationError(ctx.getNode(), `Genesys Cloud's bulk answer has no result for user ${userId}`);
	}
	if (write.primary !== true || written.primary === true) return written;
	await makePrimary(ctx, userId, source.id, timeoutMs);
	return { ...written, primary: true };
}

/** PUT /api/v2/presence/users/{userId}/primarysource (needs presence:userPrimarySource:edit). */
export async function makePrimary(ctx: IExecuteFunctions, userId: string, sourceId: string, timeoutMs?: number): Promise<void> {
	await genesysRequest(ctx, {
		method: 'PUT',
		path: `/api/v2/presence/users/${encodeURIComponent(userId)}/primarysource`,
		body: { sourceId },
		idempotent: true,
		timeoutMs,
		permission: 'presence:userPrimarySource:edit',
	});
}

/** GET /api/v2/presence/users/{userId}/primarysource (needs presence:userPrimarySource:view): is it this source? */
export async function isPrimarySource(ctx: IExecuteFunctions, userId: string, sourceId: string, timeoutMs?: number): Promise<boolean> {
	const primary = await genesysRequest(ctx, {
		method: 'GET',
		path: `/api/v2/presence/users/${encodeURIComponent(userId)}/primarysource`,
		timeoutMs,
		permission: 'presence:userPrimarySource:view',
	});
	return typeof primary.sourceId === 'string' && primary.sourceId.toLowerCase() === sourceId.toLowerCase();
}

/**
 * A write the user does not show: Genesys answered the written source as not their primary one. Such a
 * write is no `written: true` (the agent and routing still see the primary source's presence).
 */
export const notShown = (answer: IDataObject): boolean => answer.primary === false;

/** Why a write that went through is not reported as written. */
export const NOT_PRIMARY_REASON = 'sourceNotPrimary';
