import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/selectors';
import * as get from './get.operation';
import * as set from './set.operation';

export { get, set };

export const description: INodeProperties[] = [
	operationSelector('agentPresence', 'get', [
		{
			name: 'Get',
			value: 'get',
			description: "Get an agent's current presence",
			action: 'Get agent presence',
		},
		{
			name: 'Set',
			value: 'set',
			description: "Set an agent's presence",
			action: 'Set agent presence',
		},
	]),
	...get.description,
	...set.description,
];
