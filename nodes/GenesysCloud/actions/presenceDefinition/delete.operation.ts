import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/displayOptions';
import { presenceLocator } from '../../descriptions/locators';
import type { DefinitionApi } from '../../helpers/definitions';
import { definitionsPath } from '../../helpers/definitions';
import { genesysRequest } from '../../transport';

const properties: INodeProperties[] = [presenceLocator()];

export const description = showFor({ resource: ['presenceDefinition'], operation: ['delete'] }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const api = this.getNodeParameter('apiVersion', i) as DefinitionApi;
	const id = String(this.getNodeParameter('presence', i, '', { extractValue: true }));
	await genesysRequest(this, { method: 'DELETE', path: definitionsPath(api, id) });
	return { id, deleted: true };
}
