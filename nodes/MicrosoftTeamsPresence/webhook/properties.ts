/** What Microsoft Graph presence change notifications add to the Agent Presence Trigger and Event nodes. */
import type { Receiver, WebhookFields } from '../../shared/webhookSource';

/** The Sender Verification value saved workflows store for Graph's clientState (it never changes). */
export const GRAPH_CLIENT_STATE = 'graphClientState';

export const CLIENT_STATE_DESCRIPTION: Record<Receiver, string> = {
	trigger:
		'Each notification carries the clientState given when the subscription was made: enter it as the Shared Key. Notifications without it, or with another, are left out; validation requests are answered.',
	node: "Each notification carries the clientState given when the subscription was made: enter it as the Shared Key. Notifications without it, or with another, are rejected one by one. The Webhook node must answer Graph's validation request itself.",
};

export const graphNotificationFields: WebhookFields = {
	option: {
		name: 'Microsoft Teams (Graph Change Notifications)',
		description:
			'Presence change notifications of a Microsoft Graph subscription you made (communications/presences). One item per notified user; Graph sends no presence in them, so read it with the Microsoft Teams Presence node.',
	},
	verification: {
		trigger: {
			queryKey: 'Add the key to the notificationUrl of the subscription (…?code=your-key)',
			header: 'Graph sends no header of yours: prefer Graph clientState',
		},
		node: {
			queryKey: 'The key is in the notificationUrl of the subscription (…?code=your-key)',
			header: 'Graph sends no header of yours: prefer Graph clientState',
		},
	},
};
