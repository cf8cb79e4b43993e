import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/displayOptions';
import { cacheTtlOption, retryIfStale } from '../../../shared/lookupCache';
import { requestTimeoutMs, timeoutOption } from '../../../shared/timeout';
import { onlyIfDifferentField, setOutcome } from '../../../shared/presenceFields';
import { readSetGuards } from '../../../shared/setGuards';
import { guardOptions, runGuardedSet } from '../../../shared/guardedSet';
import { sourceFields, targetPresenceFields } from '../../descriptions/fields';
import { agentLocator } from '../../descriptions/locators';
import { resolveDefinitionId, resolveSourceRef } from '../../helpers/target';
import {
	NOT_PRIMARY_REASON,
	isPrimarySource,
	notShown,
	readSourcePresence,
	writeSourcePresence,
} from '../../helpers/sourcePresence';
import { userPresenceItem, userPresenceRead } from '../../helpers/userPresence';
import { resolveUserId } from '../../helpers/users';
import { skippingUnknownAgent } from '../../../shared/unknownAgent';
import { optionsCollection } from '../../../shared/collections';

const properties: INodeProperties[] = [
	agentLocator(),
	...sourceFields,
	...targetPresenceFields,
	onlyIfDifferentField,
	optionsCollection([
		cacheTtlOption,
		{
			displayName: 'Make Primary Source',
			name: 'primary',
			type: 'boolean',
			default: false,
			description:
				"Whether this source becomes the user's primary presence source: the one Genesys Cloud shows and routes on. A write to a source that is not the user's primary one changes nothing anyone sees, and is reported with written false.",
		},
		{ displayName: 'Message', name: 'message', type: 'string', default: '', description: 'Status message to show' },
		...guardOptions('genesys'),
		timeoutOption,
	]),
];

export const description = showFor({ resource: ['agentPresence'], operation: ['set'] }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// A cached user or definition ID the vendor no longer knows (404/400) is looked up afresh once.
	// A person the target has no user for is skipped, not failed.
	return await skippingUnknownAgent('genesys', async () => await retryIfStale(this, async () => await setPresence(this, i)));
}

async function setPresence(ctx: IExecuteFunctions, i: number): Promise<IDataObject> {
	const userId = await resolveUserId(ctx, i);
	const source = await resolveSourceRef(ctx, i, true);
	const definitionId = await resolveDefinitionId(ctx, i);
	const options = ctx.getNodeParameter('options', i, {}) as IDataObject;
	const timeoutMs = requestTimeoutMs(ctx, i);

	const guards = readSetGuards(ctx, i);
	return await runGuardedSet<IDataObject, IDataObject>({
		guards,
		onlyIfDifferent: ctx.getNodeParameter('onlyIfDifferent', i) === true,
		readCurrent: async () => await readSourcePresence(ctx, userId, source, timeoutMs),
		...userPresenceRead,
		isSame: async (current, previous) => {
			const sameMessage = options.message === undefined || options.message === current.message;
			const samePrimary = async () =>
				options.primary !== true ||
				current.primary === true ||
				// A registered source's read (UcUserPresence) does not say whether it is primary: ask.
				(source.registered && current.primary === undefined && (await isPrimarySource(ctx, userId, source.id, timeoutMs)));
			return previous?.presenceId === definitionId && sameMessage && (await samePrimary());
		},
		write: async () =>
			await writeSourcePresence(
				ctx,
				userId,
				source,
				{ definitionId, message: options.message as string | undefined, primary: options.primary === true },
				timeoutMs,
			),
		skippedItem: (current, outcome) => userPresenceItem(userId, current, 'presence_set', outcome),
		// A write to a source that is not the user's primary one changes nothing they show.
		writtenItem: (updated, previous) =>
			userPresenceItem(userId, updated, 'presence_set', setOutcome(!notShown(updated), previous, NOT_PRIMARY_REASON)),
	});
}
