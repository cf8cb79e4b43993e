/** Resource locators: an agent (a Genesys Cloud user) and a presence definition. */
import type { INodeProperties } from 'n8n-workflow';

import { vendorAgentLocator, vendorPresenceLocator } from '../../shared/locators';

const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/** The agent: picked from the live user search, by user ID, or found by email. */
export function agentLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return vendorAgentLocator(
		{
			description: 'The agent (Genesys Cloud user)',
			searchListMethod: 'searchUsers',
			id: {
				placeholder: 'e.g. 6d5b4e3c-2a1f-4e0d-9c8b-7a6f5e4d3c2b',
				regex: GUID,
				errorMessage: 'Not a Genesys Cloud user ID',
			},
			email: { placeholder: 'e.g. alex.agent@contoso.com' },
		},
		overrides,
	);
}

/** A presence definition of the organization: picked from the list or by ID. */
export function presenceLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return vendorPresenceLocator(
		{
			searchListMethod: 'searchPresenceDefinitions',
			id: { placeholder: 'e.g. 6a3af858-942f-489d-9700-5f9bcdcdae9b' },
		},
		overrides,
	);
}
