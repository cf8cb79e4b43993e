import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { showFor } from '../../../shared/displayOptions';
import { agentLocator } from '../../descriptions/locators';
import { asNodeError, graphRequest } from '../../transport';
import { USER_FIELDS, agentItem } from './shape';
import { readAgentLocator } from '../../../shared/locators';
import { NO_TEAMS_AGENT } from '../../helpers/agents';

export const description = showFor({ resource: ['agent'], operation: ['get'] }, [agentLocator]);

/** `GET /users/{id | userPrincipalName}`: Graph takes either in the path ("Get user"). */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const { value } = readAgentLocator(this, i, NO_TEAMS_AGENT);
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
