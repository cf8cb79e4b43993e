/** Vonage Contact Center as the shared code sees it; listed in nodes/shared/vendors.ts. */
import type { WebhookVendorModule } from '../shared/vendorModule';
import { allSearchPages } from '../shared/listSearchPages';
import { vonageCategory } from './categories';
import { searchPresenceDefinitions } from './methods/listSearch';
import { VONAGE_API_NAME, vonageApiBase } from './transport/endpoints';
import { vonageWebhookSource } from './webhook/source';

export const VONAGE: WebhookVendorModule = {
	product: 'Vonage Contact Center',
	apiName: VONAGE_API_NAME,
	short: 'Vonage',
	output: 'Vonage',
	credentials: ['vonageContactCenterApi', 'vonageContactCenterWebhookApi'],
	nodeType: 'vonageContactCenter',
	triggerTypes: ['vonageContactCenterPresenceTrigger', 'vonageContactCenterTrigger'],
	icon: { light: 'vonage.svg', dark: 'vonage.dark.svg' },
	apiBase: (credentials) => vonageApiBase(credentials),
	categoryOf: (categoryType) => vonageCategory(categoryType),
	// The Agents API's presence read has no interaction state: categories only.
	systemStates: [],
	currentReadNote: 'Reads the current presence first when a state is chosen, even with Only If Different off',
	changedAt: { recordedWhen: 'when Vonage Contact Center last recorded a presence change (read first when this is set)' },
	// user is the resource's value before 0.2.0: saved workflows keep a readable subtitle.
	subtitle: { resources: { user: ['agent', 'agents'] } },
	mapPresences: async (ctx) => await allSearchPages(ctx, searchPresenceDefinitions),
	webhook: vonageWebhookSource,
};
