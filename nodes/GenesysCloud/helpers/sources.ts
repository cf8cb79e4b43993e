/** Presence sources (PresenceApi "Source"): who set a presence, besides Genesys Cloud itself. */
import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { genesysRequest } from '../transport';

export const SOURCES_PATH = '/api/v2/presence/sources';

/** GET /api/v2/presence/sources: one unpaged SourceEntityListing; deactivated ones only on request. */
export async function listSources(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	deactivated = false,
): Promise<IDataObject[]> {
	const listing = await genesysRequest<{ entities?: IDataObject[] }>(ctx, {
		method: 'GET',
		path: SOURCES_PATH,
		qs: { deactivated: deactivated ? 'true' : 'false' },
	});
	return listing.entities ?? [];
}
