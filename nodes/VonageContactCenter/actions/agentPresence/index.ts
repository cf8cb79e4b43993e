import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as set from './set.operation';

export { get, getAll, set };

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
				name: 'Get Many',
				value: 'getAll',
				description: 'Get the presence of given agents or of every agent, 50 agents per request',
				action: 'Get many agent presences',
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
	...getAll.description,
	...set.description,
];
