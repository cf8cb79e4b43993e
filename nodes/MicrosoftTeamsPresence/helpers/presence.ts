/** Graph `presence` answers as output items: Graph's fields plus the shared presence model. */
import type { IDataObject } from 'n8n-workflow';

import { teamsCategory } from '../categories';
import type { PresenceEvent } from '../../shared/presence';
import { normalizedPresence } from '../../shared/presence';

/** `Busy/InACall`: availability and activity together identify a Teams presence. */
export const pairId = (availability: unknown, activity: unknown) => `${String(availability)}/${String(activity)}`;

export function pairName(availability: unknown, activity: unknown): string {
	return availability === activity ? String(availability) : `${String(availability)} (${String(activity)})`;
}

/**
 * Graph's `id` (the user's object ID) becomes `agentId`. Graph's presence carries no change time,
 * so `changedAt` is null unless the caller observed the change itself.
 */
export function presenceItem(
	native: IDataObject,
	event: PresenceEvent,
	extra: IDataObject = {},
	changedAt: string | null = null,
): IDataObject {
	const { id, ...fields } = native;
	// OData annotations (@odata.context) describe the response, not the presence.
	const rest = Object.fromEntries(Object.entries(fields).filter(([k]) => !k.startsWith('@odata.')));
	const known =
		typeof native.availability === 'string' && native.availability !== '' && native.availability !== 'PresenceUnknown';
	return {
		...rest,
		...extra,
		...normalizedPresence({
			source: 'teams',
			event,
			agentId: String(id ?? ''),
			presenceId: known ? pairId(native.availability, native.activity) : null,
			presenceName: known ? pairName(native.availability, native.activity) : null,
			category: teamsCategory(native.availability as string | undefined),
			changedAt,
		}),
	};
}
