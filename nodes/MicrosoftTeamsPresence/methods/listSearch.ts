/** Live pickers for the editor's resource locators. */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { TEAMS_PREFERRED_PAIRS, TEAMS_SESSION_PAIRS } from '../helpers/pairs';
import { userLabel } from '../helpers/agents';
import { pairId, pairName } from '../helpers/presence';
import { graphRequest } from '../transport';

const PAGE = 25;

interface UsersPage {
	value?: IDataObject[];
	'@odata.nextLink'?: string;
}

/**
 * Users by name, e-mail or UPN. `$search` is an advanced query: Graph needs
 * `ConsistencyLevel: eventual` for it ("Advanced query capabilities on Microsoft Entra ID objects").
 */
export async function searchAgents(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const text = filter?.trim().replace(/"/g, '');
	const page = paginationToken
		? await graphRequest<UsersPage>(this, { method: 'GET', path: paginationToken, headers: { ConsistencyLevel: 'eventual' } })
		: await graphRequest<UsersPage>(this, {
				method: 'GET',
				path: '/users',
				qs: {
					$select: 'id,displayName,mail,userPrincipalName',
					$top: PAGE,
					...(text
						? { $search: `"displayName:${text}" OR "mail:${text}" OR "userPrincipalName:${text}"`, $orderby: 'displayName' }
						: {}),
				},
				headers: text ? { ConsistencyLevel: 'eventual' } : undefined,
				permission: { application: 'User.Read.All', delegated: 'User.ReadBasic.All' },
			});
	return {
		results: (page.value ?? []).map((u) => ({ name: userLabel(u), value: String(u.id) })),
		paginationToken: page['@odata.nextLink'],
	};
}

/** The pairs the current operation accepts (session pairs for Set, preferred pairs for Set Preferred). */
export async function searchPresences(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const operation = this.getCurrentNodeParameter('operation') as string | undefined;
	const pairs = operation === 'setPreferred' ? TEAMS_PREFERRED_PAIRS : TEAMS_SESSION_PAIRS;
	const text = filter?.trim().toLowerCase();
	const results = pairs
		.map(([availability, activity]) => ({ name: pairName(availability, activity), value: pairId(availability, activity) }))
		.filter((r) => !text || r.name.toLowerCase().includes(text));
	return { results };
}
