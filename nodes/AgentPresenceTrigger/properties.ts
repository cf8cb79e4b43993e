import type { INodeProperties } from 'n8n-workflow';

export const EVENT_OPTIONS = [
	{ name: 'Agent Created', value: 'agent_created', description: 'A new agent status row (Dataverse Create)' },
	{ name: 'Capacity Changed', value: 'capacity_changed', description: 'Only the available capacity changed' },
	{ name: 'Logged In', value: 'logged_in' },
	{ name: 'Logged Out', value: 'logged_out' },
	{ name: 'Presence Changed', value: 'presence_changed' },
];

const dataverseOnly = { show: { source: ['dataverse'] } };

export const properties: INodeProperties[] = [
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		noDataExpression: true,
		default: 'dataverse',
		options: [
			{
				name: 'Dynamics 365 Contact Center (Dataverse)',
				value: 'dataverse',
				description: 'Webhook steps on msdyn_agentstatus Create and Update',
			},
			{
				name: 'Genesys Cloud',
				value: 'genesys',
				description: 'User presence notifications (v2.users.{ID}.presence), bare or in the Amazon EventBridge envelope',
			},
			{
				name: 'Vonage Contact Center (Webhooks Beta)',
				value: 'vonage',
				description: 'CloudEvents of type agent.presencechanged; without the Webhooks beta use the Vonage Contact Center Presence Trigger',
			},
		],
	},
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
				description: 'Register the webhook and its step on msdyn_agentstatus yourself',
			},
			{
				name: 'Register Webhook Automatically',
				value: 'automatic',
				description:
					'Activating the workflow registers a webhook (serviceendpoint) for this URL and post-operation steps on msdyn_agentstatus; deactivating removes them. Dataverse only calls port 443 or 80: set n8n\'s WEBHOOK_URL to its public HTTPS URL.',
			},
		],
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
					"Dataverse's asynchronous service delivers each change and agents are never blocked; it tries once more only after a 502, 503 or 504, so a change n8n misses otherwise (down, 401) is lost",
			},
			{
				name: 'Synchronous',
				value: 'synchronous',
				description:
					'Lowest latency, but the agent\'s presence change FAILS in Dynamics whenever n8n does not answer 2xx within 60 s (n8n down, restarting, slow, or a changed shared key)',
			},
		],
		description: 'How Dataverse runs the registered steps',
	},
	{
		displayName: 'Sender Verification',
		name: 'verification',
		type: 'options',
		noDataExpression: true,
		default: 'queryKey',
		options: [
			{ name: 'None', value: 'none', description: 'Accept any sender (not recommended)' },
			{
				name: 'Shared Key in Query String',
				value: 'queryKey',
				description: "Dataverse's WebhookKey authentication sends the key as ?code=…",
			},
			{
				name: 'Header Name and Value',
				value: 'header',
				description:
					"Dataverse's HttpHeader authentication. A static header can never match Vonage's signature, a new JWT for every message: for Vonage use Vonage Signature (JWT).",
			},
			{
				name: 'Vonage Signature (JWT)',
				value: 'vonageSignature',
				description:
					"Vonage's signed notifications: the Vonage-Signature JWT (HS256 with the subscription's secret, payload hash, 5-minute expiry) is checked for every message",
			},
		],
	},
	{
		displayName: 'Subscription Secret',
		name: 'vonageSignatureSecret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		displayOptions: { show: { verification: ['vonageSignature'] } },
		description:
			"The Vonage webhook subscription's secret, base64 as Vonage gives it when the subscription is created",
	},
	{
		displayName: 'Query Parameter',
		name: 'queryParameter',
		type: 'string',
		default: 'code',
		displayOptions: { show: { verification: ['queryKey'] } },
		description: 'Dataverse WebhookKey always uses "code"',
	},
	{
		displayName: 'Header Name',
		name: 'headerName',
		type: 'string',
		default: 'x-presence-key',
		displayOptions: { show: { verification: ['header'] } },
	},
	{
		displayName: 'Shared Key',
		name: 'sharedKey',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		displayOptions: { show: { verification: ['queryKey', 'header'] } },
		description: 'The value the sender must send; compared in constant time',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		default: ['agent_created', 'presence_changed', 'capacity_changed', 'logged_in', 'logged_out'],
		options: EVENT_OPTIONS,
		description:
			'Which changes start the workflow. With automatic registration, leaving out capacity changes sets the step\'s filtering attributes so Dataverse only calls for presence changes.',
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
			'Comma-separated Dataverse user IDs (e.g. your sync\'s application user) whose writes do not start the workflow — matched against the event\'s InitiatingUserId and UserId',
	},
	{
		displayName: 'Resolve Custom Presences',
		name: 'resolveCustomPresences',
		type: 'boolean',
		default: false,
		displayOptions: dataverseOnly,
		description:
			'Whether to read a custom presence\'s msdyn_presences row (name and base status) through the Dataverse credential so it gets a category. Out-of-the-box presences never need a lookup.',
	},
	{
		displayName: 'Include Raw Payload',
		name: 'includeRaw',
		type: 'boolean',
		default: false,
		description: 'Whether to add the vendor\'s payload to the item as "raw"',
	},
];
