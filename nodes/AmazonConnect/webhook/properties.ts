/** What Amazon Connect's agent event stream adds to the Agent Presence Trigger and Event nodes: its Source option and how the key is sent. */
import type { WebhookFields } from '../../shared/webhookSource';

export const amazonConnectStreamFields: WebhookFields = {
	option: {
		name: 'Amazon Connect (Agent Event Stream)',
		description:
			'Agent event stream records (Kinesis), as an EventBridge Pipes API destination posts them, or from SQS, Kafka or RabbitMQ. A batch gives one item per status change.',
	},
	verification: {
		trigger: {
			queryKey: 'Add the key to the API destination\'s URL (…?code=your-key)',
			header: "The key in a header: the API destination's Connection (API key authorization) sends it",
		},
		node: {
			queryKey: "The key is in the URL the API destination calls (…?code=your-key)",
			header: "The key in a header: the API destination's Connection (API key authorization) sends it, or the message's producer",
		},
	},
};
