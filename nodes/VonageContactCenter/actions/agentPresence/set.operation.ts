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
import type { PreviousPresence } from '../../../shared/presenceFields';
import {
	categoryField,
	onlyIfDifferentField,
	presenceByField,
	protectedStatesOption,
	setOutcome,
	sourceChangedAtOption,
	sourceCheckOptions,
} from '../../../shared/presenceFields';
import { guardVerdict, guardsNeedCurrent, readSetGuards, verdictFields } from '../../../shared/setGuards';
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
	optionsCollection([cacheTtlOption, protectedStatesOption('vonage'), sourceChangedAtOption('vonage'), ...sourceCheckOptions, timeoutOption]),
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

	const guards = readSetGuards(ctx, i);
	let previous: PreviousPresence | null = null;
	if (onlyIfDifferent || guardsNeedCurrent(guards)) {
		const current = await getAgentPresence(ctx, userId, timeoutMs);
		const currentItem = await agentPresenceItem(ctx, current, 'presence_set');
		previous = {
			presenceId: (currentItem.presenceId as string | null) ?? null,
			category: (currentItem.category as PresenceCategory | null) ?? null,
		};
		const verdict = guardVerdict(guards, {
			category: previous.category,
			states: [],
			changedAt: current.updated ?? null,
		});
		if (verdict) {
			return { ...currentItem, ...setOutcome(false, previous, verdict.skippedReason), ...verdictFields(verdict) };
		}
		const same =
			onlyIfDifferent &&
			(category
				? await presenceFits(ctx, current, category)
				: current.presence?.presenceId?.toLowerCase() === presenceId?.toLowerCase());
		if (same) return { ...currentItem, ...setOutcome(false, previous) };
	}

	// Resolved only when a write is due: with "only if different" a fitting presence needs no lookup.
	if (category) presenceId = (await definitionForCategory(ctx, category, i)).presenceId;

	const answer = await vonageRequest<AgentPresence>(ctx, {
		method: 'PATCH',
		path: `/agents/${encodeURIComponent(userId)}/presence`,
		body: { presenceId: presenceId as string },
		// Setting a presence is idempotent: a 5xx may be retried like a PUT.
		idempotent: true,
		scopes: WRITE_SCOPES,
		timeoutMs,
	});
	return { ...(await agentPresenceItem(ctx, answer, 'presence_set')), ...setOutcome(true, previous) };
}
