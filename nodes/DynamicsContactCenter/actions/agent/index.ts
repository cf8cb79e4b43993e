import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/router';
import { operationSelector } from '../../../shared/selectors';
import type { DynamicsContactCenterMap } from '../node.type';
import * as get from './get.operation';

export const operations: ResourceOperations<DynamicsContactCenterMap, 'agent'> = { get: get.execute };

export const description: INodeProperties[] = [
	operationSelector('agent', 'get', [
		{
			name: 'Get',
			value: 'get',
			description: 'Look up an agent (a user) by ID, email or Azure AD object ID',
			action: 'Get an agent',
		},
	]),
	...get.description,
];
