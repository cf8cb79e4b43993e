import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import { setupGuideNotice } from '../nodes/shared/credentialFields';
import { GRAPH_CLOUD_OPTIONS } from './MicrosoftTeamsPresenceGraphApi.credentials';

const AUTHORITY =
	'{{ ({ public: "https://login.microsoftonline.com", usGovL4: "https://login.microsoftonline.us", usGovL5: "https://login.microsoftonline.us", china: "https://login.partner.microsoftonline.cn" })[$self["cloud"]] }}';
const GRAPH =
	'{{ ({ public: "https://graph.microsoft.com", usGovL4: "https://graph.microsoft.us", usGovL5: "https://dod-graph.microsoft.us", china: "https://microsoftgraph.chinacloudapi.cn" })[$self["cloud"]] }}';

/**
 * Delegated access (a signed-in user, authorization code): Microsoft Graph v1.0 lets an app
 * subscribe to presence change notifications only as a user (delegated Presence.Read.All: "Get
 * change notifications for presence updates in Microsoft Teams"). Every other operation works with
 * either credential (setStatusMessage: delegated Presence.ReadWrite or application
 * Presence.ReadWrite.All, "presence: setStatusMessage").
 */
export class MicrosoftTeamsPresenceOAuth2Api implements ICredentialType {
	name = 'microsoftTeamsPresenceOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Microsoft Teams Presence (Delegated) OAuth2 API';

	icon: Icon = { light: 'file:../icons/teams.svg', dark: 'file:../icons/teams.dark.svg' };

	documentationUrl =
		'https://github.com/agent-presence/n8n-nodes-agent-presence/blob/main/docs/setup/microsoft-teams.md#4-add-delegated-permissions-notification-trigger';

	properties: INodeProperties[] = [
		setupGuideNotice(
			this.documentationUrl,
			'Needs a Microsoft Entra app with delegated permissions (Presence.Read.All for the Notification Trigger) and n8n’s OAuth Redirect URL added as a Web redirect URI',
		),
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Cloud',
			name: 'cloud',
			type: 'options',
			default: 'public',
			options: GRAPH_CLOUD_OPTIONS,
		},
		{
			displayName: 'Tenant ID',
			name: 'tenantId',
			type: 'string',
			default: 'organizations',
			description:
				'The Directory (tenant) ID on the Overview page of the app registration, or "organizations" for any work or school account',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: `=${AUTHORITY}/{{$self["tenantId"]}}/oauth2/v2.0/authorize`,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: `=${AUTHORITY}/{{$self["tenantId"]}}/oauth2/v2.0/token`,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: `=openid offline_access ${GRAPH}/Presence.ReadWrite ${GRAPH}/Presence.Read.All ${GRAPH}/User.ReadBasic.All`,
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
		{
			displayName: 'API Base URL',
			name: 'apiBaseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://graph.microsoft.com/v1.0',
			description: 'Only to call another endpoint than the cloud’s Graph host (a proxy, a local simulator)',
		},
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.apiBaseUrl ? $credentials.apiBaseUrl.replace(/\\/+$/, "") : ({ public: "https://graph.microsoft.com", usGovL4: "https://graph.microsoft.us", usGovL5: "https://dod-graph.microsoft.us", china: "https://microsoftgraph.chinacloudapi.cn" })[$credentials.cloud] + "/v1.0"}}',
			url: '/me/presence',
			method: 'GET',
		},
	};
}
