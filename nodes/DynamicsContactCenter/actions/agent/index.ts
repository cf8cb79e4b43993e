import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';

export const operations = { get: get.execute };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['agent'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Look up an agent (a user) by ID, email or Azure AD object ID',
				action: 'Get an agent',
			},
		],
		default: 'get',
	},
	...get.description,
];
