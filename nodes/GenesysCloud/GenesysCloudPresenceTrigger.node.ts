import type { INodeType, INodeTypeDescription, ITriggerFunctions, ITriggerResponse } from 'n8n-workflow';

import { triggerProperties } from './descriptions/trigger';
import { PresenceListener } from './listener/PresenceListener';
import { requireWebSocket } from './listener/socket';
import { settingsFrom } from './listener/settings';
import { presenceSources } from './methods/loadOptions';
import { getUsers } from './methods/triggerLoadOptions';
import { triggerNodeDescription } from '../shared/triggerNode';
import { GENESYS } from './vendor';

const SUBTITLE = 'Presence changes';

/**
 * Real-time Genesys Cloud presence over the Notifications API: channels subscribed to
 * `v2.users.{id}.presence`, listened to on their WebSocket while the workflow is active.
 */
export class GenesysCloudPresenceTrigger implements INodeType {
	description: INodeTypeDescription = {
		...triggerNodeDescription(GENESYS, {
			displayName: 'Genesys Cloud Trigger',
			// Saved workflows only: new nodes are the Genesys Cloud Trigger type (see underPanelName).
			hidden: true,
			subtitle: SUBTITLE,
			description:
				"Starts the workflow when a Genesys Cloud user's presence changes (Notifications API, no AWS needed)",
			properties: triggerProperties,
		}),
		// Stated here too: n8n's lint reads them only from the node file's own literal.
		icon: { light: 'file:../../icons/genesys.svg', dark: 'file:../../icons/genesys.dark.svg' },
		subtitle: SUBTITLE,
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
