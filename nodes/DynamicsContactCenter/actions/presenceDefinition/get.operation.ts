import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/displayOptions';
import { presenceLocator } from '../../descriptions/locators';
import { requireGuid } from '../../helpers/guid';
import { rowOf, selectOf } from '../../helpers/rows';
import { dataverseRequest } from '../../transport';
import { optionsCollection } from '../../../shared/collections';

const properties: INodeProperties[] = [
	presenceLocator(),
	optionsCollection([
		{
			displayName: 'Select Columns',
			name: 'select',
			type: 'string',
			default: '',
			description: 'Which of the presence’s fields to return, named as in the output and separated by commas; all when empty',
		},
	]),
];

export const description = showFor({ resource: ['presenceDefinition'], operation: ['get'] }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireGuid(this, this.getNodeParameter('presence', i, '', { extractValue: true }), 'Presence ID', i);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const $select = selectOf(options.select as string);
	return rowOf(
		await dataverseRequest(this, {
			method: 'GET',
			path: `/msdyn_presences(${id})`,
			qs: $select ? { $select } : undefined,
		}),
	);
}
