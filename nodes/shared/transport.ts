/**
 * The request path every vendor transport shares: base URL from the credential, auth through
 * httpRequestWithAuthentication (token fetched/refreshed by the credential, n8n's proxy and TLS
 * settings applied), 429/5xx handling from retry.ts, and vendor-shaped errors from errors.ts.
 * Each vendor's transport/index.ts supplies only what differs: credential, base URL, headers and
 * how to read its error bodies.
 */
import type {
	IAdditionalCredentialOptions,
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
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

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
	/**
	 * httpRequestWithAuthentication's extra options for one attempt, read when it is sent (Amazon
	 * Connect hands over its credential with an expiring session cleared, so n8n renews it first).
	 */
	credentialOptions?: (ctx: RequestContext) => Promise<IAdditionalCredentialOptions | undefined>;
}

export interface VendorRequest {
	method: IHttpRequestMethods;
	/** Path below the vendor's API base, e.g. `/api/v2/systempresences`, or a vendor-given absolute next-page URL. */
	path: string;
	qs?: IDataObject;
	/** A string goes as it is: n8n's HTTP helper drops an empty object, so `{}` is sent as the text '{}'. */
	body?: IDataObject | IDataObject[] | string;
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
		url: requestUrl(ctx, config, config.baseUrl(credentials), request.path),
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
				await ctx.helpers.httpRequestWithAuthentication.call(
					ctx,
					config.credentialType,
					{ ...options, headers: { ...options.headers } },
					await config.credentialOptions?.(ctx),
				),
			policy,
			request.idempotent,
		)) as T;
	} catch (error) {
		throw toVendorError(ctx, config, error);
	}
}

/** n8n's own wording (its Microsoft transport) for the same refusal. */
export const UNEXPECTED_HOST = 'Refusing to send credentials to an unexpected host';

const originOf = (url: string): string | null => {
	try {
		const origin = new URL(url).origin;
		return origin === 'null' ? null : origin;
	} catch {
		return null;
	}
};

/**
 * Vendors hand out absolute links (OData @odata.nextLink, a `nextUri`, a picker's
 * paginationToken that came back from the editor). The bearer token goes with every request, so
 * an absolute URL is sent only when its origin is the credential's API base origin.
 */
function requestUrl(ctx: RequestContext, config: VendorConfig, base: string, path: string): string {
	const baseOrigin = originOf(base);
	if (baseOrigin === null) {
		throw new NodeOperationError(ctx.getNode(), UNEXPECTED_HOST, {
			description: `The ${config.vendorName} API base URL on the credential is not a valid URL. Fix it on the credential and try again.`,
		});
	}
	const url = /^[a-z][a-z0-9+.-]*:/i.test(path) ? path : `${base}${path}`;
	// Checked on the final URL: even a relative path must not turn into another host (`@host/…`).
	const origin = originOf(url);
	if (origin !== baseOrigin) {
		throw new NodeOperationError(ctx.getNode(), UNEXPECTED_HOST, {
			description: `${config.vendorName} was asked to follow a link to ${origin ?? 'an address that is not a URL'}, which is not the credential's API host ${baseOrigin}; nothing was sent.`,
		});
	}
	return url;
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
