import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/collections';
import { showFor } from '../../../shared/displayOptions';
import { cacheTtlOption } from '../../../shared/lookupCache';
import { agentLocator } from '../../descriptions/locators';
import { describeUser } from '../../helpers/presence';
import { resolveUserId } from '../../helpers/users';
import { agentItem } from './item';

export const description: INodeProperties[] = showFor({ resource: ['agent'], operation: ['get'] }, [
	agentLocator(),
	optionsCollection([cacheTtlOption]),
]);

/** DescribeUser. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	return agentItem(await describeUser(this, await resolveUserId(this, i)));
}
