/**
 * The node's properties: resource selector and each resource's operations and fields. The node
 * class holds the rest of the description (name, icon, credentials) where n8n's lint looks for it.
 */
import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../../shared/selectors';
import * as agent from './agent';
import * as agentPresence from './agentPresence';
import * as presenceDefinition from './presenceDefinition';
import * as presenceSource from './presenceSource';
import * as systemPresence from './systemPresence';

export const properties: INodeProperties[] = resourceProperties([
	{ name: 'Agent', value: 'agent', properties: agent.description },
	{ name: 'Agent Presence', value: 'agentPresence', properties: agentPresence.description },
	{ name: 'Presence Definition', value: 'presenceDefinition', properties: presenceDefinition.description },
	{ name: 'Presence Source', value: 'presenceSource', properties: presenceSource.description },
	{ name: 'System Presence', value: 'systemPresence', properties: systemPresence.description },
]);
