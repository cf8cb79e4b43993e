import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/displayOptions';
import { timeoutOption } from '../../../shared/timeout';
import { agentLocator } from '../../descriptions/locators';
import { resolveAgentId } from '../../helpers/agents';
import { writePresence } from '../../helpers/write';
import { optionsCollection } from '../../../shared/collections';

const properties: INodeProperties[] = [
	agentLocator,
	optionsCollection([timeoutOption]),
];

export const description = showFor({ resource: ['agentPresence'], operation: ['clearPreferred'] }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const agentId = await resolveAgentId(this, i);
	// "presence: clearUserPreferredPresence": "supply an empty JSON object `{}`" (as text: n8n would
	// drop an empty object). Clearing what is not set changes nothing: safe to retry.
	return await writePresence(this, i, agentId, { action: 'clearUserPreferredPresence', body: '{}', idempotent: true });
}
