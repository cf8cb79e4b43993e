import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as getAll from './getAll.operation';

export { create, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['presenceSource'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create a presence source' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many presence sources' },
		],
		default: 'getAll',
	},
	...create.description,
	...getAll.description,
];
