/**
 * The request path every vendor transport shares: base URL from the credential, auth through
 * httpRequestWithAuthentication (token fetched/refreshed by the credential, n8n's proxy and TLS
 * settings applied), 429/5xx handling from retry.ts, and vendor-shaped errors from errors.ts.
 * Each vendor's transport/index.ts supplies only what differs: credential, base URL, headers and
 * how to read its error bodies.
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
	ITriggerFunctions,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { HttpFailure, VendorErrorDetails } from './errors';
import { httpFailureOf, vendorApiError } from './errors';
import type { RetryPolicy } from './retry';
import { DEFAULT_RETRY_POLICY, withRetry } from './retry';

export type RequestContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IPollFunctions
	| IWebhookFunctions
	| ITriggerFunctions;

export interface VendorConfig {
	credentialType: string;
	vendorName: string;
	baseUrl: (credentials: ICredentialDataDecryptedObject) => string;
	headers?: Record<string, string>;
	errorDetails: (failure: HttpFailure) => VendorErrorDetails;
}

export interface VendorRequest {
	method: IHttpRequestMethods;
	/** Path below the vendor's API base, e.g. `/api/v2/systempresences`, or a vendor-given absolute next-page URL. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	headers?: Record<string, string>;
	/** Overrides the method's default (PATCH of a presence is idempotent, say). */
	idempotent?: boolean;
	/** Whole response (status, headers, body) instead of the body. */
	fullResponse?: boolean;
	timeoutMs?: number;
	retry?: Partial<RetryPolicy>;
}

export interface FullResponse<T = unknown> {
	statusCode: number;
	headers: Record<string, string>;
	body: T;
}

/** The package's default request timeout: a vendor that hangs must not hold a workflow forever. */
export const DEFAULT_TIMEOUT_MS = 30_000;

export async function vendorRequest<T = unknown>(
	ctx: RequestContext,
	config: VendorConfig,
	request: VendorRequest,
): Promise<T> {
	const credentials = await ctx.getCredentials(config.credentialType);
	const options: IHttpRequestOptions = {
		method: request.method,
		// Vendors hand out absolute next-page links (OData @odata.nextLink, Genesys nextUri).
		url: /^https?:\/\//i.test(request.path) ? request.path : `${config.baseUrl(credentials)}${request.path}`,
		qs: request.qs,
		body: request.body,
		headers: { Accept: 'application/json', ...config.headers, ...request.headers },
		json: true,
		timeout: request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		returnFullResponse: request.fullResponse === true,
	};
	if (request.body === undefined) delete options.body;
	if (request.qs === undefined) delete options.qs;
	const policy = { ...DEFAULT_RETRY_POLICY, ...request.retry };

	try {
		return (await withRetry(
			request.method,
			async () =>
				await ctx.helpers.httpRequestWithAuthentication.call(ctx, config.credentialType, {
					...options,
					headers: { ...options.headers },
				}),
			policy,
			request.idempotent,
		)) as T;
	} catch (error) {
		throw toVendorError(ctx, config, error);
	}
}

function toVendorError(ctx: RequestContext, config: VendorConfig, error: unknown): NodeApiError {
	const failure = httpFailureOf(error);
	if (failure) return vendorApiError(ctx.getNode(), config.vendorName, failure, config.errorDetails(failure));
	// No HTTP answer (timeout, refused, token request failed): keep the reason, name the vendor.
	const message = (error as { messages?: string[] })?.messages?.[0] ?? (error as Error)?.message ?? String(error);
	return new NodeApiError(
		ctx.getNode(),
		{ message },
		{
			// Token errors from the credential already start with the vendor's name.
			message: message.startsWith(config.vendorName) ? message : `${config.vendorName}: ${message}`,
			description: message,
		},
	);
}
