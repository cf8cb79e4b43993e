/** The triggers' Watch fields: every user, chosen users or a group's members, and what counts as a change. */
import type { INodeProperties } from 'n8n-workflow';

import { GUID_REGEX } from '../../descriptions/locators';

/** Version 1 of the triggers: IDs pasted as text. Version 2: chosen from lists loaded from Graph. */
const V1 = { '@version': [1] };
const V2 = { '@version': [{ _cnd: { gte: 2 } }] };

const watchOptions = [
	{
		name: 'All Users',
		value: 'all',
		description: 'Every enabled user of the Microsoft Entra directory (User.Read.All), read again each time the list is needed',
	},
	{ name: 'Chosen Agents', value: 'agents', description: 'The users chosen below' },
	{
		name: 'A Group’s Members',
		value: 'group',
		description: 'The users in a Microsoft Entra group (GroupMember.Read.All), read again each time the list is needed',
	},
];

export const watchProperties: INodeProperties[] = [
	{
		displayName: 'Watch',
		name: 'watch',
		type: 'options',
		noDataExpression: true,
		default: 'all',
		options: watchOptions,
		displayOptions: { show: V2 },
	},
	{
		// Version 1 saved no value when Listed Agents (its default) was chosen: that default stays.
		displayName: 'Watch',
		name: 'watch',
		type: 'options',
		default: 'agents',
		options: watchOptions,
		displayOptions: { show: V1 },
	},
	{
		displayName: 'Agent Names or IDs',
		name: 'agents',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'listAgents' },
		default: [],
		required: true,
		displayOptions: { show: { ...V2, watch: ['agents'] } },
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'An expression may give a list of IDs or comma-separated IDs',
	},
	{
		displayName: 'Group',
		name: 'group',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		displayOptions: { show: { ...V2, watch: ['group'] } },
		description: 'The Microsoft Entra group whose user members are watched (nested groups are not expanded)',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a group...',
				typeOptions: { searchListMethod: 'searchGroups', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 02bd9fd6-8f93-4758-87c3-1fb73740a315',
				validation: [
					{ type: 'regex', properties: { regex: GUID_REGEX, errorMessage: 'Not a Microsoft Entra group object ID (a GUID)' } },
				],
			},
		],
	},
	{
		displayName: 'Agent IDs',
		name: 'agentIds',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { ...V1, watch: ['agents'] } },
		placeholder: 'e.g. fa8bf3dc-eca7-46b7-bad1-db199b62afc3, 66825e03-7ef5-42da-9069-724602c31f6b',
		description: 'Microsoft Entra user object IDs to watch, comma-separated',
	},
	{
		displayName: 'Group ID',
		name: 'groupId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { ...V1, watch: ['group'] } },
		placeholder: 'e.g. 02bd9fd6-8f93-4758-87c3-1fb73740a315',
		description: 'The Microsoft Entra group object ID whose user members are watched (nested groups are not expanded)',
	},
	{
		displayName: 'Include Activity Changes',
		name: 'includeActivity',
		type: 'boolean',
		default: true,
		description:
			'Whether a change of activity alone (Busy/InACall → Busy/InAMeeting) is a change; off: only availability changes count',
	},
];
