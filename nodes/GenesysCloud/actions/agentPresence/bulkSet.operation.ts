/**
 * Bulk Set runs once over all input items (not per item like the others): each item names an
 * agent and a presence, and they are written with PUT /api/v2/users/presences/bulk, at most
 * BULK_LIMIT per call. Each agent's result is an output item paired with its input item.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { showFor } from '../../../shared/displayOptions';
import { requestTimeoutMs, timeoutOption } from '../../../shared/timeout';
import { setOutcome } from '../../../shared/presenceFields';
import type { SetGuards } from '../../../shared/setGuards';
import { UnknownAgentError, unknownAgentItem } from '../../../shared/unknownAgent';
import { guardsNeedCurrent, readSetGuards } from '../../../shared/setGuards';
import { decideOnRead, guardOptions } from '../../../shared/guardedSet';
import type { ItemFailure } from '../../../shared/router';
import { sourceFields, targetPresenceFields } from '../../descriptions/fields';
import { agentLocator } from '../../descriptions/locators';
import { resolveDefinitionId, resolveSource } from '../../helpers/target';
import { NOT_PRIMARY_REASON, notShown, readSourcePresence } from '../../helpers/sourcePresence';
import { readPurecloudPresences, userPresenceItem, userPresenceRead } from '../../helpers/userPresence';
import { resolveUserId } from '../../helpers/users';
import { EDIT_PRESENCE_PERMISSION, genesysRequest } from '../../transport';
import { optionsCollection } from '../../../shared/collections';

/** Genesys' public clients send at most 50 user presences per bulk call. */
const BULK_LIMIT = 50;

const properties: INodeProperties[] = [
	{
		displayName:
			'Runs once for all input items: each item gives an agent and a presence (use expressions); they are sent 50 per request',
		name: 'bulkNotice',
		type: 'notice',
		default: '',
	},
	agentLocator(),
	...sourceFields,
	...targetPresenceFields,
	optionsCollection([...guardOptions('genesys'), timeoutOption]),
];

export const description = showFor({ resource: ['agentPresence'], operation: ['bulkSet'] }, properties);

interface Entry {
	itemIndex: number;
	userId: string;
	source: string;
	guards: SetGuards;
	body: IDataObject;
}

export async function runOnce(this: IExecuteFunctions, fail: ItemFailure): Promise<Array<IDataObject | undefined>> {
	const items = this.getInputData();
	const results: Array<IDataObject | undefined> = new Array(items.length);
	const entries: Entry[] = [];

	for (let i = 0; i < items.length; i++) {
		try {
			const userId = await resolveUserId(this, i);
			const source = await resolveSource(this, i, true);
			const definitionId = await resolveDefinitionId(this, i);
			entries.push({
				itemIndex: i,
				userId,
				source,
				guards: readSetGuards(this, i),
				body: bulkEntry(userId, source, definitionId),
			});
		} catch (error) {
			// A person without a Genesys user is skipped, not failed.
			if (error instanceof UnknownAgentError) results[i] = unknownAgentItem('genesys', error);
			else fail(error, i);
		}
	}

	// One setting for the whole run: the requests carry many items each.
	const timeoutMs = items.length > 0 ? requestTimeoutMs(this, 0) : undefined;
	const writes = await applyGuards(this, entries, results, fail, timeoutMs);
	for (let start = 0; start < writes.length; start += BULK_LIMIT) {
		const chunk = writes.slice(start, start + BULK_LIMIT);
		let answer: IDataObject[];
		try {
			answer = await genesysRequest<IDataObject[]>(this, {
				method: 'PUT',
				path: '/api/v2/users/presences/bulk',
				body: chunk.map((e) => e.body),
				timeoutMs,
				permission: EDIT_PRESENCE_PERMISSION,
			});
		} catch (error) {
			for (const e of chunk) fail(error, e.itemIndex);
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
				fail(error, e.itemIndex);
				continue;
			}
			// The bulk call reads nothing first: the previous presence is unknown. A source that is not the
			// user's primary one changes nothing they show: no `written: true` for it.
			results[e.itemIndex] = userPresenceItem(e.userId, native, 'presence_set', setOutcome(!notShown(native), null, NOT_PRIMARY_REASON));
		}
	}
	return results;
}

/**
 * Items with a protected state or a Source Changed At: their agents' current presences are read
 * (PURECLOUD in bulk, 50 a call; another source one by one), and a guarded item is answered
 * with the current presence instead of being written. Returns the entries still to write.
 */
async function applyGuards(
	ctx: IExecuteFunctions,
	entries: Entry[],
	results: Array<IDataObject | undefined>,
	fail: ItemFailure,
	timeoutMs: number | undefined,
): Promise<Entry[]> {
	const guarded = entries.filter((e) => guardsNeedCurrent(e.guards));
	if (guarded.length === 0) return entries;
	const current = new Map<Entry, IDataObject | undefined>();
	const purecloud = guarded.filter((e) => e.source === 'purecloud');
	try {
		const read = await readPurecloudPresences(ctx, [...new Set(purecloud.map((e) => e.userId))], timeoutMs);
		for (const e of purecloud) current.set(e, read.get(e.userId));
	} catch (error) {
		for (const e of purecloud) fail(error, e.itemIndex);
		purecloud.forEach((e) => current.set(e, undefined));
		entries = entries.filter((e) => !purecloud.includes(e));
	}
	for (const e of guarded.filter((g) => g.source !== 'purecloud')) {
		try {
			current.set(e, await readSourcePresence(ctx, e.userId, { id: e.source, registered: true }, timeoutMs));
		} catch (error) {
			fail(error, e.itemIndex);
			entries = entries.filter((x) => x !== e);
		}
	}
	const writes: Entry[] = [];
	for (const e of entries) {
		const read = current.get(e);
		const { skipped } = await decideOnRead(read, e.guards, userPresenceRead);
		if (skipped) results[e.itemIndex] = userPresenceItem(e.userId, read ?? {}, 'presence_set', skipped);
		else writes.push(e);
	}
	return writes;
}

/**
 * One MutableUserPresence. Its `source` is "Deprecated - The sourceID field should be used as a
 * replacement", and `sourceId` "Represents the ID of a registered source": a registered source is named
 * in `sourceId`; the PURECLOUD source, which is no registered source, by naming none.
 */
function bulkEntry(userId: string, source: string, definitionId: string): IDataObject {
	const entry: IDataObject = { id: userId };
	if (source !== 'purecloud') entry.sourceId = source;
	entry.presenceDefinition = { id: definitionId };
	return entry;
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
