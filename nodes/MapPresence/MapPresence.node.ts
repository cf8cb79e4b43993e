import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { itemNodeDescription } from '../shared/actionNode';
import { credentials, properties } from './description';
import { mapItem } from './map';
import { sourcePresences, targetPresences } from './methods/loadOptions';
import { SYSTEMS, parsePair } from './systems';

const OUTPUT_NAMES = Object.fromEntries(Object.entries(SYSTEMS).map(([key, s]) => [key, s.output]));

const SHORT_NAMES = Object.fromEntries(Object.entries(SYSTEMS).map(([key, s]) => [key, s.short]));

/** A side of the chosen pair (0 = from, 1 = to) by its short product name, the raw value if unknown. */
const side = (index: 0 | 1) =>
	`((${JSON.stringify(SHORT_NAMES)})[($parameter["sync"] || ":").split(":")[${index}]] || ($parameter["sync"] || ":").split(":")[${index}])`;

/**
 * The canvas subtitle in words: the two systems' short names joined by "→", or by "⇄" for both
 * directions (the two outputs, named by each system's output name, say where each goes).
 */
const SUBTITLE = `={{ $parameter["sync"] ? ${side(0)} + ($parameter["bothDirections"] ? " ⇄ " : " → ") + ${side(1)} : "" }}`;

/**
 * The presence mapping of a sync, as a table a person edits: rows from a presence of one system
 * to a presence of the other (both picked from live lists), and the same category for the rest.
 * Outputs the item with `targetSystem`, `presenceBy`, `targetPresenceId` and `targetCategory`,
 * which the Set operations take as they are.
 */
export class MapPresence implements INodeType {
	description: INodeTypeDescription = {
		...itemNodeDescription({
			name: 'mapPresence',
			displayName: 'Map Presence',
			icon: { light: 'map.svg', dark: 'map.dark.svg' },
			subtitle: SUBTITLE,
			description: 'Map an agent presence of one contact-centre system onto a presence of another',
			// Both Directions: one output per direction, so a two-way sync needs no routing node.
			outputs: `={{ $parameter.bothDirections ? [{ type: "${NodeConnectionTypes.Main}", displayName: (${JSON.stringify(OUTPUT_NAMES)})[($parameter.sync || ":").split(":")[1]] }, { type: "${NodeConnectionTypes.Main}", displayName: (${JSON.stringify(OUTPUT_NAMES)})[($parameter.sync || ":").split(":")[0]] }] : ["${NodeConnectionTypes.Main}"] }}`,
			credentials,
			properties,
		}),
		// Stated here too: n8n's lint reads them only from the node file's own literal.
		icon: { light: 'file:../../icons/map.svg', dark: 'file:../../icons/map.dark.svg' },
		subtitle: SUBTITLE,
		usableAsTool: true,
	};

	methods = {
		loadOptions: { sourcePresences, targetPresences },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const both = this.getNodeParameter('bothDirections', 0, false) as boolean;
		const pair = parsePair(this.getNodeParameter('sync', 0));
		const out: INodeExecutionData[] = [];
		const back: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				const json = mapItem(this, i, items[i].json);
				(both && pair && json.targetSystem === pair[0] ? back : out).push({ json, pairedItem: { item: i } });
			} catch (error) {
				if (this.continueOnFail()) {
					out.push({ json: { ...items[i].json, error: (error as Error).message }, pairedItem: { item: i } });
					continue;
				}
				throw error instanceof NodeOperationError
					? error
					: new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
			}
		}
		return both ? [out, back] : [out];
	}
}
