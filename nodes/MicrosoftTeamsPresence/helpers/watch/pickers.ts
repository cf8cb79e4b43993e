/** The lists the Watch fields pick from: the directory's users and its groups. */
import type { ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { graphRequest } from '../../transport';
import { userLabel } from '../agents';
import type { ObjectsPage } from './reading';
import { MAX_PAGE, allObjects } from './reading';

/** The users the Agents picker offers at once (five pages); others can be given by expression. */
const MAX_PICKER_USERS = 5 * MAX_PAGE;

/** The Agents picker: the directory's enabled users by name (and e-mail), IDs stored. */
export async function listAgents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const users = await allObjects(
		this,
		{
			method: 'GET',
			path: '/users',
			qs: { $select: 'id,displayName,mail,userPrincipalName', $filter: 'accountEnabled eq true', $top: MAX_PAGE },
			permission: { application: 'User.Read.All', delegated: 'User.ReadBasic.All' },
		},
		MAX_PICKER_USERS,
	);
	return users.map((u) => ({ name: userLabel(u), value: String(u.id) })).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The Group picker: groups by display name. `$search` is an advanced query: Graph needs
 * `ConsistencyLevel: eventual` for it ("Advanced query capabilities on Microsoft Entra ID objects").
 */
export async function searchGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const text = filter?.trim().replace(/"/g, '');
	const permission = { application: 'GroupMember.Read.All', delegated: 'GroupMember.Read.All' };
	const page = paginationToken
		? await graphRequest<ObjectsPage>(this, {
				method: 'GET',
				path: paginationToken,
				headers: { ConsistencyLevel: 'eventual' },
				permission,
			})
		: await graphRequest<ObjectsPage>(this, {
				method: 'GET',
				path: '/groups',
				qs: {
					$select: 'id,displayName,mail',
					$top: 25,
					...(text ? { $search: `"displayName:${text}"`, $orderby: 'displayName' } : {}),
				},
				headers: text ? { ConsistencyLevel: 'eventual' } : undefined,
				permission,
			});
	return {
		results: (page.value ?? []).map((g) => ({ name: String(g.displayName ?? g.id), value: String(g.id) })),
		paginationToken: page['@odata.nextLink'],
	};
}

/** The pickers behind watchProperties, as a trigger's `methods`. */
export const watchMethods = {
	loadOptions: { listAgents },
	listSearch: { searchGroups },
};
