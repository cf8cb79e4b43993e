import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { showFor } from '../../../shared/displayOptions';
import { returnAllAndLimit } from '../../../shared/returnAllAndLimit';
import { graphAuthentication, graphConfigs, graphRequest } from '../../transport';
import { USER_FIELDS, agentItem } from './shape';

export const description = showFor({ resource: ['agent'], operation: ['getAll'] }, returnAllAndLimit);

/** "List users": at most 999 a page. */
const MAX_PAGE = 999;

interface UsersPage {
	value?: IDataObject[];
	'@odata.nextLink'?: string;
}

/** `GET /users`, paged by @odata.nextLink — followed only on Graph's own origin (the token goes along). */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
	const limit = returnAll ? Infinity : Number(this.getNodeParameter('limit', i, 50));
	const config = graphConfigs[graphAuthentication(this)];
	const origin = new URL(config.baseUrl(await this.getCredentials(config.credentialType))).origin;
	const permission = { application: 'User.Read.All', delegated: 'User.ReadBasic.All' };
	const out: IDataObject[] = [];
	let page = await graphRequest<UsersPage>(this, {
		method: 'GET',
		path: '/users',
		qs: { $select: USER_FIELDS, $top: Math.min(MAX_PAGE, limit) },
		permission,
	});
	for (;;) {
		out.push(...(page.value ?? []).map(agentItem));
		const next = page['@odata.nextLink'];
		if (out.length >= limit || !next) break;
		if (new URL(next).origin !== origin) {
			throw new NodeOperationError(
				this.getNode(),
				`Microsoft Teams (Graph) returned a next page at ${new URL(next).origin}, off its own host; not followed`,
				{ itemIndex: i },
			);
		}
		page = await graphRequest<UsersPage>(this, { method: 'GET', path: next, permission });
	}
	return out.slice(0, limit);
}
