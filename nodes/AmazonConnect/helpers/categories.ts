/**
 * Amazon Connect agent status → the shared category. The status type decides for the two system
 * types ("Agent status" in the Administrator Guide: ROUTABLE is Available, the one status in which
 * contacts are routed; OFFLINE is Offline); a CUSTOM status (Break, Lunch, Training…) is matched
 * by name against a mapping the user can change, and defaults to away (not routable, not offline).
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { PresenceCategory } from '../../shared/presence';
import { PRESENCE_CATEGORIES } from '../../shared/presence';

export type AgentStatusType = 'ROUTABLE' | 'CUSTOM' | 'OFFLINE';

/** The custom statuses' default categories, by name (case and spaces ignored). */
export const DEFAULT_CUSTOM_CATEGORIES: Record<string, PresenceCategory> = {
	break: 'away',
	lunch: 'away',
	meal: 'away',
	training: 'busy',
	meeting: 'busy',
	busy: 'busy',
	donotdisturb: 'do_not_disturb',
	dnd: 'do_not_disturb',
};

const squash = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, '');

/** `{ "Coaching": "busy" }` given on the node, merged over the defaults. */
export type CustomMapping = Record<string, PresenceCategory>;

export function connectCategory(
	type: AgentStatusType | string | null | undefined,
	name: string | null | undefined,
	mapping: CustomMapping = {},
): PresenceCategory | null {
	if (type === 'ROUTABLE') return 'available';
	if (type === 'OFFLINE') return 'offline';
	if (type !== 'CUSTOM' || !name) return null;
	const own = Object.entries(mapping).find(([k]) => squash(k) === squash(name));
	if (own) return own[1];
	return DEFAULT_CUSTOM_CATEGORIES[squash(name)] ?? 'away';
}

/** The node option that changes the custom statuses' categories. */
export const customCategoriesOption: INodeProperties = {
	displayName: 'Custom Status Categories',
	name: 'customCategories',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	default: {},
	placeholder: 'Add Custom Status',
	description:
		'The category of a custom agent status, by name. Without an entry: Break, Lunch and Meal are away; Training, Meeting and Busy are busy; any other custom status is away. Available (routable) is always available and Offline offline.',
	options: [
		{
			displayName: 'Status',
			name: 'status',
			values: [
				{ displayName: 'Status Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. Coaching' },
				{
					displayName: 'Category',
					name: 'category',
					type: 'options',
					default: 'away',
					options: PRESENCE_CATEGORIES.map(({ name, value, description }) => ({ name, value, description })),
					description: 'The shared category a status of this name stands for',
				},
			],
		},
	],
};

/** The mapping an item's options give (empty when none). */
export function customMappingOf(options: IDataObject): CustomMapping {
	const entries = ((options.customCategories as IDataObject | undefined)?.status ?? []) as Array<{ name?: string; category?: PresenceCategory }>;
	const mapping: CustomMapping = {};
	for (const e of entries) if (e.name && e.category) mapping[e.name.trim()] = e.category;
	return mapping;
}
