/** Dynamics 365 Contact Center (Dataverse) as the shared code sees it; listed in nodes/shared/vendors.ts. */
import type { WebhookVendorModule } from '../shared/vendorModule';
import { allSearchPages } from '../shared/listSearchPages';
import { dataverseCategory } from './categories';
import { searchPresences } from './methods/listSearch';
import { DATAVERSE_API_NAME, dataverseApiBase } from './transport/endpoints';
import { dataverseWebhookSource } from './webhook/source';

export const DATAVERSE: WebhookVendorModule = {
	product: 'Dynamics 365 Contact Center',
	apiName: DATAVERSE_API_NAME,
	short: 'Dynamics 365',
	output: 'Dynamics',
	credentials: ['dynamicsContactCenterApi'],
	nodeType: 'dynamicsContactCenter',
	triggerTypes: ['dynamicsContactCenterTrigger'],
	icon: { light: 'dynamics.svg', dark: 'dynamics.dark.svg' },
	apiBase: (credentials) => dataverseApiBase(credentials),
	categoryOf: (presenceId) => dataverseCategory(presenceId),
	systemStates: [
		{
			name: 'Set by the System',
			value: 'setBySystem',
			description:
				'Dynamics 365 Contact Center itself set the current presence (e.g. because of capacity or work assignment), not the agent',
		},
	],
	currentReadNote:
		"Reads the agent's current presence and who set it first when a state is chosen, even with Only If Different off",
	changedAt: { recordedWhen: 'when Dynamics 365 Contact Center last recorded a presence change (read first when this is set)' },
	subtitle: { resources: { agentStatus: ['agent status', 'agent statuses'] } },
	mapPresences: async (ctx) => await allSearchPages(ctx, searchPresences),
	webhook: dataverseWebhookSource,
};
