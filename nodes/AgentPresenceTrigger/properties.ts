import type { INodeProperties } from 'n8n-workflow';

export const EVENT_OPTIONS = [
	{ name: 'Agent Created', value: 'agent_created', description: 'Dynamics 365 Contact Center creates the status record of a new agent' },
	{ name: 'Capacity Changed', value: 'capacity_changed', description: 'Only the available capacity changed' },
	{ name: 'Logged In', value: 'logged_in' },
	{ name: 'Logged Out', value: 'logged_out' },
	{ name: 'Presence Changed', value: 'presence_changed' },
];

const dataverseOnly = { show: { source: ['dataverse'] } };

/** Sender Verification for one source, each way described as that system sends the key. */
export function verification(
	source: 'dataverse' | 'genesys' | 'vonage',
	how: { queryKey: string; header: string; vonageSignature?: string },
	where = 'trigger',
): INodeProperties {
	const options = [
		{ name: 'None', value: 'none', description: 'Accept any sender (not recommended)' },
		{ name: 'Shared Key in Query String', value: 'queryKey', description: how.queryKey },
		{ name: 'Header Name and Value', value: 'header', description: how.header },
	];
	if (how.vonageSignature) options.push({ name: 'Vonage Signature (JWT)', value: 'vonageSignature', description: how.vonageSignature });
	return {
		displayName: 'Sender Verification',
		name: 'verification',
		type: 'options',
		noDataExpression: true,
		default: 'queryKey',
		displayOptions: { show: { source: [source] } },
		options,
		description: `How the ${where} knows a request really comes from your contact centre`,
	};
}

/** Where the sender puts the shared key. */
export const KEY_LOCATION: INodeProperties[] = [
	{
		displayName: 'Query Parameter',
		name: 'queryParameter',
		type: 'string',
		default: 'code',
		displayOptions: { show: { verification: ['queryKey'] } },
		description: 'The name of the query parameter holding the key (Dynamics 365 Contact Center always uses "code")',
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

/** Which changes pass on (the rest are acknowledged and dropped). */
export const FILTERS: INodeProperties[] = [
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		default: ['agent_created', 'presence_changed', 'capacity_changed', 'logged_in', 'logged_out'],
		options: EVENT_OPTIONS,
		description:
			'Which changes start the workflow. With automatic registration, Dynamics 365 Contact Center only calls n8n for the changes you select.',
	},
	{
		displayName: "Ignore This Sync's Own Writes",
		name: 'ignoreOwnWrites',
		type: 'boolean',
		default: false,
		displayOptions: dataverseOnly,
		description:
			"Whether changes made with this trigger's Dynamics 365 credential (the application user your sync writes with) are skipped, so a two-way sync does not trigger itself. Needs the credential.",
	},
	{
		displayName: 'Ignore Changes Made By',
		name: 'ignoreUserIds',
		type: 'string',
		default: '',
		placeholder: 'd89254ff-9438-ef11-a315-000d3a5a54dc, …',
		displayOptions: dataverseOnly,
		description:
			'Dynamics 365 user IDs, separated by commas, whose changes do not start the workflow, e.g. the application user your sync writes with, so its own writes do not come back as new changes',
	},
	{
		displayName: 'Resolve Custom Presences',
		name: 'resolveCustomPresences',
		type: 'boolean',
		default: false,
		displayOptions: dataverseOnly,
		description:
			'Whether to look up presences your organization created (their name and the status they are based on) through the credential, so they get a category too. Built-in presences need no lookup.',
	},
];

export const INCLUDE_RAW: INodeProperties = {
		displayName: 'Include Raw Payload',
		name: 'includeRaw',
		type: 'boolean',
		default: false,
		description: 'Whether to add the vendor\'s payload to the item as "raw"',
	};

/** Which vendor's events the node takes. */
export const SOURCE: INodeProperties = {
		displayName: 'Source',
		name: 'source',
		type: 'options',
		noDataExpression: true,
		default: 'dataverse',
		options: [
			{
				name: 'Dynamics 365 Contact Center',
				value: 'dataverse',
				description: 'An agent signs in or out, or their presence changes, in Dynamics 365 Contact Center',
			},
			{
				name: 'Genesys Cloud',
				value: 'genesys',
				description: 'Presence changes Genesys Cloud sends to this URL (directly or through Amazon EventBridge)',
			},
			{
				name: 'Vonage Contact Center (Webhooks Beta)',
				value: 'vonage',
				description: 'Presence changes sent by Vonage Contact Center webhooks (beta). Without the beta, use the Vonage Contact Center Trigger.',
			},
		],
	};

export const properties: INodeProperties[] = [
	SOURCE,
	{
		displayName: 'Registration',
		name: 'registration',
		type: 'options',
		noDataExpression: true,
		displayOptions: dataverseOnly,
		default: 'manual',
		options: [
			{
				name: 'Manual (Plug-in Registration Tool)',
				value: 'manual',
				description: 'You register this URL in Dynamics 365 Contact Center yourself, with the Plug-in Registration Tool',
			},
			{
				name: 'Register Webhook Automatically',
				value: 'automatic',
				description:
					'Publishing the workflow registers this URL in Dynamics 365 Contact Center, unpublishing removes it. Needs the credential, and n8n reachable from the internet on port 443 or 80 (n8n\'s WEBHOOK_URL setting).',
			},
		],
	},
	{
		displayName: 'Registering the webhook needs a Dynamics 365 Contact Center credential: select one for this node',
		name: 'credentialForRegistration',
		type: 'notice',
		default: '',
		displayOptions: { show: { source: ['dataverse'], registration: ['automatic'] } },
	},
	{
		displayName: 'Execution Mode',
		name: 'executionMode',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { source: ['dataverse'], registration: ['automatic'] } },
		default: 'asynchronous',
		options: [
			{
				name: 'Asynchronous',
				value: 'asynchronous',
				description:
					'Each change is delivered in the background and agents are never held up. A change n8n misses (n8n unreachable, or the key refused) is lost: Dynamics tries again only once, and only when the server in front of n8n answers that n8n is unavailable.',
			},
			{
				name: 'Synchronous',
				value: 'synchronous',
				description:
					'Fastest, but the agent\'s presence change FAILS in Dynamics whenever n8n does not answer successfully within 60 seconds (n8n down, restarting, slow, or a changed shared key)',
			},
		],
		description: 'How Dynamics 365 Contact Center calls n8n for each change',
	},
	// One Sender Verification per source, so each only explains how that system sends the key.
	verification('dataverse', {
		queryKey: 'Dynamics 365 Contact Center sends the key in the URL (WebhookKey authentication, as "code")',
		header: 'Dynamics 365 Contact Center sends the key in a header (HttpHeader authentication)',
	}),
	verification('genesys', {
		queryKey: 'Add the key to the URL you give Genesys Cloud (…?code=your-key)',
		header: 'Genesys Cloud sends the key in a header you add to its webhook or Amazon EventBridge target',
	}),
	verification('vonage', {
		queryKey: 'Add the key to the URL you give Vonage Contact Center (…?code=your-key)',
		header: 'The key in a header. Vonage Contact Center signs each notification instead: prefer Vonage Signature.',
		vonageSignature:
			"Vonage Contact Center signs every notification with its webhook subscription's secret, which you keep in a Vonage Contact Center Webhook API credential; notifications not signed with it, altered or older than 5 minutes are refused",
	}),
	// Where workflows made before the Vonage Contact Center Webhook API credential keep the secret:
	// hidden (new workflows use the credential), still read when no credential is selected.
	{
		displayName: 'Subscription Secret',
		name: 'vonageSignatureSecret',
		type: 'hidden',
		typeOptions: { password: true },
		default: '',
	},
	...KEY_LOCATION,
	{
		displayName: 'Shared Key',
		name: 'sharedKey',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		displayOptions: { show: { verification: ['queryKey', 'header'] }, hide: { registration: ['automatic'] } },
		description:
			'A long random value that only you and the sender know; give the sender the same value. Requests without it are refused.',
	},
	{
		displayName: 'Shared Key',
		name: 'sharedKey',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		displayOptions: { show: { source: ['dataverse'], registration: ['automatic'], verification: ['queryKey', 'header'] } },
		description:
			'Leave empty: the first activation creates a random key, keeps it with this workflow and gives it to Dynamics 365 Contact Center itself. Or enter your own.',
	},
	...FILTERS,
	{
		displayName: 'Looking up custom presences needs a Dynamics 365 Contact Center credential: select one for this node',
		name: 'credentialForLookups',
		type: 'notice',
		default: '',
		displayOptions: { show: { source: ['dataverse'], registration: ['manual'], resolveCustomPresences: [true] } },
	},
	INCLUDE_RAW,
];
