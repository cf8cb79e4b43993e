/**
 * The one place that talks HTTP to Dataverse: `<environment URL>/api/data/v9.2` (or the
 * credential's override), bearer token from the dynamicsContactCenterApi credential, OData
 * headers, service-protection 429s (Retry-After) and errors from nodes/shared, and
 * `@odata.nextLink` pagination.
 */
import type { IDataObject } from 'n8n-workflow';

import { DATAVERSE_API_NAME, dataverseApiBase } from './endpoints';
import type { HttpFailure, VendorErrorDetails } from '../../shared/errors';
import type { PageScheme } from '../../shared/paging';
import { paginate } from '../../shared/paging';
import type { RequestContext, VendorConfig, VendorRequest } from '../../shared/transport';
import { vendorRequest } from '../../shared/transport';

export const DATAVERSE_CREDENTIAL = 'dynamicsContactCenterApi';

/** Dataverse Web API errors: `{ error: { code, message } }`; the request ID comes back as a header. */
function dataverseErrorDetails(failure: HttpFailure): VendorErrorDetails {
	const error = ((failure.body ?? {}) as IDataObject).error as IDataObject | undefined;
	const message = typeof error?.message === 'string' ? error.message : undefined;
	const code = typeof error?.code === 'string' && error.code ? ` [${error.code}]` : '';
	return {
		message: message ? `${message}${code}` : undefined,
		correlationId: failure.headers['x-ms-service-request-id'] ?? failure.headers['req_id'],
	};
}

export const dataverseConfig: VendorConfig = {
	credentialType: DATAVERSE_CREDENTIAL,
	vendorName: DATAVERSE_API_NAME,
	baseUrl: dataverseApiBase,
	headers: {
		'Content-Type': 'application/json; charset=utf-8',
		'OData-MaxVersion': '4.0',
		'OData-Version': '4.0',
	},
	errorDetails: dataverseErrorDetails,
};

export async function dataverseRequest<T = IDataObject>(ctx: RequestContext, request: VendorRequest): Promise<T> {
	return await vendorRequest<T>(ctx, dataverseConfig, request);
}

/**
 * OData paging: a page's rows are in `value`; `@odata.nextLink` is the next page, a URL that
 * already carries the query (with `$skiptoken`), sent as given. No link: that was the last page.
 */
const dataversePages: PageScheme<IDataObject, IDataObject, VendorRequest> = {
	items: (page) => (page.value as IDataObject[]) ?? [],
	next: (page, request) => {
		const link = page['@odata.nextLink'];
		if (typeof link !== 'string') return undefined;
		// The page size asked for stays the same on every page.
		const prefer = request.headers?.Prefer;
		return { method: 'GET', path: link, headers: prefer ? { Prefer: prefer } : undefined };
	},
};

/**
 * Reads an entity set following `@odata.nextLink` until the last page or `limit` rows.
 * `Prefer: odata.maxpagesize` sets the page size (Dataverse's default is 5,000).
 */
export async function dataversePaginate(
	ctx: RequestContext,
	request: VendorRequest,
	options: { limit?: number; pageSize?: number } = {},
): Promise<IDataObject[]> {
	const prefer = `odata.maxpagesize=${options.pageSize ?? 500}`;
	return await paginate(
		{ ...request, headers: { ...request.headers, Prefer: prefer } },
		async (next) => await dataverseRequest<IDataObject>(ctx, next),
		dataversePages,
		{ limit: options.limit },
	);
}
