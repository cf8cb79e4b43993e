/**
 * Agents are Dataverse system users (`systemusers`). A workflow usually knows an agent by e-mail
 * (an agent dictionary keyed by e-mail), Dataverse by systemuserid: this resolves one to the other.
 */
import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { cachedLookup, cacheTtlSeconds } from '../../shared/lookupCache';
import { DATAVERSE_CREDENTIAL, dataverseRequest } from '../transport';
import { odataString, requireGuid } from './guid';
import { rowOf } from './rows';
import { UnknownAgentError } from '../../shared/unknownAgent';
import { locatorParts, readAgentLocator } from '../../shared/locators';

/** The systemuser columns the node reads (a full row has hundreds). */
const USER_COLUMNS = [
	'systemuserid',
	'fullname',
	'firstname',
	'lastname',
	'internalemailaddress',
	'azureactivedirectoryobjectid',
	'domainname',
	'isdisabled',
].join(',');

export type UserLookup = 'id' | 'email' | 'aadObjectId';

/**
 * Users matching the lookup; by e-mail or Azure AD object ID there may be none. Kept across
 * executions for the item's Cache Lookups For seconds (per credential): an agent's e-mail and
 * systemuserid rarely change.
 */
export async function findUsers(
	ctx: IExecuteFunctions,
	by: UserLookup,
	value: string,
	itemIndex: number,
): Promise<IDataObject[]> {
	return await cachedLookup(
		ctx,
		{
			credentialType: DATAVERSE_CREDENTIAL,
			kind: `dataverse.systemuser.${by}`,
			key: value.trim(),
			ttlSeconds: cacheTtlSeconds(ctx, itemIndex),
		},
		async () => await readUsers(ctx, by, value, itemIndex),
	);
}

async function readUsers(
	ctx: IExecuteFunctions,
	by: UserLookup,
	value: string,
	itemIndex: number,
): Promise<IDataObject[]> {
	if (by === 'id') {
		const id = requireGuid(ctx, value, 'User ID', itemIndex);
		const row = await dataverseRequest(ctx, {
			method: 'GET',
			path: `/systemusers(${id})`,
			qs: { $select: USER_COLUMNS },
		});
		return [rowOf(row)];
	}
	let filter: string;
	if (by === 'email') {
		const email = value.trim();
		if (!email.includes('@')) {
			throw new NodeOperationError(ctx.getNode(), `"${email}" is not an e-mail address`, { itemIndex });
		}
		filter = `internalemailaddress eq ${odataString(email)}`;
	} else {
		filter = `azureactivedirectoryobjectid eq ${requireGuid(ctx, value, 'Azure AD object ID', itemIndex)}`;
	}
	const page = await dataverseRequest(ctx, {
		method: 'GET',
		path: '/systemusers',
		qs: { $select: USER_COLUMNS, $filter: filter },
	});
	return (page.value as IDataObject[]) ?? [];
}

/** The agent's systemuserid from an agent resource locator (list, ID or e-mail mode). */
export async function resolveAgentId(
	ctx: IExecuteFunctions,
	parameter: string,
	itemIndex: number,
	locator?: INodeParameterResourceLocator,
): Promise<string> {
	const { mode, value } = locator ? locatorParts(locator) : readAgentLocator(ctx, itemIndex, undefined, parameter);
	if (mode !== 'email') return requireGuid(ctx, value, 'Agent ID', itemIndex);
	const users = await findUsers(ctx, 'email', value, itemIndex);
	if (users.length === 0) {
		throw new UnknownAgentError(ctx.getNode(), `No Dataverse user has the e-mail address "${value}"`, value, itemIndex);
	}
	if (users.length > 1) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${users.length} Dataverse users have the e-mail address "${value}"; give the agent by ID`,
			{ itemIndex },
		);
	}
	return String(users[0].systemuserid).toLowerCase();
}

/** Agents per e-mail lookup: 100 GUID clauses keep the URL near 5 KB, far inside Dataverse's limit. */
const EMAIL_LOOKUP_BATCH = 100;

/**
 * systemuserid (lower case) → `internalemailaddress` for many agents: one `GET /systemusers` per
 * 100 agents, filtered `systemuserid eq … or …`. Agents without a user row or an address are absent.
 */
export async function agentEmails(ctx: IExecuteFunctions, agentIds: string[]): Promise<Map<string, string>> {
	const ids = [...new Set(agentIds.map((id) => id.toLowerCase()).filter(Boolean))];
	const out = new Map<string, string>();
	for (let i = 0; i < ids.length; i += EMAIL_LOOKUP_BATCH) {
		const batch = ids.slice(i, i + EMAIL_LOOKUP_BATCH);
		const page = await dataverseRequest(ctx, {
			method: 'GET',
			path: '/systemusers',
			qs: {
				$select: 'systemuserid,internalemailaddress',
				$filter: batch.map((id) => `systemuserid eq ${id}`).join(' or '),
			},
		});
		for (const row of (page.value as IDataObject[]) ?? []) {
			const email = row.internalemailaddress;
			if (typeof row.systemuserid === 'string' && typeof email === 'string' && email !== '') {
				out.set(row.systemuserid.toLowerCase(), email);
			}
		}
	}
	return out;
}
