import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/collections';
import { showFor } from '../../../shared/displayOptions';
import { cacheTtlOption } from '../../../shared/lookupCache';
import { timeoutOption } from '../../../shared/timeout';
import { agentLocator, presenceFields } from '../../descriptions/locators';
import { resolveAgentId } from '../../helpers/agents';
import { parseDuration, resolvePair } from '../../helpers/pairs';
import { writePresence } from '../../helpers/write';
import { graphClientId } from '../../transport';
import { skippingUnknownAgent } from '../../../shared/unknownAgent';
import { guardOptions } from '../../../shared/guardedSet';

const properties: INodeProperties[] = [
	{
		displayName:
			"Sets the app's own presence session for the user. Teams shows the strongest state of all sessions, and a state the user set themselves (or a preferred presence) always wins. The session fades (Available → Away) and ends after its expiration unless this runs again. For Do Not Disturb use Set Preferred.",
		name: 'setNotice',
		type: 'notice',
		default: '',
	},
	agentLocator,
	...presenceFields,
	optionsCollection([
		cacheTtlOption,
		{
			displayName: 'Expiration',
			name: 'expirationDuration',
			type: 'string',
			default: '',
			placeholder: 'PT1H',
			description:
				'How long the session lasts unless renewed, as an ISO 8601 duration from PT5M (5 minutes, the default) to PT4H (4 hours)',
		},
		...guardOptions('teams'),
		timeoutOption,
	]),
];

export const description = showFor({ resource: ['agentPresence'], operation: ['set'] }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// A person without a Teams user is skipped, not failed.
	return await skippingUnknownAgent('teams', async () => await setPresence.call(this, i));
}

async function setPresence(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const [availability, activity] = resolvePair(this, i, 'session');
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const expirationDuration = parseDuration(this, options.expirationDuration, i, {
		minMinutes: 5,
		maxMinutes: 240,
	});
	const agentId = await resolveAgentId(this, i);
	// "presence: setPresence": the session ID is the application's (client) ID.
	const body: IDataObject = { sessionId: await graphClientId(this), availability, activity };
	if (expirationDuration) body.expirationDuration = expirationDuration;
	return await writePresence(this, i, agentId, {
		action: 'setPresence',
		body,
		wanted: [availability, activity],
		idempotent: true,
	});
}
