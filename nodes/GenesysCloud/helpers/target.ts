/** Reads the presence source and target-presence fields for one item. */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requirePresenceCategory } from '../../shared/categories';
import {
	parseSystemPresence,
	primaryDefinitionId,
	systemPresenceForCategory,
} from './definitions';

/** `purecloud` or the registered source's ID, as the path wants it. */
export function resolveSource(ctx: IExecuteFunctions, itemIndex: number): string {
	if (ctx.getNodeParameter('source', itemIndex) === 'purecloud') return 'purecloud';
	const sourceId = String(ctx.getNodeParameter('sourceId', itemIndex, '')).trim();
	if (sourceId === '') throw new NodeOperationError(ctx.getNode(), 'No presence source ID given', { itemIndex });
	return sourceId;
}

export async function resolveDefinitionId(ctx: IExecuteFunctions, itemIndex: number): Promise<string> {
	const by = ctx.getNodeParameter('presenceBy', itemIndex) as string;
	if (by === 'category') {
		const category = requirePresenceCategory(ctx, ctx.getNodeParameter('category', itemIndex), itemIndex);
		return await primaryDefinitionId(ctx, systemPresenceForCategory(category), itemIndex);
	}
	if (by === 'systemPresence') {
		const name = parseSystemPresence(ctx, ctx.getNodeParameter('systemPresence', itemIndex), itemIndex);
		return await primaryDefinitionId(ctx, name, itemIndex);
	}
	const id = String(ctx.getNodeParameter('presence', itemIndex, '', { extractValue: true })).trim();
	if (id === '') {
		throw new NodeOperationError(ctx.getNode(), 'No presence definition given', {
			itemIndex,
			description: 'Pick a presence, give its definition ID, or set the presence by category',
		});
	}
	return id;
}
