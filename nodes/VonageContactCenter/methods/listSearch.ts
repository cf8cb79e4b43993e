/** Live pickers for the user and presence resource locators. */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import type { PresenceDefinition } from '../helpers/presence';
import { READ_SCOPES } from '../helpers/presence';
import { vonageRequest, vonageUserAdminRequest } from '../transport';

const USER_PAGE_SIZE = 100;

const matches = (filter: string | undefined, ...values: unknown[]) =>
	!filter || values.some((v) => typeof v === 'string' && v.toLowerCase().includes(filter.toLowerCase()));

/** Active users, a page at a time (the API has no name search: each page is filtered here). */
export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = paginationToken ? Number(paginationToken) : 1;
	const answer = await vonageUserAdminRequest<{ users?: IDataObject[]; meta?: { pageCount?: number } }>(this, {
		method: 'GET',
		path: '/useradmin/users',
		qs: { include: 'Active', page, limit: USER_PAGE_SIZE },
	});
	const users = answer.users ?? [];
	const results = users
		.filter((u) => matches(filter, u.name, u.email, u.username))
		.map((u) => ({ name: `${String(u.name ?? u.username)} (${String(u.email ?? '')})`, value: String(u.userId) }));
	const more = answer.meta?.pageCount !== undefined ? page < answer.meta.pageCount : users.length === USER_PAGE_SIZE;
	return { results, paginationToken: more ? String(page + 1) : undefined };
}

/** Selectable presence definitions (those an agent, and so this node, may set). */
export async function searchPresenceDefinitions(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const answer = await vonageRequest<{ presenceDefinitions?: PresenceDefinition[] }>(this, {
		method: 'GET',
		path: '/agents/presence-definitions',
		scopes: READ_SCOPES,
	});
	const results = (answer.presenceDefinitions ?? [])
		.filter((d) => d.selectable === true && matches(filter, d.description, d.category?.description))
		.map((d) => ({
			name: `${String(d.description)} (${String(d.category?.description ?? d.category?.categoryType ?? '')})`,
			value: d.presenceId,
		}));
	return { results };
}
