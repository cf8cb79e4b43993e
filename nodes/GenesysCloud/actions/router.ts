import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationMap } from '../../shared/router';
import { routeItems } from '../../shared/router';
import type { GenesysCloudMap } from './node.type';
import * as agent from './agent';
import * as agentPresence from './agentPresence';
import * as presenceDefinition from './presenceDefinition';
import * as presenceSource from './presenceSource';
import * as systemPresence from './systemPresence';

export const operations: OperationMap<GenesysCloudMap> = {
	agent: { get: agent.get.execute, getAll: agent.getAll.execute },
	agentPresence: {
		// Bulk Set batches all items into few requests, so it runs once, not item by item.
		bulkSet: { runOnce: agentPresence.bulkSet.runOnce },
		get: agentPresence.get.execute,
		getAll: agentPresence.getAll.execute,
		set: agentPresence.set.execute,
	},
	presenceDefinition: {
		create: presenceDefinition.create.execute,
		delete: presenceDefinition.delete.execute,
		get: presenceDefinition.get.execute,
		getAll: presenceDefinition.getAll.execute,
		update: presenceDefinition.update.execute,
	},
	presenceSource: { create: presenceSource.create.execute, getAll: presenceSource.getAll.execute },
	systemPresence: { getAll: systemPresence.getAll.execute },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeItems.call(this, operations);
}
