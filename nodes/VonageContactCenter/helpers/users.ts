/** Who the agent locator means: a user ID (from the picker or typed) or an email looked up in the User Admin API. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { EMAIL_REGEX, GUID_REGEX } from '../descriptions/locators';
import { cachedLookup, cacheTtlSeconds } from '../../shared/lookupCache';
import { VONAGE_CREDENTIAL, vonagePaginateUsers } from '../transport';
import { once } from './cache';
import { UnknownAgentError } from '../../shared/unknownAgent';
import { readAgentLocator } from '../../shared/locators';

/** Email scans read big pages: the API allows 5000, one request covers most accounts. */
const EMAIL_SCAN_PAGE_SIZE = 1000;

export type UserInclude = 'Active' | 'Archived' | 'All';

export function requireGuid(ctx: IExecuteFunctions, value: string, what: string, itemIndex: number): string {
	if (!new RegExp(GUID_REGEX).test(value)) {
		throw new NodeOperationError(ctx.getNode(), `"${value}" is not a Vonage ${what} ID`, {
			itemIndex,
			description: `Vonage ${what} IDs are GUIDs, e.g. daab05ec-ba50-45af-a6fd-3b01cdc6f39b.`,
		});
	}
	return value;
}

export function requireEmail(ctx: IExecuteFunctions, value: string, itemIndex: number): string {
	const email = value.trim();
	if (!new RegExp(EMAIL_REGEX).test(email)) {
		throw new NodeOperationError(ctx.getNode(), `"${value}" is not an email address`, { itemIndex });
	}
	return email;
}

/**
 * Users whose email matches (case-insensitively). The User Admin API has no email filter, so
 * this pages through `GET /useradmin/users` once per run and matches locally; the matches are
 * kept across executions (Cache Lookups For, per credential).
 */
async function findUsersByEmail(
	ctx: IExecuteFunctions,
	email: string,
	itemIndex: number,
	include: UserInclude = 'Active',
): Promise<IDataObject[]> {
	return await cachedLookup(
		ctx,
		{
			credentialType: VONAGE_CREDENTIAL,
			kind: `vonage.usersByEmail.${include}`,
			key: email,
			ttlSeconds: cacheTtlSeconds(ctx, itemIndex),
		},
		async () => {
			const users = await once(ctx, `users:${include}`, async () =>
				await vonagePaginateUsers(ctx, { include }, { pageSize: EMAIL_SCAN_PAGE_SIZE }),
			);
			const wanted = email.toLowerCase();
			return users.filter((u) => typeof u.email === 'string' && u.email.toLowerCase() === wanted);
		},
	);
}

/** The one user with this email; none or several is an error (give the agent by ID then). */
export async function findUserByEmail(
	ctx: IExecuteFunctions,
	email: string,
	itemIndex: number,
	include: UserInclude = 'Active',
): Promise<IDataObject> {
	const matches = await findUsersByEmail(ctx, email, itemIndex, include);
	const which = include === 'All' ? '' : `${include.toLowerCase()} `;
	if (matches.length === 0) {
		throw new UnknownAgentError(ctx.getNode(), `No ${which}Vonage Contact Center user has the email ${email}`, email, itemIndex);
	}
	if (matches.length > 1) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${matches.length} ${which}Vonage Contact Center users have the email ${email}: give the agent by ID`,
			{ itemIndex, description: `Matching user IDs: ${matches.map((u) => String(u.userId)).join(', ')}` },
		);
	}
	return matches[0];
}

/** The user ID the `agent` resource locator stands for (an email is looked up among active users). */
export async function resolveUserId(ctx: IExecuteFunctions, itemIndex: number): Promise<string> {
	const { mode, value } = readAgentLocator(ctx, itemIndex, { message: 'No agent given: pick one, or give its ID or email' });
	if (mode !== 'email') return requireGuid(ctx, value, 'user', itemIndex);
	const user = await findUserByEmail(ctx, requireEmail(ctx, value, itemIndex), itemIndex);
	return String(user.userId);
}
