import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { dataverseCategory, requirePresenceCategory } from '../../../shared/categories';
import { showFor } from '../../../shared/displayOptions';
import { normalizedPresence } from '../../../shared/presence';
import type { PreviousPresence } from '../../../shared/presenceFields';
import { categoryField, onlyIfDifferentField, presenceByField, setOutcome } from '../../../shared/presenceFields';
import { cacheTtlOption, retryIfStale } from '../../../shared/lookupCache';
import { requestTimeoutMs, timeoutOption } from '../../../shared/timeout';
import { agentLocator, presenceLocator } from '../../descriptions/locators';
import { resolveAgentId } from '../../helpers/agents';
import { requireGuid } from '../../helpers/guid';
import type { PresenceInfo } from '../../helpers/presences';
import { describePresence, presenceForCategory, readPresence } from '../../helpers/presences';
import { dataverseRequest } from '../../transport';

const properties: INodeProperties[] = [
	agentLocator(),
	presenceByField(),
	presenceLocator({ displayOptions: { show: { presenceBy: ['presence'] } } }),
	categoryField(
		'Resolved to the out-of-the-box presence of the matching base status, or else the first active custom one',
	),
	onlyIfDifferentField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [cacheTtlOption, timeoutOption],
	},
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
	return await retryIfStale(this, async () => await setPresence(this, i));
}

async function setPresence(ctx: IExecuteFunctions, i: number): Promise<IDataObject> {
	const agentId = await resolveAgentId(ctx, 'agent', i);
	const target = await targetPresence(ctx, i);
	const timeoutMs = requestTimeoutMs(ctx, i);

	let previous: PreviousPresence | null = null;
	if (ctx.getNodeParameter('onlyIfDifferent', i) as boolean) {
		const current = await readPresence(ctx, agentId, timeoutMs);
		const presenceId = typeof current.PresenceId === 'string' ? current.PresenceId.toLowerCase() : null;
		// The target's category is known; another out-of-the-box presence's is too. A custom one's
		// would cost a request per item, so it stays null.
		const category = presenceId === target.presenceId ? target.category : dataverseCategory(presenceId);
		previous = { presenceId, category };
	}
	const written = previous === null || previous.presenceId !== target.presenceId;
	if (written) {
		// CCaaS_ModifyAgentPresence: caller ID header and AgentId both name the agent; ApiVersion is "1.0".
		await dataverseRequest(ctx, {
			method: 'POST',
			path: '/CCaaS_ModifyAgentPresence',
			headers: { MSCRMCallerID: agentId },
			body: { ApiVersion: '1.0', AgentId: agentId, PresenceId: target.presenceId },
			timeoutMs,
		});
	}
	return {
		...setOutcome(written, previous),
		...normalizedPresence({
			source: 'dataverse',
			event: 'presence_set',
			agentId,
			presenceId: target.presenceId,
			presenceName: target.presenceName,
			category: target.category,
			changedAt: null,
		}),
	};
}
