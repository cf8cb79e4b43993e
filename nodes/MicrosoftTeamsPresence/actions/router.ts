import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationMap } from '../../shared/router';
import { routeItems } from '../../shared/router';
import type { MicrosoftTeamsPresenceMap } from './node.type';
import * as agent from './agent';
import * as agentPresence from './agentPresence';

export const operations: OperationMap<MicrosoftTeamsPresenceMap> = {
	agent: {
		get: agent.get.execute,
		getAll: agent.getAll.execute,
	},
	agentPresence: {
		clear: agentPresence.clear.execute,
		clearPreferred: agentPresence.clearPreferred.execute,
		get: agentPresence.get.execute,
		getAll: agentPresence.getAll.execute,
		set: agentPresence.set.execute,
		setPreferred: agentPresence.setPreferred.execute,
		setStatusMessage: agentPresence.setStatusMessage.execute,
	},
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeItems.call(this, operations);
}
