/**
 * The node's properties: resource selector and each resource's operations and fields. The node
 * class holds the rest of the description (name, icon, credentials) where n8n's lint looks for it.
 */
import type { INodeProperties } from 'n8n-workflow';

import * as agent from './agent';
import * as agentPresence from './agentPresence';
import * as presenceDefinition from './presenceDefinition';
import * as presenceSource from './presenceSource';
import * as systemPresence from './systemPresence';

export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Agent', value: 'agent' },
			{ name: 'Agent Presence', value: 'agentPresence' },
			{ name: 'Presence Definition', value: 'presenceDefinition' },
			{ name: 'Presence Source', value: 'presenceSource' },
			{ name: 'System Presence', value: 'systemPresence' },
		],
		default: 'agentPresence',
	},
	...agent.description,
	...agentPresence.description,
	...presenceDefinition.description,
	...presenceSource.description,
	...systemPresence.description,
];
