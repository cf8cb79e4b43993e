/**
 * What Dynamics 365 Contact Center adds to the Agent Presence Trigger and Event nodes: its Source
 * option, how it sends the shared key, automatic registration, its "agent created" event, the
 * filters by who made a change, and custom-presence lookups through the credential.
 */
import type { INodeProperties } from 'n8n-workflow';

import type { Receiver, WebhookFields } from '../../shared/webhookSource';

const dataverseOnly = { show: { source: ['dataverse'] } };

/** How this trigger registers the webhook, and how Dataverse then calls it. */
const REGISTRATION: INodeProperties[] = [
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
];

/** With automatic registration the key may be left empty: activation generates it. */
const GENERATED_KEY: INodeProperties = {
	displayName: 'Shared Key',
	name: 'sharedKey',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	displayOptions: { show: { source: ['dataverse'], registration: ['automatic'], verification: ['queryKey', 'header'] } },
	description:
		'Leave empty: the first activation creates a random key, keeps it with this workflow and gives it to Dynamics 365 Contact Center itself. Or enter your own.',
};

const OWN_WRITES: Record<Receiver, string> = {
	trigger:
		"Whether changes made with this trigger's Dynamics 365 credential (the application user your sync writes with) are skipped, so a two-way sync does not trigger itself. Needs the credential.",
	node: "Whether changes made with this node's Dynamics 365 credential (the application user your sync writes with) produce no item, so a two-way sync does not feed itself. Needs the credential.",
};

const filters = (receiver: Receiver): INodeProperties[] => [
	{
		displayName: "Ignore This Sync's Own Writes",
		name: 'ignoreOwnWrites',
		type: 'boolean',
		default: false,
		displayOptions: dataverseOnly,
		description: OWN_WRITES[receiver],
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

/** With automatic registration the trigger already asks for the credential (Registration's notice). */
const notices = (receiver: Receiver): INodeProperties[] => [
	{
		displayName: 'Looking up custom presences needs a Dynamics 365 Contact Center credential: select one for this node',
		name: 'credentialForLookups',
		type: 'notice',
		default: '',
		displayOptions: {
			show:
				receiver === 'trigger'
					? { source: ['dataverse'], registration: ['manual'], resolveCustomPresences: [true] }
					: { source: ['dataverse'], resolveCustomPresences: [true] },
		},
	},
];

export const dataverseWebhookFields: WebhookFields = {
	option: {
		name: 'Dynamics 365 Contact Center',
		description: 'An agent signs in or out, or their presence changes, in Dynamics 365 Contact Center',
	},
	verification: {
		trigger: {
			queryKey: 'Dynamics 365 Contact Center sends the key in the URL (WebhookKey authentication, as "code")',
			header: 'Dynamics 365 Contact Center sends the key in a header (HttpHeader authentication)',
		},
		node: {
			queryKey: 'Dynamics 365 Contact Center sends the key in the URL (WebhookKey authentication, as "code")',
			header: 'Dynamics 365 Contact Center sends the key in a header (HttpHeader authentication)',
		},
	},
	setup: REGISTRATION,
	sharedKey: [GENERATED_KEY],
	queryParameterNote: 'Dynamics 365 Contact Center always uses "code"',
	events: [{ name: 'Agent Created', value: 'agent_created', description: 'Dynamics 365 Contact Center creates the status record of a new agent' }],
	eventsNote: 'With automatic registration, Dynamics 365 Contact Center only calls n8n for the changes you select.',
	filters,
	notices,
	// Only automatic registration, own writes and custom-presence lookups use the credential. n8n
	// reads only the first entry of a credential type (and cannot make `required` conditional), so
	// it is one optional entry: notices say when it is needed, and activation refuses to go on without it.
	credentials: [{ name: 'dynamicsContactCenterApi', required: false, displayOptions: dataverseOnly }],
	keyHelp: {
		placeholder: 'Enter a long random key and give Dataverse the same key (WebhookKey in the Plug-in Registration Tool).',
		missing:
			'Enter a long random key and give Dataverse the same key, or set Registration to "Register Webhook Automatically" and the trigger creates one.',
	},
};
