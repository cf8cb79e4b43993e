/**
 * One received event, whichever node received it: verify the sender, read and parse the body for
 * its source, apply the filters, complete the item. The Agent Presence Trigger answers the outcome
 * over HTTP (401, 400, 200 ignored, 200 with an item); the Agent Presence Event node routes it.
 */
import type { IDataObject } from 'n8n-workflow';

import { passOn } from './errors';
import { InvalidEventError } from './eventErrors';
import { verifySharedKey } from './senderVerification';
import type { EventScope, ReceivedEvent, Verification, WebhookSource } from './webhookSource';
import { signatureOf } from './webhookSource';

export type EventOutcome =
	| { kind: 'rejected'; status: 400 | 401; message: string }
	| { kind: 'ignored'; message: string }
	| { kind: 'item'; json: IDataObject };

export interface EventInput extends ReceivedEvent {
	/** The JSON body; throws InvalidEventError when it is not JSON. Read after the sender is verified. */
	body(): unknown;
}

export interface KeySettings {
	verification: Verification;
	queryParameter: string;
	headerName: string;
	sharedKey: string;
}

async function senderProblem(scope: EventScope, source: WebhookSource, keys: KeySettings, event: ReceivedEvent): Promise<string | null> {
	const { verification } = keys;
	if (verification === 'none') return null;
	if (verification === 'queryKey' || verification === 'header') {
		return verifySharedKey({ ...keys, verification: verification as 'queryKey' | 'header', where: scope.where }, event);
	}
	const signature = signatureOf(source, verification);
	if (!signature) return `${source.vendorName} does not send "${verification}" signatures`;
	return await signature.verify(scope, event, Date.now());
}

/** The body and its normalized item; throws InvalidEventError for a body the source cannot send. */
async function readItem(scope: EventScope, source: WebhookSource, event: EventInput): Promise<{ body: unknown; item: IDataObject }> {
	const body = event.body();
	const cut = source.cutShort ? await source.cutShort(scope, event, body) : undefined;
	return { body, item: cut ?? source.parse(body) };
}

async function filtered(scope: EventScope, source: WebhookSource, item: IDataObject): Promise<string | null> {
	const events = scope.param<string[]>('events', []);
	// A truncated change of unknown kind always passes: it says what happened and why there is no more.
	if (item.truncated !== true && !events.includes(String(item.event))) return `"${String(item.event)}" is not among the selected events`;
	return source.ignoreReason ? await source.ignoreReason(scope, item) : null;
}

export async function receiveEvent(scope: EventScope, source: WebhookSource, keys: KeySettings, event: EventInput): Promise<EventOutcome> {
	const problem = await senderProblem(scope, source, keys, event);
	if (problem !== null) return { kind: 'rejected', status: 401, message: `Unauthorized: ${problem}` };

	let read: { body: unknown; item: IDataObject };
	try {
		read = await readItem(scope, source, event);
	} catch (error) {
		if (error instanceof InvalidEventError) return { kind: 'rejected', status: 400, message: error.message };
		// The receiving node says what failed (a vendor call's error already names the vendor).
		passOn(error);
	}
	const { body, item } = read;
	const ignored = await filtered(scope, source, item);
	if (ignored !== null) return { kind: 'ignored', message: ignored };
	if (source.complete) await source.complete(scope, item);

	const json: IDataObject = {};
	for (const [key, value] of Object.entries(item)) if (value !== undefined) json[key] = value;
	if (scope.param<boolean>('includeRaw', false) === true) json.raw = body as IDataObject;
	return { kind: 'item', json };
}
