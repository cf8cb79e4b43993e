/** Reads the presence source and target-presence fields for one item. */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requirePresenceCategory } from '../../shared/categories';
import { cacheTtlSeconds } from '../../shared/lookupCache';
import type { SourceRef } from './sources';
import { isRegisteredSource, sourceIdByName } from './sources';
import {
	parseSystemPresence,
	primaryDefinitionId,
	systemPresenceForCategory,
} from './definitions';

/**
 * The source and whether it is a registered one (Presence Sources API): a source by name always is;
 * a source by ID is when the organization's list of registered sources has it. Genesys reads and
 * writes registered sources through other endpoints than PURECLOUD and unlisted custom sources.
 */
export async function resolveSourceRef(ctx: IExecuteFunctions, itemIndex: number, write: boolean): Promise<SourceRef> {
	const id = await resolveSource(ctx, itemIndex, write);
	if (id === 'purecloud') return { id, registered: false };
	if (ctx.getNodeParameter('source', itemIndex) === 'name') return { id, registered: true };
	return { id, registered: await isRegisteredSource(ctx, id, cacheTtlSeconds(ctx, itemIndex)) };
}

/**
 * `purecloud` or the registered source's ID, as the path wants it. A source given by name is
 * looked up once per execution (and cached like the other lookups); writes create it when missing.
 */
export async function resolveSource(ctx: IExecuteFunctions, itemIndex: number, write: boolean): Promise<string> {
	const source = ctx.getNodeParameter('source', itemIndex);
	if (source === 'purecloud') return 'purecloud';
	if (source === 'name') {
		const name = String(ctx.getNodeParameter('sourceName', itemIndex, '') ?? '').trim();
		if (name === '') throw new NodeOperationError(ctx.getNode(), 'No presence source name given', { itemIndex });
		const id = await sourceIdByName(ctx, name, { create: write, ttlSeconds: cacheTtlSeconds(ctx, itemIndex), itemIndex });
		if (id) return id;
		throw new NodeOperationError(ctx.getNode(), `Genesys Cloud has no presence source named "${name}"`, {
			itemIndex,
			description: 'A Set with this source creates it; or create it with Presence Source → Create.',
		});
	}
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
