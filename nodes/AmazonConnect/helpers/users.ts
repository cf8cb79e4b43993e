/**
 * The agent an item names: picked from the list, given by user ID or ARN, or found by username
 * (SearchUsers, `Username` EXACT — Amazon Connect cannot search users by e-mail address; with
 * SAML or Connect-managed identities the username is often the e-mail). Username lookups are cached.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { readAgentLocator } from '../../shared/locators';
import { cacheTtlSeconds, cachedLookup } from '../../shared/lookupCache';
import type { RequestContext } from '../../shared/transport';
import { UnknownAgentError } from '../../shared/unknownAgent';
import { CONNECT_CREDENTIAL, connectPaginate, connectRequest, instanceId } from '../transport';
import { describeUser } from './presence';

/** The user ID at the end of an agent ARN (`…/instance/<id>/agent/<userId>`), or the value itself. */
export const userIdOf = (value: string) => (value.startsWith('arn:') ? (value.split('/').pop() ?? value) : value);

export async function searchUsersByUsername(ctx: IExecuteFunctions, username: string): Promise<IDataObject[]> {
	const answer = await connectRequest<{ Users?: IDataObject[] }>(ctx, {
		method: 'POST',
		path: '/search-users',
		body: {
			InstanceId: await instanceId(ctx),
			MaxResults: 2,
			SearchCriteria: { StringCondition: { FieldName: 'Username', Value: username, ComparisonType: 'EXACT' } },
		},
		// A search changes nothing: a 5xx may be retried.
		idempotent: true,
	});
	return answer.Users ?? [];
}

/** The item's agent as an Amazon Connect user ID. */
export async function resolveUserId(ctx: IExecuteFunctions, i: number): Promise<string> {
	const { mode, value } = readAgentLocator(ctx, i, { message: 'No agent given: pick one, or give a user ID or username' });
	if (mode !== 'username') return userIdOf(value);
	return await cachedLookup(
		ctx,
		{ credentialType: CONNECT_CREDENTIAL, kind: 'amazonConnect.userIdByUsername', key: value, ttlSeconds: cacheTtlSeconds(ctx, i) },
		async () => {
			const users = await searchUsersByUsername(ctx, value);
			if (users.length === 0) {
				throw new UnknownAgentError(ctx.getNode(), `No Amazon Connect user with the username "${value}"`, value, i, 'Check the username in Amazon Connect → Users → User management.');
			}
			return String(users[0].Id);
		},
	);
}

/** ListUsers (`GET /users-summary/{InstanceId}`): every user summary (Id, Arn, Username), up to 1000 a page. */
export async function listUsers(ctx: RequestContext, limit?: number): Promise<IDataObject[]> {
	const instance = await instanceId(ctx);
	return await connectPaginate<IDataObject>(
		ctx,
		(token) => ({
			method: 'GET',
			path: `/users-summary/${encodeURIComponent(instance)}`,
			qs: { maxResults: Math.min(limit ?? 1000, 1000), ...(token && { nextToken: token }) },
		}),
		'UserSummaryList',
		limit,
	);
}

/** Up to this many IDs are checked one DescribeUser each; more, against one ListUsers listing (1000 a page). */
const DESCRIBE_EACH_UP_TO = 5;

/** DescribeUser's 404: no such user (the instance itself was reached by the call before). */
const isNotFound = (error: unknown) => error instanceof NodeApiError && String(error.httpCode) === '404';

async function userExists(ctx: RequestContext, userId: string): Promise<boolean> {
	return await describeUser(ctx, userId).then(
		() => true,
		(error: unknown) => {
			if (isNotFound(error)) return false;
			throw error;
		},
	);
}

/**
 * The given user IDs the instance has no user for. GetCurrentUserData leaves out logged-out agents
 * and unknown IDs alike: this tells them apart (DescribeUser for a few, ListUsers for more).
 */
export async function unknownUserIds(ctx: RequestContext, userIds: string[]): Promise<string[]> {
	if (userIds.length <= DESCRIBE_EACH_UP_TO) {
		const unknown: string[] = [];
		for (const id of userIds) if (!(await userExists(ctx, id))) unknown.push(id);
		return unknown;
	}
	const known = new Set((await listUsers(ctx)).map((u) => String(u.Id)));
	return userIds.filter((id) => !known.has(id));
}

/**
 * Fails naming those of `missing` (given user IDs GetCurrentUserData left out) the instance has no
 * user for; `known` says what happens to the others, known agents who are not logged in.
 */
export async function failOnUnknownUserIds(ctx: RequestContext, missing: string[], known: string, itemIndex?: number): Promise<void> {
	const unknown = await unknownUserIds(ctx, missing);
	if (unknown.length === 0) return;
	throw new NodeOperationError(ctx.getNode(), `No Amazon Connect user with the ID ${unknown.join(', ')}`, {
		itemIndex,
		description: `Check the user IDs in Amazon Connect → Users → User management. ${known}`,
	});
}
