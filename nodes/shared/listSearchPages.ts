import type { ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

/** A bounded walk over a paged picker (a contact centre has tens of presences, not thousands). */
const MAX_PAGES = 20;

/** Every page of a resource-locator search, as options (used where a plain list is wanted). */
export async function allSearchPages(
	ctx: ILoadOptionsFunctions,
	search: (this: ILoadOptionsFunctions, filter?: string, token?: string) => Promise<INodeListSearchResult>,
): Promise<INodePropertyOptions[]> {
	const options: INodePropertyOptions[] = [];
	let token: string | undefined;
	for (let page = 0; page < MAX_PAGES; page++) {
		const result = await search.call(ctx, undefined, token);
		options.push(...result.results.map((r) => ({ name: r.name, value: r.value })));
		token = typeof result.paginationToken === 'string' ? result.paginationToken : undefined;
		if (!token) break;
	}
	return options;
}
