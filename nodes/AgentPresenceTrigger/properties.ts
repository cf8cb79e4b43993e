/**
 * The Agent Presence Trigger's parameters, and the pieces the Agent Presence Event node shares (one
 * definition, so both read events alike). Every source-specific option, field and text comes from
 * the vendor's webhook source in the registry (its `fields`); this file only puts them in order.
 */
import type {
	ICredentialTestFunction,
	IDisplayOptions,
	INodeCredentialDescription,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { SHARED_KEY_VERIFICATIONS, SOURCE_DEFAULT, SOURCE_IDS, VENDORS, WEBHOOK_SOURCES } from '../shared/vendors';
import type { Source } from '../shared/vendors';
import { includeRawOption } from '../shared/triggerNode';
import type { Receiver, WebhookFields } from '../shared/webhookSource';

/** Every source's contribution to one slot, in the registry's order. */
export const fromSources = <T>(pick: (fields: WebhookFields) => T[] | undefined): T[] =>
	SOURCE_IDS.flatMap((id) => pick(WEBHOOK_SOURCES[id].fields) ?? []);

/** "A, B or C": the products whose events the nodes take, for their descriptions. */
export const SOURCE_PRODUCTS = ((names: string[]) =>
	names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names.join(''))(
	SOURCE_IDS.map((id) => VENDORS[id].product),
);

/** The credentials each source offers (shown for that source only), and the tests they name. */
export const SOURCE_CREDENTIALS: INodeCredentialDescription[] = fromSources((f) => f.credentials);
export const SOURCE_CREDENTIAL_TESTS: Record<string, ICredentialTestFunction> = Object.assign(
	{},
	...fromSources((f) => (f.credentialTests ? [f.credentialTests] : [])),
);

/** What every source sends; a source adds the kinds only it sends (selected by default too). */
const COMMON_EVENTS: INodePropertyOptions[] = [
	{ name: 'Capacity Changed', value: 'capacity_changed', description: 'Only the available capacity changed' },
	{ name: 'Logged In', value: 'logged_in' },
	{ name: 'Logged Out', value: 'logged_out' },
	{ name: 'Presence Changed', value: 'presence_changed' },
];
const SOURCE_EVENTS = fromSources((f) => f.events);

export const EVENT_OPTIONS = [...SOURCE_EVENTS, ...COMMON_EVENTS].sort((a, b) => a.name.localeCompare(b.name));

/** Sender Verification for one source, each way described as that system sends the key. */
export function verification(id: Source, receiver: Receiver): INodeProperties {
	const source = WEBHOOK_SOURCES[id];
	const how = source.fields.verification[receiver];
	return {
		displayName: 'Sender Verification',
		name: 'verification',
		type: 'options',
		noDataExpression: true,
		default: 'queryKey',
		displayOptions: { show: { source: [id] } },
		options: [
			{ name: 'None', value: 'none', description: 'Accept any sender (not recommended)' },
			{ name: 'Shared Key in Query String', value: 'queryKey', description: how.queryKey },
			{ name: 'Header Name and Value', value: 'header', description: how.header },
			...Object.entries(source.signatures).map(([value, signature]) => ({
				name: signature.name,
				value,
				description: signature.description[receiver],
			})),
		],
		description: `How the ${receiver} knows a request really comes from your contact centre`,
	};
}

/** One Sender Verification per source, so each only explains how that system sends the key. */
export const verifications = (receiver: Receiver) => SOURCE_IDS.map((id) => verification(id, receiver));

/** The short names of the sources' own signatures, e.g. for a field they read. */
export const SIGNATURE_NAMES = SOURCE_IDS.flatMap((id) => Object.values(WEBHOOK_SOURCES[id].signatures).map((s) => s.shortName));

const QUERY_PARAMETER_NOTES = fromSources((f) => (f.queryParameterNote ? [f.queryParameterNote] : []));

/** Where the sender puts the shared key. */
export const KEY_LOCATION: INodeProperties[] = [
	{
		displayName: 'Query Parameter',
		name: 'queryParameter',
		type: 'string',
		default: 'code',
		displayOptions: { show: { verification: ['queryKey'] } },
		description: `The name of the query parameter holding the key${QUERY_PARAMETER_NOTES.length ? ` (${QUERY_PARAMETER_NOTES.join('; ')})` : ''}`,
	},
	{
		displayName: 'Header Name',
		name: 'headerName',
		type: 'string',
		default: 'x-presence-key',
		displayOptions: { show: { verification: ['header'] } },
		description: 'The header the sender puts the key in',
	},
];

const EVENTS_DESCRIPTION: Record<Receiver, string> = {
	trigger: ['Which changes start the workflow.', ...fromSources((f) => (f.eventsNote ? [f.eventsNote] : []))].join(' '),
	node: 'Which changes are passed on; the others produce no item',
};

/** Which changes pass on (the rest are acknowledged and dropped): Events, then each source's filters. */
export const filters = (receiver: Receiver): INodeProperties[] => [
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		default: [...SOURCE_EVENTS.map((o) => o.value), 'presence_changed', 'capacity_changed', 'logged_in', 'logged_out'],
		options: EVENT_OPTIONS,
		description: EVENTS_DESCRIPTION[receiver],
	},
	...fromSources((f) => f.filters?.(receiver)),
];

export const notices = (receiver: Receiver): INodeProperties[] => fromSources((f) => f.notices?.(receiver));

export const INCLUDE_RAW = includeRawOption('Include Raw Payload', 'Whether to add the vendor\'s payload to the item as "raw"');

/** Which vendor's events the node takes: the vendors with a webhook in the registry. */
export const SOURCE: INodeProperties = {
		displayName: 'Source',
		name: 'source',
		type: 'options',
		noDataExpression: true,
		default: SOURCE_DEFAULT,
		options: SOURCE_IDS.map((id) => ({
			name: WEBHOOK_SOURCES[id].fields.option.name,
			value: id,
			description: WEBHOOK_SOURCES[id].fields.option.description,
		})),
	};

/** The Shared Key the sender presents, for the ways of Sender Verification that check one. */
export const sharedKeyField = (
	displayOptions: IDisplayOptions,
	description: string,
): INodeProperties => ({
	displayName: 'Shared Key',
	name: 'sharedKey',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	required: true,
	displayOptions,
	description,
});

export const properties: INodeProperties[] = [
	SOURCE,
	...fromSources((f) => f.setup),
	...verifications('trigger'),
	...fromSources((f) => f.stored),
	...KEY_LOCATION,
	sharedKeyField(
		// A source that registers itself offers its own Shared Key field for that case (its `sharedKey`).
		{ show: { verification: SHARED_KEY_VERIFICATIONS }, hide: { registration: ['automatic'] } },
		'A long random value that only you and the sender know; give the sender the same value. Requests without it are refused.',
	),
	...fromSources((f) => f.sharedKey),
	...filters('trigger'),
	...notices('trigger'),
	INCLUDE_RAW,
];
