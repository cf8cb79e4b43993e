/** Live pickers for the editor's resource locators. */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import type { DefinitionApi } from '../helpers/definitions';
import { definitionLabel, listDefinitions, systemPresenceName } from '../helpers/definitions';
import { searchUsers } from '../helpers/users';

const USERS_PAGE = 25;

/** Users by name or email (CONTAINS); without a filter, every active user. Paged by page number. */
export async function searchUsersList(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const pageNumber = paginationToken ? Number(paginationToken) : 1;
	const text = filter?.trim();
	const query = text
		? [{ type: 'CONTAINS', fields: ['name', 'email'], value: text }]
		: [{ type: 'EXACT', fields: ['state'], values: ['active'] }];
	const page = await searchUsers(this, { pageSize: USERS_PAGE, pageNumber, query });
	const results = (page.results ?? []).map((u) => ({
		name: u.email ? `${String(u.name)} (${String(u.email)})` : String(u.name ?? u.id),
		value: String(u.id),
	}));
	const more = pageNumber < Number(page.pageCount ?? 0);
	return { results, paginationToken: more ? String(pageNumber + 1) : undefined };
}

/** Active definitions, labelled "Lunch (Meal)", from the API version the node is set to. */
export async function searchPresenceDefinitions(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const api = (this.getCurrentNodeParameter('apiVersion') as DefinitionApi | undefined) ?? 'current';
	const definitions = await listDefinitions(this, api === 'legacy' ? 'legacy' : 'current');
	const text = filter?.trim().toLowerCase();
	const results = definitions
		.filter((d: IDataObject) => d.deactivated !== true)
		.map((d) => {
			// "Lunch (Meal)"; a system presence's own definition just "On Queue".
			const label = definitionLabel(d);
			const system = systemPresenceName(d.systemPresence);
			return { name: label === system ? label : `${label} (${system})`, value: String(d.id) };
		})
		.filter((r) => !text || r.name.toLowerCase().includes(text))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}
