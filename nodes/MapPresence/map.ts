/** Maps one normalized presence item onto the presence (or category) the other system gets. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requirePresenceCategory } from '../shared/categories';
import type { PresenceSystem } from './systems';
import { SYSTEMS, parsePair } from './systems';

export interface MappingRow {
	from?: string;
	to?: string;
}

const same = (a: unknown, b: unknown) =>
	typeof a === 'string' && typeof b === 'string' && a !== '' && a.toLowerCase() === b.toLowerCase();

export function mapItem(ctx: IExecuteFunctions, itemIndex: number, json: IDataObject): IDataObject {
	const node = ctx.getNode();
	const pair = parsePair(ctx.getNodeParameter('sync', itemIndex));
	if (!pair) throw new NodeOperationError(node, 'Choose the systems to sync in "Sync"', { itemIndex });
	const both = ctx.getNodeParameter('bothDirections', itemIndex, false) as boolean;
	const unmapped = ctx.getNodeParameter('unmapped', itemIndex, 'category') as string;
	const rows = (ctx.getNodeParameter('mappings.rows', itemIndex, []) as MappingRow[]) ?? [];

	const [first, second] = pair;
	const source = json.source as PresenceSystem | undefined;
	const reverse = both && source === second;
	if (source !== first && !reverse) {
		const expected = both ? `${SYSTEMS[first].name} or ${SYSTEMS[second].name}` : SYSTEMS[first].name;
		throw new NodeOperationError(node, `This item is not a presence from ${expected}`, {
			itemIndex,
			description: `Map Presence takes the items of a presence trigger or a Get of ${expected}; this item's "source" is ${JSON.stringify(source ?? null)}.`,
		});
	}
	const target = reverse ? first : second;
	const row = rows.find((r) => same(reverse ? r.to : r.from, json.presenceId));
	const targetPresenceId = row ? String((reverse ? row.from : row.to) ?? '') : '';

	if (targetPresenceId) {
		return {
			...json,
			targetSystem: target,
			presenceBy: 'presence',
			targetPresenceId,
			targetCategory: (json.category as string | null | undefined) ?? null,
		};
	}
	if (unmapped === 'error') {
		throw new NodeOperationError(node, `"${String(json.presenceName ?? json.presenceId)}" is not in the mapping`, {
			itemIndex,
			description: `Add a row for it to the mapping, or set "Not in the Mapping" to Same Category.`,
		});
	}
	return {
		...json,
		targetSystem: target,
		presenceBy: 'category',
		targetPresenceId: null,
		targetCategory: requirePresenceCategory(ctx, json.category, itemIndex),
	};
}
