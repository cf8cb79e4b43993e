import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const operations = { get: get.execute, getAll: getAll.execute };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['agentStatus'] } },
		options: [
			{ name: 'Get', value: 'get', description: "Get an agent's status row", action: 'Get an agent status' },
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List agent status rows (presence, login, capacity)',
				action: 'Get many agent statuses',
			},
		],
		default: 'getAll',
	},
	...get.description,
	...getAll.description,
];
