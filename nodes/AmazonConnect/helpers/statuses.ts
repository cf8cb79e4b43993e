/** The instance's agent statuses (ListAgentStatuses), cached like the other vendors' presence definitions. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { cacheTtlSeconds, cachedLookup } from '../../shared/lookupCache';
import type { PresenceCategory } from '../../shared/presence';
import type { RequestContext } from '../../shared/transport';
import { CONNECT_CREDENTIAL, connectPaginate, connectRequest, instanceId } from '../transport';
import type { AgentStatusType, CustomMapping } from './categories';
import { connectCategory } from './categories';

export interface AgentStatusSummary {
	Id: string;
	Arn: string;
	Name: string;
	Type: AgentStatusType;
	LastModifiedTime?: number;
	LastModifiedRegion?: string;
}

/** The largest page ListAgentStatuses gives (MaxResults 1–1000). */
export const STATUS_PAGE_SIZE = 1000;

export async function listAgentStatuses(
	ctx: RequestContext,
	options: { types?: AgentStatusType[]; limit?: number } = {},
): Promise<AgentStatusSummary[]> {
	const instance = await instanceId(ctx);
	const pageSize = Math.min(options.limit ?? STATUS_PAGE_SIZE, STATUS_PAGE_SIZE);
	return await connectPaginate<AgentStatusSummary>(
		ctx,
		(token) => ({
			method: 'GET',
			path: `/agent-status/${encodeURIComponent(instance)}`,
			qs: { maxResults: pageSize, ...(options.types?.length && { AgentStatusTypes: options.types }), ...(token && { nextToken: token }) },
		}),
		'AgentStatusSummaryList',
		options.limit,
	);
}

/** Every status, from the lookup cache when an execution asks again within its TTL. */
export async function cachedAgentStatuses(ctx: IExecuteFunctions, itemIndex: number): Promise<AgentStatusSummary[]> {
	return await cachedLookup(
		ctx,
		{ credentialType: CONNECT_CREDENTIAL, kind: 'amazonConnect.agentStatuses', key: '', ttlSeconds: cacheTtlSeconds(ctx, itemIndex) },
		async () => await listAgentStatuses(ctx),
	);
}

/** The status ID at the end of an agent-state ARN (`…/instance/<id>/agent-state/<statusId>`). */
export const statusIdOfArn = (arn: string | null | undefined) => (arn ? (arn.split('/').pop() ?? null) : null);

/** `GET /agent-status/{InstanceId}/{AgentStatusId}` (DescribeAgentStatus). */
export async function describeAgentStatus(ctx: RequestContext, statusId: string): Promise<IDataObject> {
	const instance = await instanceId(ctx);
	const answer = await connectRequest<{ AgentStatus: IDataObject }>(ctx, {
		method: 'GET',
		path: `/agent-status/${encodeURIComponent(instance)}/${encodeURIComponent(statusId)}`,
	});
	return answer.AgentStatus;
}

/**
 * Whether a status is ENABLED: ListAgentStatuses does not say, DescribeAgentStatus does (`State`),
 * so it is asked once per status and cached like the list. A stale answer heals itself: the
 * PutUserStatus a disabled status gets is refused, and the Set's retryIfStale drops the entry.
 */
async function isEnabled(ctx: IExecuteFunctions, status: AgentStatusSummary, itemIndex: number): Promise<boolean> {
	const state = await cachedLookup(
		ctx,
		{ credentialType: CONNECT_CREDENTIAL, kind: 'amazonConnect.agentStatusState', key: status.Id, ttlSeconds: cacheTtlSeconds(ctx, itemIndex) },
		async () => String((await describeAgentStatus(ctx, status.Id)).State ?? ''),
	);
	return state === 'ENABLED';
}

/**
 * The status a category is set as: the routable one, the offline one, or the first enabled custom
 * status of that category (a disabled one cannot be set: agents cannot choose it either).
 */
export async function statusForCategory(
	ctx: IExecuteFunctions,
	statuses: AgentStatusSummary[],
	category: PresenceCategory,
	mapping: CustomMapping,
	itemIndex: number,
): Promise<AgentStatusSummary> {
	const candidates = statuses.filter((s) => connectCategory(s.Type, s.Name, mapping) === category);
	for (const status of candidates) if (await isEnabled(ctx, status, itemIndex)) return status;
	const disabled = candidates.map((s) => `"${s.Name}"`).join(', ');
	throw new NodeOperationError(
		ctx.getNode(),
		candidates.length
			? `No enabled Amazon Connect agent status of the category "${category}" (disabled: ${disabled})`
			: `No Amazon Connect agent status of the category "${category}"`,
		{
			itemIndex,
			description: candidates.length
				? 'Enable one of them (Presence Definition → Update, State Enabled), or map another custom status to this category in the options’ Custom Status Categories.'
				: 'Create a custom agent status for it (Presence Definition → Create), or map an existing custom status to this category in the options’ Custom Status Categories.',
		},
	);
}

/** A status summary with the shared category, as Presence Definition items and pickers show it. */
export function statusItem(status: IDataObject & { Type?: string; Name?: string }, mapping: CustomMapping): IDataObject {
	return { ...status, source: 'amazonConnect', category: connectCategory(status.Type, status.Name, mapping) };
}
