/** The systems a Map Presence node maps between (every vendor in the registry), and the pairs it offers. */
import type { INodePropertyOptions } from 'n8n-workflow';

import type { VendorId } from '../shared/vendors';
import { VENDOR_IDS, VENDORS } from '../shared/vendors';

export type PresenceSystem = VendorId;

/**
 * Each system's product name (what the user sees), the shorter names the canvas shows where n8n
 * cuts text off (a subtitle after about 25 characters, an output's label after about 13) and the
 * credential type its presences are read with. An output's label is one word: n8n draws it over the
 * start of the connection line (as its If node's "true"/"false"), so a longer label hid the line's first bend.
 */
export const SYSTEMS = Object.fromEntries(
	VENDOR_IDS.map((id) => {
		const { product, short, output, credentials } = VENDORS[id];
		return [id, { name: product, short, output, credential: credentials[0] }];
	}),
) as Record<PresenceSystem, { name: string; short: string; output: string; credential: string }>;

const ALL = VENDOR_IDS;

/** A pair's option value: the two systems' ids joined by a colon. */
export const pairValue = (from: PresenceSystem, to: PresenceSystem) => `${from}:${to}`;

export const PAIRS: Array<[PresenceSystem, PresenceSystem]> = ALL.flatMap((from) =>
	ALL.filter((to) => to !== from).map((to) => [from, to] as [PresenceSystem, PresenceSystem]),
);

export const PAIR_OPTIONS: INodePropertyOptions[] = PAIRS.map(([from, to]) => ({
	name: `${SYSTEMS[from].name} → ${SYSTEMS[to].name}`,
	value: pairValue(from, to),
}));

export function parsePair(value: unknown): [PresenceSystem, PresenceSystem] | null {
	const found = PAIRS.find(([from, to]) => pairValue(from, to) === value);
	return found ?? null;
}
