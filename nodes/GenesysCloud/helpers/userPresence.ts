/** UserPresence answers as output items: Genesys' fields plus the shared presence model. */
import type { IDataObject } from 'n8n-workflow';

import { genesysCategory } from '../../shared/categories';
import type { PresenceEvent } from '../../shared/presence';
import { normalizedPresence } from '../../shared/presence';

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
