import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/displayOptions';
import { requestTimeoutMs, timeoutOption } from '../../../shared/timeout';
import { sourceFields, targetPresenceFields, userLocator } from '../../descriptions/fields';
import { resolveDefinitionId, resolveSource } from '../../helpers/target';
import { sourcePath, userPresenceItem } from '../../helpers/userPresence';
import { resolveUserId } from '../../helpers/users';
import { genesysRequest } from '../../transport';

const properties: INodeProperties[] = [
	userLocator(),
	...sourceFields,
	...targetPresenceFields,
	{
		displayName: 'Only If Different',
		name: 'onlyIfDifferent',
		type: 'boolean',
		default: false,
		description:
			'Whether to read the current presence first and skip the write when it already matches (stops two-way syncs from echoing)',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Make Primary Source',
				name: 'primary',
				type: 'boolean',
				default: false,
				description: "Whether this source becomes the user's primary presence source",
			},
			{ displayName: 'Message', name: 'message', type: 'string', default: '', description: 'Status message to show' },
			timeoutOption,
		],
	},
];

export const description = showFor({ resource: ['userPresence'], operation: ['set'] }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const userId = await resolveUserId(this, i);
	const source = resolveSource(this, i);
	const definitionId = await resolveDefinitionId(this, i);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const path = sourcePath(userId, source);
	const timeoutMs = requestTimeoutMs(this, i);

	if (this.getNodeParameter('onlyIfDifferent', i) === true) {
		const current = await genesysRequest(this, { method: 'GET', path, timeoutMs });
		const currentId = (current.presenceDefinition as IDataObject | undefined)?.id;
		const sameMessage = options.message === undefined || options.message === current.message;
		const samePrimary = options.primary !== true || current.primary === true;
		if (currentId === definitionId && sameMessage && samePrimary) {
			return userPresenceItem(userId, current, 'presence_set', { written: false });
		}
	}

	// PATCH (UserPresence): presenceDefinition.id is the only field Genesys needs.
	const body: IDataObject = { presenceDefinition: { id: definitionId } };
	if (options.message !== undefined) body.message = options.message;
	if (options.primary === true) body.primary = true;
	// Setting a presence to a given value is idempotent: safe to retry after a 5xx.
	const updated = await genesysRequest(this, { method: 'PATCH', path, body, idempotent: true, timeoutMs });
	return userPresenceItem(userId, updated, 'presence_set', { written: true });
}
