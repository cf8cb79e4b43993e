/** Dropdowns loaded from the organization. */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listSources } from '../helpers/sources';

/** The organization's active presence sources, by name. */
export async function presenceSources(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const sources = await listSources(this);
	return sources
		.map((s) => ({ name: String(s.name ?? s.id), value: String(s.id), description: s.description ? String(s.description) : undefined }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
