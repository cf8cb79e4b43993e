import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/displayOptions';
import { definitionLocator } from '../../descriptions/fields';
import type { DefinitionApi } from '../../helpers/definitions';
import { definitionItem, definitionsPath } from '../../helpers/definitions';
import { genesysRequest } from '../../transport';

export const localeCodeField: INodeProperties = {
	displayName: 'Locale Code',
	name: 'localeCode',
	type: 'string',
	default: '',
	placeholder: 'e.g. en_US or ALL',
	description: 'Which language label(s) to return; ALL returns every language. Empty: Genesys default.',
};

const properties: INodeProperties[] = [definitionLocator(), localeCodeField];

export const description = showFor({ resource: ['presenceDefinition'], operation: ['get'] }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const api = this.getNodeParameter('apiVersion', i) as DefinitionApi;
	const id = String(this.getNodeParameter('presenceDefinition', i, '', { extractValue: true }));
	const localeCode = this.getNodeParameter('localeCode', i, '') as string;
	const def = await genesysRequest(this, {
		method: 'GET',
		path: definitionsPath(api, id),
		qs: localeCode ? { localeCode } : undefined,
	});
	return definitionItem(def);
}
