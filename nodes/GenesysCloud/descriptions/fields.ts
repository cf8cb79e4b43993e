/** Fields several operations share: the API version, presence source, target presence, locales, parent presence. */
import type { INodeProperties } from 'n8n-workflow';

import { categoryField, presenceByField } from '../../shared/presenceFields';
import { SYSTEM_PRESENCES } from '../helpers/definitions';
import { SYNC_SOURCE_NAME } from '../helpers/sources';
import { presenceLocator } from './locators';

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
				'The presence definitions API Genesys Cloud asks apps to use (needs the presence:presenceDefinition permissions)',
		},
		{
			name: 'Legacy',
			value: 'legacy',
			description: 'The older presence definitions API Genesys Cloud is retiring; only its listing can include deleted presences',
		},
	],
	default: 'current',
	description: 'Which of Genesys Cloud’s two presence definitions APIs to use',
};

export const sourceFields: INodeProperties[] = [
	{
		displayName: 'Presence Source',
		name: 'source',
		type: 'options',
		options: [
			{ name: 'Genesys Cloud (PURECLOUD)', value: 'purecloud', description: 'The presence Genesys Cloud itself shows and routes on' },
			{ name: 'Other Source', value: 'other', description: 'A presence source of your organization, picked from the list or given by ID' },
			{
				name: 'Source by Name',
				value: 'name',
				description:
					'A presence source of your organization given by its name, e.g. the one a sync writes with. Setting a presence creates it when it does not exist yet.',
			},
		],
		default: 'purecloud',
	},
	{
		displayName: 'Source Name',
		name: 'sourceName',
		type: 'string',
		default: SYNC_SOURCE_NAME,
		required: true,
		description:
			"The presence source's name. It is looked up once per run; when it does not exist yet, setting a presence creates it (the credential's role needs presence:source:view and presence:source:add).",
		displayOptions: { show: { source: ['name'] } },
	},
	{
		displayName: 'Source Name or ID',
		name: 'sourceId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'presenceSources' },
		default: '',
		required: true,
		description:
			'The presence source to read or write. Create one with the Presence Source resource. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { source: ['other'] } },
	},
];

/** Secondary presences can live under these system presences (not Offline, Idle or On Queue). */
const SECONDARY_PARENTS = ['Available', 'Away', 'Break', 'Busy', 'Meal', 'Meeting', 'Training'];

/** The system presence a presence definition is a kind of (create and update). */
export const parentPresenceField: INodeProperties = {
	displayName: 'System Presence',
	name: 'systemPresence',
	type: 'options',
	options: SECONDARY_PARENTS.map((name) => ({ name, value: name })),
	default: 'Away',
	description: 'The system presence this presence is a kind of (routing treats it the same)',
};

/** The language of a definition's label (create and update). */
export const labelLocaleField: INodeProperties = {
	displayName: 'Label Locale',
	name: 'locale',
	type: 'string',
	default: 'en_US',
	description: 'Language of the label, e.g. en_US, fr, de',
};

export const localeCodeField: INodeProperties = {
	displayName: 'Locale Code',
	name: 'localeCode',
	type: 'string',
	default: '',
	placeholder: 'e.g. en_US or ALL',
	description: 'Which language label(s) to return; ALL returns every language. Empty: Genesys default.',
};

/** The presence to set: a definition, a category or a system presence (each resolves to a definition ID). */
export const targetPresenceFields: INodeProperties[] = [
	presenceByField([
		{
			name: 'System Presence',
			value: 'systemPresence',
			description: "A system presence name (Available, On Queue, Meal…): the org's primary definition for it",
		},
	]),
	presenceLocator({ displayOptions: { show: { presenceBy: ['presence'] } } }),
	categoryField("Resolved to the organization's primary definition of the matching system presence"),
	{
		displayName: 'System Presence',
		name: 'systemPresence',
		type: 'options',
		options: SYSTEM_PRESENCES.map((name) => ({ name, value: name })),
		default: 'Available',
		description: "The system presence to set: the organization's primary presence for it is written",
		displayOptions: { show: { presenceBy: ['systemPresence'] } },
	},
];
