import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { normalizedPresence } from '../../shared/presence';
import type { PresenceCache } from './presences';
import { describePresence } from './presences';
import { rowOf } from './rows';

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** An msdyn_agentstatus row with the normalized presence fields the webhook trigger also emits. */
export async function agentStatusItem(
	ctx: IExecuteFunctions,
	row: IDataObject,
	cache: PresenceCache,
): Promise<IDataObject> {
	const info = await describePresence(ctx, text(row._msdyn_currentpresenceid_value), cache);
	return {
		...rowOf(row),
		...normalizedPresence({
			source: 'dataverse',
			event: 'presence_read',
			agentId: String(row._msdyn_agentid_value ?? '').toLowerCase(),
			presenceId: info?.presenceId ?? null,
			presenceName: info?.presenceName ?? null,
			category: info?.category ?? null,
			loggedIn: typeof row.msdyn_isagentloggedin === 'boolean' ? row.msdyn_isagentloggedin : undefined,
			capacity:
				typeof row.msdyn_availableunitscapacity === 'number' ? row.msdyn_availableunitscapacity : undefined,
			changedBy: text(row.msdyn_presencemodifiedby),
			changedAt: text(row.msdyn_presencemodifiedon) ?? null,
		}),
	};
}
