import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import { setupGuideNotice } from '../nodes/shared/credentialFields';

/**
 * The secret of a Vonage Contact Center webhook subscription, with which Vonage signs every
 * notification it sends ("Verifying and responding to a signed webhook notification"). Kept in a
 * credential, like the secrets n8n's own Webhook node verifies senders with (Header Auth, JWT
 * Auth), so it is stored encrypted and never exported with the workflow. It calls no API: the
 * Agent Presence Trigger only checks incoming signatures with it, and its credential test checks
 * that the secret is base64, as Vonage gives it.
 */
export class VonageContactCenterWebhookApi implements ICredentialType {
	name = 'vonageContactCenterWebhookApi';

	displayName = 'Vonage Contact Center Webhook API';

	icon: Icon = { light: 'file:../icons/vonage.svg', dark: 'file:../icons/vonage.dark.svg' };

	documentationUrl =
		'https://github.com/agent-presence/n8n-nodes-agent-presence/blob/main/docs/setup/vonage-contact-center.md#the-webhook-subscription-and-its-secret';

	properties: INodeProperties[] = [
		setupGuideNotice(
			this.documentationUrl,
			'Holds the secret of a Vonage Contact Center webhook subscription to agent.presencechanged events',
		),
		{
			displayName: 'Subscription Secret',
			name: 'subscriptionSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				"The webhook subscription's secret, base64 as Vonage Contact Center gives it when the subscription is created. Notifications not signed with it are refused.",
		},
	];
}
