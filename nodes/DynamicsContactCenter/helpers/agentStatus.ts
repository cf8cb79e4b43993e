import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { normalizedPresence } from '../../shared/presence';
import type { PresenceCache } from './presences';
import { describePresence } from './presences';
import { rowOf } from './rows';
import { dataverseRequest } from '../transport';

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

/**
 * The agent's msdyn_agentstatus row (one per agent), with the columns the Set guards need: the
 * current presence, who last set it (`AGENT` or `SYSTEM`) and when. Null when the agent has none.
 */
export async function readAgentStatusRow(
	ctx: IExecuteFunctions,
	agentId: string,
	timeoutMs?: number,
): Promise<IDataObject | null> {
	const page = await dataverseRequest(ctx, {
		method: 'GET',
		path: '/msdyn_agentstatuses',
		qs: {
			$select: '_msdyn_currentpresenceid_value,msdyn_presencemodifiedby,msdyn_presencemodifiedon',
			$filter: `_msdyn_agentid_value eq ${agentId}`,
			$top: 1,
		},
		timeoutMs,
	});
	const rows = (page.value as IDataObject[] | undefined) ?? [];
	return rows[0] ?? null;
}
