import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/selectors';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as set from './set.operation';

export { get, getAll, set };

export const description: INodeProperties[] = [
	operationSelector('agentPresence', 'get', [
		{ name: 'Get', value: 'get', description: "Get an agent's current status", action: 'Get an agent presence' },
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'Get the status of given agents, or of the agents of routing profiles, queues or a hierarchy group',
			action: 'Get many agent presences',
		},
		{ name: 'Set', value: 'set', description: "Set an agent's status", action: 'Set an agent presence' },
	]),
	...get.description,
	...getAll.description,
	...set.description,
];
