import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/selectors';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { get, getAll };

export const description: INodeProperties[] = [
	operationSelector('agent', 'get', [
		{ name: 'Get', value: 'get', description: 'Get an Amazon Connect user', action: 'Get an agent' },
		{ name: 'Get Many', value: 'getAll', description: 'List users, or find them by username', action: 'Get many agents' },
	]),
	...get.description,
	...getAll.description,
];
