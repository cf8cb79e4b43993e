import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/displayOptions';
import { cacheTtlOption, retryIfStale } from '../../../shared/lookupCache';
import { sourceFields } from '../../descriptions/fields';
import { agentLocator } from '../../descriptions/locators';
import { resolveSourceRef } from '../../helpers/target';
import { readSourcePresence } from '../../helpers/sourcePresence';
import { userPresenceItem } from '../../helpers/userPresence';
import { resolveUserId } from '../../helpers/users';
import { optionsCollection } from '../../../shared/collections';
import { readAgainIfMovedOn, readAgainOptions } from '../../../shared/readAgain';

const properties: INodeProperties[] = [
	agentLocator(),
	...sourceFields,
	optionsCollection([cacheTtlOption, ...readAgainOptions]),
];

export const description = showFor({ resource: ['agentPresence'], operation: ['get'] }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	return await readAgainIfMovedOn(this, i, async () =>
		await retryIfStale(this, async () => {
			const userId = await resolveUserId(this, i);
			const source = await resolveSourceRef(this, i, false);
			const presence = await readSourcePresence(this, userId, source);
			return userPresenceItem(userId, presence, 'presence_read');
		}),
	);
}
