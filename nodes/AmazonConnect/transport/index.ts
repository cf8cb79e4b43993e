/**
 * The one place that talks HTTP to Amazon Connect: the Region's endpoint (or the override), every
 * request signed by the amazonConnectApi credential (SigV4), retries and errors from nodes/shared,
 * NextToken paging, and AWS's error shape read into the message: the error code
 * (x-amzn-ErrorType), its `Message` and the request ID (x-amzn-RequestId).
 */
import type { IAdditionalCredentialOptions, ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { NodeApiError } from 'n8n-workflow';

import type { HttpFailure, VendorErrorDetails } from '../../shared/errors';
import { passOn } from '../../shared/errors';
import { paginate } from '../../shared/paging';
import type { RequestContext, VendorConfig, VendorRequest } from '../../shared/transport';
import { vendorRequest } from '../../shared/transport';
import { connectApiBase, instanceIdOf } from './endpoints';
import { SESSION_FIELD, assumesRole, sessionIsFresh } from './sts';

export const CONNECT_CREDENTIAL = 'amazonConnectApi';
export const CONNECT_NAME = 'Amazon Connect';

/**
 * `x-amzn-ErrorType` may carry a namespace after a colon (`ThrottlingException:http://…`); the
 * body's member is `Message` for service errors and `message` for the signature front end's.
 */
export function connectErrorDetails(failure: HttpFailure): VendorErrorDetails {
	const body = (failure.body && typeof failure.body === 'object' ? failure.body : {}) as IDataObject;
	const code = (failure.headers['x-amzn-errortype'] ?? String(body.__type ?? '')).split(':')[0].split('#').pop() ?? '';
	const text = [body.Message, body.message].find((v): v is string => typeof v === 'string' && v !== '');
	const requestId = failure.headers['x-amzn-requestid'];
	const message = [code, text].filter(Boolean).join(': ');
	return { message: `${message || `HTTP ${failure.status}`}${requestId ? ` (request ID ${requestId})` : ''}` };
}

/**
 * With Assume Role, n8n renews the session only while its hidden field is empty (or after a 401,
 * which AWS never sends): a session within 5 minutes of its Expiration — or any, when `renew` —
 * is handed to n8n cleared, so preAuthentication fetches and stores a new one before the request.
 */
function sessionRenewal(renew: boolean) {
	return async (ctx: RequestContext): Promise<IAdditionalCredentialOptions | undefined> => {
		const credentials = await ctx.getCredentials(CONNECT_CREDENTIAL);
		if (!assumesRole(credentials) || (!renew && sessionIsFresh(credentials, Date.now()))) return undefined;
		const data: ICredentialDataDecryptedObject = { ...credentials, [SESSION_FIELD]: '' };
		return { credentialsDecrypted: { id: '', name: '', type: CONNECT_CREDENTIAL, data } };
	};
}

export const connectConfig: VendorConfig = {
	credentialType: CONNECT_CREDENTIAL,
	vendorName: CONNECT_NAME,
	baseUrl: connectApiBase,
	headers: { 'Content-Type': 'application/json' },
	errorDetails: connectErrorDetails,
	credentialOptions: sessionRenewal(false),
};

/** The same request once more with a new session: the session expired or was revoked before its Expiration. */
const renewedSessionConfig: VendorConfig = { ...connectConfig, credentialOptions: sessionRenewal(true) };

const isExpiredSession = (error: unknown) =>
	error instanceof NodeApiError && String(error.httpCode) === '403' && /^ExpiredTokenException\b/.test(error.description ?? '');

/** The request; with Assume Role, once more on a new session when AWS calls the session expired. */
async function sendRenewingSession<T>(ctx: RequestContext, request: VendorRequest): Promise<T> {
	try {
		return await vendorRequest<T>(ctx, connectConfig, request);
	} catch (error) {
		if (!isExpiredSession(error) || !assumesRole(await ctx.getCredentials(CONNECT_CREDENTIAL))) passOn(error);
		return await vendorRequest<T>(ctx, renewedSessionConfig, request);
	}
}

export async function connectRequest<T = IDataObject>(ctx: RequestContext, request: VendorRequest): Promise<T> {
	try {
		return await sendRenewingSession<T>(ctx, request);
	} catch (error) {
		// n8n replaces a message containing a Node.js error code with its own wording, and
		// "ResourceNotFoundException" contains ENOTFOUND: the message is put back as it was built.
		if (error instanceof NodeApiError && error.httpCode && error.description) {
			error.message = `${CONNECT_NAME} returned ${error.httpCode}: ${error.description}`;
		}
		passOn(error);
	}
}

/** The instance the credential names, as the ID the API paths take. */
export async function instanceId(ctx: RequestContext): Promise<string> {
	const credentials: ICredentialDataDecryptedObject = await ctx.getCredentials(CONNECT_CREDENTIAL);
	return instanceIdOf(credentials.instance);
}

/**
 * Every page of a NextToken listing, up to `limit` items. `request(token)` builds one page's
 * request (the token in the query or body, as the operation takes it); `key` names the list.
 */
export async function connectPaginate<T>(
	ctx: RequestContext,
	request: (token: string | undefined) => VendorRequest,
	key: string,
	limit?: number,
): Promise<T[]> {
	type Page = IDataObject & { NextToken?: string };
	return await paginate<Page, T, { token?: string }>(
		{},
		async ({ token }) => await connectRequest<Page>(ctx, request(token)),
		{
			items: (page) => (Array.isArray(page[key]) ? (page[key] as T[]) : []),
			next: (page) => (typeof page.NextToken === 'string' && page.NextToken !== '' ? { token: page.NextToken } : undefined),
		},
		{ limit },
	);
}
