/**
 * Bulk Set runs once over all input items (not per item like the others): each item names a user
 * and a presence, and they are written with PUT /api/v2/users/presences/bulk, at most
 * BULK_LIMIT per call. Each user's result is an output item paired with its input item.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { showFor } from '../../../shared/displayOptions';
import { requestTimeoutMs, timeoutOption } from '../../../shared/timeout';
import { sourceFields, targetPresenceFields, userLocator } from '../../descriptions/fields';
import { resolveDefinitionId, resolveSource } from '../../helpers/target';
import { userPresenceItem } from '../../helpers/userPresence';
import { resolveUserId } from '../../helpers/users';
import { genesysRequest } from '../../transport';

/** Genesys' public clients send at most 50 user presences per bulk call. */
export const BULK_LIMIT = 50;

const properties: INodeProperties[] = [
	{
		displayName:
			'Runs once for all input items: each item gives a user and a presence (use expressions); they are sent 50 per request',
		name: 'bulkNotice',
		type: 'notice',
		default: '',
	},
	userLocator(),
	...sourceFields,
	...targetPresenceFields,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [timeoutOption],
	},
];

export const description = showFor({ resource: ['userPresence'], operation: ['bulkSet'] }, properties);

interface Entry {
	itemIndex: number;
	userId: string;
	body: IDataObject;
}

export async function executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const results: Array<INodeExecutionData | undefined> = new Array(items.length);
	const entries: Entry[] = [];

	for (let i = 0; i < items.length; i++) {
		try {
			const userId = await resolveUserId(this, i);
			const source = resolveSource(this, i);
			const definitionId = await resolveDefinitionId(this, i);
			entries.push({
				itemIndex: i,
				userId,
				body: {
					id: userId,
					source: source === 'purecloud' ? 'PURECLOUD' : source,
					presenceDefinition: { id: definitionId },
				},
			});
		} catch (error) {
			results[i] = failed(this, error, i);
		}
	}

	// One setting for the whole run: the requests carry many items each.
	const timeoutMs = items.length > 0 ? requestTimeoutMs(this, 0) : undefined;
	for (let start = 0; start < entries.length; start += BULK_LIMIT) {
		const chunk = entries.slice(start, start + BULK_LIMIT);
		let answer: IDataObject[];
		try {
			answer = await genesysRequest<IDataObject[]>(this, {
				method: 'PUT',
				path: '/api/v2/users/presences/bulk',
				body: chunk.map((e) => e.body),
				timeoutMs,
			});
		} catch (error) {
			for (const e of chunk) results[e.itemIndex] = failed(this, error, e.itemIndex);
			continue;
		}
		const list = Array.isArray(answer) ? answer : [];
		for (const e of chunk) {
			const native = matchAnswer(list, e.userId);
			if (!native) {
				const error = new NodeOperationError(
					this.getNode(),
					`Genesys Cloud's bulk answer has no result for user ${e.userId}`,
					{
						itemIndex: e.itemIndex,
						description:
							'The PUT /api/v2/users/presences/bulk call succeeded, but no UserPresence in its answer names this user; read the presence to see whether it was set',
					},
				);
				results[e.itemIndex] = failed(this, error, e.itemIndex);
				continue;
			}
			const json = userPresenceItem(e.userId, native, 'presence_set', { written: true });
			results[e.itemIndex] = { json, pairedItem: { item: e.itemIndex } };
		}
	}
	return [results.filter((r): r is INodeExecutionData => r !== undefined)];
}

/**
 * The answer's UserPresence for a user. The SDK's UserPresence has no `user`: its `id` is the
 * one sent (the user's), and its selfUri is the user's presence resource. Order is not promised.
 */
function matchAnswer(answer: IDataObject[], userId: string): IDataObject | undefined {
	const byId = answer.find((p) => p?.id === userId);
	if (byId) return byId;
	const prefix = `/api/v2/users/${userId}/`;
	return answer.find((p) => typeof p?.selfUri === 'string' && p.selfUri.startsWith(prefix));
}

/** Continue On Fail: the error becomes the item's output; otherwise the run stops on it. */
function failed(ctx: IExecuteFunctions, error: unknown, itemIndex: number): INodeExecutionData {
	if (!ctx.continueOnFail()) {
		if (error instanceof NodeApiError || error instanceof NodeOperationError) {
			error.context = { ...error.context, itemIndex };
			throw error;
		}
		throw new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
	}
	const e = error as { message?: string; description?: string; httpCode?: string };
	const json: IDataObject = { error: e.message ?? String(error) };
	if (e.description) json.errorDescription = e.description;
	if (e.httpCode) json.httpCode = e.httpCode;
	return { json, pairedItem: { item: itemIndex } };
}
