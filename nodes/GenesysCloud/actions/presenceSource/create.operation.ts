import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { showFor } from '../../../shared/displayOptions';
import { SOURCES_PATH } from '../../helpers/sources';
import { genesysRequest } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: 'n8n presence sync',
		required: true,
		description: 'The name the source is listed under, e.g. in the Set operations’ source list',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
	},
];

export const description = showFor({ resource: ['presenceSource'], operation: ['create'] }, properties);

/** POST /api/v2/presence/sources with the Source model (name required). */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const name = String(this.getNodeParameter('name', i) ?? '').trim();
	if (!name) throw new NodeOperationError(this.getNode(), 'A presence source needs a name', { itemIndex: i });
	const text = String(this.getNodeParameter('description', i, '') ?? '').trim();
	return await genesysRequest(this, { method: 'POST', path: SOURCES_PATH, body: text ? { name, description: text } : { name } });
}
