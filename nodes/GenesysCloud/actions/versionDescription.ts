/**
 * The node's properties: resource selector and each resource's operations and fields. The node
 * class holds the rest of the description (name, icon, credentials) where n8n's lint looks for it.
 */
import type { INodeProperties } from 'n8n-workflow';

import * as presenceDefinition from './presenceDefinition';
import * as systemPresence from './systemPresence';
import * as userPresence from './userPresence';

export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Presence Definition', value: 'presenceDefinition' },
			{ name: 'System Presence', value: 'systemPresence' },
			{ name: 'User Presence', value: 'userPresence' },
		],
		default: 'userPresence',
	},
	...presenceDefinition.description,
	...systemPresence.description,
	...userPresence.description,
];
