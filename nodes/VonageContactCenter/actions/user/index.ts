import type { INodeProperties } from 'n8n-workflow';

import * as findByEmail from './findByEmail.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { findByEmail, get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Find by Email',
				value: 'findByEmail',
				description: 'Find the user with an email address',
				action: 'Find user by email',
			},
			{ name: 'Get', value: 'get', description: 'Get a user', action: 'Get a user' },
			{ name: 'Get Many', value: 'getAll', description: 'List users', action: 'Get many users' },
		],
		default: 'get',
	},
	...findByEmail.description,
	...get.description,
	...getAll.description,
];
