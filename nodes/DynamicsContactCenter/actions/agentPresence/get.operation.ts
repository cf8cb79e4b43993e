import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { normalizedPresence } from '../../../shared/presence';
import { showFor } from '../../../shared/displayOptions';
import { optionsCollection } from '../../../shared/collections';
import { readAgainIfMovedOn, readAgainOptions } from '../../../shared/readAgain';
import { agentLocator } from '../../descriptions/locators';
import { resolveAgentId } from '../../helpers/agents';
import { describePresence, readPresence } from '../../helpers/presences';

const properties: INodeProperties[] = [agentLocator(), optionsCollection(readAgainOptions)];

export const description = showFor({ resource: ['agentPresence'], operation: ['get'] }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const agentId = await resolveAgentId(this, 'agent', i);
	return await readAgainIfMovedOn(this, i, async () => await presenceOf(this, agentId));
}

/** The agent's presence now, as an item. */
async function presenceOf(ctx: IExecuteFunctions, agentId: string): Promise<IDataObject> {
	const presence = await readPresence(ctx, agentId);
	const presenceId = typeof presence.PresenceId === 'string' ? presence.PresenceId.toLowerCase() : null;
	const info = await describePresence(ctx, presenceId);
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
