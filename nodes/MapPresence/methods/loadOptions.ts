/**
 * The presences of each side of the mapping, read live through that system's credential by the
 * vendor's own loader in the registry: names shown, IDs stored (the same IDs the triggers put in
 * `presenceId` and the Set operations take).
 */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import type { MappingSide } from '../../shared/vendorModule';
import { VENDORS } from '../../shared/vendors';
import { parsePair } from '../systems';

async function presencesOf(ctx: ILoadOptionsFunctions, which: MappingSide): Promise<INodePropertyOptions[]> {
	const pair = parsePair(ctx.getCurrentNodeParameter('sync'));
	if (!pair) return [];
	const system = which === 'from' ? pair[0] : pair[1];
	return await VENDORS[system].mapPresences(ctx, which);
}

export async function sourcePresences(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await presencesOf(this, 'from');
}

export async function targetPresences(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await presencesOf(this, 'to');
}
