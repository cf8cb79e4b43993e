import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateFields } from '../../../shared/collections';
import { showFor } from '../../../shared/displayOptions';
import { labelLocaleField, parentPresenceField } from '../../descriptions/fields';
import { presenceLocator } from '../../descriptions/locators';
import type { DefinitionApi } from '../../helpers/definitions';
import { definitionItem, definitionsPath } from '../../helpers/definitions';
import { genesysRequest } from '../../transport';

const properties: INodeProperties[] = [
	presenceLocator(),
	updateFields([
		{
			displayName: 'Deactivated',
			name: 'deactivated',
			type: 'boolean',
			default: false,
			description: 'Whether agents can no longer pick it',
		},
		{ displayName: 'Label', name: 'label', type: 'string', default: '' },
		labelLocaleField,
		parentPresenceField,
	]),
];

export const description = showFor({ resource: ['presenceDefinition'], operation: ['update'] }, properties);

/** What each model accepts on PUT (the rest are read-only: ids, audit fields, selfUri). */
const WRITABLE: Record<DefinitionApi, string[]> = {
	legacy: ['name', 'languageLabels', 'systemPresence', 'deactivated'],
	current: ['name', 'languageLabels', 'systemPresence', 'divisionId', 'deactivated'],
};

/** PUT replaces the definition: read it with every label, change the given fields, write it back. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const api = this.getNodeParameter('apiVersion', i) as DefinitionApi;
	const id = String(this.getNodeParameter('presence', i, '', { extractValue: true }));
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const changes = ['label', 'systemPresence', 'deactivated'].filter((f) => fields[f] !== undefined);
	if (changes.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', {
			itemIndex: i,
			description: 'Add a label, system presence or deactivated under Update Fields',
		});
	}
	const current = await genesysRequest(this, {
		method: 'GET',
		path: definitionsPath(api, id),
		qs: { localeCode: 'ALL' },
	});
	const body: IDataObject = {};
	for (const key of WRITABLE[api]) if (current[key] !== undefined) body[key] = current[key];
	if (fields.label !== undefined) {
		body.languageLabels = {
			...((current.languageLabels ?? {}) as IDataObject),
			[String(fields.locale || 'en_US')]: fields.label,
		};
	}
	if (fields.systemPresence !== undefined) body.systemPresence = fields.systemPresence;
	if (fields.deactivated !== undefined) body.deactivated = fields.deactivated;
	const updated = await genesysRequest(this, { method: 'PUT', path: definitionsPath(api, id), body });
	return definitionItem(updated);
}
