/** Users given by ID, picked from the live search, or found by email (POST /api/v2/users/search). */
import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeParameterResourceLocator,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { genesysRequest } from '../transport';

interface UsersSearchResponse {
	total?: number;
	pageCount?: number;
	pageNumber?: number;
	results?: IDataObject[];
}

/** UsersSearchRequest: criteria are `{ type, fields, value }`; a search is a read, safe to retry. */
export async function searchUsers(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	body: IDataObject,
): Promise<UsersSearchResponse> {
	return await genesysRequest<UsersSearchResponse>(ctx, {
		method: 'POST',
		path: '/api/v2/users/search',
		body,
		idempotent: true,
	});
}

/** Email → user ID once per execution: bulk inputs often repeat agents. */
const emailCache = new WeakMap<object, Map<string, string>>();

async function userIdByEmail(ctx: IExecuteFunctions, email: string, itemIndex: number): Promise<string> {
	const known = emailCache.get(ctx) ?? new Map<string, string>();
	emailCache.set(ctx, known);
	const key = email.toLowerCase();
	const cached = known.get(key);
	if (cached) return cached;
	// Two results are enough to tell "unique" from "ambiguous".
	const found = await searchUsers(ctx, {
		pageSize: 2,
		pageNumber: 1,
		query: [{ type: 'EXACT', fields: ['email'], value: email }],
	});
	const results = found.results ?? [];
	if (results.length === 0) {
		throw new NodeOperationError(ctx.getNode(), `No Genesys Cloud user has the email "${email}"`, { itemIndex });
	}
	if (results.length > 1) {
		throw new NodeOperationError(ctx.getNode(), `More than one Genesys Cloud user has the email "${email}"`, {
			itemIndex,
			description: 'Give the user by ID instead',
		});
	}
	const id = String(results[0].id);
	known.set(key, id);
	return id;
}

/** The user ID the `agent` locator stands for (an email is looked up). */
export async function resolveUserId(ctx: IExecuteFunctions, itemIndex: number): Promise<string> {
	const locator = ctx.getNodeParameter('agent', itemIndex) as INodeParameterResourceLocator | string;
	const rl = typeof locator === 'object' && locator !== null ? locator : { mode: 'id', value: locator };
	const value = String(rl.value ?? '').trim();
	if (value === '') {
		throw new NodeOperationError(ctx.getNode(), 'No agent given', {
			itemIndex,
			description: 'Pick an agent from the list, or give a Genesys Cloud user ID or email',
		});
	}
	return rl.mode === 'email' ? await userIdByEmail(ctx, value, itemIndex) : value;
}
