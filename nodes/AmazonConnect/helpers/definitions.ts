/** One agent status in full (DescribeAgentStatus), as Presence Definition items show it. */
import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { CustomMapping } from './categories';
import { connectCategory } from './categories';
import { statusIdOfArn } from './statuses';

export { describeAgentStatus } from './statuses';

/** The item's status locator as a status ID (an ARN's last segment). */
export function statusIdParameter(ctx: IExecuteFunctions, i: number): string {
	const locator = ctx.getNodeParameter('presence', i) as INodeParameterResourceLocator;
	const value = String(locator?.value ?? '').trim();
	if (value === '') throw new NodeOperationError(ctx.getNode(), 'No status given: pick one or give its ID', { itemIndex: i });
	return value.startsWith('arn:') ? (statusIdOfArn(value) ?? value) : value;
}

/** A DescribeAgentStatus record with the shared fields: presenceId, presenceName, category. */
export function definitionItem(status: IDataObject, mapping: CustomMapping = {}): IDataObject {
	return {
		...status,
		source: 'amazonConnect',
		presenceId: status.AgentStatusId,
		presenceName: status.Name,
		category: connectCategory(status.Type as string, status.Name as string, mapping),
	};
}
