/**
 * One POST → the source's verification (401), parse and validate the body (400), the filters (200,
 * no execution), else one normalized item (receiveEvent.ts, shared with the Agent Presence Event
 * node). n8n answers 200 right away (responseMode onReceived): a sender may hold its own change until
 * that answer.
 */
import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { jsonEventBody } from '../shared/eventBody';
import { passOn } from '../shared/errors';
import type { EventOutcome } from '../shared/receiveEvent';
import { receiveEvent } from '../shared/receiveEvent';
import { effectiveSharedKey, isPlaceholder } from '../shared/sharedKey';
import { webhookSource } from '../shared/vendors';
import type { EventScope, Verification } from '../shared/webhookSource';
import { signatureOf } from '../shared/webhookSource';

/** Answers with `status` and a JSON message; the workflow does not run. */
function reject(ctx: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	const res = ctx.getResponseObject();
	res.status(status).json({ code: status, message });
	return { noWebhookResponse: true };
}

/** A template's placeholder is never a key: treated as no key configured (401). */
const usableKey = (key: string) => (isPlaceholder(key) ? '' : key);

function ignored(message: string): IWebhookResponseData {
	return { webhookResponse: { message: `Event received but ignored: ${message}` } };
}

/** n8n's body parser has already parsed JSON bodies; anything else is read from the raw bytes. */
function jsonBody(ctx: IWebhookFunctions): unknown {
	const req = ctx.getRequestObject() as ReturnType<IWebhookFunctions['getRequestObject']> & { rawBody?: Buffer | string };
	return jsonEventBody(req.body, req.rawBody);
}

/**
 * n8n reads a webhook's body itself only for the content types it parses; a sender may use another
 * (e.g. application/cloudevents+json), which a version 2 trigger then gets unread. The request
 * offers readRawBody() for that.
 */
async function readUnparsedBody(ctx: IWebhookFunctions): Promise<void> {
	const req = ctx.getRequestObject() as ReturnType<IWebhookFunctions['getRequestObject']> & {
		rawBody?: Buffer | string;
		readRawBody?: () => Promise<void>;
	};
	if (req.rawBody === undefined && typeof req.readRawBody === 'function') await req.readRawBody();
}

/** The body exactly as sent: a vendor's signature covers these bytes, not a re-serialization. */
function rawBodyOf(ctx: IWebhookFunctions): Buffer | undefined {
	const req = ctx.getRequestObject() as ReturnType<IWebhookFunctions['getRequestObject']> & { rawBody?: Buffer | string };
	const raw = req.rawBody ?? (typeof req.body === 'string' || Buffer.isBuffer(req.body) ? req.body : undefined);
	if (raw === undefined) return undefined;
	return Buffer.isBuffer(raw) ? raw : Buffer.from(raw, 'utf8');
}

/** The validation handshake: the token back as text/plain, 200 (Graph's "Notification endpoint validation"). */
function echo(ctx: IWebhookFunctions, token: string): IWebhookResponseData {
	const res = ctx.getResponseObject();
	res.status(200).setHeader('Content-Type', 'text/plain; charset=utf-8');
	res.send(token);
	return { noWebhookResponse: true };
}

/**
 * A body of several events: one execution with every item passed on. Events rejected one by one
 * are left out of it; only a batch with nothing else is refused (401), so a sender retries nothing
 * that was taken.
 */
function batchResponse(ctx: IWebhookFunctions, batch: Extract<EventOutcome, { kind: 'batch' }>): IWebhookResponseData {
	if (batch.items.length > 0) {
		return { workflowData: [batch.items.map((json) => ({ json }))], webhookResponse: { message: 'Events received', events: batch.items.length } };
	}
	if (batch.ignored.length === 0 && batch.rejected.length > 0) return reject(ctx, batch.rejected[0].status, batch.rejected[0].message);
	return ignored(batch.ignored[0] ?? 'the body holds no presence change');
}

export async function handleWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const source = webhookSource(this.getNode(), this.getNodeParameter('source'));
	const verification = this.getNodeParameter('verification') as Verification;
	await readUnparsedBody(this);
	const scope: EventScope = {
		ctx: this,
		param: <T>(name: string, fallback: T) => this.getNodeParameter(name, fallback) as T,
		label: 'Agent Presence Trigger',
		where: 'trigger',
	};
	let outcome;
	try {
		outcome = await receiveEvent(
			scope,
			source,
			{
				verification,
				queryParameter: verification === 'queryKey' ? (this.getNodeParameter('queryParameter', 'code') as string) : '',
				headerName: verification === 'header' ? (this.getNodeParameter('headerName', '') as string) : '',
				sharedKey: verification === 'queryKey' || verification === 'header' ? usableKey(effectiveSharedKey(this)) : '',
			},
			{
				headers: this.getHeaderData() as Record<string, unknown>,
				query: this.getQueryData() as Record<string, unknown>,
				rawBody: signatureOf(source, verification) ? rawBodyOf(this) : undefined,
				body: () => jsonBody(this),
			},
		);
	} catch (error) {
		// A vendor call's error (WhoAmI, a lookup) already says what failed; anything else is wrapped.
		if (error instanceof NodeApiError || error instanceof NodeOperationError) passOn(error);
		throw new NodeOperationError(this.getNode(), error as Error, { message: 'Could not read the event' });
	}
	if (outcome.kind === 'rejected') return reject(this, outcome.status, outcome.message);
	if (outcome.kind === 'ignored') return ignored(outcome.message);
	if (outcome.kind === 'handshake') return echo(this, outcome.token);
	if (outcome.kind === 'batch') return batchResponse(this, outcome);
	// Acknowledge at once with a small JSON body (the webhook description's empty responseData
	// lets n8n send it).
	return { workflowData: [[{ json: outcome.json }]], webhookResponse: { message: 'Event received', event: outcome.json.event } };
}
