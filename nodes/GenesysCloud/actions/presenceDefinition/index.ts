import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/selectors';
import { showFor } from '../../../shared/displayOptions';
import { apiVersionField } from '../../descriptions/fields';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { create, del as delete, get, getAll, update };

export const description: INodeProperties[] = [
	operationSelector('presenceDefinition', 'getAll', [
		{ name: 'Create', value: 'create', action: 'Create a presence definition' },
		{ name: 'Delete', value: 'delete', action: 'Delete a presence definition' },
		{ name: 'Get', value: 'get', action: 'Get a presence definition' },
		{ name: 'Get Many', value: 'getAll', action: 'Get many presence definitions' },
		{ name: 'Update', value: 'update', action: 'Update a presence definition' },
	]),
	...showFor({ resource: ['presenceDefinition'] }, [apiVersionField]),
	...create.description,
	...del.description,
	...get.description,
	...getAll.description,
	...update.description,
];
