import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/displayOptions';
import { includeField } from '../../descriptions/fields';
import { agentLocator } from '../../descriptions/locators';
import type { UserInclude } from '../../helpers/users';
import { findUserByEmail, requireEmail, resolveUserId } from '../../helpers/users';
import { vonageUserAdminRequest } from '../../transport';
import { optionsCollection } from '../../../shared/collections';
import { readAgentLocator } from '../../../shared/locators';

const show = { resource: ['agent'], operation: ['get'] };

export const description: INodeProperties[] = [
	...showFor(show, [agentLocator()]),
	...showFor(show, [
		optionsCollection([{ ...includeField, description: 'By Email: which users the email is looked up among' }]),
	]),
];

/**
 * `GET /useradmin/users/{userId}` (User Admin API). By email, the user ID is found first: the User
 * Admin API cannot filter by email, so the user list is paged through once per run and matched
 * here; exactly one user must match, so a typo never passes silently.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const { mode, value } = readAgentLocator(this, i);
	let userId: string;
	if (mode === 'email') {
		const options = this.getNodeParameter('options', i, {}) as { include?: UserInclude };
		const email = requireEmail(this, value, i);
		userId = String((await findUserByEmail(this, email, i, options.include ?? 'Active')).userId);
	} else {
		userId = await resolveUserId(this, i);
	}
	return await vonageUserAdminRequest(this, { method: 'GET', path: `/useradmin/users/${encodeURIComponent(userId)}` });
}
