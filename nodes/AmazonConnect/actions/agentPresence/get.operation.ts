import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/collections';
import { showFor } from '../../../shared/displayOptions';
import { readAgainIfMovedOn, readAgainOptions } from '../../../shared/readAgain';
import { agentLocator } from '../../descriptions/locators';
import { customCategoriesOption, customMappingOf } from '../../helpers/categories';
import { agentPresence } from '../../helpers/presence';
import { cachedAgentStatuses } from '../../helpers/statuses';
import { resolveUserId } from '../../helpers/users';
import { cacheTtlOption } from '../../../shared/lookupCache';

export const description: INodeProperties[] = showFor({ resource: ['agentPresence'], operation: ['get'] }, [
	agentLocator(),
	optionsCollection([cacheTtlOption, customCategoriesOption, ...readAgainOptions]),
]);

/** GetCurrentUserData for one agent (Agents filter); DescribeUser when it does not list them. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const userId = await resolveUserId(this, i);
	const mapping = customMappingOf(this.getNodeParameter('options', i, {}) as IDataObject);
	const statuses = await cachedAgentStatuses(this, i);
	return await readAgainIfMovedOn(this, i, async () => (await agentPresence(this, userId, statuses, mapping, 'presence_read')).item);
}
