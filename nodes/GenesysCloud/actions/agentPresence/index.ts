import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/selectors';
import * as bulkSet from './bulkSet.operation';
import * as get from './get.operation';
import * as set from './set.operation';

export { bulkSet, get, set };

export const description: INodeProperties[] = [
	operationSelector('agentPresence', 'set', [
		{
			name: 'Bulk Set',
			value: 'bulkSet',
			action: 'Set many agents presences at once',
			description: 'Set the presence of every input item’s agent, 50 agents per request',
		},
		{ name: 'Get', value: 'get', action: 'Get an agent presence' },
		{ name: 'Set', value: 'set', action: 'Set an agent presence' },
	]),
	...get.description,
	...set.description,
	...bulkSet.description,
];
