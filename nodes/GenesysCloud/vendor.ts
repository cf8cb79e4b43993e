/** Genesys Cloud as the shared code sees it; listed in nodes/shared/vendors.ts. */
import type { WebhookVendorModule } from '../shared/vendorModule';
import { allSearchPages } from '../shared/listSearchPages';
import { genesysCategory } from './categories';
import { searchPresenceDefinitions } from './methods/listSearch';
import { GENESYS_API_NAME, genesysApiBase } from './transport/endpoints';
import { genesysWebhookSource } from './webhook/source';

export const GENESYS: WebhookVendorModule = {
	product: 'Genesys Cloud',
	apiName: GENESYS_API_NAME,
	short: 'Genesys',
	output: 'Genesys',
	credentials: ['genesysCloudPresenceApi'],
	nodeType: 'genesysCloud',
	triggerTypes: ['genesysCloudPresenceTrigger', 'genesysCloudTrigger'],
	icon: { light: 'genesys.svg', dark: 'genesys.dark.svg' },
	apiBase: (credentials) => genesysApiBase(credentials),
	categoryOf: (systemPresence) => genesysCategory(systemPresence),
	systemStates: [
		{
			name: 'On Queue',
			value: 'onQueue',
			description: 'The agent is On Queue in Genesys Cloud and is taking interactions',
		},
	],
	currentReadNote: 'Reads the current presence first when a state is chosen, even with Only If Different off',
	changedAt: { recordedWhen: 'when Genesys Cloud last recorded a presence change (read first when this is set)' },
	// userPresence is the resource's value before 0.2.0: saved workflows keep a readable subtitle.
	subtitle: {
		resources: {
			userPresence: ['agent presence', 'agent presences'],
			presenceSource: ['presence source', 'presence sources'],
			systemPresence: ['system presence', 'system presences'],
		},
		operations: { bulkSet: 'Set many' },
	},
	mapPresences: async (ctx) => await allSearchPages(ctx, searchPresenceDefinitions),
	webhook: genesysWebhookSource,
};
