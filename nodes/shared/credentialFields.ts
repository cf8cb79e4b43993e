import type {
	ICredentialDataDecryptedObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { requestClientCredentialsToken } from './clientCredentialsToken';

/** The hidden, expirable token every credential caches (n8n refetches it when empty or after a 401). */
export const accessTokenField: INodeProperties = {
	displayName: 'Access Token',
	name: 'accessToken',
	type: 'hidden',
	typeOptions: { expirable: true, password: true },
	default: '',
};

/** Advanced endpoint overrides: sovereign clouds, egress proxies, the local vendor simulator. */
export function endpointOverrideFields(
	apiExample: string,
	tokenExample: string,
): INodeProperties[] {
	return [
		{
			displayName: 'Override Endpoints',
			name: 'overrideEndpoints',
			type: 'boolean',
			default: false,
			description:
				'Whether to call other endpoints than the region defaults (sovereign clouds, proxies, a local simulator)',
		},
		{
			displayName: 'API Base URL',
			name: 'apiBaseUrl',
			type: 'string',
			default: '',
			placeholder: apiExample,
			displayOptions: { show: { overrideEndpoints: [true] } },
		},
		{
			displayName: 'Token Endpoint',
			name: 'authEndpoint',
			type: 'string',
			default: '',
			placeholder: tokenExample,
			displayOptions: { show: { overrideEndpoints: [true] } },
		},
	];
}

/**
 * A notice at the top of a credential's form linking its setup guide: where each value comes from
 * and which roles, permissions or scopes each operation needs.
 */
export function setupGuideNotice(guideUrl: string, whatToSetUp: string): INodeProperties {
	return {
		displayName: `${whatToSetUp}: follow the <a href="${guideUrl}" target="_blank">setup guide</a> for where each value comes from and what each operation needs.`,
		name: 'setupGuideNotice',
		type: 'notice',
		default: '',
	};
}

/** The OAuth client every vendor issues for the client-credentials grant, with where the vendor shows each value. */
export function clientFields(where: { clientId: string; clientSecret: string }): INodeProperties[] {
	return [
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: where.clientId,
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: where.clientSecret,
		},
	];
}

/** The fields of a Microsoft Entra ID (Azure AD) app registration, after the cloud: every Microsoft API's credential. */
export function entraClientCredentialFields(apiExample: string): INodeProperties[] {
	return [
		{
			displayName: 'Tenant ID',
			name: 'tenantId',
			type: 'string',
			default: '',
			required: true,
			description:
				'The Directory (tenant) ID on the Overview page of the app registration in the Microsoft Entra admin center',
		},
		...clientFields({
			clientId: 'The Application (client) ID on the Overview page of the same app registration',
			clientSecret:
				'The Value (not the Secret ID) of a client secret made under Certificates & secrets of the app registration; shown only once',
		}),
		...endpointOverrideFields(
			apiExample,
			'https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token',
		),
		accessTokenField,
	];
}

/**
 * The client-credentials grant with the client ID and secret in the form body, as Microsoft
 * Entra ID and most vendors take it (a vendor that wants HTTP Basic auth uses requestClientCredentialsToken directly).
 */
export async function requestTokenWithClientSecret(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	request: { vendorName: string; url: string; scope: string; purpose?: string },
): Promise<{ accessToken: string; expiresIn?: number }> {
	const clientSecret = String(credentials.clientSecret ?? '');
	return await requestClientCredentialsToken(helper, {
		vendorName: request.vendorName,
		url: request.url,
		form: {
			grant_type: 'client_credentials',
			client_id: String(credentials.clientId ?? ''),
			client_secret: clientSecret,
			scope: request.scope,
		},
		secrets: [clientSecret],
		purpose: request.purpose,
	});
}

/**
 * preAuthentication of a Microsoft Entra ID client-credentials credential (the Microsoft APIs): a
 * token for the credential's scope from its tenant's token endpoint.
 */
export function entraPreAuthentication(
	vendorName: string,
	tokenUrl: (credentials: ICredentialDataDecryptedObject) => string,
	scope: (credentials: ICredentialDataDecryptedObject) => string,
) {
	return async function (this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const { accessToken } = await requestTokenWithClientSecret(this, credentials, {
			vendorName,
			url: tokenUrl(credentials),
			scope: scope(credentials),
		});
		return { accessToken };
	};
}

/**
 * Every vendor API takes the cached token as a bearer token. A function, not n8n's generic
 * (expression) auth: n8n resolves generic auth in the workflow's expression sandbox, which under
 * its default `vm` engine exists only while n8n activates or executes the workflow — a trigger's
 * later reconnects and channel renewals would fail with "No bridge acquired for this context".
 */
export async function bearerTokenAuth(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	return {
		...requestOptions,
		headers: { ...requestOptions.headers, Authorization: `Bearer ${String(credentials.accessToken ?? '')}` },
	};
}
