import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { normalizedPresence, PRESENCE_CATEGORIES } from '../../../shared/presence';
import { requirePresenceCategory } from '../../../shared/categories';
import { showFor } from '../../../shared/displayOptions';
import { requestTimeoutMs, timeoutOption } from '../../../shared/timeout';
import { agentLocator } from '../../descriptions/agent';
import { presenceLocator } from '../../descriptions/presence';
import { resolveAgentId } from '../../helpers/agents';
import { requireGuid } from '../../helpers/guid';
import type { PresenceInfo } from '../../helpers/presences';
import { describePresence, presenceForCategory, requireCategory } from '../../helpers/presences';
import { dataverseRequest } from '../../transport';
import { readPresence } from './get.operation';

const properties: INodeProperties[] = [
	agentLocator(),
	{
		displayName: 'Presence By',
		name: 'presenceBy',
		type: 'options',
		default: 'presence',
		options: [
			{ name: 'Presence', value: 'presence', description: "One of the organization's presences" },
			{
				name: 'Category',
				value: 'category',
				description: 'A normalized category, resolved to the presence with that base status',
			},
		],
	},
	presenceLocator({ displayOptions: { show: { presenceBy: ['presence'] } } }),
	{
		displayName: 'Category',
		name: 'category',
		type: 'options',
		default: 'available',
		options: PRESENCE_CATEGORIES,
		description:
			'Resolved to the out-of-the-box presence of the matching base status, or else the first active custom one',
		displayOptions: { show: { presenceBy: ['category'] } },
	},
	{
		displayName: 'Only If Different',
		name: 'onlyIfDifferent',
		type: 'boolean',
		default: true,
		description:
			'Whether to read the current presence first and skip the write when it is already the target (stops two-way syncs from echoing)',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [timeoutOption],
	},
];

export const description = showFor({ resource: ['agentPresence'], operation: ['set'] }, properties);

async function targetPresence(ctx: IExecuteFunctions, i: number): Promise<PresenceInfo> {
	if (ctx.getNodeParameter('presenceBy', i) === 'category') {
		return await presenceForCategory(ctx, requireCategory(ctx, requirePresenceCategory(ctx, ctx.getNodeParameter('category', i), i), i), i);
	}
	const raw = ctx.getNodeParameter('presence', i, '', { extractValue: true });
	const presenceId = requireGuid(ctx, raw, 'Presence ID', i);
	return (await describePresence(ctx, presenceId)) as PresenceInfo;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const agentId = await resolveAgentId(this, 'agent', i);
	const target = await targetPresence(this, i);
	const out: IDataObject = {};
	const timeoutMs = requestTimeoutMs(this, i);

	let written = true;
	if (this.getNodeParameter('onlyIfDifferent', i) as boolean) {
		const current = await readPresence(this, agentId, timeoutMs);
		const previous = typeof current.PresenceId === 'string' ? current.PresenceId.toLowerCase() : null;
		out.previousPresenceId = previous;
		written = previous !== target.presenceId;
	}
	if (written) {
		// CCaaS_ModifyAgentPresence: caller ID header and AgentId both name the agent; ApiVersion is "1.0".
		await dataverseRequest(this, {
			method: 'POST',
			path: '/CCaaS_ModifyAgentPresence',
			headers: { MSCRMCallerID: agentId },
			body: { ApiVersion: '1.0', AgentId: agentId, PresenceId: target.presenceId },
			timeoutMs,
		});
	}
	return {
		written,
		...out,
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
