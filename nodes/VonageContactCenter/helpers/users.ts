/** Who a user parameter means: an ID (from the picker or typed) or an email looked up in the User Admin API. */
import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { EMAIL_REGEX, GUID_REGEX } from '../descriptions/locators';
import { vonagePaginateUsers } from '../transport';
import { once } from './cache';

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
 * this pages through `GET /useradmin/users` once per run and matches locally.
 */
export async function findUsersByEmail(
	ctx: IExecuteFunctions,
	email: string,
	include: UserInclude = 'Active',
): Promise<IDataObject[]> {
	const users = await once(ctx, `users:${include}`, async () =>
		await vonagePaginateUsers(ctx, { include }, { pageSize: EMAIL_SCAN_PAGE_SIZE }),
	);
	const wanted = email.toLowerCase();
	return users.filter((u) => typeof u.email === 'string' && u.email.toLowerCase() === wanted);
}

/** The user ID a `user` resource locator stands for. */
export async function resolveUserId(ctx: IExecuteFunctions, itemIndex: number, name = 'user'): Promise<string> {
	const locator = ctx.getNodeParameter(name, itemIndex) as INodeParameterResourceLocator;
	const value = String(locator?.value ?? '').trim();
	if (value === '') {
		throw new NodeOperationError(ctx.getNode(), 'No user given: pick one, or give its ID or email', { itemIndex });
	}
	if (locator.mode !== 'email') return requireGuid(ctx, value, 'user', itemIndex);

	const email = requireEmail(ctx, value, itemIndex);
	const matches = await findUsersByEmail(ctx, email);
	if (matches.length === 0) {
		throw new NodeOperationError(ctx.getNode(), `No active Vonage Contact Center user has the email ${email}`, {
			itemIndex,
		});
	}
	if (matches.length > 1) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${matches.length} active Vonage Contact Center users have the email ${email}: give the user by ID`,
			{ itemIndex, description: `Matching user IDs: ${matches.map((u) => String(u.userId)).join(', ')}` },
		);
	}
	return String(matches[0].userId);
}
