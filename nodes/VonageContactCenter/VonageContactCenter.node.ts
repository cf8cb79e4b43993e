import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { router } from './actions/router';
import { properties } from './actions/versionDescription';
import { searchPresenceDefinitions, searchUsers } from './methods/listSearch';
import { actionNodeDescription } from '../shared/actionNode';
import { ACTION_SUBTITLE } from '../shared/subtitle';
import { VONAGE } from './vendor';

export class VonageContactCenter implements INodeType {
	description: INodeTypeDescription = {
		...actionNodeDescription(VONAGE, {
			description: 'Read and set agent presence, list presence definitions and look up users in Vonage Contact Center',
			properties,
		}),
		// Stated here too: n8n's lint reads them only from the node file's own literal.
		icon: { light: 'file:../../icons/vonage.svg', dark: 'file:../../icons/vonage.dark.svg' },
		subtitle: ACTION_SUBTITLE,
		usableAsTool: true,
	};

	methods = { listSearch: { searchUsers, searchPresenceDefinitions } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
