import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/displayOptions';
import { SECONDARY_PARENTS } from '../../descriptions/fields';
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
		displayName: 'System Presence',
		name: 'systemPresence',
		type: 'options',
		options: SECONDARY_PARENTS.map((name) => ({ name, value: name })),
		default: 'Away',
		description: 'The system presence this definition is a kind of (routing treats it the same)',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
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
			{
				displayName: 'Label Locale',
				name: 'locale',
				type: 'string',
				default: 'en_US',
				description: 'Language of the label, e.g. en_US, fr, de',
			},
		],
	},
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
