/** Resource locators: an agent (a Dataverse system user) and a presence (an msdyn_presence row). */
import type { INodeProperties } from 'n8n-workflow';

import type { TextMode } from '../../shared/locators';
import { vendorAgentLocator, vendorPresenceLocator } from '../../shared/locators';
import { GUID_REGEX } from '../helpers/guid';

/** A row ID, checked as a GUID before any request; the message names what the ID is of. */
const rowId = (placeholder: string, what: string): TextMode => ({
	placeholder,
	regex: GUID_REGEX,
	errorMessage: `Not a valid ${what}: expected one like ${placeholder}`,
});

/** An agent (systemuser): picked from a live list, by systemuserid, or resolved by e-mail. */
export function agentLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return vendorAgentLocator(
		{
			description: 'The agent (a Dynamics 365 user)',
			searchListMethod: 'searchAgents',
			id: rowId('97c90b02-4e38-ef11-a315-000d3a5a54dc', 'user ID'),
			email: { placeholder: 'name@email.com' },
		},
		overrides,
	);
}

/** A presence definition (msdyn_presence row): picked from the organization's live list or by ID. */
export function presenceLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return vendorPresenceLocator(
		{
			searchListMethod: 'searchPresences',
			id: rowId('f523f628-c07a-e811-8162-000d3aa11f50', 'presence ID'),
		},
		overrides,
	);
}
