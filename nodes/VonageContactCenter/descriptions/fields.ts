/** Fields several operations share. */
import type { INodeProperties } from 'n8n-workflow';

/** The User Admin API's `include` query parameter. */
export const includeField: INodeProperties = {
	displayName: 'Include',
	name: 'include',
	type: 'options',
	default: 'Active',
	options: [
		{ name: 'Active', value: 'Active', description: 'Users who are not archived' },
		{ name: 'All', value: 'All', description: 'Active and archived users' },
		{ name: 'Archived', value: 'Archived', description: 'Archived users only' },
	],
	description: 'Which users to include',
};
