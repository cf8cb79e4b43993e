import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { showFor } from '../../../shared/displayOptions';
import { optionsCollection } from '../../../shared/collections';
import { readAgainIfMovedOn, readAgainOptions } from '../../../shared/readAgain';
import { agentLocator } from '../../descriptions/locators';
import { resolveAgentId } from '../../helpers/agents';
import { presenceItem } from '../../helpers/presence';
import { readPresence } from '../../helpers/write';

export const description = showFor({ resource: ['agentPresence'], operation: ['get'] }, [agentLocator, optionsCollection(readAgainOptions)]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const agentId = await resolveAgentId(this, i);
	return await readAgainIfMovedOn(this, i, async () => presenceItem({ id: agentId, ...(await readPresence(this, agentId)) }, 'presence_read'));
}
