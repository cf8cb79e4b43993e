import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/router';
import { operationSelector } from '../../../shared/selectors';
import type { DynamicsContactCenterMap } from '../node.type';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operations: ResourceOperations<DynamicsContactCenterMap, 'presenceDefinition'> = {
	create: create.execute,
	delete: del.execute,
	get: get.execute,
	getAll: getAll.execute,
	update: update.execute,
};

export const description: INodeProperties[] = [
	operationSelector('presenceDefinition', 'getAll', [
		{ name: 'Create', value: 'create', description: 'Create a presence', action: 'Create a presence definition' },
		{ name: 'Delete', value: 'delete', description: 'Delete a presence', action: 'Delete a presence definition' },
		{ name: 'Get', value: 'get', description: 'Get a presence', action: 'Get a presence definition' },
		{ name: 'Get Many', value: 'getAll', description: 'List presences', action: 'Get many presence definitions' },
		{ name: 'Update', value: 'update', description: 'Update a presence', action: 'Update a presence definition' },
	]),
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
];
