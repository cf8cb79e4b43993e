/** Users given by ID, picked from the live search, or by e-mail/UPN (`GET /users/{upn}`). */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { cachedLookup, cacheTtlSeconds } from '../../shared/lookupCache';
import { asNodeError, graphAuthentication, graphConfigs, graphRequest } from '../transport';
import { UnknownAgentError } from '../../shared/unknownAgent';
import { readAgentLocator } from '../../shared/locators';

/**
 * E-mail/UPN → object ID once per execution (bulk inputs often repeat agents), and kept across
 * executions for Cache Lookups For seconds, per credential.
 */
const upnCache = new WeakMap<object, Map<string, Promise<string>>>();

async function idByUpn(ctx: IExecuteFunctions, upn: string, itemIndex: number): Promise<string> {
	const known = upnCache.get(ctx) ?? new Map<string, Promise<string>>();
	upnCache.set(ctx, known);
	const key = upn.toLowerCase();
	let pending = known.get(key);
	if (!pending) {
		pending = (async () => {
			let failure: unknown;
			try {
				return await cachedLookup(
					ctx,
					{
						credentialType: graphConfigs[graphAuthentication(ctx)].credentialType,
						kind: 'graph.userIdByUpn',
						key: upn,
						ttlSeconds: cacheTtlSeconds(ctx, itemIndex),
					},
					async () => {
						const user = await graphRequest(ctx, {
							method: 'GET',
							path: `/users/${encodeURIComponent(upn)}`,
							qs: { $select: 'id' },
							permission: { application: 'User.Read.All', delegated: 'User.ReadBasic.All' },
						});
						return String(user.id);
					},
				);
			} catch (error) {
				failure = error;
			}
			if (failure instanceof NodeApiError && failure.httpCode === '404') {
				throw new UnknownAgentError(
					ctx.getNode(),
					`No Microsoft Teams user has the e-mail or UPN "${upn}"`,
					upn,
					itemIndex,
					'Microsoft Graph finds users by their user principal name (often, not always, their e-mail)',
				);
			}
			throw asNodeError(ctx, failure);
		})();
		// A failed lookup must not poison the items after it (Continue On Fail).
		pending.catch(() => known.delete(key));
		known.set(key, pending);
	}
	return await pending;
}

/** What a Teams item without an agent fails with. */
export const NO_TEAMS_AGENT = {
	message: 'No agent given',
	description: 'Pick a user from the list, or give a Microsoft Entra user object ID, e-mail or UPN',
};

export async function resolveAgentId(ctx: IExecuteFunctions, itemIndex: number, name = 'agent'): Promise<string> {
	const { mode, value } = readAgentLocator(ctx, itemIndex, NO_TEAMS_AGENT, name);
	if (mode === 'email' || value.includes('@')) return await idByUpn(ctx, value, itemIndex);
	return value;
}

export function userLabel(u: IDataObject): string {
	const login = (u.mail ?? u.userPrincipalName) as string | undefined;
	return login ? `${String(u.displayName ?? login)} (${login})` : String(u.displayName ?? u.id);
}
