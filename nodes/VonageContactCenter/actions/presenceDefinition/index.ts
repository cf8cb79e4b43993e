import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/selectors';
import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	operationSelector('presenceDefinition', 'getAll', [
		{
			name: 'Get Many',
			value: 'getAll',
			description: "List the account's presence definitions",
			action: 'Get many presence definitions',
		},
	]),
	...getAll.description,
];
