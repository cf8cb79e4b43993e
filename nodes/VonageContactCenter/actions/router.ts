import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationMap } from '../../shared/router';
import { routeItems } from '../../shared/router';
import type { VonageContactCenterMap } from './node.type';
import * as agent from './agent';
import * as agentPresence from './agentPresence';
import * as presenceDefinition from './presenceDefinition';

export const operations: OperationMap<VonageContactCenterMap> = {
	agent: { get: agent.get.execute, getAll: agent.getAll.execute },
	agentPresence: {
		get: agentPresence.get.execute,
		getAll: agentPresence.getAll.execute,
		set: agentPresence.set.execute,
	},
	presenceDefinition: { getAll: presenceDefinition.getAll.execute },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeItems.call(this, operations);
}
