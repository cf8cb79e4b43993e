/**
 * The node's parameters: resources and their operations. The node header (name, icon,
 * credentials, usableAsTool) stays in AmazonConnect.node.ts, where n8n's community lint looks for it.
 */
import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../../shared/selectors';
import * as agent from './agent';
import * as agentPresence from './agentPresence';
import * as presenceDefinition from './presenceDefinition';

export const properties: INodeProperties[] = resourceProperties([
	{ name: 'Agent', value: 'agent', properties: agent.description },
	{ name: 'Agent Presence', value: 'agentPresence', properties: agentPresence.description },
	{ name: 'Presence Definition', value: 'presenceDefinition', properties: presenceDefinition.description },
]);
