import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { router } from './actions/router';
import { properties } from './actions/versionDescription';
import { searchPresenceDefinitions, searchUsersList } from './methods/listSearch';
import { actionNodeDescription } from '../shared/actionNode';
import { ACTION_SUBTITLE } from '../shared/subtitle';
import { GENESYS } from './vendor';
import { presenceSources } from './methods/loadOptions';

export class GenesysCloud implements INodeType {
	description: INodeTypeDescription = {
		...actionNodeDescription(GENESYS, {
			description: 'Read and set agent presence in Genesys Cloud, and manage presence definitions',
			properties,
		}),
		// Stated here too: n8n's lint reads them only from the node file's own literal.
		icon: { light: 'file:../../icons/genesys.svg', dark: 'file:../../icons/genesys.dark.svg' },
		subtitle: ACTION_SUBTITLE,
		usableAsTool: true,
	};

	methods = {
		listSearch: { searchUsers: searchUsersList, searchPresenceDefinitions },
		loadOptions: { presenceSources },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
