import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/displayOptions';
import { optionsCollection } from '../../../shared/collections';
import { readAgainIfMovedOn, readAgainOptions } from '../../../shared/readAgain';
import { agentLocator } from '../../descriptions/locators';
import { agentPresenceItem, getAgentPresence } from '../../helpers/presence';
import { resolveUserId } from '../../helpers/users';

export const description: INodeProperties[] = showFor({ resource: ['agentPresence'], operation: ['get'] }, [
	agentLocator(),
	optionsCollection(readAgainOptions),
]);

/** `GET /agents/{userId}/presence` */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const userId = await resolveUserId(this, i);
	return await readAgainIfMovedOn(this, i, async () => await agentPresenceItem(this, await getAgentPresence(this, userId), 'presence_read'));
}
