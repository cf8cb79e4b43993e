import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { AgentPresenceTrigger } from '../AgentPresenceTrigger/AgentPresenceTrigger.node';
import { underPanelName } from '../shared/panelName';

/** The Agent Presence Trigger's Source, fixed: this node only ever takes Dataverse's webhooks. */
const DATAVERSE_SOURCE: INodeProperties = { displayName: 'Source', name: 'source', type: 'hidden', default: 'dataverse' };

/**
 * The Agent Presence Trigger with its source fixed to Dynamics 365 Contact Center, under the type
 * name n8n's node panel groups with the Dynamics 365 Contact Center node (see underPanelName). The
 * multi-vendor trigger stays as it is for the other sources.
 */
export class DynamicsContactCenterTrigger extends AgentPresenceTrigger {
	description: INodeTypeDescription = {
		...underPanelName(this.description, 'dynamicsContactCenterTrigger'),
		displayName: 'Dynamics 365 Contact Center Trigger',
		icon: { light: 'file:../../icons/dynamics.svg', dark: 'file:../../icons/dynamics.dark.svg' },
		subtitle: 'Presence changes',
		description:
			'Starts the workflow when an agent signs in or out, or their presence changes, in Dynamics 365 Contact Center',
		defaults: { name: 'Dynamics 365 Contact Center Trigger' },
		eventTriggerDescription: "Change an agent's presence in Dynamics 365 Contact Center",
		credentials: this.description.credentials?.filter((c) => c.name === 'dynamicsContactCenterApi'),
		properties: this.description.properties.map((p) => (p.name === 'source' ? DATAVERSE_SOURCE : p)),
	};
}
