/**
 * The description every vendor's trigger shares, built from the vendor's registry entry: its icon,
 * the trigger group, version 1 unless said, the node's name as its default name, no input and one
 * Main output, and the vendor's first credential, required. A poll trigger's notice (how its polls
 * see changes) comes first among its properties. As with actionNode.ts, a node file spreads it,
 * then states again the fields n8n's lint reads only from the node file's own object literal (icon,
 * subtitle): they take the same keys, so the description n8n loads keeps its fields and their order.
 */
import type {
	INodeCredentialDescription,
	INodeProperties,
	INodePropertyOptions,
	INodeTypeDescription,
	IWebhookDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { VendorModule } from './vendorModule';

export interface TriggerNodeParts {
	/** The type name (it never changes): the vendor's first trigger type in the registry unless given. */
	name?: string;
	/** The name the panel and a new node show. */
	displayName: string;
	/** Saved workflows only: the type the panel lists instead is registered under another name. */
	hidden?: true;
	version?: number | number[];
	defaultVersion?: number;
	subtitle: string;
	description: string;
	/** What the canvas says while it waits for a test event. */
	eventTriggerDescription?: string;
	polling?: true;
	/** Where the trigger takes other than the vendor's first credential. */
	credentials?: INodeCredentialDescription[];
	webhooks?: IWebhookDescription[];
	/** A notice shown above the properties: what the trigger sees and what it misses. */
	notice?: string;
	properties: INodeProperties[];
}

/** A notice parameter: text shown in the panel, no value. */
export const noticeProperty = (displayName: string): INodeProperties => ({
	displayName,
	name: 'notice',
	type: 'notice',
	default: '',
});

/** A poll trigger's Events: which kinds of change start the workflow, every kind until some are unchecked. */
export const eventsProperty = (options: INodePropertyOptions[], description: string): INodeProperties => ({
	displayName: 'Events',
	name: 'events',
	type: 'multiOptions',
	// An array literal: n8n's lint checks that a multiOptions default is one.
	default: [...options.map((o) => o.value)],
	options,
	description,
});

/** Include Raw: whether an item also carries, under `raw`, what the vendor sent as it sent it. */
export const includeRawOption = (displayName: string, description: string): INodeProperties => ({
	displayName,
	name: 'includeRaw',
	type: 'boolean',
	default: false,
	description,
});

export function triggerNodeDescription(
	vendor: Pick<VendorModule, 'icon' | 'credentials' | 'triggerTypes'>,
	parts: TriggerNodeParts,
): INodeTypeDescription {
	return {
		displayName: parts.displayName,
		name: parts.name ?? vendor.triggerTypes[0],
		...(parts.hidden && { hidden: parts.hidden }),
		icon: { light: `file:../../icons/${vendor.icon.light}`, dark: `file:../../icons/${vendor.icon.dark}` },
		group: ['trigger'],
		version: parts.version ?? 1,
		...(parts.defaultVersion !== undefined && { defaultVersion: parts.defaultVersion }),
		subtitle: parts.subtitle,
		description: parts.description,
		defaults: { name: parts.displayName },
		...(parts.eventTriggerDescription !== undefined && { eventTriggerDescription: parts.eventTriggerDescription }),
		...(parts.polling && { polling: parts.polling }),
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: parts.credentials ?? [{ name: vendor.credentials[0], required: true }],
		...(parts.webhooks && { webhooks: parts.webhooks }),
		properties: parts.notice === undefined ? parts.properties : [noticeProperty(parts.notice), ...parts.properties],
	};
}
