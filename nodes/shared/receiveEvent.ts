/**
 * One received event, whichever node received it: verify the sender, read and parse the body for
 * its source, apply the filters, complete the item. The Agent Presence Trigger answers the outcome
 * over HTTP (401, 400, 200 ignored, 200 with an item); the Agent Presence Event node routes it.
 * A body holding several events (a source's parseBatch) gives a batch: each event filtered alone,
 * and, where the vendor proves the sender event by event, rejected alone.
 */
import type { IDataObject } from 'n8n-workflow';

import { passOn } from './errors';
import { InvalidEventError } from './eventErrors';
import { verifySharedKey } from './senderVerification';
import type { BatchEvent, EventScope, ReceivedEvent, Verification, WebhookSource } from './webhookSource';
import { signatureOf } from './webhookSource';

export interface Rejection {
	status: 400 | 401;
	message: string;
}

export type EventOutcome =
	| ({ kind: 'rejected' } & Rejection)
	| { kind: 'ignored'; message: string }
	/** The vendor's validation handshake: the receiver echoes the token; there is no event. */
	| { kind: 'handshake'; token: string }
	| { kind: 'item'; json: IDataObject }
	/** A body of several events: the items passed on, the events rejected one by one, and why the rest were left out. */
	| { kind: 'batch'; items: IDataObject[]; rejected: Rejection[]; ignored: string[] };

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

/** The body and its events; throws InvalidEventError for a body the source cannot send. */
async function readEvents(scope: EventScope, source: WebhookSource, event: EventInput): Promise<{ body: unknown; batch: boolean; events: BatchEvent[] }> {
	const body = event.body();
	const cut = source.cutShort ? await source.cutShort(scope, event, body) : undefined;
	if (cut) return { body, batch: false, events: [{ item: cut, raw: body }] };
	if (source.parseBatch) return { body, batch: true, events: source.parseBatch(body) };
	if (!source.parse) throw new InvalidEventError(`${source.vendorName} events cannot be read here`);
	return { body, batch: false, events: [{ item: source.parse(body), raw: body }] };
}

async function filtered(scope: EventScope, source: WebhookSource, item: IDataObject): Promise<string | null> {
	const events = scope.param<string[]>('events', []);
	// A truncated change of unknown kind always passes: it says what happened and why there is no more.
	if (item.truncated !== true && !events.includes(String(item.event))) return `"${String(item.event)}" is not among the selected events`;
	return source.ignoreReason ? await source.ignoreReason(scope, item) : null;
}

/** The item as emitted: no undefined fields, the payload added when Include Raw Payload is on. */
function emitted(scope: EventScope, item: IDataObject, raw: unknown): IDataObject {
	const json: IDataObject = {};
	for (const [key, value] of Object.entries(item)) if (value !== undefined) json[key] = value;
	if (scope.param<boolean>('includeRaw', false) === true) json.raw = raw as IDataObject;
	return json;
}

/** One event of the body: rejected (its own proof is wrong), ignored (a filter), or the item. */
async function oneEvent(scope: EventScope, source: WebhookSource, keys: KeySettings, event: BatchEvent): Promise<EventOutcome> {
	const verifyEach = signatureOf(source, keys.verification)?.verifyEach;
	const problem = verifyEach ? await verifyEach(scope, event.proof) : null;
	if (problem !== null) return { kind: 'rejected', status: 401, message: `Unauthorized: ${problem}` };
	const ignored = await filtered(scope, source, event.item);
	if (ignored !== null) return { kind: 'ignored', message: ignored };
	if (source.complete) await source.complete(scope, event.item);
	return { kind: 'item', json: emitted(scope, event.item, event.raw) };
}

export async function receiveEvent(scope: EventScope, source: WebhookSource, keys: KeySettings, event: EventInput): Promise<EventOutcome> {
	// Graph's handshake carries no clientState (the secret only comes with notifications).
	const token = source.handshake?.(event);
	if (token !== undefined) return { kind: 'handshake', token };
	const problem = await senderProblem(scope, source, keys, event);
	if (problem !== null) return { kind: 'rejected', status: 401, message: `Unauthorized: ${problem}` };

	let read: Awaited<ReturnType<typeof readEvents>>;
	try {
		read = await readEvents(scope, source, event);
	} catch (error) {
		if (error instanceof InvalidEventError) return { kind: 'rejected', status: 400, message: error.message };
		// The receiving node says what failed (a vendor call's error already names the vendor).
		passOn(error);
	}
	if (!read.batch) return await oneEvent(scope, source, keys, read.events[0]);

	const batch = { kind: 'batch' as const, items: [] as IDataObject[], rejected: [] as Rejection[], ignored: [] as string[] };
	for (const each of read.events) {
		const outcome = await oneEvent(scope, source, keys, each);
		if (outcome.kind === 'item') batch.items.push(outcome.json);
		if (outcome.kind === 'rejected') batch.rejected.push({ status: outcome.status, message: outcome.message });
		if (outcome.kind === 'ignored') batch.ignored.push(outcome.message);
	}
	return batch;
}
