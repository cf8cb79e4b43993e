import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/displayOptions';
import { GUID_REGEX, requireGuid } from '../../helpers/guid';
import { dataverseRequest } from '../../transport';
import { agentStatusItem } from '../../helpers/agentStatus';

const properties: INodeProperties[] = [
	{
		displayName: 'Agent Status ID',
		name: 'agentStatusId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '3d1feef9-604d-ef11-bfe3-6045bd03d9d8',
		description: "The ID of the agent's status in Dynamics 365 Contact Center, e.g. the Agent Presence Trigger's agentStatusId",
		typeOptions: { validation: [{ type: 'regex', properties: { regex: GUID_REGEX, errorMessage: 'Not a valid ID: expected one like 3d1feef9-604d-ef11-bfe3-6045bd03d9d8' } }] },
	},
];

export const description = showFor({ resource: ['agentStatus'], operation: ['get'] }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireGuid(this, this.getNodeParameter('agentStatusId', i), 'Agent Status ID', i);
	const row = await dataverseRequest(this, { method: 'GET', path: `/msdyn_agentstatuses(${id})` });
	return await agentStatusItem(this, row, new Map());
}
