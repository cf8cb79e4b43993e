import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { actionNodeDescription } from '../shared/actionNode';
import { ACTION_SUBTITLE } from '../shared/subtitle';
import { TEAMS } from './vendor';
import { router } from './actions/router';
import { properties } from './actions/versionDescription';
import { searchAgents, searchPresences } from './methods/listSearch';

export class MicrosoftTeamsPresence implements INodeType {
	description: INodeTypeDescription = {
		...actionNodeDescription(TEAMS, {
			description: 'Read and set users’ presence in Microsoft Teams through Microsoft Graph',
			displayName: 'Microsoft Teams Presence',
			// Graph application access or a user's delegated sign-in, by Authentication.
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
		}),
		// Stated here too: n8n's lint reads them only from the node file's own literal.
		icon: { light: 'file:../../icons/teams.svg', dark: 'file:../../icons/teams.dark.svg' },
		subtitle: ACTION_SUBTITLE,
		usableAsTool: true,
	};

	methods = {
		listSearch: { searchAgents, searchPresences },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
