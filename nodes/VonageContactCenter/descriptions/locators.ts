/** Resource locators shared by several operations: a Vonage user and a presence definition. */
import type { INodeProperties } from 'n8n-workflow';

/** Vonage user and presence IDs are GUIDs. */
export const GUID_REGEX = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
export const EMAIL_REGEX = '^[^\\s@]+@[^\\s@]+$';

export const userLocator: INodeProperties = {
	displayName: 'User',
	name: 'user',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The Vonage Contact Center user (agent)',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a user...',
			typeOptions: { searchListMethod: 'searchUsers', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. daab05ec-ba50-45af-a6fd-3b01cdc6f39b',
			validation: [
				{ type: 'regex', properties: { regex: GUID_REGEX, errorMessage: 'Not a Vonage user ID (a GUID)' } },
			],
		},
		{
			displayName: 'By Email',
			name: 'email',
			type: 'string',
			placeholder: 'e.g. alex.agent@contoso.com',
			validation: [{ type: 'regex', properties: { regex: EMAIL_REGEX, errorMessage: 'Not an email address' } }],
		},
	],
};

export const presenceLocator: INodeProperties = {
	displayName: 'Presence',
	name: 'presence',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The presence definition to set',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a presence...',
			typeOptions: { searchListMethod: 'searchPresenceDefinitions', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. eaed6862-14fa-4114-be62-b8709b5d4a49',
			validation: [
				{ type: 'regex', properties: { regex: GUID_REGEX, errorMessage: 'Not a Vonage presence ID (a GUID)' } },
			],
		},
	],
};
