import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { ACTION_SUBTITLE } from '../shared/subtitle';
import { router } from './actions/router';
import { properties } from './actions/versionDescription';
import { searchAgents, searchPresences } from './methods/listSearch';

export class MicrosoftTeamsPresence implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Microsoft Teams Presence',
		name: 'microsoftTeamsPresence',
		icon: { light: 'file:../../icons/teams.svg', dark: 'file:../../icons/teams.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: ACTION_SUBTITLE,
		description: 'Read and set users’ presence in Microsoft Teams through Microsoft Graph',
		defaults: { name: 'Microsoft Teams Presence' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'microsoftTeamsPresenceGraphApi',
				required: true,
				displayOptions: { show: { authentication: ['clientCredentials'] } },
			},
			{
				name: 'microsoftTeamsPresenceOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
		],
		properties,
	};

	methods = {
		listSearch: { searchAgents, searchPresences },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
