/**
 * The one place that talks HTTP to Vonage Contact Center: `https://<region>.cc.vonage.com` (or
 * the legacy domain / override), bearer token from the vonageContactCenterApi credential, the
 * versioned Accept header every Agents API call needs, retries and errors from nodes/shared.
 */
import type { IDataObject } from 'n8n-workflow';

import { VENDOR_NAMES, VONAGE_ACCEPT, vonageApiBase } from '../../shared/endpoints';
import type { HttpFailure, VendorErrorDetails } from '../../shared/errors';
import type { RequestContext, VendorConfig, VendorRequest } from '../../shared/transport';
import { vendorRequest } from '../../shared/transport';

export const VONAGE_CREDENTIAL = 'vonageContactCenterApi';

/** Vonage answers errors as `{ message }` or problem-details-like `{ title, detail }`; take what is there. */
function vonageErrorDetails(failure: HttpFailure): VendorErrorDetails {
	const body = (failure.body ?? {}) as IDataObject;
	const message = [body.message, body.detail, body.title, body.error_description, body.error].find(
		(v): v is string => typeof v === 'string' && v !== '',
	);
	return {
		message,
		correlationId: failure.headers['x-correlation-id'] ?? failure.headers['x-request-id'],
	};
}

export const vonageConfig: VendorConfig = {
	credentialType: VONAGE_CREDENTIAL,
	vendorName: VENDOR_NAMES.vonage,
	baseUrl: vonageApiBase,
	headers: { Accept: VONAGE_ACCEPT, 'Content-Type': 'application/json' },
	errorDetails: vonageErrorDetails,
};

export async function vonageRequest<T = IDataObject>(ctx: RequestContext, request: VendorRequest): Promise<T> {
	return await vendorRequest<T>(ctx, vonageConfig, request);
}
