import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { router } from './actions/router';
import { properties } from './actions/versionDescription';
import { searchAgents, searchPresences } from './methods/listSearch';
import { actionNodeDescription } from '../shared/actionNode';
import { ACTION_SUBTITLE } from '../shared/subtitle';
import { DATAVERSE } from './vendor';

export class DynamicsContactCenter implements INodeType {
	description: INodeTypeDescription = {
		...actionNodeDescription(DATAVERSE, {
			description: 'Read and set agent presence in Dynamics 365 Contact Center (Dataverse)',
			properties,
		}),
		// Stated here too: n8n's lint reads them only from the node file's own literal.
		icon: { light: 'file:../../icons/dynamics.svg', dark: 'file:../../icons/dynamics.dark.svg' },
		subtitle: ACTION_SUBTITLE,
		usableAsTool: true,
	};

	methods = { listSearch: { searchAgents, searchPresences } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
