/**
 * The one place that talks HTTP to Vonage Contact Center: the region's API gateway
 * (`https://<region>.api.cc.vonage.com`, the legacy host or an override), a bearer token for the
 * scope the endpoint needs from the vonageContactCenterApi credential, the versioned Accept header
 * of each API, retries and errors from nodes/shared, the paging of the User Admin API and the
 * Insights Stats API, and a scope hint on 403.
 */
import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	VONAGE_API_NAME,
	VONAGE_ACCEPT,
	VONAGE_STATS_ACCEPT,
	VONAGE_USER_ADMIN_ACCEPT,
	vonageApiBase,
} from './endpoints';
import type { HttpFailure, VendorErrorDetails } from '../../shared/errors';
import type { PageScheme } from '../../shared/paging';
import { paginate } from '../../shared/paging';
import type { RequestContext, VendorConfig, VendorRequest } from '../../shared/transport';
import { vendorRequest } from '../../shared/transport';
import type { VonagePresenceActivity } from '../events/vonageEvents';
import { VONAGE_SCOPE_HEADER } from './vonageTokenCache';

export const VONAGE_CREDENTIAL = 'vonageContactCenterApi';

export { VONAGE_USER_ADMIN_ACCEPT };

/** Vonage answers errors as `{ message }`, problem details `{ title, detail, errors }`, or `{ error: { code, message } }`. */
function vonageErrorDetails(failure: HttpFailure): VendorErrorDetails {
	const body = (failure.body ?? {}) as IDataObject;
	const nested = body.error && typeof body.error === 'object' ? (body.error as IDataObject) : {};
	const validation = Array.isArray(body.errors)
		? (body.errors as IDataObject[]).map((e) => e?.message).filter((m): m is string => typeof m === 'string')
		: [];
	const message = [
		body.message,
		body.detail,
		validation.length ? `${String(body.title ?? 'Validation failed')} ${validation.join(' ')}` : undefined,
		body.title,
		nested.message,
		body.error_description,
		body.error,
	].find((v): v is string => typeof v === 'string' && v !== '');
	return {
		message,
		correlationId: failure.headers['x-correlation-id'] ?? failure.headers['x-request-id'],
	};
}

export const vonageConfig: VendorConfig = {
	credentialType: VONAGE_CREDENTIAL,
	vendorName: VONAGE_API_NAME,
	baseUrl: vonageApiBase,
	headers: { Accept: VONAGE_ACCEPT, 'Content-Type': 'application/json' },
	errorDetails: vonageErrorDetails,
};

export interface VonageRequest extends VendorRequest {
	/**
	 * The scopes Vonage documents for the endpoint (any one suffices, preferred first): the
	 * credential attaches a token for one of them, and they are named when Vonage answers 403.
	 */
	scopes: string[];
}

export async function vonageRequest<T = IDataObject>(ctx: RequestContext, request: VonageRequest): Promise<T> {
	const { scopes, ...rest } = request;
	try {
		return await vendorRequest<T>(ctx, vonageConfig, {
			...rest,
			headers: { ...rest.headers, [VONAGE_SCOPE_HEADER]: scopes.join(' ') },
		});
	} catch (error) {
		throw withScopeHint(error, scopes);
	}
}

/**
 * A 403 from Vonage almost always means the token lacks the endpoint's scope: say which scope,
 * in the message when Vonage's own text does not name it, and where to add it. API credentials
 * are also user-level ("Agents API" overview): a supervisor's reach only their groups' agents.
 */
function withScopeHint(error: unknown, scopes: string[]): unknown {
	if (!(error instanceof NodeApiError) || error.httpCode !== '403') return error;
	const needed = scopes.map((s) => `"${s}"`).join(' or ');
	if (!scopes.some((s) => error.message.includes(s))) error.message = `${error.message} (this endpoint needs the scope ${needed})`;
	error.description = `${error.description ?? ''} This endpoint needs the scope ${needed}: add it to the credential's Scopes and allow it for the API client in VCC Admin. With the scope granted, the API credentials' user may not reach this agent: a supervisor's credentials reach only the agents in their groups.`.trim();
	return error;
}

/** User Admin API calls: same host, their own Accept version (v4). */
export async function vonageUserAdminRequest<T = IDataObject>(
	ctx: RequestContext,
	request: Omit<VonageRequest, 'scopes'> & { scopes?: string[] },
): Promise<T> {
	return await vonageRequest<T>(ctx, {
		scopes: ['users:read', 'users:write'],
		...request,
		headers: { ...request.headers, Accept: VONAGE_USER_ADMIN_ACCEPT },
	});
}

/** Insights Stats API calls: scope `stats`, Accept v2 ("Versioning (Insights Stats API)"). */
async function vonageStatsRequest<T = IDataObject>(
	ctx: RequestContext,
	request: Omit<VonageRequest, 'scopes'>,
): Promise<T> {
	return await vonageRequest<T>(ctx, {
		...request,
		scopes: ['stats'],
		headers: { ...request.headers, Accept: VONAGE_STATS_ACCEPT },
	});
}

interface UserPage {
	users?: IDataObject[];
	meta?: { page?: number; count?: number; pageCount?: number; totalCount?: number };
}

/**
 * The User Admin API's pagination (`page` from 1, `limit` up to 5000, answer `meta.pageCount`):
 * the next page number until the last page (by `meta.pageCount`, else a short page) or an empty one.
 */
const vonageUserPages = (pageSize: number): PageScheme<UserPage, IDataObject, number> => ({
	items: (answer) => answer.users ?? [],
	next: (answer, page) => {
		const users = answer.users ?? [];
		const pageCount = answer.meta?.pageCount;
		const last = pageCount !== undefined ? page >= pageCount : users.length < pageSize;
		return last || users.length === 0 ? undefined : page + 1;
	},
});

/** Every user the query matches (`GET /useradmin/users`), page by page, up to `limit` users. */
export async function vonagePaginateUsers(
	ctx: RequestContext,
	qs: IDataObject,
	options: { limit?: number; pageSize: number },
): Promise<IDataObject[]> {
	return await paginate(
		1,
		async (page) =>
			await vonageUserAdminRequest<UserPage>(ctx, {
				method: 'GET',
				path: '/useradmin/users',
				qs: { ...qs, page, limit: options.pageSize },
			}),
		vonageUserPages(options.pageSize),
		{ limit: options.limit },
	);
}

interface ActivitiesPage {
	items?: VonagePresenceActivity[];
	upTo?: string;
	meta?: { page?: number; pageCount?: number };
}

/**
 * The Insights Stats API's pagination (`page` from 1, answer `meta.pageCount`, one page when it
 * is absent): the next page number until the last page or an empty one.
 */
const vonageStatsPages: PageScheme<ActivitiesPage, VonagePresenceActivity, number> = {
	items: (answer) => answer.items ?? [],
	next: (answer, page) =>
		page >= (answer.meta?.pageCount ?? 1) || (answer.items ?? []).length === 0 ? undefined : page + 1,
};

const STATS_PAGE_SIZE = 1000;

/**
 * Every presence activity processed since `start` (`GET /stats/agent-activities/presence`,
 * include=Processed), all pages of one window. The window's `upTo` comes from the first page:
 * later pages must not move its end past what page 1 answered for.
 */
export async function vonagePresenceActivities(
	ctx: RequestContext,
	query: { start: string; end?: string; agentId?: string },
): Promise<{ items: VonagePresenceActivity[]; upTo: string }> {
	let upTo: string | undefined;
	const items = await paginate(
		1,
		async (page) => {
			const answer = await vonageStatsRequest<ActivitiesPage>(ctx, {
				method: 'GET',
				path: '/stats/agent-activities/presence',
				qs: {
					start: query.start,
					...(query.end ? { end: query.end } : {}),
					include: 'Processed',
					page,
					limit: STATS_PAGE_SIZE,
					...(query.agentId ? { agentId: query.agentId } : {}),
				},
			});
			upTo ??= answer.upTo;
			return answer;
		},
		vonageStatsPages,
	);
	if (!upTo) throw new NodeOperationError(ctx.getNode(), 'Vonage returned no "upTo" for the presence activities window');
	return { items, upTo };
}
