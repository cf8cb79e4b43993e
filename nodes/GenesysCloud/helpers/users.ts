/**
 * Users given by ID, picked from the live search, or found by email (POST /api/v2/users/search).
 * E-mail ↔ user lookups are kept across executions (Cache Lookups For): agents rarely change them.
 */
import type {
	IDataObject,
	IExecuteFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { cachedLookup, cacheTtlSeconds } from '../../shared/lookupCache';
import type { RequestContext } from '../../shared/transport';
import { GENESYS_CREDENTIAL, genesysRequest } from '../transport';
import { UnknownAgentError } from '../../shared/unknownAgent';
import { readAgentLocator } from '../../shared/locators';

interface UsersSearchResponse {
	total?: number;
	pageCount?: number;
	pageNumber?: number;
	results?: IDataObject[];
}

/** UsersSearchRequest: criteria are `{ type, fields, value }`; a search is a read, safe to retry. */
export async function searchUsers(
	ctx: RequestContext,
	body: IDataObject,
): Promise<UsersSearchResponse> {
	return await genesysRequest<UsersSearchResponse>(ctx, {
		method: 'POST',
		path: '/api/v2/users/search',
		body,
		idempotent: true,
	});
}

/** The users whose email is exactly `email` (two are enough to tell unique from ambiguous). */
export async function usersByEmail(ctx: RequestContext, email: string, pageSize = 2): Promise<IDataObject[]> {
	const found = await searchUsers(ctx, {
		pageSize,
		pageNumber: 1,
		query: [{ type: 'EXACT', fields: ['email'], value: email }],
	});
	return found.results ?? [];
}

/** The one user with this email (cached per credential for `ttlSeconds`). */
export async function userByEmail(
	ctx: IExecuteFunctions,
	email: string,
	itemIndex: number,
	ttlSeconds: number,
): Promise<IDataObject> {
	const results = await cachedLookup(
		ctx,
		{ credentialType: GENESYS_CREDENTIAL, kind: 'genesys.userByEmail', key: email, ttlSeconds },
		async () => await usersByEmail(ctx, email),
	);
	if (results.length === 0) {
		throw new UnknownAgentError(ctx.getNode(), `No Genesys Cloud user has the email "${email}"`, email, itemIndex);
	}
	if (results.length > 1) {
		throw new NodeOperationError(ctx.getNode(), `More than one Genesys Cloud user has the email "${email}"`, {
			itemIndex,
			description: 'Give the user by ID instead',
		});
	}
	return results[0];
}

/** GET /api/v2/users/{userId} (UsersApi getUser), cached per credential for `ttlSeconds`. */
export async function userById(ctx: RequestContext, userId: string, ttlSeconds: number): Promise<IDataObject> {
	return await cachedLookup(
		ctx,
		{ credentialType: GENESYS_CREDENTIAL, kind: 'genesys.user', key: userId, ttlSeconds },
		async () =>
			await genesysRequest(ctx, { method: 'GET', path: `/api/v2/users/${encodeURIComponent(userId)}` }),
	);
}

/** The `agent` locator's mode and trimmed value; an empty value is a clear error. */
export const agentLocatorValue = (ctx: IExecuteFunctions, itemIndex: number) =>
	readAgentLocator(ctx, itemIndex, {
		message: 'No agent given',
		description: 'Pick an agent from the list, or give a Genesys Cloud user ID or email',
	});

/** The user ID the `agent` locator stands for (an email is looked up, cached). */
export async function resolveUserId(ctx: IExecuteFunctions, itemIndex: number): Promise<string> {
	const { mode, value } = agentLocatorValue(ctx, itemIndex);
	if (mode !== 'email') return value;
	const user = await userByEmail(ctx, value, itemIndex, cacheTtlSeconds(ctx, itemIndex));
	return String(user.id);
}
