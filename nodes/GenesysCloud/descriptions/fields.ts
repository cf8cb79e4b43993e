/** Fields several operations share: the API version, user and definition pickers, source, target presence. */
import type { INodeProperties } from 'n8n-workflow';

import { PRESENCE_CATEGORIES } from '../../shared/presence';
import { SYSTEM_PRESENCES } from '../helpers/definitions';

const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

export const apiVersionField: INodeProperties = {
	displayName: 'API Version',
	name: 'apiVersion',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Current',
			value: 'current',
			description:
				'/api/v2/presence/definitions: the endpoints Genesys asks apps to migrate to (needs presence:presenceDefinition permissions)',
		},
		{
			name: 'Legacy',
			value: 'legacy',
			description: '/api/v2/presencedefinitions: the deprecated endpoints (paged listing with a deleted filter)',
		},
	],
	default: 'current',
};

export function userLocator(displayName = 'User', name = 'user'): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchUsers', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 6d5b4e3c-2a1f-4e0d-9c8b-7a6f5e4d3c2b',
				validation: [{ type: 'regex', properties: { regex: GUID, errorMessage: 'Not a Genesys Cloud user ID' } }],
			},
			{
				displayName: 'By Email',
				name: 'email',
				type: 'string',
				placeholder: 'e.g. alex.agent@contoso.com',
			},
		],
	};
}

export function definitionLocator(displayName = 'Presence Definition', name = 'presenceDefinition'): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchPresenceDefinitions', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 6a3af858-942f-489d-9700-5f9bcdcdae9b',
			},
		],
	};
}

export const sourceFields: INodeProperties[] = [
	{
		displayName: 'Presence Source',
		name: 'source',
		type: 'options',
		options: [
			{ name: 'Genesys Cloud (PURECLOUD)', value: 'purecloud' },
			{ name: 'Other Source', value: 'other', description: 'A registered presence source, by its ID' },
		],
		default: 'purecloud',
	},
	{
		displayName: 'Source ID',
		name: 'sourceId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { source: ['other'] } },
	},
];

export const targetPresenceFields: INodeProperties[] = [
	{
		displayName: 'Presence Given As',
		name: 'presenceBy',
		type: 'options',
		options: [
			{
				name: 'Category',
				value: 'category',
				description: "Available, Busy, Do Not Disturb, Away, Offline: the org's primary definition for it",
			},
			{ name: 'Presence Definition', value: 'definition', description: 'A definition of the organization' },
			{
				name: 'System Presence',
				value: 'systemPresence',
				description: "A system presence name (Available, On Queue, Meal…): the org's primary definition for it",
			},
		],
		default: 'definition',
	},
	{ ...definitionLocator(), displayOptions: { show: { presenceBy: ['definition'] } } },
	{
		displayName: 'Category',
		name: 'category',
		type: 'options',
		options: PRESENCE_CATEGORIES.map(({ name, value, description }) => ({ name, value, description })),
		default: 'available',
		displayOptions: { show: { presenceBy: ['category'] } },
	},
	{
		displayName: 'System Presence',
		name: 'systemPresence',
		type: 'options',
		options: SYSTEM_PRESENCES.map((name) => ({ name, value: name })),
		default: 'Available',
		displayOptions: { show: { presenceBy: ['systemPresence'] } },
	},
];
