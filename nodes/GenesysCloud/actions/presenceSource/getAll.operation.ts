import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/displayOptions';
import { returnAllAndLimit } from '../../../shared/returnAllAndLimit';
import { listSources } from '../../helpers/sources';

const properties: INodeProperties[] = [
	...returnAllAndLimit,
	{
		displayName: 'Deactivated Only',
		name: 'deactivated',
		type: 'boolean',
		default: false,
		description: 'Whether to list the deactivated sources instead of the active ones',
	},
];

export const description = showFor({ resource: ['presenceSource'], operation: ['getAll'] }, properties);

/** Genesys answers the whole list at once: Limit is applied here. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', i) as boolean;
	const sources = await listSources(this, this.getNodeParameter('deactivated', i, false) as boolean);
	return returnAll ? sources : sources.slice(0, this.getNodeParameter('limit', i) as number);
}
