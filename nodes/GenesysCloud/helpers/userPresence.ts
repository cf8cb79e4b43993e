/** UserPresence answers as output items: Genesys' fields plus the shared presence model. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readInBatches } from '../../shared/bulkRead';
import { genesysCategory } from '../categories';
import type { PresenceEvent } from '../../shared/presence';
import { normalizedPresence } from '../../shared/presence';
import type { CurrentRead } from '../../shared/guardedSet';
import type { CurrentPresence } from '../../shared/setGuards';
import { BULK_PRESENCE_LIMIT, requestPresencesBulk } from './presencesBulk';

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

/** The PURECLOUD presence of any number of users, 50 per bulk read (a Bulk Set's guards). */
export async function readPurecloudPresences(
	ctx: IExecuteFunctions,
	userIds: string[],
	timeoutMs?: number,
): Promise<Map<string, IDataObject>> {
	// One read at a time, in order, as the Bulk Set has always read its guarded agents.
	return await readInBatches(userIds, { batchSize: BULK_PRESENCE_LIMIT, parallel: 1 }, async (chunk) =>
		await requestPresencesBulk(ctx, chunk, timeoutMs),
	);
}
