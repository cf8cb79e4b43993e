import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/displayOptions';
import { returnAllAndLimit } from '../../../shared/returnAllAndLimit';
import { readMany } from '../../helpers/readMany';
import { selectOf } from '../../helpers/rows';

const properties: INodeProperties[] = [
	...returnAllAndLimit,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Filter',
				name: 'filter',
				type: 'string',
				default: '',
				placeholder: 'msdyn_basepresencestatus eq 192360003 and statecode eq 0',
				description: 'OData $filter expression',
			},
			{
				displayName: 'Select Columns',
				name: 'select',
				type: 'string',
				default: '',
				placeholder: 'msdyn_name,msdyn_basepresencestatus',
				description: 'Comma-separated columns to return (OData $select); all when empty',
			},
		],
	},
];

export const description = showFor({ resource: ['presenceDefinition'], operation: ['getAll'] }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const qs: IDataObject = {};
	const $select = selectOf(options.select as string);
	if ($select) qs.$select = $select;
	if (typeof options.filter === 'string' && options.filter.trim()) qs.$filter = options.filter.trim();
	return await readMany(this, i, '/msdyn_presences', qs);
}
