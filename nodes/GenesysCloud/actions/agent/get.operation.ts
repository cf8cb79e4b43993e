/** Agent → Get: the Genesys Cloud user (GET /api/v2/users/{userId}, or the user search by email). */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/displayOptions';
import { cacheTtlOption, cacheTtlSeconds, retryIfStale } from '../../../shared/lookupCache';
import { agentLocator } from '../../descriptions/locators';
import { agentLocatorValue, userByEmail, userById } from '../../helpers/users';
import { optionsCollection } from '../../../shared/collections';

const properties: INodeProperties[] = [
	agentLocator(),
	optionsCollection([cacheTtlOption]),
];

export const description = showFor({ resource: ['agent'], operation: ['get'] }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const { mode, value } = agentLocatorValue(this, i);
	const ttlSeconds = cacheTtlSeconds(this, i);
	if (mode === 'email') return await userByEmail(this, value, i, ttlSeconds);
	return await retryIfStale(this, async () => await userById(this, value, ttlSeconds));
}
