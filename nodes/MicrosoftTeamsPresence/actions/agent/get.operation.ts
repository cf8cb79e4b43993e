import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { showFor } from '../../../shared/displayOptions';
import { agentLocator } from '../../descriptions/locators';
import { asNodeError, graphRequest } from '../../transport';
import { USER_FIELDS, agentItem } from './shape';

export const description = showFor({ resource: ['agent'], operation: ['get'] }, [agentLocator]);

/** `GET /users/{id | userPrincipalName}`: Graph takes either in the path ("Get user"). */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const locator = this.getNodeParameter('agent', i) as INodeParameterResourceLocator | string;
	const value = String((typeof locator === 'object' && locator !== null ? locator.value : locator) ?? '').trim();
	if (value === '') {
		throw new NodeOperationError(this.getNode(), 'No agent given', {
			itemIndex: i,
			description: 'Pick a user from the list, or give a Microsoft Entra user object ID, e-mail or UPN',
		});
	}
	let failure: unknown;
	try {
		const user = await graphRequest<IDataObject>(this, {
			method: 'GET',
			path: `/users/${encodeURIComponent(value)}`,
			qs: { $select: USER_FIELDS },
			permission: { application: 'User.Read.All', delegated: 'User.ReadBasic.All' },
		});
		return agentItem(user);
	} catch (error) {
		failure = error;
	}
	if (failure instanceof NodeApiError && failure.httpCode === '404') {
		throw new NodeOperationError(this.getNode(), `No Microsoft Teams user "${value}"`, {
			itemIndex: i,
			description: 'Microsoft Graph finds users by object ID or user principal name (often, not always, their e-mail)',
		});
	}
	throw asNodeError(this, failure);
}
