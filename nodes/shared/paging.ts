/**
 * The one paging loop every vendor transport uses. A vendor supplies the first page's cursor (a
 * page number, a request), how to fetch the page a cursor names, and its `PageScheme`: where a
 * page's items are and which cursor comes next. The loop stops after the last page or once
 * `limit` items are in (the rest of that page is dropped).
 */

export interface PageScheme<Page, Item, Cursor> {
	items: (page: Page) => Item[];
	/** The next page's cursor, or undefined when `page` (read with `cursor`) was the last. */
	next: (page: Page, cursor: Cursor) => Cursor | undefined;
}

export async function paginate<Page, Item, Cursor>(
	first: Cursor,
	fetchPage: (cursor: Cursor) => Promise<Page>,
	scheme: PageScheme<Page, Item, Cursor>,
	options: { limit?: number } = {},
): Promise<Item[]> {
	const out: Item[] = [];
	for (let cursor: Cursor | undefined = first; cursor !== undefined; ) {
		const page = await fetchPage(cursor);
		out.push(...scheme.items(page));
		if (options.limit !== undefined && out.length >= options.limit) return out.slice(0, options.limit);
		cursor = scheme.next(page, cursor);
	}
	return out;
}
