import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { additionalFields } from '../../../shared/collections';
import { showFor } from '../../../shared/displayOptions';
import { labelLocaleField, parentPresenceField } from '../../descriptions/fields';
import type { DefinitionApi } from '../../helpers/definitions';
import { definitionItem, definitionsPath } from '../../helpers/definitions';
import { genesysRequest } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Label',
		name: 'label',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Lunch',
		description: 'What agents see for this presence',
	},
	{
		...parentPresenceField,
		description: 'The system presence this definition is a kind of (routing treats it the same)',
	},
	additionalFields([
		{
			displayName: 'Deactivated',
			name: 'deactivated',
			type: 'boolean',
			default: false,
			description: 'Whether to create it deactivated (agents cannot pick it)',
		},
		{
			displayName: 'Division ID',
			name: 'divisionId',
			type: 'string',
			default: '',
			description: 'Division of the definition (current API only)',
		},
		labelLocaleField,
	]),
];

export const description = showFor({ resource: ['presenceDefinition'], operation: ['create'] }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const api = this.getNodeParameter('apiVersion', i) as DefinitionApi;
	const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const body: IDataObject = {
		languageLabels: { [String(extra.locale || 'en_US')]: this.getNodeParameter('label', i) as string },
		systemPresence: this.getNodeParameter('systemPresence', i) as string,
	};
	if (extra.deactivated !== undefined) body.deactivated = extra.deactivated;
	if (api === 'current' && extra.divisionId) body.divisionId = extra.divisionId;
	const created = await genesysRequest(this, { method: 'POST', path: definitionsPath(api), body });
	return definitionItem(created);
}
