import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/displayOptions';
import { timeoutOption } from '../../../shared/timeout';
import { agentLocator } from '../../descriptions/locators';
import { resolveAgentId } from '../../helpers/agents';
import { writePresence } from '../../helpers/write';
import { graphClientId } from '../../transport';
import { optionsCollection } from '../../../shared/collections';

const properties: INodeProperties[] = [
	{
		displayName:
			"Ends the app's presence session for the user. When it was the user's only session, Teams shows Offline. No session to end is not an error: the item says written: false.",
		name: 'clearNotice',
		type: 'notice',
		default: '',
	},
	agentLocator,
	optionsCollection([timeoutOption]),
];

export const description = showFor({ resource: ['agentPresence'], operation: ['clear'] }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const agentId = await resolveAgentId(this, i);
	// "presence: clearPresence" answers 404 when the app has no session for the user.
	return await writePresence(this, i, agentId, {
		action: 'clearPresence',
		body: { sessionId: await graphClientId(this) },
		notFoundIsNoop: true,
	});
}
