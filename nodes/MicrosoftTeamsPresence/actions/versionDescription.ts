/**
 * The node's properties: authentication, resource selector and each resource's operations and
 * fields. The node class holds the rest of the description where n8n's lint looks for it.
 */
import type { INodeProperties } from 'n8n-workflow';

import * as agent from './agent';
import * as agentPresence from './agentPresence';

export const properties: INodeProperties[] = [
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Application (Client Credentials)',
				value: 'clientCredentials',
				description: 'An app registration with Presence.ReadWrite.All: every operation',
			},
			{
				name: 'Delegated (OAuth2)',
				value: 'oAuth2',
				description: 'On behalf of a signed-in user (Presence.ReadWrite): the user changes their own presence',
			},
		],
		default: 'clientCredentials',
	},
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Agent', value: 'agent' },
			{ name: 'Agent Presence', value: 'agentPresence' },
		],
		default: 'agentPresence',
	},
	...agent.description,
	...agentPresence.description,
];
