import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/collections';
import { showFor } from '../../../shared/displayOptions';
import { timeoutOption } from '../../../shared/timeout';
import { agentLocator, presenceFields } from '../../descriptions/locators';
import { resolveAgentId } from '../../helpers/agents';
import { parseDuration, resolvePair } from '../../helpers/pairs';
import { writePresence } from '../../helpers/write';
import { skippingUnknownAgent } from '../../../shared/unknownAgent';
import { guardOptions } from '../../../shared/guardedSet';

const properties: INodeProperties[] = [
	{
		displayName:
			'Sets the presence Teams shows for the user over every session, as if the user picked it — the only way to show Do Not Disturb, Be Right Back or Offline. It takes effect only while the user has a session (signed in to Teams, or an app session from Set); otherwise Teams shows Offline.',
		name: 'setPreferredNotice',
		type: 'notice',
		default: '',
	},
	agentLocator,
	...presenceFields,
	optionsCollection([
		{
			displayName: 'Expiration',
			name: 'expirationDuration',
			type: 'string',
			default: '',
			placeholder: 'PT8H',
			description:
				'How long the preferred presence lasts, as an ISO 8601 duration such as PT8H for 8 hours (when empty: 1 day for Busy and Do Not Disturb, 7 days otherwise)',
		},
		...guardOptions('teams'),
		timeoutOption,
	]),
];

export const description = showFor(
	{ resource: ['agentPresence'], operation: ['setPreferred'] },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// A person without a Teams user is skipped, not failed.
	return await skippingUnknownAgent('teams', async () => await setPresence.call(this, i));
}

async function setPresence(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const [availability, activity] = resolvePair(this, i, 'preferred');
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	// ASSUMPTION: Graph documents no bounds here; at least one minute, as a duration of zero means nothing.
	const expirationDuration = parseDuration(this, options.expirationDuration, i, { minMinutes: 1 });
	const agentId = await resolveAgentId(this, i);
	const body: IDataObject = { availability, activity };
	if (expirationDuration) body.expirationDuration = expirationDuration;
	return await writePresence(this, i, agentId, {
		action: 'setUserPreferredPresence',
		body,
		wanted: [availability, activity],
		idempotent: true,
	});
}
