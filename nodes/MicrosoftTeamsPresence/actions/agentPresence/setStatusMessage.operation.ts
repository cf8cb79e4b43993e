import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { showFor } from '../../../shared/displayOptions';
import { timeoutOption } from '../../../shared/timeout';
import { agentLocator } from '../../descriptions/locators';
import { resolveAgentId } from '../../helpers/agents';
import { writePresence } from '../../helpers/write';
import { optionsCollection } from '../../../shared/collections';

const properties: INodeProperties[] = [
	{
		// "presence: setStatusMessage" lists both: delegated Presence.ReadWrite, application Presence.ReadWrite.All.
		displayName:
			'Microsoft\'s docs allow both authentications: Application with Presence.ReadWrite.All (any user), or Delegated with Presence.ReadWrite (the signed-in user\'s own message).',
		name: 'statusMessageNotice',
		type: 'notice',
		default: '',
	},
	agentLocator,
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		default: '',
		description: 'The status message (plain text); empty clears it',
	},
	optionsCollection([
		{
			displayName: 'Expires At',
			name: 'expiryDateTime',
			type: 'string',
			default: '',
			placeholder: '2026-10-18T17:05:33',
			description: 'Local date and time without offset, in the time zone below; empty for no expiry',
		},
		{
			displayName: 'Time Zone',
			name: 'timeZone',
			type: 'string',
			default: 'UTC',
			description: 'The time zone of Expires At (e.g. UTC, Pacific Standard Time)',
		},
		timeoutOption,
	]),
];

export const description = showFor({ resource: ['agentPresence'], operation: ['setStatusMessage'] }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const statusMessage: IDataObject = {
		message: { content: String(this.getNodeParameter('message', i, '')), contentType: 'text' },
	};
	const expiry = String(options.expiryDateTime ?? '').trim();
	if (expiry !== '') {
		// "presenceStatusMessage": expiryDateTime.dateTime carries no offset; the zone goes separately.
		if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(expiry)) {
			throw new NodeOperationError(this.getNode(), `Expires At "${expiry}" is not a local date and time`, {
				itemIndex: i,
				description: 'Use YYYY-MM-DDTHH:MM[:SS] without Z or offset, and give the zone in Time Zone',
			});
		}
		statusMessage.expiryDateTime = { dateTime: expiry, timeZone: String(options.timeZone ?? 'UTC') || 'UTC' };
	}
	const agentId = await resolveAgentId(this, i);
	return await writePresence(this, i, agentId, {
		action: 'setStatusMessage',
		body: { statusMessage },
		idempotent: true,
	});
}
