/** Resource locators: an agent (a Vonage Contact Center user) and a presence definition. */
import type { INodeProperties } from 'n8n-workflow';

/** Vonage user and presence IDs are GUIDs. */
export const GUID_REGEX = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
export const EMAIL_REGEX = '^[^\\s@]+@[^\\s@]+$';

/** The agent: picked from the live user list, by user ID, or found by email. */
export function agentLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Agent',
		name: 'agent',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The agent (Vonage Contact Center user)',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select an agent...',
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
		...overrides,
	};
}

/** A presence definition an agent may select: picked from the list or by ID. */
export function presenceLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
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
		...overrides,
	};
}
