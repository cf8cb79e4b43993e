/**
 * The description every node that takes items shares (each vendor's action node, Map Presence, the
 * Agent Presence Event node): its names and icon, group, version 1, the canvas subtitle, usable as
 * an AI tool, one Main input, its outputs, credentials and properties. A vendor's action node takes
 * its names, icon and first credential from the vendor's registry entry. A node file spreads it,
 * then states again the fields n8n's lint reads only from the node file's own object literal (icon,
 * subtitle, usableAsTool): they take the same keys, so the description n8n loads keeps its fields
 * and their order.
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

/** A node that takes items: who it is (type name, name shown, icon files in icons/) and its parts. */
export interface ItemNodeParts {
	name: string;
	displayName: string;
	icon: VendorModule['icon'];
	subtitle: string;
	description: string;
	/** One Main output unless given (an expression, or several named by outputNames). */
	outputs?: INodeTypeDescription['outputs'];
	outputNames?: string[];
	credentials: INodeCredentialDescription[];
	properties: INodeProperties[];
}

export function itemNodeDescription(parts: ItemNodeParts): INodeTypeDescription {
	return {
		displayName: parts.displayName,
		name: parts.name,
		icon: { light: `file:../../icons/${parts.icon.light}`, dark: `file:../../icons/${parts.icon.dark}` },
		group: ['transform'],
		version: 1,
		subtitle: parts.subtitle,
		description: parts.description,
		defaults: { name: parts.displayName },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: parts.outputs ?? [NodeConnectionTypes.Main],
		...(parts.outputNames && { outputNames: parts.outputNames }),
		credentials: parts.credentials,
		properties: parts.properties,
	};
}

export function actionNodeDescription(vendor: VendorModule, parts: ActionNodeParts): INodeTypeDescription {
	return itemNodeDescription({
		name: vendor.nodeType,
		displayName: parts.displayName ?? vendor.product,
		icon: vendor.icon,
		subtitle: ACTION_SUBTITLE,
		description: parts.description,
		credentials: parts.credentials ?? [{ name: vendor.credentials[0], required: true }],
		properties: parts.properties,
	});
}
