import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationMap } from '../../shared/router';
import { routeItems } from '../../shared/router';
import type { DynamicsContactCenterMap } from './node.type';
import * as agent from './agent';
import * as agentPresence from './agentPresence';
import * as agentStatus from './agentStatus';
import * as presenceDefinition from './presenceDefinition';

export const operations: OperationMap<DynamicsContactCenterMap> = {
	agent: agent.operations,
	agentPresence: agentPresence.operations,
	agentStatus: agentStatus.operations,
	presenceDefinition: presenceDefinition.operations,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeItems.call(this, operations);
}
