/** The agent and presence locators and the Set fields the presence-writing operations share. */
import type { INodeProperties } from 'n8n-workflow';

import { PRESENCE_CATEGORIES } from '../../shared/presence';

/** Microsoft Entra user object IDs are GUIDs. */
export const GUID_REGEX = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const EMAIL_REGEX = '^[^\\s@]+@[^\\s@]+$';

export const agentLocator: INodeProperties = {
	displayName: 'Agent',
	name: 'agent',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The Microsoft Teams user',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a user...',
			typeOptions: { searchListMethod: 'searchAgents', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. fa8bf3dc-eca7-46b7-bad1-db199b62afc3',
			validation: [
				{ type: 'regex', properties: { regex: GUID_REGEX, errorMessage: 'Not a Microsoft Entra user object ID (a GUID)' } },
			],
		},
		{
			displayName: 'By Email',
			name: 'email',
			type: 'string',
			placeholder: 'e.g. alex.agent@contoso.com',
			hint: 'The user principal name (UPN), which is usually the e-mail address',
			validation: [{ type: 'regex', properties: { regex: EMAIL_REGEX, errorMessage: 'Not an e-mail address or UPN' } }],
		},
	],
};

export const presenceFields: INodeProperties[] = [
	{
		displayName: 'Presence Given As',
		name: 'presenceBy',
		type: 'options',
		// An expression is allowed: a template takes it from the Map Presence node's `presenceBy`.
		options: [
			{ name: 'Presence', value: 'presence', description: 'A presence Teams accepts: an availability and an activity, from the list or typed' },
			{ name: 'Category', value: 'category', description: 'Available, Busy, Do Not Disturb, Away or Offline, turned into a presence Teams accepts' },
		],
		default: 'presence',
	},
	{
		displayName: 'Presence',
		name: 'presence',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		displayOptions: { show: { presenceBy: ['presence'] } },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a presence...',
				typeOptions: { searchListMethod: 'searchPresences', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. Busy/InACall',
				hint: 'Availability/Activity',
			},
		],
	},
	{
		displayName: 'Category',
		name: 'category',
		type: 'options',
		options: PRESENCE_CATEGORIES,
		default: 'available',
		displayOptions: { show: { presenceBy: ['category'] } },
	},
	{
		displayName: 'Only If Different',
		name: 'onlyIfDifferent',
		type: 'boolean',
		default: true,
		description:
			'Whether to read the presence first and skip the write when Teams already shows it (stops two-way syncs from echoing). A skipped write does not renew the app\'s session.',
	},
];
