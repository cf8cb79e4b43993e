import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { handleWebhook } from './handleWebhook';
import { SOURCE_CREDENTIAL_TESTS, SOURCE_PRODUCTS, properties } from './properties';
import { ensureSharedKey } from '../shared/sharedKey';
import { SOURCE_SUBTITLE } from '../shared/subtitle';
import { WEBHOOK_SOURCES, webhookSource } from '../shared/vendors';

/** The chosen source's activation hooks (none when the sender is set up outside n8n), after the key check. */
function activationOf(ctx: IHookFunctions) {
	const source = webhookSource(ctx.getNode(), ctx.getNodeParameter('source'));
	ensureSharedKey(ctx, source.activation?.registersItself(ctx) ?? false, source.fields.keyHelp);
	return source.activation;
}

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
		description: `Starts the workflow when an agent presence changes in ${SOURCE_PRODUCTS}`,
		defaults: { name: 'Agent Presence Trigger' },
		// What the canvas says while it waits for a test event (else "create an event in Agent Presence").
		eventTriggerDescription: `Change an agent's presence in ${SOURCE_PRODUCTS}`,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// Each source's credentials (its webhook fields), shown for that source only, written out:
		// n8n's lint reads a credential's `testedBy` only from a node file's literal credentials (and
		// stops at a spread), the one exception to "the source says it". test/shared/
		// webhookRegistry.test.js checks this list is the sources' own.
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
				// Answer at once: a sender may hold its own change until we answer (and fail it on a timeout).
				responseMode: 'onReceived',
				// Without it n8n answers an onReceived webhook with its default response-data setting's
				// name, the text "firstEntryJson"; empty lets it send the handler's webhookResponse.
				responseData: '',
				path: 'agent-presence',
			},
		],
		properties,
	};

	methods = { credentialTest: SOURCE_CREDENTIAL_TESTS };

	/**
	 * Each source says what publishing involves (its activation): a source that registers itself
	 * does so here; other senders are configured outside n8n.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const activation = activationOf(this);
				return activation ? await activation.checkExists(this) : true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const activation = activationOf(this);
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
