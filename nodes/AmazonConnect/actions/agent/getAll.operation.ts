/**
 * Agent → Get Many: ListUsers (`GET /users-summary/{InstanceId}`, up to 1000 a page), or SearchUsers
 * (`POST /search-users`, up to 100 a page) when a username filter is given.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/displayOptions';
import { returnAllAndLimit } from '../../../shared/returnAllAndLimit';
import { connectPaginate, instanceId } from '../../transport';
import { listUsers } from '../../helpers/users';
import { agentItem } from './item';

export const description: INodeProperties[] = showFor({ resource: ['agent'], operation: ['getAll'] }, [
	...returnAllAndLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Username',
				name: 'username',
				type: 'string',
				default: '',
				description: 'Only users whose username matches (SearchUsers)',
			},
			{
				displayName: 'Match',
				name: 'comparison',
				type: 'options',
				default: 'EXACT',
				options: [
					{ name: 'Exact', value: 'EXACT', description: 'The username is the text given (any case)' },
					{ name: 'Starts With', value: 'STARTS_WITH', description: 'The username starts with the text given' },
					{ name: 'Contains', value: 'CONTAINS', description: 'The username contains the text given' },
				],
				description: 'How the username is compared (SearchUsers ComparisonType)',
			},
		],
	},
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', i) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', i) as number);
	const filters = this.getNodeParameter('filters', i, {}) as { username?: string; comparison?: string };
	const instance = await instanceId(this);
	if (filters.username) {
		const criteria = { StringCondition: { FieldName: 'Username', Value: filters.username, ComparisonType: filters.comparison ?? 'EXACT' } };
		const users = await connectPaginate<IDataObject>(
			this,
			(token) => ({
				method: 'POST',
				path: '/search-users',
				body: { InstanceId: instance, MaxResults: Math.min(limit ?? 100, 100), SearchCriteria: criteria, ...(token && { NextToken: token }) },
				idempotent: true,
			}),
			'Users',
			limit,
		);
		return users.map(agentItem);
	}
	return (await listUsers(this, limit)).map(agentItem);
}
