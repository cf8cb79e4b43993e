/**
 * What Vonage Contact Center's webhooks (beta) add to the Agent Presence Trigger and Event nodes:
 * their Source option, how the key is sent, the Vonage Signature option's texts, and the Webhook
 * API credential holding the subscription's secret.
 */
import type { Receiver, WebhookFields } from '../../shared/webhookSource';
import { VONAGE_WEBHOOK_CREDENTIAL, vonageSubscriptionSecretTest } from './vonageSecret';

/** The Sender Verification value saved workflows store for Vonage's signature (it never changes). */
export const VONAGE_SIGNATURE = 'vonageSignature';

export const SIGNATURE_DESCRIPTION: Record<Receiver, string> = {
	trigger:
		"Vonage Contact Center signs every notification with its webhook subscription's secret, which you keep in a Vonage Contact Center Webhook API credential; notifications not signed with it, altered or older than 5 minutes are refused",
	node: "Vonage Contact Center signs every notification with its webhook subscription's secret, which you keep in a Vonage Contact Center Webhook API credential; needs the raw body. Notifications not signed with it, altered or older than 5 minutes are rejected.",
};

export const vonageWebhookFields: WebhookFields = {
	option: {
		name: 'Vonage Contact Center (Webhooks Beta)',
		description: 'Presence changes sent by Vonage Contact Center webhooks (beta). Without the beta, use the Vonage Contact Center Trigger.',
	},
	verification: {
		trigger: {
			queryKey: 'Add the key to the URL you give Vonage Contact Center (…?code=your-key)',
			header: 'The key in a header. Vonage Contact Center signs each notification instead: prefer Vonage Signature.',
		},
		node: {
			queryKey: 'The key is in the URL Vonage Contact Center calls (…?code=your-key)',
			header: 'The key in a header. Vonage Contact Center signs each notification instead: prefer Vonage Signature.',
		},
	},
	// Where workflows made before the Vonage Contact Center Webhook API credential keep the secret:
	// hidden (new workflows use the credential), still read when no credential is selected.
	stored: [
		{
			displayName: 'Subscription Secret',
			name: 'vonageSignatureSecret',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
	],
	credentials: [
		{
			name: VONAGE_WEBHOOK_CREDENTIAL,
			required: true,
			testedBy: 'vonageSubscriptionSecret',
			displayOptions: { show: { source: ['vonage'], verification: [VONAGE_SIGNATURE] } },
		},
	],
	credentialTests: { vonageSubscriptionSecret: vonageSubscriptionSecretTest },
};
