import type {
	IAuthenticate,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import {
	bearerTokenAuth,
	entraClientCredentialFields,
	entraPreAuthentication,
	setupGuideNotice,
} from '../nodes/shared/credentialFields';
import { GRAPH_API_NAME, graphScope, graphTokenUrl } from '../nodes/MicrosoftTeamsPresence/transport/endpoints';

/** The clouds of "Microsoft Graph national cloud deployments", with their Graph and sign-in hosts. */
export const GRAPH_CLOUD_OPTIONS = [
	{ name: 'Global (graph.microsoft.com, login.microsoftonline.com)', value: 'public' },
	{ name: 'US Government L4 / GCC High (graph.microsoft.us, login.microsoftonline.us)', value: 'usGovL4' },
	{ name: 'US Government L5 / DoD (dod-graph.microsoft.us, login.microsoftonline.us)', value: 'usGovL5' },
	{
		name: 'China, Operated by 21Vianet (microsoftgraph.chinacloudapi.cn, login.partner.microsoftonline.cn)',
		value: 'china',
	},
];

/**
 * Microsoft Entra ID (Azure AD) client credentials for Microsoft Graph's presence API: an app
 * registration with the application permissions Presence.Read.All (read) or
 * Presence.ReadWrite.All (read and set), granted admin consent. preAuthentication + expirable token
 * as the other credentials: the scope follows the cloud's Graph host, which oAuth2Api's fixed
 * hidden fields cannot express.
 */
export class MicrosoftTeamsPresenceGraphApi implements ICredentialType {
	name = 'microsoftTeamsPresenceGraphApi';

	displayName = 'Microsoft Teams Presence (Graph) API';

	icon: Icon = { light: 'file:../icons/teams.svg', dark: 'file:../icons/teams.dark.svg' };

	documentationUrl =
		'https://github.com/agent-presence/n8n-nodes-agent-presence/blob/main/docs/setup/microsoft-teams.md';

	properties: INodeProperties[] = [
		setupGuideNotice(
			this.documentationUrl,
			'Needs a Microsoft Entra app with the application permission Presence.ReadWrite.All (or Presence.Read.All to only read), granted admin consent',
		),
		{
			displayName: 'Cloud',
			name: 'cloud',
			type: 'options',
			default: 'public',
			options: GRAPH_CLOUD_OPTIONS,
			description:
				'The Microsoft cloud of the tenant (GCC uses Global). Microsoft lists the presence API as not available in China.',
		},
		...entraClientCredentialFields('https://graph.microsoft.com/v1.0'),
	];

	preAuthentication = entraPreAuthentication(GRAPH_API_NAME, graphTokenUrl, graphScope);

	authenticate: IAuthenticate = bearerTokenAuth;

	// A real presence read (the ID is no user's, so nothing is disclosed): it needs Presence.Read.All
	// (or Presence.ReadWrite.All), which is what every read and the trigger need.
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.overrideEndpoints && $credentials.apiBaseUrl ? $credentials.apiBaseUrl.replace(/\\/+$/, "") : "https://" + ({ public: "graph.microsoft.com", usGovL4: "graph.microsoft.us", usGovL5: "dod-graph.microsoft.us", china: "microsoftgraph.chinacloudapi.cn" }[$credentials.cloud] || "graph.microsoft.com") + "/v1.0"}}',
			url: '/communications/getPresencesByUserId',
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: { ids: ['00000000-0000-0000-0000-000000000000'] },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'The app registration lacks the application permission Presence.Read.All (or Presence.ReadWrite.All, needed to set presence), or an admin has not granted consent for it',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'Microsoft Graph refused the token: check the cloud, tenant ID and that the app registration lives in that tenant',
				},
			},
		],
	};
}
