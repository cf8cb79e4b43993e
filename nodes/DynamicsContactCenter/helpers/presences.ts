/**
 * What a presence ID means: its name and category. The five out-of-the-box presences have the same
 * IDs in every organization (no request needed); a custom presence's category is its row's
 * `msdyn_basepresencestatus`.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { DATAVERSE_BASE_STATUS, DATAVERSE_BASE_STATUS_BY_CATEGORY, DATAVERSE_OOTB_PRESENCES } from '../categories';
import type { PresenceCategory } from '../../shared/presence';
import { cachedLookup, cacheTtlSeconds } from '../../shared/lookupCache';
import type { VendorRequest } from '../../shared/transport';
import { DATAVERSE_CREDENTIAL, dataverseRequest } from '../transport';
import { rowOf } from './rows';
import { passOn } from '../../shared/errors';

export interface PresenceInfo {
	presenceId: string;
	presenceName: string | null;
	category: PresenceCategory | null;
}

/**
 * CCaaS_GetPresence for one agent: the call impersonates the agent (MSCRMCallerID). Microsoft
 * documents two call forms: the Dataverse CLI invokes it with the parameter ApiVersion=1.0 (Web API
 * form `CCaaS_GetPresence(ApiVersion=@v)?@v='1.0'`, "Use Web API functions"), its reference page shows a
 * plain GET of `CCaaS_GetPresence`. One is called; when Dataverse answers the way it answers a
 * function called with parameters it does not have (404 0x8006088a "Resource not found for the
 * segment"), the other is, and the form that worked is remembered for the credential (in this n8n
 * process's memory; each queue-mode worker learns it once).
 */
export async function readPresence(ctx: IExecuteFunctions, agentId: string, timeoutMs?: number): Promise<IDataObject> {
	const credentialId = ctx.getNode().credentials?.[DATAVERSE_CREDENTIAL]?.id ?? undefined;
	const first = (credentialId && formByCredential.get(credentialId)) || 'parameter';
	const call = async (form: GetPresenceForm) =>
		rowOf(
			await presenceApiRequest(ctx, {
				method: 'GET',
				...GET_PRESENCE_FORMS[form],
				headers: { MSCRMCallerID: agentId },
				timeoutMs,
			}),
		);
	let answer: IDataObject;
	let form = first;
	try {
		answer = await call(form);
	} catch (error) {
		if (!isUnknownFunctionForm(error)) passOn(error);
		form = first === 'parameter' ? 'plain' : 'parameter';
		answer = await call(form);
	}
	if (credentialId) formByCredential.set(credentialId, form);
	return answer;
}

type GetPresenceForm = 'parameter' | 'plain';

const GET_PRESENCE_FORMS: Record<GetPresenceForm, { path: string; qs?: IDataObject }> = {
	parameter: { path: '/CCaaS_GetPresence(ApiVersion=@v)', qs: { '@v': "'1.0'" } },
	plain: { path: '/CCaaS_GetPresence' },
};

/** The call form each credential's environment accepted, by credential ID. */
const formByCredential = new Map<string, GetPresenceForm>();

/**
 * Dataverse's answer to a function called with parameters it does not have ("Troubleshoot Dataverse
 * Web API client errors", Resource not found for the segment): 404, code 0x8006088a, naming the function.
 */
function isUnknownFunctionForm(error: unknown): boolean {
	return (
		error instanceof NodeApiError &&
		error.httpCode === '404' &&
		error.message.includes('0x8006088a') &&
		error.message.includes('CCaaS_GetPresence')
	);
}

/** Microsoft "Impersonate another user": the impersonating user's privilege. */
export const ACT_ON_BEHALF_PRIVILEGE = 'prvActOnBehalfOfAnotherUser';

/**
 * CCaaS_GetPresence / CCaaS_ModifyAgentPresence. Both impersonate the agent, so a refusal says in
 * plain words which setup step is missing: the application user's Act on Behalf of Another User
 * privilege (Dataverse's PrivilegeDenied naming prvActOnBehalfOfAnotherUser), or the agent's Omnichannel
 * Agent / Omnichannel Supervisor role ("You must have the Omnichannel Agent or Omnichannel Supervisor
 * role to call this API").
 */
export async function presenceApiRequest(ctx: IExecuteFunctions, request: VendorRequest): Promise<IDataObject> {
	try {
		return await dataverseRequest(ctx, request);
	} catch (error) {
		if (error instanceof NodeApiError) {
			const hint = presenceApiHint(error);
			if (hint) error.description = `${hint} (${error.description ?? error.message})`;
		}
		passOn(error);
	}
}

function presenceApiHint(error: NodeApiError): string | undefined {
	if (error.message.includes(ACT_ON_BEHALF_PRIVILEGE)) {
		return `The credential's application user lacks the privilege Act on Behalf of Another User (${ACT_ON_BEHALF_PRIVILEGE}), which the presence APIs need to act for the agent (MSCRMCallerID). In the Power Platform admin center give the application user a security role with it (Business Management → Miscellaneous Privileges → Act on Behalf of Another User; the Delegate role has it), assigned to the user directly, not through a team`;
	}
	// A 401 without a Dataverse error code is the token's (n8n has already fetched a new one): no role hint.
	const dataverseRefusal = error.httpCode === '403' || (error.httpCode === '401' && /\[0x[0-9a-f]{8}\]$/i.test(error.message));
	if (dataverseRefusal) {
		return 'The presence APIs need the agent to have the Omnichannel Agent or Omnichannel Supervisor security role; give the agent one of them in the Power Platform admin center';
	}
	return undefined;
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
