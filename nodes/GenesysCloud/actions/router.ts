import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationMap } from '../../shared/router';
import { routeItems } from '../../shared/router';
import * as presenceDefinition from './presenceDefinition';
import * as systemPresence from './systemPresence';
import * as userPresence from './userPresence';

const operations: OperationMap = {
	presenceDefinition: {
		create: presenceDefinition.create.execute,
		delete: presenceDefinition.delete.execute,
		get: presenceDefinition.get.execute,
		getAll: presenceDefinition.getAll.execute,
		update: presenceDefinition.update.execute,
	},
	systemPresence: { getAll: systemPresence.getAll.execute },
	userPresence: { get: userPresence.get.execute, set: userPresence.set.execute },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	// Bulk Set batches all items into few requests, so it cannot run item by item.
	const resource = this.getNodeParameter('resource', 0);
	const operation = this.getNodeParameter('operation', 0);
	if (resource === 'userPresence' && operation === 'bulkSet') return await userPresence.bulkSet.executeAll.call(this);
	return await routeItems.call(this, operations);
}
