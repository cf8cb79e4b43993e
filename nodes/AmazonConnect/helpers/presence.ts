/**
 * Agents' current status from GetCurrentUserData (`POST /metrics/userdata/{InstanceId}`) and the
 * normalized presence item every vendor's Get emits. GetCurrentUserData answers only for agents
 * logged in to the Contact Control Panel ("real-time active user data"): an agent it leaves out is
 * logged out, which the item says as category offline, loggedIn false.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readInBatches } from '../../shared/bulkRead';
import type { PresenceEvent } from '../../shared/presence';
import type { RequestContext } from '../../shared/transport';
import { connectPaginate, connectRequest, instanceId } from '../transport';
import type { CustomMapping } from './categories';
import { connectCategory } from './categories';
import type { AgentStatusSummary } from './statuses';
import { statusIdOfArn } from './statuses';

export interface AgentContact {
	ContactId?: string;
	Channel?: string;
	InitiationMethod?: string;
	AgentContactState?: string;
	StateStartTimestamp?: number;
	ConnectedToAgentTimestamp?: number;
	Queue?: { Id?: string; Arn?: string };
}

export interface UserData {
	User: { Id: string; Arn?: string };
	RoutingProfile?: { Id?: string; Arn?: string };
	HierarchyPath?: IDataObject;
	Status?: { StatusStartTimestamp?: number; StatusArn?: string; StatusName?: string };
	AvailableSlotsByChannel?: Record<string, number>;
	MaxSlotsByChannel?: Record<string, number>;
	ActiveSlotsByChannel?: Record<string, number>;
	Contacts?: AgentContact[];
	NextStatus?: string;
}

/** GetCurrentUserData's filter kinds ("a maximum of one filter can be passed") and their limits. */
export type UserDataFilterKind = 'Agents' | 'RoutingProfiles' | 'Queues' | 'UserHierarchyGroups';
export const FILTER_LIMIT: Record<UserDataFilterKind, number> = { Agents: 100, RoutingProfiles: 100, Queues: 100, UserHierarchyGroups: 1 };

/** MaxResults of GetCurrentUserData: 1–100. */
export const USER_DATA_PAGE_SIZE = 100;

/** Every page for one filter of at most its limit's values. */
export async function getCurrentUserData(
	ctx: RequestContext,
	kind: UserDataFilterKind,
	values: string[],
	limit?: number,
): Promise<UserData[]> {
	const instance = await instanceId(ctx);
	return await connectPaginate<UserData>(
		ctx,
		(token) => ({
			method: 'POST',
			path: `/metrics/userdata/${encodeURIComponent(instance)}`,
			body: { Filters: { [kind]: values }, MaxResults: USER_DATA_PAGE_SIZE, ...(token && { NextToken: token }) },
			// A read: a 5xx may be retried although it is a POST.
			idempotent: true,
		}),
		'UserDataList',
		limit,
	);
}

/**
 * The current data of the given agents (in calls of 100), by user ID; logged-out agents are absent.
 * One call at a time: GetCurrentUserData's quota is a few requests per second per account.
 */
export async function userDataByAgent(ctx: RequestContext, userIds: string[]): Promise<Map<string, UserData>> {
	return await readInBatches(userIds, { batchSize: FILTER_LIMIT.Agents, parallel: 1 }, async (batch) =>
		new Map((await getCurrentUserData(ctx, 'Agents', batch)).map((data) => [data.User.Id, data])),
	);
}

const isoOfSeconds = (seconds: number | undefined) => (typeof seconds === 'number' ? new Date(seconds * 1000).toISOString() : null);

/** The normalized item of an agent's user data (the native record kept as `raw`). */
export function presenceItem(
	data: UserData,
	statuses: AgentStatusSummary[],
	mapping: CustomMapping,
	event: PresenceEvent,
): IDataObject {
	const statusId = statusIdOfArn(data.Status?.StatusArn);
	const status = statuses.find((s) => s.Id === statusId);
	const next = data.NextStatus ? statuses.find((s) => s.Name === data.NextStatus) : undefined;
	const contacts = data.Contacts ?? [];
	return {
		source: 'amazonConnect',
		event,
		agentId: data.User.Id,
		presenceId: statusId,
		presenceName: data.Status?.StatusName ?? null,
		category: connectCategory(status?.Type, data.Status?.StatusName ?? null, mapping),
		statusType: status?.Type ?? null,
		loggedIn: true,
		changedAt: isoOfSeconds(data.Status?.StatusStartTimestamp),
		routingProfileId: data.RoutingProfile?.Id ?? null,
		contactsInProgress: contacts.length,
		nextStatus: data.NextStatus ?? null,
		nextStatusId: next?.Id ?? null,
		raw: data as unknown as IDataObject,
	};
}

/** The item of an agent GetCurrentUserData did not list: logged out of the Contact Control Panel. */
export function loggedOutItem(userId: string, event: PresenceEvent): IDataObject {
	return {
		source: 'amazonConnect',
		event,
		agentId: userId,
		presenceId: null,
		presenceName: null,
		category: 'offline',
		statusType: null,
		loggedIn: false,
		changedAt: null,
		routingProfileId: null,
		contactsInProgress: 0,
		nextStatus: null,
		nextStatusId: null,
	};
}

/** The Contact Control Panel state the Set guards know beyond the categories. */
export const ON_CONTACT = 'onContact';

/**
 * Protected when the Set's option is not added: on a contact Amazon Connect would only queue the
 * status as NextStatus, applied when the contact ends, by when the sync's reason may be gone.
 */
export const PROTECTED_BY_DEFAULT = [ON_CONTACT];

export async function agentPresence(
	ctx: IExecuteFunctions,
	userId: string,
	statuses: AgentStatusSummary[],
	mapping: CustomMapping,
	event: PresenceEvent,
): Promise<{ item: IDataObject; data: UserData | undefined }> {
	const data = (await userDataByAgent(ctx, [userId])).get(userId);
	// Logged out, or no such user: DescribeUser answers 404 ResourceNotFoundException for the latter.
	if (!data) await describeUser(ctx, userId);
	return { item: data ? presenceItem(data, statuses, mapping, event) : loggedOutItem(userId, event), data };
}

/** `GET /users/{InstanceId}/{UserId}` (DescribeUser). */
export async function describeUser(ctx: RequestContext, userId: string): Promise<IDataObject> {
	const instance = await instanceId(ctx);
	const answer = await connectRequest<{ User: IDataObject }>(ctx, {
		method: 'GET',
		path: `/users/${encodeURIComponent(instance)}/${encodeURIComponent(userId)}`,
	});
	return answer.User;
}
