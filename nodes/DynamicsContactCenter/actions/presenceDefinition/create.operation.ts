import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { additionalFields } from '../../../shared/collections';
import { showFor } from '../../../shared/displayOptions';
import { rowOf } from '../../helpers/rows';
import { dataverseRequest } from '../../transport';
import { baseStatusField, columnsOf, nameField, optionalColumns } from '../../descriptions/fields';

const properties: INodeProperties[] = [
	{ ...nameField, required: true },
	{ ...baseStatusField, required: true },
	additionalFields(optionalColumns),
];

export const description = showFor({ resource: ['presenceDefinition'], operation: ['create'] }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const name = String(this.getNodeParameter('msdyn_name', i)).trim();
	if (!name) throw new NodeOperationError(this.getNode(), 'The presence needs a name', { itemIndex: i });
	const body: IDataObject = {
		msdyn_name: name,
		msdyn_basepresencestatus: this.getNodeParameter('msdyn_basepresencestatus', i) as number,
		...columnsOf(this.getNodeParameter('additionalFields', i, {}) as IDataObject),
	};
	// Dataverse answers a create with 204 and a URL unless asked for the row.
	return rowOf(
		await dataverseRequest(this, {
			method: 'POST',
			path: '/msdyn_presences',
			headers: { Prefer: 'return=representation' },
			body,
		}),
	);
}
