/**
 * What a vendor's folder tells the shared code about the vendor, in one object (its `vendor.ts`):
 * names, credentials, icon, how its presences map onto the categories, its Set guards' states, its
 * subtitle words and Map Presence's list of its presences. nodes/shared/vendors.ts lists them.
 */
import type { ICredentialDataDecryptedObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import type { PresenceCategory } from './presence';
import type { WebhookSource } from './webhookSource';

/** Which side of a mapping a presence list is for: read from (any shown) or written to (settable). */
export type MappingSide = 'from' | 'to';

export interface VendorModule {
	/** The product as users see it: Map Presence's systems, the trigger's sources. */
	product: string;
	/** The API as errors name it, with the API's name where it differs from the product's. */
	apiName: string;
	/** Where the canvas cuts text off: a subtitle (about 25 characters) and an output label (about 13, one word). */
	short: string;
	output: string;
	/** Credential type names; the first is the one Map Presence reads presences with. */
	credentials: [string, ...string[]];
	/** The action node's type name and the triggers' (type names never change). */
	nodeType: string;
	triggerTypes: string[];
	/** The icon files in icons/, light and dark. */
	icon: { light: `${string}.svg`; dark: `${string}.svg` };
	/** The API root a credential resolves to (overrides included). */
	apiBase: (credentials: ICredentialDataDecryptedObject) => string;
	/** The category of one of the vendor's own presence values (an ID, a system presence, a category type). */
	categoryOf: (native: string) => PresenceCategory | null;
	/** The Set guards: states beyond the categories a sync must not overwrite, and what choosing one reads. */
	systemStates: INodePropertyOptions[];
	/** The states protected when the option is not added (a Set reads them too); none when absent. */
	protectedByDefault?: string[];
	currentReadNote: string;
	/** What "Source Changed At" compares with, or why it has no effect for this vendor. */
	changedAt: { recordedWhen: string } | { noEffect: string };
	/** Canvas subtitle words of the node's own resources ([one, many]) and operations. */
	subtitle: { resources?: Record<string, [string, string]>; operations?: Record<string, string> };
	/** Map Presence: the vendor's presences for one side of a mapping, names shown and IDs stored. */
	mapPresences: (ctx: ILoadOptionsFunctions, side: MappingSide) => Promise<INodePropertyOptions[]>;
	/** The events it pushes to a URL (parse, verify, activation hooks, fields), when it does. */
	webhook?: WebhookSource;
}

/** A vendor whose events arrive at a webhook: its vendor.ts says so, and the trigger's Source lists it. */
export type WebhookVendorModule = VendorModule & { webhook: WebhookSource };
