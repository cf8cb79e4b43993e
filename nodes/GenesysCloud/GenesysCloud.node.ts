import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { router } from './actions/router';
import { properties } from './actions/versionDescription';
import { searchPresenceDefinitions, searchUsersList } from './methods/listSearch';
import { ACTION_SUBTITLE } from '../shared/subtitle';
import { presenceSources } from './methods/loadOptions';

export class GenesysCloud implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Genesys Cloud',
		name: 'genesysCloud',
		icon: { light: 'file:../../icons/genesys.svg', dark: 'file:../../icons/genesys.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: ACTION_SUBTITLE,
		description: 'Read and set agent presence in Genesys Cloud, and manage presence definitions',
		defaults: { name: 'Genesys Cloud' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'genesysCloudPresenceApi', required: true }],
		properties,
	};

	methods = {
		listSearch: { searchUsers: searchUsersList, searchPresenceDefinitions },
		loadOptions: { presenceSources },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
