/**
 * Agent → Get Many: the organization's users (GET /api/v2/users, paged), or those with an exact
 * email (POST /api/v2/users/search, paged the same way).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { paginate } from '../../../shared/paging';
import { showFor } from '../../../shared/displayOptions';
import { returnAllAndLimit } from '../../../shared/returnAllAndLimit';
import { searchUsers } from '../../helpers/users';
import { genesysPaginate } from '../../transport';
import { filtersCollection } from '../../../shared/collections';

const properties: INodeProperties[] = [
	...returnAllAndLimit,
	filtersCollection([
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'e.g. alex.agent@contoso.com',
			default: '',
			description: 'Only users with exactly this email (Genesys Cloud user search)',
		},
	]),
];

export const description = showFor({ resource: ['agent'], operation: ['getAll'] }, properties);

/** Users per request (Genesys' default page size is 25). */
const PAGE_SIZE = 100;

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', i) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', i) as number);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const pageSize = limit === undefined ? PAGE_SIZE : Math.min(PAGE_SIZE, limit);
	const email = String(filters.email ?? '').trim();
	if (email === '') {
		return await genesysPaginate(this, { method: 'GET', path: '/api/v2/users' }, { limit, pageSize });
	}
	// UsersSearchResponse: `results` of the page, `pageCount` pages in all.
	return await paginate(
		1,
		async (pageNumber) =>
			await searchUsers(this, {
				pageSize,
				pageNumber,
				query: [{ type: 'EXACT', fields: ['email'], value: email }],
			}),
		{
			items: (page) => page.results ?? [],
			next: (page, pageNumber) =>
				pageNumber >= (page.pageCount ?? pageNumber) || (page.results ?? []).length === 0 ? undefined : pageNumber + 1,
		},
		{ limit },
	);
}
