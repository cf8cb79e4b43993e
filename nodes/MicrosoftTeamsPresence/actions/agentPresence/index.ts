import type { INodeProperties } from 'n8n-workflow';

import * as clear from './clear.operation';
import * as clearPreferred from './clearPreferred.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as set from './set.operation';
import * as setPreferred from './setPreferred.operation';
import * as setStatusMessage from './setStatusMessage.operation';

export { clear, clearPreferred, get, getAll, set, setPreferred, setStatusMessage };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['agentPresence'] } },
		options: [
			{
				name: 'Clear',
				value: 'clear',
				action: 'Clear the app presence session',
				description: "End the app's presence session for a user",
			},
			{
				name: 'Clear Preferred',
				value: 'clearPreferred',
				action: 'Clear a preferred presence',
				description: "Remove the user's preferred presence",
			},
			{ name: 'Get', value: 'get', action: 'Get an agent presence' },
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many agent presences',
				description: 'Read the presence of many users, 650 per request',
			},
			{
				name: 'Set',
				value: 'set',
				action: 'Set an agent presence',
				description: "Set the app's presence session for a user (Available, Busy, Away)",
			},
			{
				name: 'Set Preferred',
				value: 'setPreferred',
				action: 'Set a preferred presence',
				description: "Set the presence Teams shows over all the user's sessions (also Do Not Disturb, Offline)",
			},
			{
				name: 'Set Status Message',
				value: 'setStatusMessage',
				action: 'Set a status message',
				description: 'Set the status message shown with the presence',
			},
		],
		default: 'set',
	},
	...get.description,
	...getAll.description,
	...set.description,
	...setPreferred.description,
	...clear.description,
	...clearPreferred.description,
	...setStatusMessage.description,
];
