import type { INodeProperties } from 'n8n-workflow';

import * as bulkSet from './bulkSet.operation';
import * as get from './get.operation';
import * as set from './set.operation';

export { bulkSet, get, set };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['userPresence'] } },
		options: [
			{
				name: 'Bulk Set',
				value: 'bulkSet',
				action: 'Set many users presences at once',
				description: 'Set the presence of every input item’s user, 50 users per request',
			},
			{ name: 'Get', value: 'get', action: 'Get a user presence' },
			{ name: 'Set', value: 'set', action: 'Set a user presence' },
		],
		default: 'set',
	},
	...get.description,
	...set.description,
	...bulkSet.description,
];
