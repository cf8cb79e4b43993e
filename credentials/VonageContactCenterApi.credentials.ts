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
} from '../nodes/shared/credentialFields';
import { requestClientCredentialsToken } from '../nodes/shared/clientCredentialsToken';
import {
	VENDOR_NAMES,
	VONAGE_ACCEPT,
	VONAGE_DOMAINS,
	VONAGE_REGIONS,
	vonageTokenUrl,
} from '../nodes/shared/endpoints';

/**
 * Vonage Contact Center client credentials. preAuthentication + expirable token: Vonage wants the
 * client ID/secret and the scopes in the form body (not Basic auth), on a host derived from the
 * region and domain picked here.
 */
export class VonageContactCenterApi implements ICredentialType {
	name = 'vonageContactCenterApi';

	displayName = 'Vonage Contact Center API';

	icon: Icon = { light: 'file:../icons/vonage.svg', dark: 'file:../icons/vonage.dark.svg' };

	documentationUrl =
		'https://developer.vonage.com/en/vonage-contact-center/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			default: 'emea',
			options: VONAGE_REGIONS,
		},
		{
			displayName: 'Domain',
			name: 'domain',
			type: 'options',
			default: 'cc.vonage.com',
			options: VONAGE_DOMAINS,
			description: 'Current accounts use cc.vonage.com; older ones api.newvoicemedia.com',
		},
		...clientFields,
		{
			displayName: 'Scopes',
			name: 'scopes',
			type: 'string',
			default: 'users:read users:write stats',
			required: true,
			description:
				'Space-separated scopes the token is requested for: users:read and users:write for presences and users, stats for the presence trigger',
		},
		...endpointOverrideFields('https://emea.cc.vonage.com', 'https://emea.cc.vonage.com/Auth/connect/token'),
		accessTokenField,
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const clientSecret = String(credentials.clientSecret ?? '');
		const { accessToken } = await requestClientCredentialsToken(this, {
			vendorName: VENDOR_NAMES.vonage,
			url: vonageTokenUrl(credentials),
			form: {
				grant_type: 'client_credentials',
				client_id: String(credentials.clientId ?? ''),
				client_secret: clientSecret,
				scope: String(credentials.scopes ?? '').trim().split(/\s+/).join(' '),
			},
			secrets: [clientSecret],
		});
		return { accessToken };
	}

	authenticate: IAuthenticate = bearerTokenAuth;

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.overrideEndpoints && $credentials.apiBaseUrl ? $credentials.apiBaseUrl.replace(/\\/+$/, "") : "https://" + $credentials.region + "." + $credentials.domain}}',
			url: '/agents/presence-definitions',
			method: 'GET',
			headers: { Accept: VONAGE_ACCEPT },
		},
	};
}
