import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/selectors';
import * as bulkSet from './bulkSet.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as set from './set.operation';

export { bulkSet, get, getAll, set };

export const description: INodeProperties[] = [
	operationSelector('agentPresence', 'set', [
		{
			name: 'Bulk Set',
			value: 'bulkSet',
			action: "Set many agents' presences at once",
			description: 'Set the presence of every input item’s agent, 50 agents per request',
		},
		{ name: 'Get', value: 'get', action: 'Get an agent presence' },
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many agent presences',
			description: 'Read the presence of given agents or of every agent, 50 agents per request',
		},
		{ name: 'Set', value: 'set', action: 'Set an agent presence' },
	]),
	...get.description,
	...getAll.description,
	...set.description,
	...bulkSet.description,
];
