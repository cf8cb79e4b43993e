/** Many users' presences in one request: "cloudCommunications: getPresencesByUserId". */
import type { IDataObject } from 'n8n-workflow';

import type { RequestContext } from '../../shared/transport';
import { graphRequest } from '../transport';

/** "cloudCommunications: getPresencesByUserId": at most 650 user IDs per request. */
export const MAX_IDS_PER_CALL = 650;

/** The users' presences as Graph answers them, 650 IDs a request, one request after another. */
export async function readPresences(ctx: RequestContext, ids: string[]): Promise<IDataObject[]> {
	const out: IDataObject[] = [];
	for (let start = 0; start < ids.length; start += MAX_IDS_PER_CALL) {
		const page = await graphRequest<{ value?: IDataObject[] }>(ctx, {
			method: 'POST',
			path: '/communications/getPresencesByUserId',
			body: { ids: ids.slice(start, start + MAX_IDS_PER_CALL) },
			// A read, even if it is a POST.
			idempotent: true,
			permission: { application: 'Presence.Read.All', delegated: 'Presence.Read.All' },
		});
		out.push(...(page.value ?? []));
	}
	return out;
}
