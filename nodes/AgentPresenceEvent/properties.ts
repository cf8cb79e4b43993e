/**
 * The Agent Presence Event node's parameters: the trigger's Source, Sender Verification and filters
 * (one definition, so both read events alike), and where in the input item the event is.
 */
import type { INodeProperties } from 'n8n-workflow';

import { SHARED_KEY_VERIFICATIONS } from '../shared/vendors';
import { INCLUDE_RAW, KEY_LOCATION, SIGNATURE_NAMES, SOURCE, filters, notices, sharedKeyField, verifications } from '../AgentPresenceTrigger/properties';

/** What reads the raw body besides an empty body field: the sources' own signatures. */
const RAW_BODY_READERS = [...(SIGNATURE_NAMES.length ? [`checked by ${SIGNATURE_NAMES.join(' and ')}`] : []), 'read when the body field is empty'];

/**
 * Where the event is in the input item: defaults for n8n's Webhook node (`body`, `headers`,
 * `query`, and the Raw Body option's binary `data`).
 */
const INPUT_FIELDS: INodeProperties[] = [
	{
		displayName:
			"Defaults fit n8n's Webhook node. Kafka Trigger: Body Field \"message\", Headers Field \"headers\" (Read Headers on). RabbitMQ Trigger: \"content\" and \"properties.headers\". An AWS SQS message: \"Body\".",
		name: 'inputNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Body Field',
		name: 'bodyField',
		type: 'string',
		default: 'body',
		description: 'The input field holding the event: a JSON object, or JSON text. Dots reach into objects (e.g. "properties.headers"); empty means the whole item.',
	},
	{
		displayName: 'Headers Field',
		name: 'headersField',
		type: 'string',
		default: 'headers',
		description: 'The input field holding the request or message headers (used for header keys and signatures)',
	},
	{
		displayName: 'Query Field',
		name: 'queryField',
		type: 'string',
		default: 'query',
		displayOptions: { show: { verification: ['queryKey'] } },
		description: 'The input field holding the query string parameters',
	},
	{
		displayName: 'Raw Body Binary Field',
		name: 'rawBodyField',
		type: 'string',
		default: 'data',
		description:
			`The binary field holding the body exactly as sent (the Webhook node's Raw Body option): ${RAW_BODY_READERS.join(', and ')}`,
	},
];

export const properties: INodeProperties[] = [
	SOURCE,
	...verifications('node'),
	...KEY_LOCATION,
	sharedKeyField(
		{ show: { verification: SHARED_KEY_VERIFICATIONS } },
		'The key the sender presents; events without it are rejected',
	),
	...INPUT_FIELDS,
	...filters('node'),
	...notices('node'),
	INCLUDE_RAW,
];
