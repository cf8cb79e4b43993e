import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { additionalFields } from '../../../shared/collections';
import { showFor } from '../../../shared/displayOptions';
import { descriptionField, displayOrderField, stateField } from '../../descriptions/statusFields';
import { definitionItem, describeAgentStatus } from '../../helpers/definitions';
import { connectRequest, instanceId } from '../../transport';

export const description: INodeProperties[] = showFor({ resource: ['presenceDefinition'], operation: ['create'] }, [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. Coaching', description: 'Up to 127 characters, unique in the instance' },
	{ ...stateField, required: true },
	additionalFields([descriptionField, displayOrderField]),
]);

/** `PUT /agent-status/{InstanceId}` (CreateAgentStatus; always a CUSTOM status), then the status in full. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const extra = this.getNodeParameter('additionalFields', i, {}) as { description?: string; displayOrder?: number };
	const body: IDataObject = { Name: this.getNodeParameter('name', i) as string, State: this.getNodeParameter('state', i) as string };
	if (extra.description !== undefined) body.Description = extra.description;
	if (extra.displayOrder !== undefined) body.DisplayOrder = extra.displayOrder;
	const instance = await instanceId(this);
	const created = await connectRequest<{ AgentStatusId: string; AgentStatusARN: string }>(this, {
		method: 'PUT',
		path: `/agent-status/${encodeURIComponent(instance)}`,
		body,
		// A repeated create would make a duplicate (or fail as one): never retried blindly.
		idempotent: false,
	});
	const status = await describeAgentStatus(this, created.AgentStatusId);
	return definitionItem(status);
}
