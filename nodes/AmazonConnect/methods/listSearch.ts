/** Live pickers for the agent and status resource locators. */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listAgentStatuses } from '../helpers/statuses';
import { connectRequest, instanceId } from '../transport';

/** Users whose username contains the filter (SearchUsers), a page at a time. */
export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const answer = await connectRequest<{ Users?: IDataObject[]; NextToken?: string }>(this, {
		method: 'POST',
		path: '/search-users',
		body: {
			InstanceId: await instanceId(this),
			MaxResults: 100,
			...(filter && { SearchCriteria: { StringCondition: { FieldName: 'Username', Value: filter, ComparisonType: 'CONTAINS' } } }),
			...(paginationToken && { NextToken: paginationToken }),
		},
		idempotent: true,
	});
	const results = (answer.Users ?? []).map((u) => {
		const info = (u.IdentityInfo ?? {}) as IDataObject;
		const name = [info.FirstName, info.LastName].filter(Boolean).join(' ');
		return { name: name ? `${name} (${String(u.Username)})` : String(u.Username), value: String(u.Id) };
	});
	return { results, paginationToken: answer.NextToken };
}

/** The instance's agent statuses, with their type. */
export async function searchAgentStatuses(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const statuses = await listAgentStatuses(this);
	const results = statuses
		.filter((s) => !filter || s.Name.toLowerCase().includes(filter.toLowerCase()))
		.map((s) => ({ name: `${s.Name} (${s.Type})`, value: s.Id }));
	return { results };
}
