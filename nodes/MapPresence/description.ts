/** The Map Presence node's fields: which systems, the mapping table, both directions, the fallback. */
import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import type { PresenceSystem } from './systems';
import { PAIR_OPTIONS, SYSTEMS } from './systems';
import { MAP_PRESENCE_DEFAULT_PAIR } from '../shared/vendors';

/**
 * Each system's credential, shown when the chosen pair has that system on one side. Written as a
 * condition ("Sync includes <system id>"), not as the list of pairs: n8n's editor takes a field whose
 * every value is listed in the credentials' conditions for the node's authentication choice and
 * then hides it from the panel, so listing the pairs would hide Sync.
 */
export const credentials: INodeCredentialDescription[] = (Object.keys(SYSTEMS) as PresenceSystem[]).map((system) => ({
	name: SYSTEMS[system].credential,
	required: true,
	// n8n applies display conditions to credentials as to parameters; its type lists only plain values.
	displayOptions: { show: { sync: [{ _cnd: { includes: system } }] } } as unknown as INodeCredentialDescription['displayOptions'],
}));

export const properties: INodeProperties[] = [
	{
		displayName: 'Sync',
		name: 'sync',
		type: 'options',
		noDataExpression: true,
		default: MAP_PRESENCE_DEFAULT_PAIR,
		options: PAIR_OPTIONS,
		description:
			'Where the presences come from and where they are written. Each side’s presences are listed through its credential.',
	},
	{
		displayName: 'Both Directions',
		name: 'bothDirections',
		type: 'boolean',
		default: false,
		description:
			'Whether presences coming from the second system are mapped back with the same rows, read right to left (for a two-way sync). Each direction gets its own output.',
	},
	{
		displayName: 'Mapping',
		name: 'mappings',
		placeholder: 'Add Presence',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		description:
			'Which presence to write for a presence. A presence not listed here gets the presence of the same category (Available, Busy, Do Not Disturb, Away, Offline).',
		options: [
			{
				displayName: 'Presence',
				name: 'rows',
				values: [
					{
						displayName: 'From Name or ID',
						name: 'from',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'sourcePresences', loadOptionsDependsOn: ['sync'] },
						default: '',
						description:
							'A presence of the first system. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'To Name or ID',
						name: 'to',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'targetPresences', loadOptionsDependsOn: ['sync'] },
						default: '',
						description:
							'The presence of the second system to write. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
				],
			},
		],
	},
	{
		displayName: 'Not in the Mapping',
		name: 'unmapped',
		type: 'options',
		default: 'category',
		options: [
			{
				name: 'Same Category',
				value: 'category',
				description: 'Write the other system’s presence for the same category (Available, Busy, …)',
			},
			{
				name: 'Stop With an Error',
				value: 'error',
				description: 'Only the presences listed in the mapping are synced',
			},
		],
		description: 'What a presence not listed in the mapping becomes',
	},
];
