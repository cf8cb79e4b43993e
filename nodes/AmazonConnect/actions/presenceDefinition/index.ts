import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/selectors';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { create, get, getAll, update };

export const description: INodeProperties[] = [
	operationSelector('presenceDefinition', 'getAll', [
		{ name: 'Create', value: 'create', description: 'Create a custom agent status', action: 'Create a presence definition' },
		{ name: 'Get', value: 'get', description: 'Get an agent status', action: 'Get a presence definition' },
		{ name: 'Get Many', value: 'getAll', description: "List the instance's agent statuses", action: 'Get many presence definitions' },
		{ name: 'Update', value: 'update', description: 'Update an agent status', action: 'Update a presence definition' },
	]),
	...create.description,
	...get.description,
	...getAll.description,
	...update.description,
];
