/**
 * What a presence ID means: its name and category. The five out-of-the-box presences have the same
 * IDs in every organization (no request needed); a custom presence's category is its row's
 * `msdyn_basepresencestatus`.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	DATAVERSE_BASE_STATUS,
	DATAVERSE_BASE_STATUS_BY_CATEGORY,
	DATAVERSE_OOTB_PRESENCES,
} from '../../shared/categories';
import type { PresenceCategory } from '../../shared/presence';
import { cachedLookup, cacheTtlSeconds } from '../../shared/lookupCache';
import { DATAVERSE_CREDENTIAL, dataverseRequest } from '../transport';
import { rowOf } from './rows';
import { passOn } from '../../shared/errors';

export interface PresenceInfo {
	presenceId: string;
	presenceName: string | null;
	category: PresenceCategory | null;
}

/**
 * CCaaS_GetPresence for one agent: the call impersonates the agent (MSCRMCallerID). It is a
 * Dataverse function with a required ApiVersion parameter ("dataverse api invoke CCaaS_GetPresence
 * ApiVersion=1.0"), so the Web API form passes it as a parameter alias ("Use Web API functions").
 */
export async function readPresence(ctx: IExecuteFunctions, agentId: string, timeoutMs?: number): Promise<IDataObject> {
	return rowOf(
		await dataverseRequest(ctx, {
			method: 'GET',
			path: '/CCaaS_GetPresence(ApiVersion=@v)',
			qs: { '@v': "'1.0'" },
			headers: { MSCRMCallerID: agentId },
			timeoutMs,
		}),
	);
}

const PRESENCE_COLUMNS = 'msdyn_presenceid,msdyn_name,msdyn_presencestatustext,msdyn_basepresencestatus';

function fromRow(row: IDataObject): PresenceInfo {
	const id = String(row.msdyn_presenceid).toLowerCase();
	const ootb = DATAVERSE_OOTB_PRESENCES[id];
	return {
		presenceId: id,
		presenceName: (row.msdyn_presencestatustext as string) || (row.msdyn_name as string) || ootb?.name || null,
		category: ootb?.category ?? DATAVERSE_BASE_STATUS[row.msdyn_basepresencestatus as number] ?? null,
	};
}

/** Per-execution memo, so many rows with the same custom presence cost one lookup. */
export type PresenceCache = Map<string, Promise<PresenceInfo>>;

/**
 * Name and category of a presence. A presence row that no longer exists (deleted custom presence)
 * leaves name and category null rather than failing the read that referenced it.
 */
export async function describePresence(
	ctx: IExecuteFunctions,
	presenceId: string | null | undefined,
	cache: PresenceCache = new Map(),
): Promise<PresenceInfo | null> {
	if (!presenceId) return null;
	const id = presenceId.toLowerCase();
	const ootb = DATAVERSE_OOTB_PRESENCES[id];
	if (ootb) return { presenceId: id, presenceName: ootb.name, category: ootb.category };
	let pending = cache.get(id);
	if (!pending) {
		pending = (async () => {
			try {
				return fromRow(
					await dataverseRequest(ctx, {
						method: 'GET',
						path: `/msdyn_presences(${id})`,
						qs: { $select: PRESENCE_COLUMNS },
					}),
				);
			} catch (error) {
				if (error instanceof NodeApiError && error.httpCode === '404') {
					return { presenceId: id, presenceName: null, category: null };
				}
				// The transport's NodeApiError already names the vendor, status and message.
				passOn(error);
			}
		})();
		cache.set(id, pending);
	}
	return await pending;
}

/**
 * The active presence to set for a category: the out-of-the-box presence with that base status if
 * the organization still has it active, else the first active custom one by name.
 */
export async function presenceForCategory(
	ctx: IExecuteFunctions,
	category: PresenceCategory,
	itemIndex: number,
): Promise<PresenceInfo> {
	const baseStatus = DATAVERSE_BASE_STATUS_BY_CATEGORY[category];
	// The org's presences rarely change: kept across executions (Cache Lookups For, per credential).
	const rows = await cachedLookup(
		ctx,
		{
			credentialType: DATAVERSE_CREDENTIAL,
			kind: 'dataverse.presencesByBaseStatus',
			key: String(baseStatus),
			ttlSeconds: cacheTtlSeconds(ctx, itemIndex),
		},
		async () => {
			const page = await dataverseRequest(ctx, {
				method: 'GET',
				path: '/msdyn_presences',
				qs: {
					$select: PRESENCE_COLUMNS,
					$filter: `msdyn_basepresencestatus eq ${baseStatus} and statecode eq 0`,
					$orderby: 'msdyn_name asc',
				},
			});
			return (page.value as IDataObject[]) ?? [];
		},
	);
	const ootb = rows.find((r) => DATAVERSE_OOTB_PRESENCES[String(r.msdyn_presenceid).toLowerCase()]);
	const chosen = ootb ?? rows[0];
	if (!chosen) {
		throw new NodeOperationError(
			ctx.getNode(),
			`No active Dataverse presence has the base status for category "${category}" (${baseStatus})`,
			{ itemIndex },
		);
	}
	return fromRow(chosen);
}
