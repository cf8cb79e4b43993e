import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateFields } from '../../../shared/collections';
import { showFor } from '../../../shared/displayOptions';
import { statusLocator } from '../../descriptions/locators';
import { descriptionField, displayOrderField, stateField } from '../../descriptions/statusFields';
import { definitionItem, describeAgentStatus, statusIdParameter } from '../../helpers/definitions';
import { connectRequest, instanceId } from '../../transport';

export const description: INodeProperties[] = showFor({ resource: ['presenceDefinition'], operation: ['update'] }, [
	statusLocator(),
	updateFields([
		{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Up to 127 characters, unique in the instance' },
		stateField,
		descriptionField,
		displayOrderField,
		{
			displayName: 'Reset Order Number',
			name: 'resetOrderNumber',
			type: 'boolean',
			default: false,
			description: 'Whether to clear the display order (ResetOrderNumber)',
		},
	]),
]);

const MEMBER: Record<string, string> = { name: 'Name', state: 'State', description: 'Description', displayOrder: 'DisplayOrder', resetOrderNumber: 'ResetOrderNumber' };

/** `POST /agent-status/{InstanceId}/{AgentStatusId}` (UpdateAgentStatus) with the fields given, then the status in full. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const statusId = statusIdParameter(this, i);
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) if (MEMBER[key] && value !== undefined) body[MEMBER[key]] = value;
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update: add a field under Update Fields', { itemIndex: i });
	}
	const instance = await instanceId(this);
	await connectRequest(this, {
		method: 'POST',
		path: `/agent-status/${encodeURIComponent(instance)}/${encodeURIComponent(statusId)}`,
		body,
		// Setting the same fields again has the same effect.
		idempotent: true,
	});
	const status = await describeAgentStatus(this, statusId);
	return definitionItem(status);
}
