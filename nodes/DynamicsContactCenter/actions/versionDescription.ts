import type { INodeProperties } from 'n8n-workflow';

import { resourceSelector } from '../../shared/selectors';
import * as agent from './agent';
import * as agentPresence from './agentPresence';
import * as agentStatus from './agentStatus';
import * as presenceDefinition from './presenceDefinition';

/** The node's parameters: resources and, per resource, its operations' own fields. */
export const properties: INodeProperties[] = [
	resourceSelector([
		{ name: 'Agent', value: 'agent' },
		{ name: 'Agent Presence', value: 'agentPresence' },
		{ name: 'Agent Status', value: 'agentStatus' },
		{ name: 'Presence Definition', value: 'presenceDefinition' },
	]),
	...agent.description,
	...agentPresence.description,
	...agentStatus.description,
	...presenceDefinition.description,
];
