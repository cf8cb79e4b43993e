import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/displayOptions';
import { presenceLocator } from '../../descriptions/locators';
import { requireGuid } from '../../helpers/guid';
import { dataverseRequest } from '../../transport';

const properties: INodeProperties[] = [presenceLocator()];

export const description = showFor({ resource: ['presenceDefinition'], operation: ['delete'] }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireGuid(this, this.getNodeParameter('presence', i, '', { extractValue: true }), 'Presence ID', i);
	await dataverseRequest(this, { method: 'DELETE', path: `/msdyn_presences(${id})` });
	return { msdyn_presenceid: id, deleted: true };
}
