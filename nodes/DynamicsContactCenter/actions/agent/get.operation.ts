import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { showFor } from '../../../shared/displayOptions';
import type { UserLookup } from '../../helpers/agents';
import { findUsers } from '../../helpers/agents';
import { rowOf } from '../../helpers/rows';

const LABELS: Record<UserLookup, string> = {
	id: 'ID',
	email: 'e-mail address',
	aadObjectId: 'Azure AD object ID',
};

const properties: INodeProperties[] = [
	{
		displayName: 'Look Up By',
		name: 'lookupBy',
		type: 'options',
		default: 'email',
		options: [
			{ name: 'Azure AD Object ID', value: 'aadObjectId', description: 'The user\'s Microsoft Entra ID object ID' },
			{ name: 'Email', value: 'email', description: 'The user\'s primary email (internalemailaddress)' },
			{ name: 'ID', value: 'id', description: 'The systemuserid' },
		],
	},
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '97c90b02-4e38-ef11-a315-000d3a5a54dc',
		displayOptions: { show: { lookupBy: ['id'] } },
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'name@email.com',
		displayOptions: { show: { lookupBy: ['email'] } },
	},
	{
		displayName: 'Azure AD Object ID',
		name: 'aadObjectId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { lookupBy: ['aadObjectId'] } },
	},
];

export const description = showFor({ resource: ['agent'], operation: ['get'] }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const by = this.getNodeParameter('lookupBy', i) as UserLookup;
	const value = String(this.getNodeParameter(by === 'id' ? 'userId' : by, i)).trim();
	const users = await findUsers(this, by, value, i);
	if (users.length === 0) {
		throw new NodeOperationError(this.getNode(), `No Dataverse user has the ${LABELS[by]} "${value}"`, {
			itemIndex: i,
		});
	}
	return users.map(rowOf);
}
