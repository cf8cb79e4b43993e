import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { genesysCategory } from '../../categories';
import { genesysRequest } from '../../transport';

export const description: INodeProperties[] = [];

/** GET /api/v2/systempresences: a short, unpaged list; each item also says its shared category. */
export async function execute(this: IExecuteFunctions): Promise<IDataObject[]> {
	const list = await genesysRequest<IDataObject[]>(this, { method: 'GET', path: '/api/v2/systempresences' });
	return list.map((p) => ({ ...p, category: genesysCategory((p.name ?? p.id) as string) }));
}
