import type {
	IDataObject,
	IExecuteFunctions,
	INodeParameterResourceLocator,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requirePresenceCategory } from '../../../shared/categories';
import { showFor } from '../../../shared/displayOptions';
import { requestTimeoutMs, timeoutOption } from '../../../shared/timeout';
import type { PresenceCategory } from '../../../shared/presence';
import { PRESENCE_CATEGORIES } from '../../../shared/presence';
import { presenceLocator, userLocator } from '../../descriptions/locators';
import type { AgentPresence } from '../../helpers/presence';
import {
	WRITE_SCOPES,
	agentPresenceItem,
	presenceFits,
	definitionForCategory,
	getAgentPresence,
	requireCategory,
} from '../../helpers/presence';
import { requireGuid, resolveUserId } from '../../helpers/users';
import { vonageRequest } from '../../transport';

const show = { resource: ['agentPresence'], operation: ['set'] };

export const description: INodeProperties[] = [
	...showFor(show, [
		userLocator,
		{
			displayName: 'Set By',
			name: 'setBy',
			type: 'options',
			default: 'presence',
			options: [
				{ name: 'Presence', value: 'presence', description: 'A presence definition, from the list or by ID' },
				{
					name: 'Category',
					value: 'category',
					description: 'A presence category, resolved to a selectable presence definition of that category',
				},
			],
		},
	]),
	...showFor({ ...show, setBy: ['presence'] }, [presenceLocator]),
	...showFor({ ...show, setBy: ['category'] }, [
		{
			displayName: 'Category',
			name: 'category',
			type: 'options',
			default: 'available',
			options: PRESENCE_CATEGORIES,
			description:
				'Resolved through categoryType: Available → Ready (never Ready (Outbound), which takes no inbound work), Busy → Away, Do Not Disturb and Away → Away or ExtendedAway, Offline → LoggedOut',
		},
	]),
	...showFor(show, [
		{
			displayName: 'Only If Different',
			name: 'onlyIfDifferent',
			type: 'boolean',
			default: false,
			description:
				'Whether to read the current presence first and skip the write when it already matches (same presence, or a presence of the wanted category). Stops two-way syncs from echoing.',
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [timeoutOption],
		},
	]),
];

/** `PATCH /agents/{userId}/presence` with `{ presenceId }`; output says whether it wrote. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const userId = await resolveUserId(this, i);
	const setBy = this.getNodeParameter('setBy', i) as 'presence' | 'category';
	const onlyIfDifferent = this.getNodeParameter('onlyIfDifferent', i, false) as boolean;
	const timeoutMs = requestTimeoutMs(this, i);

	let presenceId: string | undefined;
	let category: PresenceCategory | undefined;
	if (setBy === 'category') {
		category = requireCategory(this, requirePresenceCategory(this, this.getNodeParameter('category', i), i), i);
	} else {
		const locator = this.getNodeParameter('presence', i) as INodeParameterResourceLocator;
		const value = String(locator?.value ?? '').trim();
		if (value === '') {
			throw new NodeOperationError(this.getNode(), 'No presence given: pick one or give its ID', { itemIndex: i });
		}
		presenceId = requireGuid(this, value, 'presence', i);
	}

	if (onlyIfDifferent) {
		const current = await getAgentPresence(this, userId, timeoutMs);
		const same = category
			? await presenceFits(this, current, category)
			: current.presence?.presenceId?.toLowerCase() === presenceId?.toLowerCase();
		if (same) return { ...(await agentPresenceItem(this, current, 'presence_set')), written: false };
	}

	// Resolved only when a write is due: with "only if different" a fitting presence needs no lookup.
	if (category) presenceId = (await definitionForCategory(this, category, i)).presenceId;

	const answer = await vonageRequest<AgentPresence>(this, {
		method: 'PATCH',
		path: `/agents/${encodeURIComponent(userId)}/presence`,
		body: { presenceId: presenceId as string },
		// Setting a presence is idempotent: a 5xx may be retried like a PUT.
		idempotent: true,
		scopes: WRITE_SCOPES,
		timeoutMs,
	});
	return { ...(await agentPresenceItem(this, answer, 'presence_set')), written: true };
}
