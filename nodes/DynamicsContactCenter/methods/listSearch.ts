/** Live pickers: the organization's active presences and its interactive users. */
import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { DATAVERSE_BASE_STATUS } from '../categories';
import { PRESENCE_CATEGORIES } from '../../shared/presence';
import { odataString } from '../helpers/guid';
import { dataverseRequest } from '../transport';

const PAGE = { Prefer: 'odata.maxpagesize=100' };

/** What a picker lists: the columns it reads, the rows it keeps (every clause holds), their order. */
interface ListQuery {
	select: string;
	where: string[];
	orderBy: string;
}

/** One page of a picker: the matching rows, each turned into a choice, and the next page's token. */
async function page(
	ctx: ILoadOptionsFunctions,
	path: string,
	query: ListQuery,
	toResult: (row: IDataObject) => INodeListSearchItems,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const qs = { $select: query.select, $filter: query.where.join(' and '), $orderby: query.orderBy };
	// The token is Dataverse's @odata.nextLink, which already carries the query.
	const response = await dataverseRequest(
		ctx,
		paginationToken ? { method: 'GET', path: paginationToken, headers: PAGE } : { method: 'GET', path, qs, headers: PAGE },
	);
	const next = response['@odata.nextLink'];
	return {
		results: ((response.value as IDataObject[]) ?? []).map(toResult),
		paginationToken: typeof next === 'string' ? next : undefined,
	};
}

const categoryLabel = (baseStatus: unknown) =>
	PRESENCE_CATEGORIES.find((c) => c.value === DATAVERSE_BASE_STATUS[baseStatus as number])?.name;

export async function searchPresences(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const clauses = ['statecode eq 0'];
	if (filter) clauses.push(`contains(msdyn_name,${odataString(filter)})`);
	return await page(
		this,
		'/msdyn_presences',
		{
			select: 'msdyn_presenceid,msdyn_name,msdyn_presencestatustext,msdyn_basepresencestatus',
			where: clauses,
			orderBy: 'msdyn_name asc',
		},
		(r) => {
			const label = categoryLabel(r.msdyn_basepresencestatus);
			const name = String(r.msdyn_presencestatustext || r.msdyn_name);
			// "Lunch (Away)"; an out-of-the-box presence named like its category just "Away".
			return { name: label && label !== name ? `${name} (${label})` : name, value: String(r.msdyn_presenceid) };
		},
		paginationToken,
	);
}

export async function searchAgents(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	// accessmode 0 (read-write) leaves out application and other non-interactive users.
	const clauses = ['isdisabled eq false', 'accessmode eq 0'];
	if (filter) {
		const text = odataString(filter);
		clauses.push(`(contains(fullname,${text}) or contains(internalemailaddress,${text}))`);
	}
	return await page(
		this,
		'/systemusers',
		{ select: 'systemuserid,fullname,internalemailaddress', where: clauses, orderBy: 'fullname asc' },
		(r) => ({
			name: r.internalemailaddress ? `${String(r.fullname)} (${String(r.internalemailaddress)})` : String(r.fullname),
			value: String(r.systemuserid),
		}),
		paginationToken,
	);
}
