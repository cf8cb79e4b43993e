import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { genesysPaginate } from '../transport';

/** Active users of the organization for the "Pick From List" picker. */
export async function getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const users = await genesysPaginate(
		this,
		{ method: 'GET', path: '/api/v2/users' },
		{ pageSize: 100 },
	);
	return users
		.map((u) => ({
			name: String(u.name ?? u.id),
			value: String(u.id),
			description: typeof u.email === 'string' ? u.email : undefined,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}
