import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import {
	accessTokenField,
	clientFields,
	endpointOverrideFields,
	requestTokenWithClientSecret,
	setupGuideNotice,
} from '../nodes/shared/credentialFields';
import {
	VONAGE_API_NAME,
	VONAGE_ACCEPT,
	VONAGE_API_HOSTS,
	VONAGE_REGIONS,
	vonageTokenUrl,
} from '../nodes/VonageContactCenter/transport/endpoints';
import { authenticateVonage, fetchScopedTokens, parseScopes } from '../nodes/VonageContactCenter/transport/vonageTokenCache';

/**
 * Vonage Contact Center client credentials. The token comes from the region's authentication host
 * (`<region>.cc.vonage.com/Auth/connect/token`, client ID/secret and scope in the form body), the
 * APIs from the region's API gateway. Tokens are cached per scope in the hidden expirable field,
 * so an operation gets a token for the scope it needs even when the API client lacks another.
 */
export class VonageContactCenterApi implements ICredentialType {
	name = 'vonageContactCenterApi';

	displayName = 'Vonage Contact Center API';

	icon: Icon = { light: 'file:../icons/vonage.svg', dark: 'file:../icons/vonage.dark.svg' };

	documentationUrl =
		'https://github.com/agent-presence/n8n-nodes-agent-presence/blob/main/docs/setup/vonage-contact-center.md';

	properties: INodeProperties[] = [
		setupGuideNotice(
			this.documentationUrl,
			// "Agents API" overview: API credentials are tied to an active user and limited by that user's rights.
			'Needs API credentials created in VCC Admin for an active administrator-level user: they act with that user\'s rights, so a supervisor\'s reach only the agents in their groups (Get Many with All Agents then warns that agents are out of reach)',
		),
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			default: 'emea',
			options: VONAGE_REGIONS,
			description: 'The region your Vonage Contact Center account is hosted in (the first part of its API address: emea, nam, apac)',
		},
		{
			// Kept under its old name so saved credentials keep their choice.
			displayName: 'API Host',
			name: 'domain',
			type: 'options',
			default: 'api.cc.vonage.com',
			options: VONAGE_API_HOSTS,
			description:
				'Which address your account’s APIs use in the chosen region: the current api.cc.vonage.com, or the older api.newvoicemedia.com. Sign-in always goes through cc.vonage.com.',
		},
		...clientFields({
			clientId: 'Of API credentials made in VCC Admin → Account Settings → API Credentials, by an administrator-level user',
			clientSecret: 'The Secret shown once when those API credentials were made',
		}),
		{
			displayName: 'Scopes',
			name: 'scopes',
			type: 'string',
			default: 'users:read users:write stats',
			required: true,
			description:
				'Space-separated scopes to request, as ticked on the API credentials in VCC Admin: users:read to read presences and users, users:write to set presence, stats for the presence trigger. Each operation uses a token for the scope it needs; scopes the API client is not granted only fail the operations that need them.',
		},
		...endpointOverrideFields(
			'https://emea.api.cc.vonage.com',
			'https://emea.cc.vonage.com/Auth/connect/token',
		),
		accessTokenField,
		{
			// Per-scope tokens, only when the API client lacks one of the Scopes (see VonageContactCenter/transport/vonageTokenCache.ts).
			displayName: 'Scoped Tokens',
			name: 'scopedTokens',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const url = vonageTokenUrl(credentials);
		return await fetchScopedTokens(
			parseScopes(credentials.scopes),
			async (scope) =>
				await requestTokenWithClientSecret(this, credentials, {
					vendorName: VONAGE_API_NAME,
					url,
					scope,
					purpose: `requested scope${scope.includes(' ') ? 's' : ''} "${scope}"`,
				}),
			Date.now(),
		);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return authenticateVonage(credentials, requestOptions, VONAGE_API_NAME, Date.now());
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.overrideEndpoints && $credentials.apiBaseUrl ? $credentials.apiBaseUrl.replace(/\\/+$/, "") : "https://" + $credentials.region + "." + ($credentials.domain === "api.newvoicemedia.com" ? "api.newvoicemedia.com" : "api.cc.vonage.com")}}',
			url: '/agents/presence-definitions',
			method: 'GET',
			headers: { Accept: VONAGE_ACCEPT },
		},
	};
}
