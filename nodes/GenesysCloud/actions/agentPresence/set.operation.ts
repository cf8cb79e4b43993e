import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/displayOptions';
import { genesysCategory } from '../../../shared/categories';
import { cacheTtlOption, retryIfStale } from '../../../shared/lookupCache';
import { requestTimeoutMs, timeoutOption } from '../../../shared/timeout';
import type { PreviousPresence } from '../../../shared/presenceFields';
import {
	onlyIfDifferentField,
	protectedStatesOption,
	setOutcome,
	sourceChangedAtOption,
	sourceCheckOptions,
} from '../../../shared/presenceFields';
import { guardVerdict, guardsNeedCurrent, readSetGuards, verdictFields } from '../../../shared/setGuards';
import { sourceFields, targetPresenceFields } from '../../descriptions/fields';
import { agentLocator } from '../../descriptions/locators';
import { resolveDefinitionId, resolveSource } from '../../helpers/target';
import { currentOfUserPresence, sourcePath, userPresenceItem } from '../../helpers/userPresence';
import { resolveUserId } from '../../helpers/users';
import { genesysRequest } from '../../transport';
import { skippingUnknownAgent } from '../../../shared/unknownAgent';

const properties: INodeProperties[] = [
	agentLocator(),
	...sourceFields,
	...targetPresenceFields,
	onlyIfDifferentField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			cacheTtlOption,
			{
				displayName: 'Make Primary Source',
				name: 'primary',
				type: 'boolean',
				default: false,
				description: "Whether this source becomes the user's primary presence source",
			},
			{ displayName: 'Message', name: 'message', type: 'string', default: '', description: 'Status message to show' },
			protectedStatesOption('genesys'),
			sourceChangedAtOption('genesys'),
			...sourceCheckOptions,
			timeoutOption,
		],
	},
];

export const description = showFor({ resource: ['agentPresence'], operation: ['set'] }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// A cached user or definition ID the vendor no longer knows (404/400) is looked up afresh once.
	// A person the target has no user for is skipped, not failed.
	return await skippingUnknownAgent('genesys', async () => await retryIfStale(this, async () => await setPresence(this, i)));
}

async function setPresence(ctx: IExecuteFunctions, i: number): Promise<IDataObject> {
	const userId = await resolveUserId(ctx, i);
	const source = await resolveSource(ctx, i, true);
	const definitionId = await resolveDefinitionId(ctx, i);
	const options = ctx.getNodeParameter('options', i, {}) as IDataObject;
	const path = sourcePath(userId, source);
	const timeoutMs = requestTimeoutMs(ctx, i);

	const guards = readSetGuards(ctx, i);
	const onlyIfDifferent = ctx.getNodeParameter('onlyIfDifferent', i) === true;
	let previous: PreviousPresence | null = null;
	if (onlyIfDifferent || guardsNeedCurrent(guards)) {
		const current = await genesysRequest(ctx, { method: 'GET', path, timeoutMs });
		const definition = (current.presenceDefinition ?? {}) as IDataObject;
		previous = {
			presenceId: (definition.id as string | undefined) ?? null,
			category: genesysCategory(definition.systemPresence as string | undefined),
		};
		const verdict = guardVerdict(guards, currentOfUserPresence(current));
		if (verdict) {
			return userPresenceItem(userId, current, 'presence_set', {
				...setOutcome(false, previous, verdict.skippedReason),
				...verdictFields(verdict),
			});
		}
		const sameMessage = options.message === undefined || options.message === current.message;
		const samePrimary = options.primary !== true || current.primary === true;
		if (onlyIfDifferent && previous.presenceId === definitionId && sameMessage && samePrimary) {
			return userPresenceItem(userId, current, 'presence_set', setOutcome(false, previous));
		}
	}

	// PATCH (UserPresence): presenceDefinition.id is the only field Genesys needs.
	const body: IDataObject = { presenceDefinition: { id: definitionId } };
	if (options.message !== undefined) body.message = options.message;
	if (options.primary === true) body.primary = true;
	// Setting a presence to a given value is idempotent: safe to retry after a 5xx.
	const updated = await genesysRequest(ctx, { method: 'PATCH', path, body, idempotent: true, timeoutMs });
	return userPresenceItem(userId, updated, 'presence_set', setOutcome(true, previous));
}
