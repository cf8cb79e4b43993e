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
import { guardOptions, runGuardedSet } from '../../../shared/guardedSet';
import { categoryField, onlyIfDifferentField, presenceByField, setOutcome } from '../../../shared/presenceFields';
import { readSetGuards } from '../../../shared/setGuards';
import { requestTimeoutMs, timeoutOption } from '../../../shared/timeout';
import { skippingUnknownAgent } from '../../../shared/unknownAgent';
import { agentLocator, statusLocator } from '../../descriptions/locators';
import { customCategoriesOption, customMappingOf } from '../../helpers/categories';
import { ON_CONTACT, PROTECTED_BY_DEFAULT, agentPresence } from '../../helpers/presence';
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
	optionsCollection([cacheTtlOption, customCategoriesOption, ...guardOptions('amazonConnect'), timeoutOption]),
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
		return { status: await statusForCategory(ctx, cached, category, mapping, i), category };
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
	// An option not added is absent from the parameters: its default applies here.
	if (options.dontOverrideWhen === undefined) guards.protectedStates = [...PROTECTED_BY_DEFAULT];
	const read = async () => (await agentPresence(ctx, userId, statuses, mapping, 'presence_set')).item;
	return await runGuardedSet<ConnectRead, IDataObject>({
		guards,
		onlyIfDifferent,
		readCurrent: async () => {
			const { item, data } = await agentPresence(ctx, userId, statuses, mapping, 'presence_set');
			return { item, onContact: (data?.Contacts?.length ?? 0) > 0 };
		},
		presenceOf: ({ item, onContact }) => ({
			category: (item.category as PresenceCategory | null) ?? null,
			states: onContact ? [ON_CONTACT] : [],
			changedAt: (item.changedAt as string | null) ?? null,
		}),
		previousOf: ({ item }) => ({ presenceId: (item.presenceId as string | null) ?? null, category: (item.category as PresenceCategory | null) ?? null }),
		// The same status already queued as next counts as written; a current status only while none is queued.
		isSame: ({ item }, previous) =>
			item.nextStatusId === status.Id || (!item.nextStatus && (category ? previous?.category === category : previous?.presenceId === status.Id)),
		write: async () => {
			const instance = await instanceId(ctx);
			await connectRequest(ctx, {
				method: 'PUT',
				path: `/users/${encodeURIComponent(instance)}/${encodeURIComponent(userId)}/status`,
				body: { AgentStatusId: status.Id },
				timeoutMs,
			});
			// PutUserStatus answers an empty body: read back whether the status is current or queued as next.
			return await read();
		},
		skippedItem: ({ item }, outcome) => ({ ...item, ...outcome }),
		writtenItem: (item, previous) => ({
			...item,
			...setOutcome(true, previous),
			queuedAsNextStatus: item.presenceId !== status.Id && item.nextStatusId === status.Id,
		}),
	});
}

/** What the Set read before writing: the agent's presence item, and whether a contact is in progress. */
interface ConnectRead {
	item: IDataObject;
	onContact: boolean;
}
