import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as set from './set.operation';

export { get, set };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['agentPresence'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: "Get an agent's current presence",
				action: 'Get agent presence',
			},
			{
				name: 'Set',
				value: 'set',
				description: "Set an agent's presence",
				action: 'Set agent presence',
			},
		],
		default: 'get',
	},
	...get.description,
	...set.description,
];
