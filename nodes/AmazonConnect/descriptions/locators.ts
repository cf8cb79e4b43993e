/** Resource locators: an agent (an Amazon Connect user) and an agent status. */
import type { INodeProperties } from 'n8n-workflow';

import { vendorAgentLocator, vendorPresenceLocator } from '../../shared/locators';

/** Amazon Connect resource IDs are UUIDs; an ARN ending in one is taken too. */
const ID_OR_ARN_REGEX = '^(arn:[^:]+:connect:[^:]*:[^:]*:instance/[^/]+/[a-z-]+/)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

/** The agent: picked from the live user list, by user ID or ARN, or found by username. */
export function agentLocator(): INodeProperties {
	const locator = vendorAgentLocator({
		description: 'The agent (Amazon Connect user)',
		searchListMethod: 'searchUsers',
		listPlaceholder: 'Select an agent...',
		id: { placeholder: 'e.g. 5fb7b7c1-3c8a-4f7e-9a2b-1d2e3f4a5b6c', regex: ID_OR_ARN_REGEX, errorMessage: 'Not an Amazon Connect user ID or ARN' },
	});
	return {
		...locator,
		modes: [
			...(locator.modes ?? []),
			{ displayName: 'By Username', name: 'username', type: 'string', placeholder: 'e.g. alex.agent@contoso.com' },
		],
	};
}

/** An agent status: picked from the list or by ID. */
export function statusLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return vendorPresenceLocator(
		{
			description: 'The agent status',
			searchListMethod: 'searchAgentStatuses',
			listPlaceholder: 'Select a status...',
			id: { placeholder: 'e.g. 0b2ad1f8-9c4e-4d3b-8a7f-6e5d4c3b2a10', regex: ID_OR_ARN_REGEX, errorMessage: 'Not an Amazon Connect agent status ID or ARN' },
		},
		overrides,
	);
}
