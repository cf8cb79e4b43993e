import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { showFor } from '../../../shared/displayOptions';
import type { UserInclude } from '../../helpers/users';
import { findUsersByEmail, requireEmail } from '../../helpers/users';
import { includeField } from './shared';

const show = { resource: ['user'], operation: ['findByEmail'] };

export const description: INodeProperties[] = showFor(show, [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'e.g. alex.agent@contoso.com',
		default: '',
		required: true,
		description: 'Matched case-insensitively against the users\' email',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [includeField],
	},
]);

/**
 * The User Admin API cannot filter by email: page through `GET /useradmin/users` and match here.
 * No match is an error (this is a lookup an agent sync depends on), so a typo never passes silently.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const email = requireEmail(this, this.getNodeParameter('email', i) as string, i);
	const options = this.getNodeParameter('options', i, {}) as { include?: UserInclude };
	const include = options.include ?? 'Active';
	const users = await findUsersByEmail(this, email, include);
	if (users.length === 0) {
		throw new NodeOperationError(this.getNode(), `No Vonage Contact Center user has the email ${email}`, {
			itemIndex: i,
			description: `Searched ${include === 'All' ? 'all' : include.toLowerCase()} users.`,
		});
	}
	return users;
}
