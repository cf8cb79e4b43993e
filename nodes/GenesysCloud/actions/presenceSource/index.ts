import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import { operationSelector } from '../../../shared/selectors';
import * as getAll from './getAll.operation';

export { create, getAll };

export const description: INodeProperties[] = [
	operationSelector('presenceSource', 'getAll', [
		{ name: 'Create', value: 'create', action: 'Create a presence source' },
		{ name: 'Get Many', value: 'getAll', action: 'Get many presence sources' },
	]),
	...create.description,
	...getAll.description,
];
