/** Microsoft Teams (through Microsoft Graph) as the shared code sees it; listed in nodes/shared/vendors.ts. */
import type { WebhookVendorModule } from '../shared/vendorModule';
import { teamsCategory } from './categories';
import { teamsMapPresences } from './methods/mapPresence';
import { GRAPH_API_NAME, graphApiBase } from './transport/endpoints';
import { graphNotificationSource } from './webhook/source';

export const TEAMS: WebhookVendorModule = {
	product: 'Microsoft Teams',
	apiName: GRAPH_API_NAME,
	short: 'Teams',
	output: 'Teams',
	credentials: ['microsoftTeamsPresenceGraphApi', 'microsoftTeamsPresenceOAuth2Api'],
	nodeType: 'microsoftTeamsPresence',
	triggerTypes: ['microsoftTeamsPresenceTrigger', 'microsoftTeamsPresenceNotificationTrigger'],
	icon: { light: 'teams.svg', dark: 'teams.dark.svg' },
	apiBase: (credentials) => graphApiBase(credentials),
	categoryOf: (availability) => teamsCategory(availability),
	systemStates: [
		{ name: 'In a Call (Busy)', value: 'InACall', description: 'Teams shows the user in a call' },
		{
			name: 'In a Conference Call (Busy)',
			value: 'InAConferenceCall',
			description: 'Teams shows the user in a conference call',
		},
		{ name: 'Presenting (Do Not Disturb)', value: 'Presenting', description: 'Teams shows the user presenting' },
		{
			name: 'Do Not Disturb (Activity)',
			value: 'DoNotDisturb',
			description: 'Teams shows Do Not Disturb (set by the user, or while focusing)',
		},
	],
	currentReadNote: 'Reads the current presence first when a state is chosen, even with Only If Different off',
	changedAt: {
		noEffect:
			'Has no effect for Microsoft Teams: Microsoft Graph does not say when a presence last changed, so an older event cannot be told apart from a newer one',
	},
	subtitle: { operations: { clear: 'Clear', setPreferred: 'Set preferred', clearPreferred: 'Clear preferred' } },
	mapPresences: async (_ctx, side) => teamsMapPresences(side),
	webhook: graphNotificationSource,
};
