import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { router } from './actions/router';
import { properties } from './actions/versionDescription';
import { searchAgentStatuses, searchUsers } from './methods/listSearch';
import { actionNodeDescription } from '../shared/actionNode';
import { ACTION_SUBTITLE } from '../shared/subtitle';
import { AMAZON_CONNECT } from './vendor';

export class AmazonConnect implements INodeType {
	description: INodeTypeDescription = {
		...actionNodeDescription(AMAZON_CONNECT, {
			description: 'Read and set agent status, manage agent statuses and look up users in Amazon Connect',
			properties,
		}),
		// Stated here too: n8n's lint reads them only from the node file's own literal.
		icon: { light: 'file:../../icons/amazonConnect.svg', dark: 'file:../../icons/amazonConnect.dark.svg' },
		subtitle: ACTION_SUBTITLE,
		usableAsTool: true,
	};

	methods = { listSearch: { searchUsers, searchAgentStatuses } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
