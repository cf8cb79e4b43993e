/** Resource locators: an agent (a Dataverse system user) and a presence (an msdyn_presence row). */
import type { INodeProperties } from 'n8n-workflow';

import { GUID_REGEX } from '../helpers/guid';

/** An agent (systemuser): picked from a live list, by systemuserid, or resolved by e-mail. */
export function agentLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Agent',
		name: 'agent',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The agent (Dataverse system user)',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchAgents', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '97c90b02-4e38-ef11-a315-000d3a5a54dc',
				validation: [
					{ type: 'regex', properties: { regex: GUID_REGEX, errorMessage: 'Not a valid systemuserid (GUID)' } },
				],
			},
			{
				displayName: 'By Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
			},
		],
		...overrides,
	};
}

/** A presence definition (msdyn_presence row): picked from the organization's live list or by ID. */
export function presenceLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Presence',
		name: 'presence',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchPresences', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'f523f628-c07a-e811-8162-000d3aa11f50',
				validation: [
					{ type: 'regex', properties: { regex: GUID_REGEX, errorMessage: 'Not a valid msdyn_presenceid (GUID)' } },
				],
			},
		],
		...overrides,
	};
}
