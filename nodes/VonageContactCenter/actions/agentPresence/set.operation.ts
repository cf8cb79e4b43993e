import type {
	IDataObject,
	IExecuteFunctions,
	INodeParameterResourceLocator,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requirePresenceCategory } from '../../../shared/categories';
import { showFor } from '../../../shared/displayOptions';
import type { PresenceCategory } from '../../../shared/presence';
import { categoryField, onlyIfDifferentField, presenceByField, setOutcome } from '../../../shared/presenceFields';
import { readSetGuards } from '../../../shared/setGuards';
import { guardOptions, runGuardedSet } from '../../../shared/guardedSet';
import { cacheTtlOption, retryIfStale } from '../../../shared/lookupCache';
import { requestTimeoutMs, timeoutOption } from '../../../shared/timeout';
import { agentLocator, presenceLocator } from '../../descriptions/locators';
import type { AgentPresence } from '../../helpers/presence';
import {
	WRITE_SCOPES,
	agentPresenceItem,
	presenceFits,
	definitionForCategory,
	getAgentPresence,
} from '../../helpers/presence';
import { requireGuid, resolveUserId } from '../../helpers/users';
import { vonageRequest } from '../../transport';
import { optionsCollection } from '../../../shared/collections';
import { skippingUnknownAgent } from '../../../shared/unknownAgent';

export const description: INodeProperties[] = showFor({ resource: ['agentPresence'], operation: ['set'] }, [
	agentLocator(),
	presenceByField(),
	presenceLocator({ displayOptions: { show: { presenceBy: ['presence'] } } }),
	categoryField(
		'Resolved to a selectable presence of the matching Vonage type: Available → Ready (never Ready (Outbound), which takes no inbound work), Busy → Away, Do Not Disturb and Away → Away or Extended Away, Offline → Logged Out',
	),
	{
		...onlyIfDifferentField,
		description:
			'Whether to read the current presence first and skip the write when it already matches (same presence, or a presence of the wanted category). Stops two-way syncs from echoing.',
	},
	optionsCollection([cacheTtlOption, ...guardOptions('vonage'), timeoutOption]),
]);

/** `PATCH /agents/{userId}/presence` with `{ presenceId }`; output says whether it wrote. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// A cached user ID the vendor no longer knows (404/400) is looked up afresh once.
	// A person the target has no user for is skipped, not failed.
	return await skippingUnknownAgent('vonage', async () => await retryIfStale(this, async () => await setPresence(this, i)));
}

async function setPresence(ctx: IExecuteFunctions, i: number): Promise<IDataObject> {
	const userId = await resolveUserId(ctx, i);
	const presenceBy = ctx.getNodeParameter('presenceBy', i) as 'presence' | 'category';
	const onlyIfDifferent = ctx.getNodeParameter('onlyIfDifferent', i, true) as boolean;
	const timeoutMs = requestTimeoutMs(ctx, i);

	let presenceId: string | undefined;
	let category: PresenceCategory | undefined;
	if (presenceBy === 'category') {
		category = requirePresenceCategory(ctx, ctx.getNodeParameter('category', i), i);
	} else {
		const locator = ctx.getNodeParameter('presence', i) as INodeParameterResourceLocator;
		const value = String(locator?.value ?? '').trim();
		if (value === '') {
			throw new NodeOperationError(ctx.getNode(), 'No presence given: pick one or give its ID', { itemIndex: i });
		}
		presenceId = requireGuid(ctx, value, 'presence', i);
	}

	return await runGuardedSet<VonageRead, AgentPresence>({
		guards: readSetGuards(ctx, i),
		onlyIfDifferent,
		readCurrent: async () => {
			const current = await getAgentPresence(ctx, userId, timeoutMs);
			return { current, item: await agentPresenceItem(ctx, current, 'presence_set') };
		},
		presenceOf: ({ current, item }) => ({
			category: (item.category as PresenceCategory | null) ?? null,
			states: [],
			changedAt: current.updated ?? null,
		}),
		previousOf: ({ item }) => ({
			presenceId: (item.presenceId as string | null) ?? null,
			category: (item.category as PresenceCategory | null) ?? null,
		}),
		isSame: async ({ current }) =>
			category
				? await presenceFits(ctx, current, category)
				: current.presence?.presenceId?.toLowerCase() === presenceId?.toLowerCase(),
		write: async () => {
			// Resolved only when a write is due: with "only if different" a fitting presence needs no lookup.
			if (category) presenceId = (await definitionForCategory(ctx, category, i)).presenceId;
			return await vonageRequest<AgentPresence>(ctx, {
				method: 'PATCH',
				path: `/agents/${encodeURIComponent(userId)}/presence`,
				body: { presenceId: presenceId as string },
				// Setting a presence is idempotent: a 5xx may be retried like a PUT.
				idempotent: true,
				scopes: WRITE_SCOPES,
				timeoutMs,
			});
		},
		skippedItem: ({ item }, outcome) => ({ ...item, ...outcome }),
		writtenItem: async (answer, previous) => ({
			...(await agentPresenceItem(ctx, answer, 'presence_set')),
			...setOutcome(true, previous),
		}),
	});
}

/** The agent's presence before the Set, and the item it makes (whose presence and category the Set reports). */
interface VonageRead {
	current: AgentPresence;
	item: IDataObject;
}
