import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { router } from './actions/router';
import { properties } from './actions/versionDescription';
import { searchAgentStatuses, searchUsers } from './methods/listSearch';
import { ACTION_SUBTITLE } from '../shared/subtitle';

export class AmazonConnect implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Amazon Connect',
		name: 'amazonConnect',
		icon: { light: 'file:../../icons/amazonConnect.svg', dark: 'file:../../icons/amazonConnect.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: ACTION_SUBTITLE,
		description: 'Read and set agent status, manage agent statuses and look up users in Amazon Connect',
		defaults: { name: 'Amazon Connect' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'amazonConnectApi', required: true }],
		properties,
	};

	methods = { listSearch: { searchUsers, searchAgentStatuses } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
