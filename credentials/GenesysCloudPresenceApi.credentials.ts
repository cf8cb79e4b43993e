import type {
	IAuthenticate,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import {
	accessTokenField,
	bearerTokenAuth,
	clientFields,
	endpointOverrideFields,
	setupGuideNotice,
} from '../nodes/shared/credentialFields';
import { requestClientCredentialsToken } from '../nodes/shared/clientCredentialsToken';
import { GENESYS_REGIONS, GENESYS_API_NAME, genesysTokenUrl } from '../nodes/GenesysCloud/transport/endpoints';

/**
 * Genesys Cloud OAuth client (Client Credentials grant). preAuthentication + expirable token:
 * Genesys wants the client ID/secret as HTTP Basic auth on the region's login host, and the
 * login host follows the region picked here — both simpler to express in code than through
 * oAuth2Api's hidden fields.
 */
export class GenesysCloudPresenceApi implements ICredentialType {
	name = 'genesysCloudPresenceApi';

	displayName = 'Genesys Cloud API';

	icon: Icon = { light: 'file:../icons/genesys.svg', dark: 'file:../icons/genesys.dark.svg' };

	documentationUrl =
		'https://github.com/agent-presence/n8n-nodes-agent-presence/blob/main/docs/setup/genesys-cloud.md';

	properties: INodeProperties[] = [
		setupGuideNotice(
			this.documentationUrl,
			"Needs a Genesys Cloud OAuth client of grant type Client Credentials whose role has: presence:userPresence:edit to change agents' presence (Genesys Cloud requires it for changing another user's presence since 20 July 2025); presence:source:view and presence:source:add for a presence source given by name; presence:userPrimarySource:edit to make a source an agent's primary one; presence:presenceDefinition:view (and :add, :edit, :delete) for presence definitions; directory:user:view to find agents by e-mail",
		),
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			default: 'mypurecloud.com',
			options: GENESYS_REGIONS,
			description: 'The region of your Genesys Cloud organization: the one whose domain your Genesys Cloud address ends with',
		},
		...clientFields({
			clientId: 'Of an OAuth client with grant type Client Credentials: Genesys Cloud Admin → Integrations → OAuth → your client',
			clientSecret: 'Shown on the same OAuth client’s page in Genesys Cloud Admin',
		}),
		...endpointOverrideFields('https://api.mypurecloud.com', 'https://login.mypurecloud.com/oauth/token'),
		accessTokenField,
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const clientId = String(credentials.clientId ?? '');
		const clientSecret = String(credentials.clientSecret ?? '');
		const { accessToken } = await requestClientCredentialsToken(this, {
			vendorName: GENESYS_API_NAME,
			url: genesysTokenUrl(credentials),
			form: { grant_type: 'client_credentials' },
			basicAuth: { username: clientId, password: clientSecret },
			secrets: [clientSecret],
		});
		return { accessToken };
	}

	authenticate: IAuthenticate = bearerTokenAuth;

	// System presences need no permission, so any working client passes; Set by category or system
	// presence works without more (it falls back to the legacy listing when the role lacks
	// presence:presenceDefinition:view), the Presence Definition operations of the current API need it.
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.overrideEndpoints && $credentials.apiBaseUrl ? $credentials.apiBaseUrl.replace(/\\/+$/, "") : "https://api." + $credentials.region}}',
			url: '/api/v2/systempresences',
			method: 'GET',
		},
	};
}
