/** Whose presences a Get Many reads: given agent IDs, or every agent of the account. */
import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** The Agents choice: Given Agents (value `ids`, the default), All Agents, and any other way a vendor offers. */
export function agentsField(options: INodePropertyOptions[]): INodeProperties {
	return { displayName: 'Agents', name: 'agents', type: 'options', options, default: 'ids' };
}

/** The Agents choice and the Agent IDs list, worded for one product. */
export function agentSelectionFields(product: string, everyone: string): INodeProperties[] {
	return [
		agentsField([
			{ name: 'Given Agents', value: 'ids', description: 'The agents whose user IDs you give' },
			{ name: 'All Agents', value: 'all', description: everyone },
		]),
		{
			displayName: 'Agent IDs',
			name: 'agentIds',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. daab05ec-ba50-45af-a6fd-3b01cdc6f39b, c07da2cc-7a64-476e-aa95-be7042332a95',
			description: `${product} user IDs, separated by commas or new lines, or an expression giving a list`,
			displayOptions: { show: { agents: ['ids'] } },
		},
	];
}

/** The Agent IDs of item `i` from a comma/line-separated text or a list, each once, in the order given. */
export function agentIdList(ctx: IExecuteFunctions, i: number): string[] {
	const raw = ctx.getNodeParameter('agentIds', i, '') as unknown;
	const parts: unknown[] = Array.isArray(raw) ? raw : String(raw ?? '').split(/[\s,;]+/);
	const ids: string[] = [];
	for (const part of parts) {
		if (part === null || part === undefined || part === '') continue;
		if (typeof part !== 'string' && typeof part !== 'number') {
			throw new NodeOperationError(ctx.getNode(), 'Agent IDs must be text', {
				itemIndex: i,
				description: `Got ${JSON.stringify(part)}; give IDs as text or a list of texts.`,
			});
		}
		const id = String(part).trim();
		if (id && !ids.includes(id)) ids.push(id);
	}
	if (ids.length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'No agent given', {
			itemIndex: i,
			description: 'Enter user IDs, or choose "All Agents".',
		});
	}
	return ids;
}
