/**
 * An input item as a received event. n8n's Webhook node (v2) emits `{ headers, params, query, body }`
 * with the Raw Body option's bytes in binary `data`; the Kafka Trigger `{ message, topic, headers }`;
 * the RabbitMQ Trigger `{ content, fields, properties: { headers } }`; an SQS message `{ Body, … }`.
 * The node's field parameters say where each part is; defaults fit the Webhook node.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { EventInput } from '../shared/receiveEvent';
import { jsonEventBody } from '../shared/eventBody';

/** The value at a dot path of the item's JSON; an empty path is the whole JSON. */
function valueAt(json: IDataObject, path: string): unknown {
	let value: unknown = json;
	for (const key of path.split('.').filter(Boolean)) {
		if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, key)) return undefined;
		value = (value as Record<string, unknown>)[key];
	}
	return value;
}

/** A headers or query object with lower-case names (HTTP's are already; a queue's keep the producer's). */
function nameMap(value: unknown): Record<string, unknown> {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
	return Object.fromEntries(Object.entries(value).map(([name, v]) => [name.toLowerCase(), v]));
}

/** The raw body from the item's binary field, else the body field's text; undefined when neither is there. */
async function rawBodyOf(ctx: IExecuteFunctions, itemIndex: number, field: string, body: unknown): Promise<Buffer | undefined> {
	const binary = ctx.getInputData()[itemIndex].binary;
	if (field !== '' && binary?.[field]) return await ctx.helpers.getBinaryDataBuffer(itemIndex, field);
	if (typeof body === 'string') return Buffer.from(body, 'utf8');
	return undefined;
}

export async function eventFromItem(ctx: IExecuteFunctions, itemIndex: number): Promise<EventInput> {
	const json = ctx.getInputData()[itemIndex].json;
	const param = (name: string, fallback: string) => String(ctx.getNodeParameter(name, itemIndex, fallback) ?? '').trim();
	const body = valueAt(json, param('bodyField', 'body'));
	const rawBody = await rawBodyOf(ctx, itemIndex, param('rawBodyField', 'data'), body);
	return {
		headers: nameMap(valueAt(json, param('headersField', 'headers'))),
		query: nameMap(valueAt(json, param('queryField', 'query'))),
		rawBody,
		body: () => jsonEventBody(body, rawBody),
	};
}
