import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { dataversePaginate } from '../transport';

/** Dataverse's default page is 5,000 rows; smaller pages keep each response modest. */
const PAGE_SIZE = 500;

/** Reads an entity set with the operation's Return All / Limit, following `@odata.nextLink`. */
export async function readMany(
	ctx: IExecuteFunctions,
	itemIndex: number,
	path: string,
	qs: IDataObject,
): Promise<IDataObject[]> {
	const request = { method: 'GET' as const, path, qs };
	if (ctx.getNodeParameter('returnAll', itemIndex) as boolean) {
		return await dataversePaginate(ctx, request, { pageSize: PAGE_SIZE });
	}
	const limit = ctx.getNodeParameter('limit', itemIndex) as number;
	return await dataversePaginate(ctx, request, { limit, pageSize: Math.min(limit, PAGE_SIZE) });
}
