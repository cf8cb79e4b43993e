import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { router } from './actions/router';
import { properties } from './actions/versionDescription';
import { searchAgents, searchPresences } from './methods/listSearch';
import { ACTION_SUBTITLE } from '../shared/subtitle';

export class DynamicsContactCenter implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Dynamics 365 Contact Center',
		name: 'dynamicsContactCenter',
		icon: { light: 'file:../../icons/dynamics.svg', dark: 'file:../../icons/dynamics.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: ACTION_SUBTITLE,
		description: 'Read and set agent presence in Dynamics 365 Contact Center (Dataverse)',
		defaults: { name: 'Dynamics 365 Contact Center' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'dynamicsContactCenterApi', required: true }],
		properties,
	};

	methods = { listSearch: { searchAgents, searchPresences } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
