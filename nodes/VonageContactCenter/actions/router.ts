import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationMap } from '../../shared/router';
import { routeItems } from '../../shared/router';
import * as agentPresence from './agentPresence';
import * as presenceDefinition from './presenceDefinition';
import * as user from './user';

const operations: OperationMap = {
	agentPresence: { get: agentPresence.get.execute, set: agentPresence.set.execute },
	presenceDefinition: { getAll: presenceDefinition.getAll.execute },
	user: { get: user.get.execute, getAll: user.getAll.execute, findByEmail: user.findByEmail.execute },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeItems.call(this, operations);
}
