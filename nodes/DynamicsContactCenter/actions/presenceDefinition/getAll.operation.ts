import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/displayOptions';
import { returnAllAndLimit } from '../../../shared/returnAllAndLimit';
import { readMany } from '../../helpers/readMany';
import { selectOf } from '../../helpers/rows';
import { optionsCollection } from '../../../shared/collections';

const properties: INodeProperties[] = [
	...returnAllAndLimit,
	optionsCollection([
		{
			displayName: 'Filter Query',
			name: 'filter',
			type: 'string',
			default: '',
			placeholder: 'statecode eq 0',
			description:
				'Only the presences matching this condition, in Dataverse’s filter syntax (e.g. statecode eq 0: active presences only). See <a href="https://learn.microsoft.com/en-us/power-apps/developer/data-platform/webapi/query/filter-rows">Filter rows</a>.',
		},
		{
			displayName: 'Select Columns',
			name: 'select',
			type: 'string',
			default: '',
			description: 'Which of the presence’s fields to return, named as in the output and separated by commas; all when empty',
		},
	]),
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
