import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { normalizedPresence } from '../../../shared/presence';
import { showFor } from '../../../shared/displayOptions';
import { agentLocator } from '../../descriptions/agent';
import { resolveAgentId } from '../../helpers/agents';
import { describePresence } from '../../helpers/presences';
import { rowOf } from '../../helpers/rows';
import { dataverseRequest } from '../../transport';

const properties: INodeProperties[] = [agentLocator()];

export const description = showFor({ resource: ['agentPresence'], operation: ['get'] }, properties);

/**
 * CCaaS_GetPresence for one agent: the call impersonates the agent (MSCRMCallerID). It is a
 * Dataverse function with a required ApiVersion parameter ("dataverse api invoke CCaaS_GetPresence
 * ApiVersion=1.0"), so the Web API form passes it as a parameter alias ("Use Web API functions").
 */
export async function readPresence(ctx: IExecuteFunctions, agentId: string, timeoutMs?: number): Promise<IDataObject> {
	return rowOf(
		await dataverseRequest(ctx, {
			method: 'GET',
			path: '/CCaaS_GetPresence(ApiVersion=@v)',
			qs: { '@v': "'1.0'" },
			headers: { MSCRMCallerID: agentId },
			timeoutMs,
		}),
	);
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const agentId = await resolveAgentId(this, 'agent', i);
	const presence = await readPresence(this, agentId);
	const presenceId = typeof presence.PresenceId === 'string' ? presence.PresenceId.toLowerCase() : null;
	const info = await describePresence(this, presenceId);
	return {
		...presence,
		...normalizedPresence({
			source: 'dataverse',
			event: 'presence_read',
			agentId: String(presence.AgentId ?? agentId).toLowerCase(),
			presenceId,
			// Dataverse's own label for the agent's presence first; the table/row name otherwise.
			presenceName: (presence.CurrentPresenceStatusInfo as string) || info?.presenceName || null,
			category: info?.category ?? null,
			changedAt: null,
		}),
	};
}
