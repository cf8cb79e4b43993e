/** Resource locators: an agent (a Vonage Contact Center user) and a presence definition. */
import type { INodeProperties } from 'n8n-workflow';

import type { TextMode } from '../../shared/locators';
import { vendorAgentLocator, vendorPresenceLocator } from '../../shared/locators';

/** Vonage user and presence IDs are GUIDs. */
export const GUID_REGEX =
	'^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
export const EMAIL_REGEX = '^[^\\s@]+@[^\\s@]+$';

const vonageId = (placeholder: string, kind: string): TextMode => ({
	placeholder,
	regex: GUID_REGEX,
	errorMessage: `Not a Vonage ${kind} ID (a GUID)`,
});

/** The agent: picked from the live user list, by user ID, or found by email. */
export function agentLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return vendorAgentLocator(
		{
			description: 'The agent (Vonage Contact Center user)',
			searchListMethod: 'searchUsers',
			listPlaceholder: 'Select an agent...',
			id: vonageId('e.g. daab05ec-ba50-45af-a6fd-3b01cdc6f39b', 'user'),
			email: {
				placeholder: 'e.g. alex.agent@contoso.com',
				regex: EMAIL_REGEX,
				errorMessage: 'Not an email address',
			},
		},
		overrides,
	);
}

/** A presence definition an agent may select: picked from the list or by ID. */
export function presenceLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return vendorPresenceLocator(
		{
			description: 'The presence definition to set',
			searchListMethod: 'searchPresenceDefinitions',
			listPlaceholder: 'Select a presence...',
			id: vonageId('e.g. eaed6862-14fa-4114-be62-b8709b5d4a49', 'presence'),
		},
		overrides,
	);
}
