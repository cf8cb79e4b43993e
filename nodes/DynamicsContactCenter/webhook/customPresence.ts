/**
 * A custom Dataverse presence gets its category from its msdyn_presences row's base status
 * (msdyn_basepresencestatus), read through the Dataverse credential when the user asks for it.
 */
import type { IDataObject } from 'n8n-workflow';

import { dataverseRequest } from '../transport';
import { dataverseCategory } from '../categories';
import type { PresenceCategory } from '../../shared/presence';
import type { RequestContext } from '../../shared/transport';

export interface ResolvedPresence {
	presenceName: string | null;
	category: PresenceCategory | null;
	basePresenceStatus: number | null;
}

export async function resolveCustomPresence(ctx: RequestContext, presenceId: string): Promise<ResolvedPresence> {
	const row = await dataverseRequest<IDataObject>(ctx, {
		method: 'GET',
		path: `/msdyn_presences(${presenceId})`,
		qs: { $select: 'msdyn_name,msdyn_presencestatustext,msdyn_basepresencestatus' },
		// A synchronous Dataverse step is waiting on this answer: fail fast instead of retrying.
		timeoutMs: 5000,
		retry: { maxAttempts: 1 },
	});
	const base = typeof row.msdyn_basepresencestatus === 'number' ? row.msdyn_basepresencestatus : null;
	const name = row.msdyn_presencestatustext ?? row.msdyn_name;
	return {
		presenceName: typeof name === 'string' ? name : null,
		category: dataverseCategory(presenceId, base),
		basePresenceStatus: base,
	};
}
