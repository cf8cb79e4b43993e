/**
 * The description every vendor's action node shares, built from the vendor's registry entry: its
 * names, icon, group, version 1, the canvas subtitle in words, one Main input and output, and its
 * first credential. A node file spreads it, then states again the fields n8n's lint reads only
 * from the node file's own object literal (icon, subtitle, usableAsTool): they take the same keys,
 * so the description n8n loads keeps its fields and their order.
 */
import type { INodeCredentialDescription, INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { ACTION_SUBTITLE } from './subtitle';
import type { VendorModule } from './vendorModule';

export interface ActionNodeParts {
	/** What the node panel says the node does. */
	description: string;
	properties: INodeProperties[];
	/** Where the node is named other than the product. */
	displayName?: string;
	/** Where the node takes more than the vendor's first credential, required. */
	credentials?: INodeCredentialDescription[];
}

export function actionNodeDescription(vendor: VendorModule, parts: ActionNodeParts): INodeTypeDescription {
	const displayName = parts.displayName ?? vendor.product;
	return {
		displayName,
		name: vendor.nodeType,
		icon: { light: `file:../../icons/${vendor.icon.light}`, dark: `file:../../icons/${vendor.icon.dark}` },
		group: ['transform'],
		version: 1,
		subtitle: ACTION_SUBTITLE,
		description: parts.description,
		defaults: { name: displayName },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: parts.credentials ?? [{ name: vendor.credentials[0], required: true }],
		properties: parts.properties,
	};
}
