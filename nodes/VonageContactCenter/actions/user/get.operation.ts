import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/displayOptions';
import { userLocator } from '../../descriptions/locators';
import { resolveUserId } from '../../helpers/users';
import { vonageUserAdminRequest } from '../../transport';

export const description: INodeProperties[] = showFor({ resource: ['user'], operation: ['get'] }, [userLocator]);

/** `GET /useradmin/users/{userId}` (User Admin API). */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const userId = await resolveUserId(this, i);
	return await vonageUserAdminRequest(this, { method: 'GET', path: `/useradmin/users/${encodeURIComponent(userId)}` });
}
