import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../../shared/selectors';
import * as agent from './agent';
import * as agentPresence from './agentPresence';
import * as agentStatus from './agentStatus';
import * as presenceDefinition from './presenceDefinition';

/** The node's parameters: resources and, per resource, its operations' own fields. */
export const properties: INodeProperties[] = resourceProperties([
	{ name: 'Agent', value: 'agent', properties: agent.description },
	{ name: 'Agent Presence', value: 'agentPresence', properties: agentPresence.description },
	{ name: 'Agent Status', value: 'agentStatus', properties: agentStatus.description },
	{ name: 'Presence Definition', value: 'presenceDefinition', properties: presenceDefinition.description },
]);
