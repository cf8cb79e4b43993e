import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { handleWebhook } from './handleWebhook';
import { properties } from './properties';
import { ensureSharedKey } from '../shared/sharedKey';
import { SOURCE_SUBTITLE } from '../shared/subtitle';
import { WEBHOOK_SOURCES, webhookSource } from '../shared/webhookSources';
import { vonageSubscriptionSecretTest } from '../VonageContactCenter/webhook/vonageSecret';

/** The chosen source's activation hooks; none when the sender is set up outside n8n. */
const activationOf = (ctx: IHookFunctions) => webhookSource(ctx.getNode(), ctx.getNodeParameter('source')).activation;

export class AgentPresenceTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Agent Presence Trigger',
		name: 'agentPresenceTrigger',
		icon: { light: 'file:../../icons/presence.svg', dark: 'file:../../icons/presence.dark.svg' },
		group: ['trigger'],
		// Version 2 behaves as 1. n8n's webhook server evaluates an expression for every request
		// to a version-1 trigger (its Webhook node v1 binary-data option), which on the vm engine
		// costs an expression isolate; from version 2 on it evaluates none for this node.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: SOURCE_SUBTITLE,
		description:
			'Starts the workflow when an agent presence changes in Dynamics 365 Contact Center, Genesys Cloud or Vonage Contact Center',
		defaults: { name: 'Agent Presence Trigger' },
		// What the canvas says while it waits for a test event (else "create an event in Agent Presence").
		eventTriggerDescription:
			"Change an agent's presence in Dynamics 365 Contact Center, Genesys Cloud or Vonage Contact Center",
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// Only automatic registration and custom-presence lookups use the credential. n8n reads only
		// the first entry of a credential type (and cannot make `required` conditional), so it is one
		// optional entry: notices say when it is needed, and activation refuses to go on without it.
		credentials: [
			{
				name: 'dynamicsContactCenterApi',
				required: false,
				displayOptions: { show: { source: ['dataverse'] } },
			},
			{
				name: 'vonageContactCenterWebhookApi',
				required: true,
				testedBy: 'vonageSubscriptionSecret',
				displayOptions: { show: { source: ['vonage'], verification: ['vonageSignature'] } },
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// Answer at once: a synchronous Dataverse step waits on it (and fails after 60 s).
				responseMode: 'onReceived',
				// Without it n8n answers an onReceived webhook with its default response-data setting's
				// name, the text "firstEntryJson"; empty lets it send the handler's webhookResponse.
				responseData: '',
				path: 'agent-presence',
			},
		],
		properties,
	};

	/**
	 * Each source says what publishing involves (webhookSource.ts): only Dataverse with "Register
	 * Webhook Automatically" registers anything; other senders are configured outside n8n.
	 */
	methods = { credentialTest: { vonageSubscriptionSecret: vonageSubscriptionSecretTest } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const activation = activationOf(this);
				ensureSharedKey(this, activation?.registersItself(this) ?? false);
				return activation ? await activation.checkExists(this) : true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const activation = activationOf(this);
				ensureSharedKey(this, activation?.registersItself(this) ?? false);
				await activation?.create(this);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				// Every source removes what it registered, even if the node was since switched to another.
				for (const source of Object.values(WEBHOOK_SOURCES)) await source.activation?.delete(this);
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleWebhook.call(this);
	}
}
