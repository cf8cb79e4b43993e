/** Amazon Connect as the shared code sees it; listed in nodes/shared/vendors.ts. */
import type { WebhookVendorModule } from '../shared/vendorModule';
import { allSearchPages } from '../shared/listSearchPages';
import { connectCategory } from './helpers/categories';
import { ON_CONTACT, PROTECTED_BY_DEFAULT } from './helpers/presence';
import { searchAgentStatuses } from './methods/listSearch';
import { connectApiBase } from './transport/endpoints';
import { amazonConnectStreamSource } from './webhook/source';

export const AMAZON_CONNECT: WebhookVendorModule = {
	product: 'Amazon Connect',
	apiName: 'Amazon Connect',
	// 'Dynamics 365 → Amazon Connect' is past the 25 characters a canvas subtitle shows.
	short: 'Connect',
	output: 'Connect',
	credentials: ['amazonConnectApi'],
	nodeType: 'amazonConnect',
	triggerTypes: ['amazonConnectTrigger'],
	icon: { light: 'amazonConnect.svg', dark: 'amazonConnect.dark.svg' },
	apiBase: (credentials) => connectApiBase(credentials),
	// A status type (ROUTABLE, OFFLINE, CUSTOM); a custom status's category comes from its name.
	categoryOf: (native) => connectCategory(native, null),
	systemStates: [
		{ name: 'On a Contact', value: ON_CONTACT, description: 'The agent has a contact in progress (a call, chat or task)' },
	],
	protectedByDefault: PROTECTED_BY_DEFAULT,
	currentReadNote: 'Reads the current status first when a state is chosen, even with Only If Different off',
	changedAt: { recordedWhen: "when the agent's current status started (StatusStartTimestamp)" },
	subtitle: {},
	mapPresences: async (ctx) => await allSearchPages(ctx, searchAgentStatuses),
	webhook: amazonConnectStreamSource,
};
