import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['agent'] } },
		options: [
			{ name: 'Get', value: 'get', action: 'Get an agent', description: 'Read a Microsoft Entra user by ID, e-mail or UPN' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many agents', description: 'List the directory’s users' },
		],
		default: 'get',
	},
	...get.description,
	...getAll.description,
];
