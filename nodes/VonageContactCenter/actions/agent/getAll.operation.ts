import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/displayOptions';
import { returnAllAndLimit } from '../../../shared/returnAllAndLimit';
import { includeField } from '../../descriptions/fields';
import { vonagePaginateUsers } from '../../transport';
import { optionsCollection } from '../../../shared/collections';

const show = { resource: ['agent'], operation: ['getAll'] };

export const description: INodeProperties[] = [
	...showFor(show, returnAllAndLimit),
	...showFor(show, [
		optionsCollection([
			includeField,
			{
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 5000 },
				default: 100,
				description: 'Users per request (Vonage allows up to 5000)',
			},
		]),
	]),
];

/** `GET /useradmin/users?include=…&page=…&limit=…`, page by page. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', i) as boolean;
	const options = this.getNodeParameter('options', i, {}) as { include?: string; pageSize?: number };
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', i) as number);
	const pageSize = options.pageSize ?? Math.min(limit ?? 100, 5000);
	return await vonagePaginateUsers(this, { include: options.include ?? 'Active' }, { limit, pageSize });
}
