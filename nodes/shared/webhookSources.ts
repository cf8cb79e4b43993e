/**
 * Every vendor's pushed events, by the Source value the trigger and the event node store. (To be
 * folded into the vendor registry.) An unknown source is an error, never another vendor's parser.
 */
import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { dataverseWebhookSource } from '../DynamicsContactCenter/webhook/source';
import { genesysWebhookSource } from '../GenesysCloud/webhook/source';
import { vonageWebhookSource } from '../VonageContactCenter/webhook/source';
import type { WebhookSource } from './webhookSource';

export const WEBHOOK_SOURCES = {
	dataverse: dataverseWebhookSource,
	genesys: genesysWebhookSource,
	vonage: vonageWebhookSource,
} satisfies Record<string, WebhookSource>;

export type Source = keyof typeof WEBHOOK_SOURCES;

export function isSource(value: unknown): value is Source {
	return typeof value === 'string' && Object.prototype.hasOwnProperty.call(WEBHOOK_SOURCES, value);
}

export function webhookSource(node: INode, value: unknown): WebhookSource {
	if (isSource(value)) return WEBHOOK_SOURCES[value];
	throw new NodeOperationError(node, `Unknown source ${JSON.stringify(value)}`, {
		description: `Choose one of: ${Object.keys(WEBHOOK_SOURCES).join(', ')}`,
	});
}
