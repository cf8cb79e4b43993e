import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateFields } from '../../../shared/collections';
import { showFor } from '../../../shared/displayOptions';
import { presenceLocator } from '../../descriptions/locators';
import { requireGuid } from '../../helpers/guid';
import { rowOf } from '../../helpers/rows';
import { dataverseRequest } from '../../transport';
import { baseStatusField, columnsOf, nameField, optionalColumns } from '../../descriptions/fields';

const properties: INodeProperties[] = [
	presenceLocator(),
	updateFields(
		[baseStatusField, ...optionalColumns, nameField].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	),
];

export const description = showFor({ resource: ['presenceDefinition'], operation: ['update'] }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireGuid(this, this.getNodeParameter('presence', i, '', { extractValue: true }), 'Presence ID', i);
	const body = columnsOf(this.getNodeParameter('updateFields', i, {}) as IDataObject);
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Choose at least one field to update', { itemIndex: i });
	}
	return rowOf(
		await dataverseRequest(this, {
			method: 'PATCH',
			path: `/msdyn_presences(${id})`,
			// If-Match: * makes PATCH update-only (Dataverse would otherwise create a missing row).
			headers: { 'If-Match': '*', Prefer: 'return=representation' },
			body,
		}),
	);
}
