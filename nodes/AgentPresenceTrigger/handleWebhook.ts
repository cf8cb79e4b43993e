/**
 * One POST → verify the sender (401), parse and validate the body for the chosen source (400),
 * apply the filters (200, no execution), else emit one normalized item. n8n answers 200 right away
 * (responseMode onReceived): a synchronous Dataverse step waits on that answer. A Dataverse payload
 * over 256 KB is read from its row instead (sizeExceeded.ts).
 */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseDataverseAgentStatus } from '../DynamicsContactCenter/events/dataverseWebhook';
import type { DataverseAgentStatusEvent } from '../DynamicsContactCenter/events/dataverseWebhook';
import { parseGenesysPresence } from '../GenesysCloud/events/genesysEvents';
import { InvalidEventError } from '../shared/eventErrors';
import { parseVonagePresenceWebhook } from '../VonageContactCenter/events/vonageEvents';
import { resolveCustomPresence } from './customPresence';
import { applicationUser } from './ownWrites';
import { isSizeExceeded, sizeExceededItem } from './sizeExceeded';
import type { Verification } from './security';
import { verifySender } from './security';
import { effectiveSharedKey, isPlaceholder } from './sharedKey';
import { vonageSubscriptionSecret } from './vonageSecret';
import { passOn } from '../shared/errors';

export type Source = 'dataverse' | 'genesys' | 'vonage';

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

/**
 * n8n's body parser has already parsed JSON bodies; anything else (wrong content type, a body
 * that did not parse) is read from the raw bytes so the 400 can say what is wrong with it.
 */
function jsonBody(ctx: IWebhookFunctions): unknown {
	const req = ctx.getRequestObject() as ReturnType<IWebhookFunctions['getRequestObject']> & { rawBody?: Buffer | string };
	const body: unknown = req.body;
	if (body !== null && typeof body === 'object' && !Buffer.isBuffer(body) && Object.keys(body).length > 0) return body;
	const raw = req.rawBody ?? (typeof body === 'string' || Buffer.isBuffer(body) ? body : undefined);
	const text = raw === undefined ? '' : Buffer.isBuffer(raw) ? raw.toString('utf8') : raw;
	if (text.trim() === '') {
		if (Array.isArray(body)) return body;
		throw new InvalidEventError('Empty body: expected a JSON event');
	}
	try {
		return JSON.parse(text);
	} catch (error) {
		// Not an n8n error: the webhook answers it as a 400 to the sender.
		passOn(new InvalidEventError(`Body is not valid JSON: ${(error as Error).message}`));
	}
}

/**
 * n8n reads a webhook's body itself only for the content types it parses; Vonage sends its
 * notifications as application/cloudevents+json, which a version 2 trigger then gets unread. The
 * request offers readRawBody() for that.
 */
async function readUnparsedBody(ctx: IWebhookFunctions): Promise<void> {
	const req = ctx.getRequestObject() as ReturnType<IWebhookFunctions['getRequestObject']> & {
		rawBody?: Buffer | string;
		readRawBody?: () => Promise<void>;
	};
	if (req.rawBody === undefined && typeof req.readRawBody === 'function') await req.readRawBody();
}

/** The body exactly as sent: Vonage's payload hash covers these bytes, not a re-serialization. */
function rawBodyOf(ctx: IWebhookFunctions): Buffer | undefined {
	const req = ctx.getRequestObject() as ReturnType<IWebhookFunctions['getRequestObject']> & { rawBody?: Buffer | string };
	const raw = req.rawBody ?? (typeof req.body === 'string' || Buffer.isBuffer(req.body) ? req.body : undefined);
	if (raw === undefined) return undefined;
	return Buffer.isBuffer(raw) ? raw : Buffer.from(raw, 'utf8');
}

function parse(source: Source, body: unknown): IDataObject {
	if (source === 'genesys') return parseGenesysPresence(body) as unknown as IDataObject;
	if (source === 'vonage') return parseVonagePresenceWebhook(body) as unknown as IDataObject;
	return parseDataverseAgentStatus(body) as unknown as IDataObject;
}

/** The body and its normalized item; throws InvalidEventError for a body the source cannot send. */
async function readEvent(ctx: IWebhookFunctions, source: Source): Promise<{ body: unknown; item: IDataObject }> {
	const body = jsonBody(ctx);
	// Over 256 KB Dataverse leaves out the data the parser needs: handled before parsing.
	const truncated = source === 'dataverse' && isSizeExceeded(ctx.getHeaderData() as Record<string, unknown>);
	return { body, item: truncated ? await sizeExceededItem(ctx, body) : parse(source, body) };
}

const userIdList = (text: string) =>
	text
		.split(/[\s,;]+/)
		.map((id) => id.trim().toLowerCase())
		.filter(Boolean);

/** The user whose write this was, when it is on the ignore list. */
function ignoredWriter(event: DataverseAgentStatusEvent, ignore: string[]): string | undefined {
	return [event.initiatingUserId, event.userId].find((id) => id && ignore.includes(id.toLowerCase())) ?? undefined;
}

async function addCustomPresence(ctx: IWebhookFunctions, item: IDataObject): Promise<void> {
	try {
		await ctx.getCredentials('dynamicsContactCenterApi');
	} catch (error) {
		item.presenceLookupError = 'Resolve Custom Presences needs a Dataverse credential on the trigger';
		ctx.logger.warn(`Agent Presence Trigger: ${item.presenceLookupError}: ${(error as Error).message}`);
		return;
	}
	try {
		const resolved = await resolveCustomPresence(ctx, String(item.presenceId));
		item.presenceName = resolved.presenceName ?? item.presenceName;
		item.category = resolved.category;
		item.basePresenceStatus = resolved.basePresenceStatus;
	} catch (error) {
		// Never fail the delivery over a lookup: a failed synchronous step would undo the agent's change.
		item.presenceLookupError = (error as Error).message;
		ctx.logger.warn(`Agent Presence Trigger: custom presence lookup failed: ${item.presenceLookupError}`);
	}
}

export async function handleWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const source = this.getNodeParameter('source') as Source;
	const verification = this.getNodeParameter('verification') as Verification;
	await readUnparsedBody(this);
	const reason = verifySender(
		{
			verification,
			queryParameter: verification === 'queryKey' ? (this.getNodeParameter('queryParameter', 'code') as string) : '',
			headerName: verification === 'header' ? (this.getNodeParameter('headerName', '') as string) : '',
			sharedKey: verification === 'queryKey' || verification === 'header' ? usableKey(effectiveSharedKey(this)) : '',
			signatureSecret: verification === 'vonageSignature' ? await vonageSubscriptionSecret(this) : undefined,
		},
		this.getQueryData() as Record<string, unknown>,
		this.getHeaderData() as Record<string, unknown>,
		verification === 'vonageSignature' ? rawBodyOf(this) : undefined,
	);
	if (reason !== null) return reject(this, 401, `Unauthorized: ${reason}`);

	let event: { body: unknown; item: IDataObject };
	try {
		event = await readEvent(this, source);
	} catch (error) {
		if (error instanceof InvalidEventError) return reject(this, 400, error.message);
		throw new NodeOperationError(this.getNode(), error as Error, { message: 'Could not read the event' });
	}
	const { body, item } = event;

	const events = this.getNodeParameter('events', []) as string[];
	// A truncated change of unknown kind is always emitted: it says what happened and why there is no more.
	if (item.truncated !== true && !events.includes(String(item.event))) return ignored(`"${String(item.event)}" is not among the selected events`);

	if (source === 'dataverse') {
		const ignore = userIdList(this.getNodeParameter('ignoreUserIds', '') as string);
		const own = await applicationUser(this);
		if (own) ignore.push(own);
		const writer = ignoredWriter(item as unknown as DataverseAgentStatusEvent, ignore);
		if (writer) return ignored(`the change was made by ${writer}, which is on the ignore list`);
		if (item.customPresence === true && this.getNodeParameter('resolveCustomPresences', false) === true) {
			await addCustomPresence(this, item);
		}
	}

	const json: IDataObject = {};
	for (const [key, value] of Object.entries(item)) if (value !== undefined) json[key] = value;
	if (this.getNodeParameter('includeRaw', false) === true) json.raw = body as IDataObject;
	// Acknowledge at once with a small JSON body (the webhook description's empty responseData
	// lets n8n send it).
	return { workflowData: [[{ json }]], webhookResponse: { message: 'Event received', event: json.event } };
}
