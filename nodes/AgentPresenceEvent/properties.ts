/**
 * The Agent Presence Event node's parameters: the trigger's Source, Sender Verification and filters
 * (one definition, so both read events alike), and where in the input item the event is.
 */
import type { INodeProperties } from 'n8n-workflow';

import { FILTERS, INCLUDE_RAW, KEY_LOCATION, SOURCE, verification } from '../AgentPresenceTrigger/properties';

/** The filters, worded for a node that gets events from another node instead of starting the workflow. */
const EVENT_FILTERS = FILTERS.map((p): INodeProperties => {
	if (p.name === 'events') return { ...p, description: 'Which changes are passed on; the others produce no item' };
	if (p.name === 'ignoreOwnWrites') {
		return {
			...p,
			description:
				"Whether changes made with this node's Dynamics 365 credential (the application user your sync writes with) produce no item, so a two-way sync does not feed itself. Needs the credential.",
		};
	}
	return p;
});

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
			"The binary field holding the body exactly as sent (the Webhook node's Raw Body option): checked by Vonage Signature, and read when the body field is empty",
	},
];

export const properties: INodeProperties[] = [
	SOURCE,
	verification(
		'dataverse',
		{
			queryKey: 'Dynamics 365 Contact Center sends the key in the URL (WebhookKey authentication, as "code")',
			header: 'Dynamics 365 Contact Center sends the key in a header (HttpHeader authentication)',
		},
		'node',
	),
	verification(
		'genesys',
		{
			queryKey: 'The key is in the URL the sender calls (…?code=your-key)',
			header: 'Genesys Cloud, or the Amazon EventBridge target in between, sends the key in a header',
		},
		'node',
	),
	verification(
		'vonage',
		{
			queryKey: 'The key is in the URL Vonage Contact Center calls (…?code=your-key)',
			header: 'The key in a header. Vonage Contact Center signs each notification instead: prefer Vonage Signature.',
			vonageSignature:
				"Vonage Contact Center signs every notification with its webhook subscription's secret, which you keep in a Vonage Contact Center Webhook API credential; needs the raw body. Notifications not signed with it, altered or older than 5 minutes are rejected.",
		},
		'node',
	),
	...KEY_LOCATION,
	{
		displayName: 'Shared Key',
		name: 'sharedKey',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		displayOptions: { show: { verification: ['queryKey', 'header'] } },
		description: 'The key the sender presents; events without it are rejected',
	},
	...INPUT_FIELDS,
	...EVENT_FILTERS,
	{
		displayName: 'Looking up custom presences needs a Dynamics 365 Contact Center credential: select one for this node',
		name: 'credentialForLookups',
		type: 'notice',
		default: '',
		displayOptions: { show: { source: ['dataverse'], resolveCustomPresences: [true] } },
	},
	INCLUDE_RAW,
];
