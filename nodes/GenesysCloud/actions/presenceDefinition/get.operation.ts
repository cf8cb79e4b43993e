import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/displayOptions';
import { localeCodeField } from '../../descriptions/fields';
import { presenceLocator } from '../../descriptions/locators';
import type { DefinitionApi } from '../../helpers/definitions';
import { definitionItem, definitionsPath } from '../../helpers/definitions';
import { genesysRequest } from '../../transport';

const properties: INodeProperties[] = [presenceLocator(), localeCodeField];

export const description = showFor({ resource: ['presenceDefinition'], operation: ['get'] }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const api = this.getNodeParameter('apiVersion', i) as DefinitionApi;
	const id = String(this.getNodeParameter('presence', i, '', { extractValue: true }));
	const localeCode = this.getNodeParameter('localeCode', i, '') as string;
	const def = await genesysRequest(this, {
		method: 'GET',
		path: definitionsPath(api, id),
		qs: localeCode ? { localeCode } : undefined,
	});
	return definitionItem(def);
}
