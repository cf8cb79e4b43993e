/** The trigger's parameters: which users, and which changes become items. */
import type { INodeProperties } from 'n8n-workflow';

import { cacheTtlOption } from '../../shared/lookupCache';
import { optionsCollection } from '../../shared/collections';
import { includeRawOption } from '../../shared/triggerNode';

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Users',
		name: 'userSelection',
		type: 'options',
		default: 'pick',
		options: [
			{ name: 'Pick From List', value: 'pick', description: 'Choose users of the organization' },
			{ name: 'By ID', value: 'ids', description: 'Enter Genesys Cloud user IDs' },
			{ name: 'All Users', value: 'all', description: 'Every active user of the organization' },
		],
		description: 'Whose presence changes start the workflow',
	},
	{
		displayName: 'User Names or IDs',
		name: 'userIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getUsers' },
		default: [],
		required: true,
		displayOptions: { show: { userSelection: ['pick'] } },
		description:
			'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'User IDs',
		name: 'userIdList',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 4f9eed4b-e3d7-4d18-ac1f-b423ac40cfd1, 0b6c2e1f-…',
		displayOptions: { show: { userSelection: ['ids'] } },
		description: 'Genesys Cloud user IDs, separated by commas, spaces or new lines',
	},
	optionsCollection([
		{
			...cacheTtlOption,
			description:
				"How many seconds each user's email is kept for later changes (with Include Agent Email), per credential; 0 reads it every time. Each n8n process (each queue-mode worker) keeps its own.",
		},
		{
			displayName: 'Ignore Changes From Existing Source Names or IDs',
			name: 'ignoreSources',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'presenceSources' },
			default: [],
			description:
				'Pick presence sources that already exist in Genesys Cloud: changes made with them are skipped, so a sync that writes with its own source does not trigger itself. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Ignore Changes From Named Sources',
			name: 'ignoreSourceNames',
			type: 'string',
			default: '',
			placeholder: 'e.g. n8n presence sync',
			description:
				"Type the names of presence sources, separated by commas, whose changes are skipped: e.g. the source a two-way sync's Genesys Cloud Set writes with (Source by Name), so the sync does not trigger itself. A name that does not exist yet is created when the workflow is published, so the sync's first write is already known (the credential's role needs presence:source:view and presence:source:add).",
		},
		{
			displayName: 'Include Agent Email',
			name: 'includeAgentEmail',
			type: 'boolean',
			default: false,
			description:
				"Whether to add the user's email under `email` (read from Genesys Cloud once per user and cached), so a sync to a system that knows agents by email needs no lookup node",
		},
		includeRawOption('Include Raw Event', 'Whether to add the notification as Genesys Cloud sent it under `raw`'),
		{
			displayName: 'Only When Definition Changes',
			name: 'onlyDefinitionChanges',
			type: 'boolean',
			default: false,
			description:
				'Whether to skip changes that keep the same presence definition (for example only the status message changed)',
		},
	]),
];
