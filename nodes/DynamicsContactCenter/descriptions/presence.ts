import type { INodeProperties } from 'n8n-workflow';

import { DATAVERSE_BASE_STATUS_BY_CATEGORY } from '../../shared/categories';
import { GUID_REGEX } from '../helpers/guid';

/** A presence definition (msdyn_presence row): picked from the organization's live list or by ID. */
export function presenceLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Presence',
		name: 'presence',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchPresences', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'f523f628-c07a-e811-8162-000d3aa11f50',
				validation: [
					{ type: 'regex', properties: { regex: GUID_REGEX, errorMessage: 'Not a valid msdyn_presenceid (GUID)' } },
				],
			},
		],
		...overrides,
	};
}

/** msdyn_basepresencestatus choices, labelled as Dataverse labels them. */
export const BASE_STATUS_OPTIONS = [
	{ name: 'Available', value: DATAVERSE_BASE_STATUS_BY_CATEGORY.available },
	{ name: 'Away', value: DATAVERSE_BASE_STATUS_BY_CATEGORY.away },
	{ name: 'Busy', value: DATAVERSE_BASE_STATUS_BY_CATEGORY.busy },
	{ name: 'Busy - DND', value: DATAVERSE_BASE_STATUS_BY_CATEGORY.do_not_disturb },
	{ name: 'Offline', value: DATAVERSE_BASE_STATUS_BY_CATEGORY.offline },
];
