import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { vonageCategory } from '../../categories';
import { showFor } from '../../../shared/displayOptions';
import { returnAllAndLimit } from '../../../shared/returnAllAndLimit';
import type { PresenceDefinition } from '../../helpers/presence';
import { getPresenceDefinitions } from '../../helpers/presence';
import { filtersCollection } from '../../../shared/collections';

const show = { resource: ['presenceDefinition'], operation: ['getAll'] };

export const description: INodeProperties[] = [
	...showFor(show, returnAllAndLimit),
	...showFor(show, [
		filtersCollection([
			{
				displayName: 'Selectable Only',
				name: 'selectableOnly',
				type: 'boolean',
				default: false,
				description: 'Whether to return only the presences agents (and this node) may select',
			},
		]),
	]),
];

/**
 * A definition keeps its native fields (its own `category` object included); the shared model's
 * category goes in `normalizedCategory` so it does not overwrite Vonage's.
 */
function definitionItem(definition: PresenceDefinition): IDataObject {
	return {
		...definition,
		source: 'vonage',
		presenceName: definition.description ?? null,
		normalizedCategory: vonageCategory(definition.category?.categoryType, definition.category?.subCategory),
	};
}

/** `GET /agents/presence-definitions` (one answer, no paging), filtered and limited here. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', i) as boolean;
	const filters = this.getNodeParameter('filters', i, {}) as { selectableOnly?: boolean };
	let definitions = await getPresenceDefinitions(this, { fresh: true });
	if (filters.selectableOnly) definitions = definitions.filter((d) => d.selectable === true);
	if (!returnAll) definitions = definitions.slice(0, this.getNodeParameter('limit', i) as number);
	return definitions.map(definitionItem);
}
