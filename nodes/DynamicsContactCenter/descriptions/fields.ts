/** Fields the Presence Definition create and update operations share: the msdyn_presence columns. */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { DATAVERSE_BASE_STATUS_BY_CATEGORY } from '../categories';

/** msdyn_basepresencestatus choices, labelled as Dataverse labels them. */
const BASE_STATUS_OPTIONS = [
	{ name: 'Available', value: DATAVERSE_BASE_STATUS_BY_CATEGORY.available },
	{ name: 'Away', value: DATAVERSE_BASE_STATUS_BY_CATEGORY.away },
	{ name: 'Busy', value: DATAVERSE_BASE_STATUS_BY_CATEGORY.busy },
	{ name: 'Busy - DND', value: DATAVERSE_BASE_STATUS_BY_CATEGORY.do_not_disturb },
	{ name: 'Offline', value: DATAVERSE_BASE_STATUS_BY_CATEGORY.offline },
];

/** msdyn_presence columns a user writes besides the name and base status. */
export const optionalColumns: INodeProperties[] = [
	{
		displayName: 'Can User Set',
		name: 'msdyn_canuserset',
		type: 'boolean',
		default: true,
		description: 'Whether agents can pick this presence themselves',
	},
	{
		displayName: 'Description',
		name: 'msdyn_description',
		type: 'string',
		default: '',
	},
	{
		displayName: 'Status Text',
		name: 'msdyn_presencestatustext',
		type: 'string',
		default: '',
		description: 'The presence text agents see',
	},
];

export const nameField: INodeProperties = {
	displayName: 'Name',
	name: 'msdyn_name',
	type: 'string',
	default: '',
};

export const baseStatusField: INodeProperties = {
	displayName: 'Base Status',
	name: 'msdyn_basepresencestatus',
	type: 'options',
	options: BASE_STATUS_OPTIONS,
	default: 192360000,
	description: 'The out-of-the-box status this presence behaves as for routing (its category)',
};

/** Only the columns the user filled in. */
export function columnsOf(fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) if (value !== undefined) body[key] = value;
	return body;
}
