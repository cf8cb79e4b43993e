/**
 * Amazon Connect's agent event stream ("Agent event streams data model") as a Source: Connect
 * writes the records to a Kinesis data stream, and what brings them to n8n (an EventBridge Pipes
 * API destination, SQS, Kafka, RabbitMQ) posts one or many, wrapped or not. Connect does not sign
 * them, so the sender proves itself with the shared key (an API destination's Connection sends it
 * as a header); the stream is set up in AWS, not by n8n.
 */
import type { IDataObject } from 'n8n-workflow';

import { passOn } from '../../shared/errors';
import { InvalidEventError } from '../../shared/eventErrors';
import type { BatchEvent, WebhookSource } from '../../shared/webhookSource';
import { parseAgentEvents } from '../events/agentEvents';
import { amazonConnectStreamFields } from './properties';

/** Every status change in the body, each with its own record as its raw payload. */
function streamEvents(body: unknown): BatchEvent[] {
	let items: IDataObject[];
	try {
		items = parseAgentEvents(body);
	} catch (error) {
		const message = (error as Error).message;
		// A record's data or an SQS body that is not JSON: JSON.parse's message alone would not say where.
		passOn(new InvalidEventError(message.startsWith('Not an Amazon Connect') ? message : `Not an Amazon Connect agent event: a record is not JSON (${message})`));
	}
	return items.map(({ raw, ...item }) => ({ item, raw }));
}

export const amazonConnectStreamSource: WebhookSource = {
	vendorName: 'Amazon Connect',
	signatures: {},
	fields: amazonConnectStreamFields,
	parseBatch: streamEvents,
};
