import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requirePresenceCategory } from '../../../shared/categories';
import { dataverseCategory } from '../../categories';
import { showFor } from '../../../shared/displayOptions';
import { normalizedPresence } from '../../../shared/presence';
import type { PreviousPresence } from '../../../shared/presenceFields';
import { categoryField, onlyIfDifferentField, presenceByField, setOutcome } from '../../../shared/presenceFields';
import type { CurrentPresence } from '../../../shared/setGuards';
import { guardsNeedCurrent, readSetGuards } from '../../../shared/setGuards';
import { guardOptions, runGuardedSet } from '../../../shared/guardedSet';
import { cacheTtlOption, retryIfStale } from '../../../shared/lookupCache';
import { requestTimeoutMs, timeoutOption } from '../../../shared/timeout';
import { agentLocator, presenceLocator } from '../../descriptions/locators';
import { resolveAgentId } from '../../helpers/agents';
import { requireGuid } from '../../helpers/guid';
import type { PresenceInfo } from '../../helpers/presences';
import { describePresence, presenceApiRequest, presenceForCategory, readPresence } from '../../helpers/presences';
import { readAgentStatusRow } from '../../helpers/agentStatus';
import { optionsCollection } from '../../../shared/collections';
import { skippingUnknownAgent } from '../../../shared/unknownAgent';

const properties: INodeProperties[] = [
	agentLocator(),
	presenceByField(),
	presenceLocator({ displayOptions: { show: { presenceBy: ['presence'] } } }),
	categoryField(
		'Resolved to the out-of-the-box presence of the matching base status, or else the first active custom one',
	),
	onlyIfDifferentField,
	optionsCollection([cacheTtlOption, ...guardOptions('dataverse'), timeoutOption]),
];

export const description = showFor({ resource: ['agentPresence'], operation: ['set'] }, properties);

async function targetPresence(ctx: IExecuteFunctions, i: number): Promise<PresenceInfo> {
	if (ctx.getNodeParameter('presenceBy', i) === 'category') {
		return await presenceForCategory(ctx, requirePresenceCategory(ctx, ctx.getNodeParameter('category', i), i), i);
	}
	const raw = ctx.getNodeParameter('presence', i, '', { extractValue: true });
	const presenceId = requireGuid(ctx, raw, 'Presence ID', i);
	return (await describePresence(ctx, presenceId)) as PresenceInfo;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// A cached systemuserid or presence the vendor no longer knows (404/400) is looked up afresh once.
	// A person the target has no user for is skipped, not failed.
	return await skippingUnknownAgent('dataverse', async () => await retryIfStale(this, async () => await setPresence(this, i)));
}

async function setPresence(ctx: IExecuteFunctions, i: number): Promise<IDataObject> {
	const agentId = await resolveAgentId(ctx, 'agent', i);
	const target = await targetPresence(ctx, i);
	const timeoutMs = requestTimeoutMs(ctx, i);
	const guards = readSetGuards(ctx, i);
	const onlyIfDifferent = ctx.getNodeParameter('onlyIfDifferent', i) as boolean;
	// The Set answers the presence it asked for: CCaaS_ModifyAgentPresence answers nothing to read back.
	const item = (outcome: IDataObject) => ({
		...outcome,
		...normalizedPresence({
			source: 'dataverse',
			event: 'presence_set',
			agentId,
			presenceId: target.presenceId,
			presenceName: target.presenceName,
			category: target.category,
			changedAt: null,
		}),
	});
	return await runGuardedSet<DataverseRead, void>({
		guards,
		onlyIfDifferent,
		readCurrent: async () =>
			await readCurrent(ctx, agentId, target, { forGuards: guardsNeedCurrent(guards), onlyIfDifferent }, timeoutMs),
		presenceOf: (read) => read.current,
		previousOf: (read) => read.previous,
		isSame: (_read, previous) => previous !== null && previous.presenceId === target.presenceId,
		// CCaaS_ModifyAgentPresence: caller ID header and AgentId both name the agent; ApiVersion is "1.0".
		write: async () => {
			await presenceApiRequest(ctx, {
				method: 'POST',
				path: '/CCaaS_ModifyAgentPresence',
				headers: { MSCRMCallerID: agentId },
				body: { ApiVersion: '1.0', AgentId: agentId, PresenceId: target.presenceId },
				timeoutMs,
			});
		},
		skippedItem: (_read, outcome) => item(outcome),
		writtenItem: (_written, previous) => item(setOutcome(true, previous)),
	});
}

/** What the Set read before writing: the presence then, and what the guards compare (null: nothing to compare). */
interface DataverseRead {
	previous: PreviousPresence | null;
	current: CurrentPresence | null;
}

/**
 * The guards read the agent status row: CCaaS_GetPresence tells neither who set the presence nor
 * when. Without guards, or without a status row (the agent never signed in), Only If Different
 * compares the presence CCaaS_GetPresence answers.
 */
async function readCurrent(
	ctx: IExecuteFunctions,
	agentId: string,
	target: PresenceInfo,
	need: { forGuards: boolean; onlyIfDifferent: boolean },
	timeoutMs: number | undefined,
): Promise<DataverseRead> {
	if (need.forGuards) {
		const row = await readAgentStatusRow(ctx, agentId, timeoutMs);
		if (row) {
			const presenceId = text(row._msdyn_currentpresenceid_value)?.toLowerCase() ?? null;
			const info = presenceId === target.presenceId ? target : await describePresence(ctx, presenceId);
			const previous = { presenceId, category: info?.category ?? null };
			const current: CurrentPresence = {
				category: previous.category,
				states: row.msdyn_presencemodifiedby === 'SYSTEM' ? ['setBySystem'] : [],
				changedAt: text(row.msdyn_presencemodifiedon) ?? null,
			};
			return { previous, current };
		}
		if (!need.onlyIfDifferent) return { previous: null, current: null };
	}
	return { previous: await currentPresence(ctx, agentId, target, timeoutMs), current: null };
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** CCaaS_GetPresence, for Only If Different: the presence now and, where known without a request, its category. */
async function currentPresence(
	ctx: IExecuteFunctions,
	agentId: string,
	target: PresenceInfo,
	timeoutMs: number | undefined,
): Promise<PreviousPresence> {
	const current = await readPresence(ctx, agentId, timeoutMs);
	const presenceId = typeof current.PresenceId === 'string' ? current.PresenceId.toLowerCase() : null;
	// The target's category is known; another out-of-the-box presence's is too. A custom one's
	// would cost a request per item, so it stays null.
	const category = presenceId === target.presenceId ? target.category : dataverseCategory(presenceId);
	return { presenceId, category };
}
