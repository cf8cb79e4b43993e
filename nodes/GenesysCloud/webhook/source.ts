/**
 * Genesys Cloud user-presence notifications pushed to a URL: bare (a webhook or proxy posting the
 * notification) or in Amazon EventBridge's envelope. Genesys signs neither, so the sender proves
 * itself with the shared key; the integration is set up in Genesys Cloud and AWS, not by n8n.
 */
import type { IDataObject } from 'n8n-workflow';

import { parseGenesysPresence } from '../events/genesysEvents';
import type { WebhookSource } from '../../shared/webhookSource';
import { genesysWebhookFields } from './properties';

export const genesysWebhookSource: WebhookSource = {
	vendorName: 'Genesys Cloud',
	signatures: {},
	fields: genesysWebhookFields,
	parse: (body) => parseGenesysPresence(body) as unknown as IDataObject,
};
