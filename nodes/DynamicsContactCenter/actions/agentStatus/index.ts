import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared/router';
import { operationSelector } from '../../../shared/selectors';
import type { DynamicsContactCenterMap } from '../node.type';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export const operations: ResourceOperations<DynamicsContactCenterMap, 'agentStatus'> = { get: get.execute, getAll: getAll.execute };

export const description: INodeProperties[] = [
	operationSelector('agentStatus', 'getAll', [
		{ name: 'Get', value: 'get', description: "Get one agent's status (presence, login, capacity)", action: 'Get an agent status' },
		{
			name: 'Get Many',
			value: 'getAll',
			description: "List agents' statuses (presence, login, capacity)",
			action: 'Get many agent statuses',
		},
	]),
	...get.description,
	...getAll.description,
];
