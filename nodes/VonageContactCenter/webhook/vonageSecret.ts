/**
 * The Vonage webhook subscription's secret the notifications' signatures are checked with: from the
 * Vonage Contact Center Webhook API credential, else (workflows made before the credential existed) from
 * the node's old Subscription Secret parameter. Never logged, emitted or put in an error.
 */
import type {
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	IExecuteFunctions,
	IHookFunctions,
	INodeCredentialTestResult,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export const VONAGE_WEBHOOK_CREDENTIAL = 'vonageContactCenterWebhookApi';

const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * The credential's test (it calls no API): the secret must be base64, as Vonage Contact Center
 * gives it, or every signature would be refused. Never echoes the secret.
 */
export async function vonageSubscriptionSecretTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const secret = typeof credential.data?.subscriptionSecret === 'string' ? credential.data.subscriptionSecret.trim() : '';
	if (secret === '') return { status: 'Error', message: 'Enter the subscription secret Vonage Contact Center gave' };
	if (!BASE64.test(secret) || Buffer.from(secret, 'base64').length === 0) {
		return { status: 'Error', message: 'The subscription secret is not base64, as Vonage Contact Center gives it' };
	}
	return { status: 'OK', message: 'The secret has the form Vonage Contact Center gives' };
}

/**
 * The secret, '' when neither the credential nor the old parameter (`legacySecret`, the node's
 * hidden Subscription Secret) holds one.
 */
export async function vonageSubscriptionSecret(
	ctx: IHookFunctions | IWebhookFunctions | IExecuteFunctions,
	legacySecret: unknown,
): Promise<string> {
	// n8n lists only the credentials a node has selected; asking for another one throws.
	if (ctx.getNode().credentials?.[VONAGE_WEBHOOK_CREDENTIAL]) {
		const credential = await ctx.getCredentials(VONAGE_WEBHOOK_CREDENTIAL);
		const secret = typeof credential.subscriptionSecret === 'string' ? credential.subscriptionSecret.trim() : '';
		if (secret !== '') return secret;
	}
	return String(legacySecret ?? '').trim();
}

/**
 * At activation: Vonage Signature without any secret would refuse every notification, so the
 * workflow is not published and the error says what to select.
 */
export async function ensureVonageSecret(ctx: IHookFunctions): Promise<void> {
	if (ctx.getNodeParameter('verification') !== 'vonageSignature') return;
	if ((await vonageSubscriptionSecret(ctx, ctx.getNodeParameter('vonageSignatureSecret', ''))) !== '') return;
	throw new NodeOperationError(ctx.getNode(), 'Vonage Signature needs the webhook subscription\'s secret', {
		description:
			'Select a Vonage Contact Center Webhook API credential holding the secret Vonage Contact Center gave when the webhook subscription was created.',
	});
}
