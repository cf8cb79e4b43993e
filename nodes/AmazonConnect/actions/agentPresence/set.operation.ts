/**
 * Agent Presence → Set: `PUT /users/{InstanceId}/{UserId}/status` with `{ AgentStatusId }`
 * (PutUserStatus). "If the agent is currently handling a contact, this sets the agent's next
 * status": then the item says written true, `queuedAsNextStatus: true`, and shows the status the
 * agent still has with the queued one as nextStatus. By default an agent on a contact is left alone
 * ("Don't Override When Current Is" → On a Contact).
 */
import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requirePresenceCategory } from '../../../shared/categories';
import { optionsCollection } from '../../../shared/collections';
import { showFor } from '../../../shared/displayOptions';
import { cacheTtlOption, retryIfStale } from '../../../shared/lookupCache';
import type { PresenceCategory } from '../../../shared/presence';
import type { PreviousPresence } from '../../../shared/presenceFields';
import { categoryField, onlyIfDifferentField, presenceByField, setOutcome, sourceCheckOptions } from '../../../shared/presenceFields';
import { guardVerdict, guardsNeedCurrent, readSetGuards, verdictFields } from '../../../shared/setGuards';
import { requestTimeoutMs, timeoutOption } from '../../../shared/timeout';
import { skippingUnknownAgent } from '../../../shared/unknownAgent';
import { protectedStatesOption, sourceChangedAtOption } from '../../descriptions/guards';
import { agentLocator, statusLocator } from '../../descriptions/locators';
import { customCategoriesOption, customMappingOf } from '../../helpers/categories';
import { ON_CONTACT, agentPresence } from '../../helpers/presence';
import type { AgentStatusSummary } from '../../helpers/statuses';
import { cachedAgentStatuses, listAgentStatuses, statusForCategory, statusIdOfArn } from '../../helpers/statuses';
import { resolveUserId, userIdOf } from '../../helpers/users';
import { connectRequest, instanceId } from '../../transport';

export const description: INodeProperties[] = showFor({ resource: ['agentPresence'], operation: ['set'] }, [
	agentLocator(),
	presenceByField(),
	statusLocator({ displayOptions: { show: { presenceBy: ['presence'] } } }),
	categoryField(
		'Resolved to an agent status: Available → the routable status, Offline → the offline status, any other category → the first custom status of that category (see Custom Status Categories)',
	),
	{
		...onlyIfDifferentField,
		description:
			'Whether to read the current status first and skip the write when it already matches (same status, a status of the wanted category, or the same status already queued as next). Stops two-way syncs from echoing.',
	},
	optionsCollection([cacheTtlOption, customCategoriesOption, protectedStatesOption, sourceChangedAtOption, ...sourceCheckOptions, timeoutOption]),
]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// A cached username lookup the instance no longer knows is looked up afresh once; a username
	// with no user is skipped, not failed.
	return await skippingUnknownAgent('amazonConnect', async () => await retryIfStale(this, async () => await setStatus(this, i)));
}

/** The status the item asks for: from the locator (ID or ARN), or the category's. */
async function targetStatus(ctx: IExecuteFunctions, i: number, cached: AgentStatusSummary[], mapping: Record<string, PresenceCategory>) {
	if (ctx.getNodeParameter('presenceBy', i) === 'category') {
		const category = requirePresenceCategory(ctx, ctx.getNodeParameter('category', i), i);
		return { status: statusForCategory(ctx, cached, category, mapping, i), category };
	}
	const locator = ctx.getNodeParameter('presence', i) as INodeParameterResourceLocator;
	const value = String(locator?.value ?? '').trim();
	if (value === '') throw new NodeOperationError(ctx.getNode(), 'No status given: pick one or give its ID', { itemIndex: i });
	const id = value.startsWith('arn:') ? (statusIdOfArn(value) ?? value) : value;
	// A status created after the list was cached is looked up afresh before it is called unknown.
	const status = cached.find((s) => s.Id === id) ?? (await listAgentStatuses(ctx)).find((s) => s.Id === id);
	if (!status) {
		throw new NodeOperationError(ctx.getNode(), `No Amazon Connect agent status with the ID ${id}`, {
			itemIndex: i,
			description: 'Pick the status from the list, or check its ID in Amazon Connect → Users → Agent status.',
		});
	}
	return { status, category: undefined };
}

async function setStatus(ctx: IExecuteFunctions, i: number): Promise<IDataObject> {
	const userId = userIdOf(await resolveUserId(ctx, i));
	const options = ctx.getNodeParameter('options', i, {}) as IDataObject;
	const mapping = customMappingOf(options);
	const onlyIfDifferent = ctx.getNodeParameter('onlyIfDifferent', i, true) as boolean;
	const timeoutMs = requestTimeoutMs(ctx, i);
	const statuses = await cachedAgentStatuses(ctx, i);
	const { status, category } = await targetStatus(ctx, i, statuses, mapping);

	const guards = readSetGuards(ctx, i);
	// Without the option, an agent on a contact is protected (the option's default, applied when it is not added).
	if (options.dontOverrideWhen === undefined) guards.protectedStates = [ON_CONTACT];
	let previous: PreviousPresence | null = null;
	if (onlyIfDifferent || guardsNeedCurrent(guards)) {
		const { item, data } = await agentPresence(ctx, userId, statuses, mapping, 'presence_set');
		previous = { presenceId: (item.presenceId as string | null) ?? null, category: (item.category as PresenceCategory | null) ?? null };
		const onContact = (data?.Contacts?.length ?? 0) > 0;
		const verdict = guardVerdict(guards, { category: previous.category, states: onContact ? [ON_CONTACT] : [], changedAt: (item.changedAt as string | null) ?? null });
		if (verdict) return { ...item, ...setOutcome(false, previous, verdict.skippedReason), ...verdictFields(verdict) };
		const same =
			onlyIfDifferent &&
			(item.nextStatusId === status.Id ||
				(!item.nextStatus && (category ? previous.category === category : previous.presenceId === status.Id)));
		if (same) return { ...item, ...setOutcome(false, previous) };
	}

	const instance = await instanceId(ctx);
	await connectRequest(ctx, {
		method: 'PUT',
		path: `/users/${encodeURIComponent(instance)}/${encodeURIComponent(userId)}/status`,
		body: { AgentStatusId: status.Id },
		timeoutMs,
	});
	// PutUserStatus answers an empty body: read back whether the status is current or queued as next.
	const { item } = await agentPresence(ctx, userId, statuses, mapping, 'presence_set');
	const queued = item.presenceId !== status.Id && item.nextStatusId === status.Id;
	return { ...item, ...setOutcome(true, previous), queuedAsNextStatus: queued };
}
