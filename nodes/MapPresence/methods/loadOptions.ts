/**
 * The presences of each side of the mapping, read live through that system's credential: names
 * shown, IDs stored (the same IDs the triggers put in `presenceId` and the Set operations take).
 */
import type { ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { searchPresences as dataversePresences } from '../../DynamicsContactCenter/methods/listSearch';
import { searchPresenceDefinitions as genesysDefinitions } from '../../GenesysCloud/methods/listSearch';
import { TEAMS_PREFERRED_PAIRS, TEAMS_SESSION_PAIRS } from '../../MicrosoftTeamsPresence/helpers/pairs';
import { pairId, pairName } from '../../MicrosoftTeamsPresence/helpers/presence';
import { searchPresenceDefinitions as vonageDefinitions } from '../../VonageContactCenter/methods/listSearch';
import type { PresenceSystem } from '../systems';
import { parsePair } from '../systems';

/** A bounded walk over a paged picker (a contact centre has tens of presences, not thousands). */
const MAX_PAGES = 20;

async function allPages(
	ctx: ILoadOptionsFunctions,
	search: (this: ILoadOptionsFunctions, filter?: string, token?: string) => Promise<INodeListSearchResult>,
): Promise<INodePropertyOptions[]> {
	const options: INodePropertyOptions[] = [];
	let token: string | undefined;
	for (let page = 0; page < MAX_PAGES; page++) {
		const result = await search.call(ctx, undefined, token);
		options.push(...result.results.map((r) => ({ name: r.name, value: r.value })));
		token = typeof result.paginationToken === 'string' ? result.paginationToken : undefined;
		if (!token) break;
	}
	return options;
}

/**
 * Pairs Teams shows besides the ones an app or a user can set: in a meeting, presenting, out of
 * office. ASSUMPTION: "presence resource type" lists availability and activity values separately,
 * not which pairs occur; these are the pairs of those values Teams shows for the three cases. Any
 * other pair can be given with an expression.
 */
const TEAMS_SHOWN_PAIRS: Array<[string, string]> = [
	['Busy', 'InAMeeting'],
	['DoNotDisturb', 'Presenting'],
	['Away', 'OutOfOffice'],
];

/**
 * Teams: a presence read from Teams can be any pair a user may show; a presence written is one an
 * app's presence session accepts ("presence: setPresence").
 */
function teamsPairs(side: 'from' | 'to'): INodePropertyOptions[] {
	const pairs = side === 'to' ? TEAMS_SESSION_PAIRS : [...TEAMS_PREFERRED_PAIRS, ...TEAMS_SESSION_PAIRS, ...TEAMS_SHOWN_PAIRS];
	const seen = new Set<string>();
	return pairs
		.map(([availability, activity]) => ({ name: pairName(availability, activity), value: pairId(availability, activity) }))
		.filter((o) => !seen.has(o.value) && seen.add(o.value) !== undefined);
}

async function presencesOf(ctx: ILoadOptionsFunctions, system: PresenceSystem, side: 'from' | 'to') {
	switch (system) {
		case 'dataverse':
			return await allPages(ctx, dataversePresences);
		case 'genesys':
			return await allPages(ctx, genesysDefinitions);
		case 'vonage':
			return await allPages(ctx, vonageDefinitions);
		case 'teams':
			return teamsPairs(side);
	}
}

function side(ctx: ILoadOptionsFunctions, which: 'from' | 'to'): PresenceSystem | null {
	const pair = parsePair(ctx.getCurrentNodeParameter('sync'));
	if (!pair) return null;
	return which === 'from' ? pair[0] : pair[1];
}

export async function sourcePresences(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const system = side(this, 'from');
	return system ? await presencesOf(this, system, 'from') : [];
}

export async function targetPresences(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const system = side(this, 'to');
	return system ? await presencesOf(this, system, 'to') : [];
}
