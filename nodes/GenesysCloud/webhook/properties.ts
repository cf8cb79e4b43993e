/** What Genesys Cloud adds to the Agent Presence Trigger and Event nodes: its Source option and how it sends the key. */
import type { WebhookFields } from '../../shared/webhookSource';

export const genesysWebhookFields: WebhookFields = {
	option: {
		name: 'Genesys Cloud',
		description: 'Presence changes Genesys Cloud sends to this URL (directly or through Amazon EventBridge)',
	},
	verification: {
		trigger: {
			queryKey: 'Add the key to the URL you give Genesys Cloud (…?code=your-key)',
			header: 'Genesys Cloud sends the key in a header you add to its webhook or Amazon EventBridge target',
		},
		node: {
			queryKey: 'The key is in the URL the sender calls (…?code=your-key)',
			header: 'Genesys Cloud, or the Amazon EventBridge target in between, sends the key in a header',
		},
	},
};
