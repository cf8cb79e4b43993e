import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationMap } from '../../shared/router';
import { routeItems } from '../../shared/router';
import type { AmazonConnectMap } from './node.type';
import * as agent from './agent';
import * as agentPresence from './agentPresence';
import * as presenceDefinition from './presenceDefinition';

export const operations: OperationMap<AmazonConnectMap> = {
	agent: { get: agent.get.execute, getAll: agent.getAll.execute },
	agentPresence: { get: agentPresence.get.execute, getAll: agentPresence.getAll.execute, set: agentPresence.set.execute },
	presenceDefinition: {
		create: presenceDefinition.create.execute,
		get: presenceDefinition.get.execute,
		getAll: presenceDefinition.getAll.execute,
		update: presenceDefinition.update.execute,
	},
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeItems.call(this, operations);
}
