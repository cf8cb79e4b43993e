/** UserPresence answers as output items: Genesys' fields plus the shared presence model. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { genesysCategory } from '../../shared/categories';
import type { PresenceEvent } from '../../shared/presence';
import { normalizedPresence } from '../../shared/presence';
import type { CurrentRead } from '../../shared/guardedSet';
import type { CurrentPresence } from '../../shared/setGuards';
import { genesysRequest } from '../transport';

/** The path segment of a source: Genesys' own is `purecloud`, any other is its source ID. */
export function sourcePath(userId: string, source: string): string {
	return `/api/v2/users/${encodeURIComponent(userId)}/presences/${encodeURIComponent(source)}`;
}

/**
 * Genesys' `source` (PURECLOUD, a custom source ID) moves to `sourceId` — the newer SDK model's
 * name for it — because `source` carries the normalized vendor name ('genesys').
 */
export function userPresenceItem(
	userId: string,
	native: IDataObject,
	event: PresenceEvent,
	extra: IDataObject = {},
): IDataObject {
	const { source, ...rest } = native;
	const definition = (native.presenceDefinition ?? {}) as IDataObject;
	const systemPresence = definition.systemPresence as string | undefined;
	return {
		...rest,
		sourceId: native.sourceId ?? source,
		...extra,
		...normalizedPresence({
			source: 'genesys',
			event,
			agentId: userId,
			presenceId: (definition.id as string | undefined) ?? null,
			presenceName: ((native.name as string | undefined) ?? systemPresence) || null,
			category: genesysCategory(systemPresence),
			changedAt: (native.modifiedDate as string | undefined) ?? null,
		}),
	};
}

/** A UserPresence as the Set guards see it: category, On Queue, and `modifiedDate`. */
export function currentOfUserPresence(native: IDataObject): CurrentPresence {
	const systemPresence = ((native.presenceDefinition ?? {}) as IDataObject).systemPresence;
	const onQueue = typeof systemPresence === 'string' && systemPresence.replace(/[\s_-]+/g, '').toUpperCase() === 'ONQUEUE';
	return {
		category: genesysCategory(systemPresence as string | undefined),
		states: onQueue ? ['onQueue'] : [],
		changedAt: typeof native.modifiedDate === 'string' ? native.modifiedDate : null,
	};
}

/** A UserPresence read before a Set, as the guarded Set sees it (its presence definition is the previous presence). */
export const userPresenceRead: CurrentRead<IDataObject | undefined> = {
	presenceOf: (native) => (native ? currentOfUserPresence(native) : null),
	previousOf: (native) => {
		const definition = (native?.presenceDefinition ?? {}) as IDataObject;
		return {
			presenceId: (definition.id as string | undefined) ?? null,
			category: genesysCategory(definition.systemPresence as string | undefined),
		};
	},
};

/** Genesys' public clients read at most 50 users' presences per bulk call. */
export const BULK_READ_LIMIT = 50;

/**
 * The PURECLOUD presence of up to 50 users: `GET /api/v2/users/presences/purecloud/bulk?id=a,b`
 * (PresenceApi getUsersPresencesPurecloudBulk; comma-joined as Genesys' SDK sends them). The
 * answer's UcUserPresence names its user in `userId`; users missing from it are missing here.
 */
export async function readPurecloudPresences(
	ctx: IExecuteFunctions,
	userIds: string[],
	timeoutMs?: number,
): Promise<Map<string, IDataObject>> {
	const out = new Map<string, IDataObject>();
	for (let start = 0; start < userIds.length; start += BULK_READ_LIMIT) {
		const chunk = userIds.slice(start, start + BULK_READ_LIMIT);
		// Written out: n8n's query serializer would send `id[]=…` for an array.
		const answer = await genesysRequest<IDataObject[]>(ctx, {
			method: 'GET',
			path: `/api/v2/users/presences/purecloud/bulk?id=${chunk.map(encodeURIComponent).join(',')}`,
			timeoutMs,
		});
		const wanted = new Map(chunk.map((id) => [id.toLowerCase(), id]));
		for (const presence of Array.isArray(answer) ? answer : []) {
			const userId = typeof presence?.userId === 'string' ? wanted.get(presence.userId.toLowerCase()) : undefined;
			if (userId) out.set(userId, presence);
		}
	}
	return out;
}
