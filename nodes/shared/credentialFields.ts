import type {
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

/** The hidden, expirable token every credential caches (n8n refetches it when empty or after a 401). */
export const accessTokenField: INodeProperties = {
	displayName: 'Access Token',
	name: 'accessToken',
	type: 'hidden',
	typeOptions: { expirable: true, password: true },
	default: '',
};

/** Advanced endpoint overrides: sovereign clouds, egress proxies, the local vendor simulator. */
export function endpointOverrideFields(apiExample: string, tokenExample: string): INodeProperties[] {
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

/** The OAuth client every vendor issues for the client-credentials grant. */
export const clientFields: INodeProperties[] = [
	{
		displayName: 'Client ID',
		name: 'clientId',
		type: 'string',
		default: '',
		required: true,
	},
	{
		displayName: 'Client Secret',
		name: 'clientSecret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
	},
];

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
