/**
 * The one place that talks HTTP to Genesys Cloud: `https://api.<region>` (or the credential's
 * override), bearer token from the genesysCloudPresenceApi credential, retries and errors from
 * nodes/shared, and Genesys' entity-listing pagination.
 */
import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { GENESYS_API_NAME, genesysApiBase } from './endpoints';
import type { HttpFailure, VendorErrorDetails } from '../../shared/errors';
import { passOn } from '../../shared/errors';
import type { PageScheme } from '../../shared/paging';
import { paginate } from '../../shared/paging';
import type { RequestContext, VendorConfig, VendorRequest } from '../../shared/transport';
import { vendorRequest } from '../../shared/transport';

export const GENESYS_CREDENTIAL = 'genesysCloudPresenceApi';

/** Genesys ErrorBody: `{ message, code, status, contextId, details, errors }` + ININ-Correlation-Id header. */
function genesysErrorDetails(failure: HttpFailure): VendorErrorDetails {
	const body = (failure.body ?? {}) as IDataObject;
	return {
		message: typeof body.message === 'string' ? body.message : undefined,
		correlationId:
			failure.headers['inin-correlation-id'] ?? (typeof body.contextId === 'string' ? body.contextId : undefined),
	};
}

export const genesysConfig: VendorConfig = {
	credentialType: GENESYS_CREDENTIAL,
	vendorName: GENESYS_API_NAME,
	baseUrl: genesysApiBase,
	headers: { 'Content-Type': 'application/json' },
	errorDetails: genesysErrorDetails,
};

/**
 * Changing another user's presence: Genesys' Developer Announcements, "Permission Change: Update to User
 * Presence Requires presence:userPresence:edit" (effective 20 July 2025), for PATCH
 * /api/v2/users/{userId}/presences/purecloud and …/{sourceId}; the bulk PUT has always needed it.
 */
export const EDIT_PRESENCE_PERMISSION = 'presence:userPresence:edit';

export interface GenesysRequest extends VendorRequest {
	/** The permission the call needs, named when Genesys answers 403. */
	permission?: string;
}

export async function genesysRequest<T = IDataObject>(ctx: RequestContext, request: GenesysRequest): Promise<T> {
	const { permission, ...rest } = request;
	try {
		return await vendorRequest<T>(ctx, genesysConfig, rest);
	} catch (error) {
		if (permission && error instanceof NodeApiError && error.httpCode === '403') {
			error.description = `${error.description ?? ''} — this call needs the permission ${permission} in a role of the credential's OAuth client`.replace(/^ — /, '');
		}
		// vendorRequest's NodeApiError (vendor, status, vendor message), passed on.
		passOn(error);
	}
}

interface EntityListing {
	entities?: IDataObject[];
	pageNumber?: number;
	pageCount?: number;
	nextUri?: string | null;
}

/**
 * Genesys' page-number pagination (`pageNumber`/`pageSize`, answer `pageCount`): the next page
 * number until the last page (by `pageCount`, else by `nextUri`) or an empty one.
 */
const genesysPages: PageScheme<EntityListing, IDataObject, number> = {
	items: (page) => page.entities ?? [],
	next: (page, pageNumber) => {
		const pageCount = page.pageCount ?? (page.nextUri ? pageNumber + 1 : pageNumber);
		return pageNumber >= pageCount || (page.entities ?? []).length === 0 ? undefined : pageNumber + 1;
	},
};

/** Every entity of a Genesys listing, page by page, up to `limit` items. */
export async function genesysPaginate(
	ctx: RequestContext,
	request: VendorRequest,
	options: { limit?: number; pageSize?: number } = {},
): Promise<IDataObject[]> {
	const pageSize = options.pageSize ?? 100;
	return await paginate(
		1,
		async (pageNumber) =>
			await genesysRequest<EntityListing>(ctx, { ...request, qs: { ...request.qs, pageSize, pageNumber } }),
		genesysPages,
		{ limit: options.limit },
	);
}
