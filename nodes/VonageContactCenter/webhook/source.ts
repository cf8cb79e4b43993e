/**
 * Vonage Contact Center's presence webhooks (beta): CloudEvents the subscription posts, verified by
 * the shared key or by Vonage's own per-notification signature (signature.ts).
 */
import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { parseVonagePresenceWebhook } from '../events/vonageEvents';
import { single } from '../../shared/senderVerification';
import type { WebhookSource } from '../../shared/webhookSource';
import { SIGNATURE_DESCRIPTION, VONAGE_SIGNATURE, vonageWebhookFields } from './properties';
import { verifyVonageSignature } from './signature';
import { ensureVonageSecret, vonageSubscriptionSecret } from './vonageSecret';

export const vonageWebhookSource: WebhookSource = {
	vendorName: 'Vonage Contact Center',
	signatures: {
		[VONAGE_SIGNATURE]: {
			name: 'Vonage Signature (JWT)',
			shortName: 'Vonage Signature',
			description: SIGNATURE_DESCRIPTION,
			verify: async (scope, event, nowMs) =>
				verifyVonageSignature(
					await vonageSubscriptionSecret(scope.ctx, scope.param('vonageSignatureSecret', '')),
					single(event.headers['vonage-signature']),
					event.rawBody,
					nowMs,
					scope.where,
				),
		},
	},
	fields: vonageWebhookFields,
	parse: (body) => parseVonagePresenceWebhook(body) as unknown as IDataObject,
	// The subscription is made in Vonage Contact Center; activation only refuses a missing secret.
	activation: {
		registersItself: () => false,
		async checkExists(ctx: IHookFunctions) {
			await ensureVonageSecret(ctx);
			return true;
		},
		async create() {},
		async delete() {},
	},
};
