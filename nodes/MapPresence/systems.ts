/** The systems a Map Presence node maps between, and the pairs it offers. */
import type { INodePropertyOptions } from 'n8n-workflow';

export type PresenceSystem = 'dataverse' | 'genesys' | 'vonage' | 'teams';

/**
 * Each system's product name (what the user sees), the shorter names the canvas shows where n8n
 * cuts text off (a subtitle after about 25 characters, an output's label after about 13) and its
 * credential type. An output's label is one word: n8n draws it over the start of the connection
 * line (as its If node's "true"/"false"), so "To Genesys" hid the line's first bend.
 */
export const SYSTEMS: Record<PresenceSystem, { name: string; short: string; output: string; credential: string }> = {
	dataverse: {
		name: 'Dynamics 365 Contact Center',
		short: 'Dynamics 365',
		output: 'Dynamics',
		credential: 'dynamicsContactCenterApi',
	},
	genesys: { name: 'Genesys Cloud', short: 'Genesys', output: 'Genesys', credential: 'genesysCloudPresenceApi' },
	vonage: { name: 'Vonage Contact Center', short: 'Vonage', output: 'Vonage', credential: 'vonageContactCenterApi' },
	teams: { name: 'Microsoft Teams', short: 'Teams', output: 'Teams', credential: 'microsoftTeamsPresenceGraphApi' },
};

const ALL = Object.keys(SYSTEMS) as PresenceSystem[];

/** A pair's option value, e.g. `dataverse:genesys`. */
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
