import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/displayOptions';
import { returnAllAndLimit } from '../../../shared/returnAllAndLimit';
import { localeCodeField } from '../../descriptions/fields';
import type { DefinitionApi } from '../../helpers/definitions';
import { definitionItem, definitionsPath } from '../../helpers/definitions';
import { genesysPaginate, genesysRequest } from '../../transport';
import { optionsCollection } from '../../../shared/collections';

const properties: INodeProperties[] = [
	...returnAllAndLimit,
	{
		displayName: 'Deleted',
		name: 'deleted',
		type: 'options',
		options: [
			{ name: 'Active Only', value: 'false' },
			{ name: 'Active and Deleted', value: 'all' },
			{ name: 'Deleted Only', value: 'true' },
		],
		default: 'false',
		description: 'Which presences the older API lists: active ones, deleted ones, or both',
		displayOptions: { show: { apiVersion: ['legacy'] } },
	},
	optionsCollection([
		{
			displayName: 'Division IDs',
			name: 'divisionIds',
			type: 'string',
			default: '',
			description: 'Comma-separated division IDs; empty: every division you can see',
			displayOptions: { show: { '/apiVersion': ['current'] } },
		},
		{
			displayName: 'Include Deactivated',
			name: 'deactivated',
			type: 'boolean',
			default: false,
			description: 'Whether to list deactivated presences too',
			displayOptions: { show: { '/apiVersion': ['current'] } },
		},
		{ ...localeCodeField, description: 'Which language label(s) to return for each definition; ALL returns every language' },
		{
			displayName: 'Page Size',
			name: 'pageSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: 100,
			description: 'How many presences to fetch per request (the older API returns them in pages)',
			displayOptions: { show: { '/apiVersion': ['legacy'] } },
		},
	]),
];

export const description = showFor({ resource: ['presenceDefinition'], operation: ['getAll'] }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const api = this.getNodeParameter('apiVersion', i) as DefinitionApi;
	const returnAll = this.getNodeParameter('returnAll', i) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', i) as number);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const qs: IDataObject = {};
	if (options.localeCode) qs.localeCode = options.localeCode;

	let definitions: IDataObject[];
	if (api === 'legacy') {
		qs.deleted = this.getNodeParameter('deleted', i) as string;
		const pageSize = Number(options.pageSize ?? 100);
		definitions = await genesysPaginate(
			this,
			{ method: 'GET', path: definitionsPath(api), qs },
			{ limit, pageSize: limit === undefined ? pageSize : Math.min(pageSize, limit) },
		);
	} else {
		if (options.deactivated === true) qs.deactivated = true;
		// divisionId takes a list: Genesys' SDK sends it comma-separated in one parameter.
		const divisions = String(options.divisionIds ?? '')
			.split(',')
			.map((d) => d.trim())
			.filter(Boolean);
		if (divisions.length) qs.divisionId = divisions.join(',');
		const listing = await genesysRequest<{ entities?: IDataObject[] }>(this, {
			method: 'GET',
			path: definitionsPath(api),
			qs: Object.keys(qs).length ? qs : undefined,
		});
		// The current listing is not paged: the limit applies here.
		definitions = (listing.entities ?? []).slice(0, limit);
	}
	return definitions.map(definitionItem);
}
