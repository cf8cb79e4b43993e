/**
 * The one place that talks HTTP to Microsoft Graph: `https://<graph host>/v1.0` for the
 * credential's cloud (or its override), a bearer token from either credential (application or
 * delegated), retries and errors from nodes/shared, and the permission a 403 is missing.
 */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { GRAPH_API_NAME, graphApiBase } from './endpoints';
import type { HttpFailure, VendorErrorDetails } from '../../shared/errors';
import type { RequestContext, VendorConfig, VendorRequest } from '../../shared/transport';
import { vendorRequest } from '../../shared/transport';

export const GRAPH_CREDENTIAL = 'microsoftTeamsPresenceGraphApi';
export const GRAPH_DELEGATED_TYPE = 'microsoftTeamsPresenceOAuth2Api';

export type GraphAuthentication = 'clientCredentials' | 'oAuth2';

/**
 * Graph's error body: `{ error: { code, message, innerError: { date, request-id,
 * client-request-id } } }` ("Microsoft Graph error responses and resource types"); request-id is
 * also a response header.
 */
function graphErrorDetails(failure: HttpFailure): VendorErrorDetails {
	const error = ((failure.body ?? {}) as IDataObject).error as IDataObject | undefined;
	const inner = (error?.innerError ?? error?.innererror) as IDataObject | undefined;
	const code = typeof error?.code === 'string' ? error.code : undefined;
	const message = typeof error?.message === 'string' ? error.message : undefined;
	return {
		message: code && message ? `${code}: ${message}` : (message ?? code),
		correlationId:
			failure.headers['request-id'] ?? (typeof inner?.['request-id'] === 'string' ? inner['request-id'] : undefined),
	};
}

/** The delegated credential has no Override switch: its API base is set or not. */
function delegatedBase(credentials: ICredentialDataDecryptedObject): string {
	const base = String(credentials.apiBaseUrl ?? '').trim();
	return base !== '' ? base.replace(/\/+$/, '') : graphApiBase({ ...credentials, overrideEndpoints: false });
}

export const graphConfigs: Record<GraphAuthentication, VendorConfig> = {
	clientCredentials: {
		credentialType: GRAPH_CREDENTIAL,
		vendorName: GRAPH_API_NAME,
		baseUrl: graphApiBase,
		headers: { 'Content-Type': 'application/json' },
		errorDetails: graphErrorDetails,
	},
	oAuth2: {
		credentialType: GRAPH_DELEGATED_TYPE,
		vendorName: GRAPH_API_NAME,
		baseUrl: delegatedBase,
		headers: { 'Content-Type': 'application/json' },
		errorDetails: graphErrorDetails,
	},
};

export interface GraphRequest extends VendorRequest {
	/** The permission the call needs, named when Graph answers 403. */
	permission?: { application?: string; delegated?: string };
}

/** Which credential the node (or trigger) is set to; trigger and pickers default to the application one. */
export function graphAuthentication(ctx: RequestContext): GraphAuthentication {
	// A fixed choice (no expression), read the same way from every context type. The notification
	// trigger has only the delegated credential: Graph's presence subscriptions need a signed-in user.
	const node = ctx.getNode();
	if (node.type.endsWith('.microsoftTeamsPresenceNotificationTrigger')) return 'oAuth2';
	return node.parameters.authentication === 'oAuth2' ? 'oAuth2' : 'clientCredentials';
}

export async function graphRequest<T = IDataObject>(ctx: RequestContext, request: GraphRequest): Promise<T> {
	const auth = graphAuthentication(ctx);
	const { permission, ...rest } = request;
	let failure: unknown;
	try {
		return await vendorRequest<T>(ctx, graphConfigs[auth], rest);
	} catch (error) {
		failure = error;
	}
	const error = asNodeError(ctx, failure);
	if (permission && error instanceof NodeApiError && error.httpCode === '403') {
		const needed =
			auth === 'oAuth2'
				? permission.delegated
					? `the delegated permission ${permission.delegated}`
					: 'an application permission (this call cannot be made on behalf of a user)'
				: permission.application
					? `the application permission ${permission.application} with admin consent`
					: `a signed-in user: Microsoft Graph offers no application permission for it — use the Delegated (OAuth2) authentication with ${permission.delegated ?? 'a delegated permission'}`;
		error.description = `${error.description ?? ''} — this call needs ${needed}`.replace(/^ — /, '');
	}
	throw error;
}

/** vendorRequest throws n8n errors already; anything else is wrapped so it names the node. */
export function asNodeError(ctx: RequestContext, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(ctx.getNode(), error as Error);
}

/** The app's client ID: Graph wants it as the presence session ID. */
export async function graphClientId(ctx: RequestContext): Promise<string> {
	const credentials = await ctx.getCredentials(graphConfigs[graphAuthentication(ctx)].credentialType);
	return String(credentials.clientId ?? '');
}
