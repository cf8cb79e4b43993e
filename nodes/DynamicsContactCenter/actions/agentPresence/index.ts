import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/router';
import { operationSelector } from '../../../shared/selectors';
import type { DynamicsContactCenterMap } from '../node.type';
import * as get from './get.operation';
import * as set from './set.operation';

export const operations: ResourceOperations<DynamicsContactCenterMap, 'agentPresence'> = { get: get.execute, set: set.execute };

export const description: INodeProperties[] = [
	operationSelector('agentPresence', 'get', [
		{
			name: 'Get',
			value: 'get',
			description: "Read an agent's current presence",
			action: 'Get an agent presence',
		},
		{
			name: 'Set',
			value: 'set',
			description: "Change an agent's presence",
			action: 'Set an agent presence',
		},
	]),
	...get.description,
	...set.description,
];
