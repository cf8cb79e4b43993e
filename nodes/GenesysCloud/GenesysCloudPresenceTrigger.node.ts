import type {
	INodeType,
	INodeTypeDescription,
	ITriggerFunctions,
	ITriggerResponse,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { triggerProperties } from './descriptions/trigger';
import { PresenceListener } from './listener/PresenceListener';
import { requireWebSocket } from './listener/socket';
import { settingsFrom } from './listener/settings';
import { presenceSources } from './methods/loadOptions';
import { getUsers } from './methods/triggerLoadOptions';

/**
 * Real-time Genesys Cloud presence over the Notifications API: channels subscribed to
 * `v2.users.{id}.presence`, listened to on their WebSocket while the workflow is active.
 */
export class GenesysCloudPresenceTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Genesys Cloud Trigger',
		name: 'genesysCloudPresenceTrigger',
		// Saved workflows only: new nodes are the Genesys Cloud Trigger type (see underPanelName).
		hidden: true,
		icon: { light: 'file:../../icons/genesys.svg', dark: 'file:../../icons/genesys.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'Presence changes',
		description:
			"Starts the workflow when a Genesys Cloud user's presence changes (Notifications API, no AWS needed)",
		defaults: { name: 'Genesys Cloud Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'genesysCloudPresenceApi', required: true }],
		properties: triggerProperties,
	};

	methods = { loadOptions: { getUsers, presenceSources } };

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		const listener = new PresenceListener(
			this,
			requireWebSocket(this.getNode()),
			settingsFrom(this),
		);
		await listener.start();
		return { closeFunction: async () => await listener.stop() };
	}
}
