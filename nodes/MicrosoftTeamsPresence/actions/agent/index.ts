import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/selectors';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { get, getAll };

export const description: INodeProperties[] = [
	operationSelector('agent', 'get', [
		{ name: 'Get', value: 'get', action: 'Get an agent', description: 'Read a Microsoft Entra user by ID, e-mail or UPN' },
		{ name: 'Get Many', value: 'getAll', action: 'Get many agents', description: 'List the directory’s users' },
	]),
	...get.description,
	...getAll.description,
];
