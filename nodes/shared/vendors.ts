/**
 * The vendors, in one place: every system the package connects is one line here and one folder
 * under nodes/ (see CONTRIBUTING.md, "Adding a vendor"). The vendor unions and name tables are
 * derived from this record, so a vendor added here is flagged by TypeScript wherever a table
 * needs its entry, and a vendor missing a part fails test/repository/vendors.test.js.
 */
import { DATAVERSE } from '../DynamicsContactCenter/vendor';
import { GENESYS } from '../GenesysCloud/vendor';
import { TEAMS } from '../MicrosoftTeamsPresence/vendor';
import { AMAZON_CONNECT } from '../AmazonConnect/vendor';
import { VONAGE } from '../VonageContactCenter/vendor';
import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { VendorModule } from './vendorModule';
import type { WebhookSource } from './webhookSource';

/**
 * Keyed by the id items carry in `source` and Map Presence's pair values use (`dataverse:genesys`);
 * the order is the order users see (Map Presence's pairs).
 */
export const VENDORS = {
	dataverse: DATAVERSE,
	genesys: GENESYS,
	vonage: VONAGE,
	teams: TEAMS,
	amazonConnect: AMAZON_CONNECT,
} as const satisfies Record<string, VendorModule>;

export type VendorId = keyof typeof VENDORS;

export const VENDOR_IDS = Object.keys(VENDORS) as VendorId[];

/** The vendor of an id, or undefined for anything else (an unknown source is never a default vendor). */
export function vendorOf(id: unknown): VendorModule | undefined {
	return typeof id === 'string' && Object.prototype.hasOwnProperty.call(VENDORS, id) ? VENDORS[id as VendorId] : undefined;
}

/**
 * Map Presence's Sync default. Saved workflows that kept it store no value, so it never changes;
 * the pair values are `<from id>:<to id>`.
 */
export const MAP_PRESENCE_DEFAULT_PAIR = 'dataverse:genesys';

const table = <T>(pick: (vendor: VendorModule) => T) =>
	Object.fromEntries(VENDOR_IDS.map((id) => [id, pick(VENDORS[id])])) as Record<VendorId, T>;

/** The API names errors use. */
export const VENDOR_NAMES = table((v) => v.apiName);

/** The product names a trigger's `source` parameter reads as. */
export const SOURCE_NAMES = table((v) => v.product);

/** The ids of the vendors whose vendor.ts has a webhook: the values the trigger's Source stores. */
export type Source = {
	[K in VendorId]: (typeof VENDORS)[K] extends { webhook: WebhookSource } ? K : never;
}[VendorId];

/** Every vendor's pushed events, by Source value, in the registry's order. */
export const WEBHOOK_SOURCES = Object.fromEntries(
	VENDOR_IDS.flatMap((id) => {
		const webhook: WebhookSource | undefined = VENDORS[id].webhook;
		return webhook ? [[id, webhook]] : [];
	}),
) as Record<Source, WebhookSource>;

export const SOURCE_IDS = Object.keys(WEBHOOK_SOURCES) as Source[];

/** The Sender Verification values that check the Shared Key: the two key modes, and signatures that read it. */
export const SHARED_KEY_VERIFICATIONS = [
	'queryKey',
	'header',
	...SOURCE_IDS.flatMap((id) => Object.keys(WEBHOOK_SOURCES[id].signatures).filter((v) => WEBHOOK_SOURCES[id].signatures[v].usesSharedKey)),
];

/** The Source default. Saved workflows that kept it store no value, so it never changes. */
export const SOURCE_DEFAULT: Source = 'dataverse';

export function isSource(value: unknown): value is Source {
	return typeof value === 'string' && Object.prototype.hasOwnProperty.call(WEBHOOK_SOURCES, value);
}

/** The source a Source value stores; an unknown source is an error, never another vendor's parser. */
export function webhookSource(node: INode, value: unknown): WebhookSource {
	if (isSource(value)) return WEBHOOK_SOURCES[value];
	throw new NodeOperationError(node, `Unknown source ${JSON.stringify(value)}`, {
		description: `Choose one of: ${SOURCE_IDS.join(', ')}`,
	});
}
