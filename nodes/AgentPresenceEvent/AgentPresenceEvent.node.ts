import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { properties } from './properties';
import { SOURCE_CREDENTIALS, SOURCE_CREDENTIAL_TESTS, SOURCE_PRODUCTS } from '../AgentPresenceTrigger/properties';
import { eventFromItem } from './readInput';
import type { Rejection } from '../shared/receiveEvent';
import { receiveEvent } from '../shared/receiveEvent';
import { itemNodeDescription } from '../shared/actionNode';
import { asNodeError, errorItem } from '../shared/router';
import { isPlaceholder } from '../shared/sharedKey';
import { SOURCE_SUBTITLE } from '../shared/subtitle';
import { webhookSource } from '../shared/vendors';
import type { EventScope, Verification } from '../shared/webhookSource';

/**
 * A vendor event some other node received (n8n's Webhook node, a queue trigger) → the normalized
 * presence item, through the same parsers, verification and filters as the Agent Presence Trigger.
 *
 * An event that is not verified or cannot be read goes to a second output, Rejected, instead of
 * being dropped: the sender was already answered (or the queue message taken) by the node before,
 * so this is the only place the rejection is seen, and a workflow can dead-letter or alert on it.
 * The rejected item says only the status and reason, never the input (it may hold the key).
 * Changes the filters leave out produce no item at all, as with the trigger.
 */
export class AgentPresenceEvent implements INodeType {
	description: INodeTypeDescription = {
		...itemNodeDescription({
			name: 'agentPresenceEvent',
			displayName: 'Agent Presence Event',
			icon: { light: 'presence.svg', dark: 'presence.dark.svg' },
			subtitle: SOURCE_SUBTITLE,
			description: `Turn a presence event from ${SOURCE_PRODUCTS}, received by another node, into a presence item`,
			outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
			outputNames: ['Event', 'Rejected'],
			// As on the Agent Presence Trigger: each source's credentials, shown for that source only.
			credentials: SOURCE_CREDENTIALS,
			properties,
		}),
		// Stated here too: n8n's lint reads them only from the node file's own literal.
		icon: { light: 'file:../../icons/presence.svg', dark: 'file:../../icons/presence.dark.svg' },
		subtitle: SOURCE_SUBTITLE,
		usableAsTool: true,
	};

	methods = { credentialTest: SOURCE_CREDENTIAL_TESTS };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const events: INodeExecutionData[] = [];
		const rejected: INodeExecutionData[] = [];
		for (let i = 0; i < this.getInputData().length; i++) {
			try {
				const outcome = await eventOf(this, i);
				for (const json of outcome.items) events.push({ json, pairedItem: { item: i } });
				for (const json of outcome.rejected) rejected.push({ json, pairedItem: { item: i } });
			} catch (error) {
				if (!this.continueOnFail()) throw asNodeError(this, error, i);
				events.push(errorItem(error, i));
			}
		}
		return [events, rejected];
	}
}

/** What one input item gives: items (a batch gives several), and the rejected items. */
interface ItemOutcome {
	items: IDataObject[];
	rejected: IDataObject[];
}

/**
 * A validation handshake (Graph's validationToken) gives nothing: the node before must answer it
 * (n8n's Webhook node responding with the token), and there is no event in it.
 */
async function eventOf(ctx: IExecuteFunctions, i: number): Promise<ItemOutcome> {
	const sourceName = ctx.getNodeParameter('source', i) as string;
	const source = webhookSource(ctx.getNode(), sourceName);
	const verification = ctx.getNodeParameter('verification', i) as Verification;
	const usesKey = verification === 'queryKey' || verification === 'header';
	const key = usesKey ? (ctx.getNodeParameter('sharedKey', i, '') as string) : '';
	const scope: EventScope = {
		ctx,
		param: <T>(name: string, fallback: T) => ctx.getNodeParameter(name, i, fallback) as T,
		label: 'Agent Presence Event',
		where: 'node',
	};
	const outcome = await receiveEvent(
		scope,
		source,
		{
			verification,
			queryParameter: verification === 'queryKey' ? (ctx.getNodeParameter('queryParameter', i, 'code') as string) : '',
			headerName: verification === 'header' ? (ctx.getNodeParameter('headerName', i, '') as string) : '',
			// A template's placeholder is never a key: treated as no key configured.
			sharedKey: isPlaceholder(key) ? '' : key,
		},
		await eventFromItem(ctx, i),
	);
	const rejection = (r: Rejection): IDataObject => ({ source: sourceName, status: r.status, reason: r.message });
	if (outcome.kind === 'item') return { items: [outcome.json], rejected: [] };
	if (outcome.kind === 'rejected') return { items: [], rejected: [rejection(outcome)] };
	if (outcome.kind === 'batch') return { items: outcome.items, rejected: outcome.rejected.map(rejection) };
	return { items: [], rejected: [] };
}
