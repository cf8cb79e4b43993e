/**
 * The Vonage webhook subscription's secret the notifications' signatures are checked with: from the
 * Vonage Contact Center Webhook credential, else (workflows made before the credential existed) from
 * the node's old Subscription Secret parameter. Never logged, emitted or put in an error.
 */
import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export const VONAGE_WEBHOOK_CREDENTIAL = 'vonageContactCenterWebhookApi';

const usesSignature = (ctx: IHookFunctions | IWebhookFunctions) =>
	ctx.getNodeParameter('source') === 'vonage' && ctx.getNodeParameter('verification') === 'vonageSignature';

/** The secret, '' when neither the credential nor the old parameter holds one. */
export async function vonageSubscriptionSecret(ctx: IHookFunctions | IWebhookFunctions): Promise<string> {
	// n8n lists only the credentials a node has selected; asking for another one throws.
	if (ctx.getNode().credentials?.[VONAGE_WEBHOOK_CREDENTIAL]) {
		const credential = await ctx.getCredentials(VONAGE_WEBHOOK_CREDENTIAL);
		const secret = typeof credential.subscriptionSecret === 'string' ? credential.subscriptionSecret.trim() : '';
		if (secret !== '') return secret;
	}
	return String(ctx.getNodeParameter('vonageSignatureSecret', '') ?? '').trim();
}

/**
 * At activation: Vonage Signature without any secret would refuse every notification, so the
 * workflow is not published and the error says what to select.
 */
export async function ensureVonageSecret(ctx: IHookFunctions): Promise<void> {
	if (!usesSignature(ctx)) return;
	if ((await vonageSubscriptionSecret(ctx)) !== '') return;
	throw new NodeOperationError(ctx.getNode(), 'Vonage Signature needs the webhook subscription\'s secret', {
		description:
			'Select a Vonage Contact Center Webhook credential holding the secret Vonage Contact Center gave when the webhook subscription was created.',
	});
}
