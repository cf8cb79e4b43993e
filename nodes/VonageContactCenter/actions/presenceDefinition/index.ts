import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['presenceDefinition'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				description: "List the account's presence definitions",
				action: 'Get many presence definitions',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
