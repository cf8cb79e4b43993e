/** Where Microsoft Graph lives for each Microsoft cloud, and the token endpoint of its tenant. */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { ENTRA_AUTHORITY_HOSTS, endpointOverride } from '../../shared/endpoints';

/** The name errors give the API. */
export const GRAPH_API_NAME = 'Microsoft Teams (Graph)';

/**
 * Microsoft Graph per cloud ("Microsoft Graph national cloud deployments"): the Graph service root
 * and the Microsoft Entra ID authority that issues its tokens. US Government L4 (GCC High) and L5
 * (DoD) share the US Government authority; GCC uses the global endpoints.
 */
export const GRAPH_CLOUDS: Record<string, { graphHost: string; authority: string }> = {
	public: { graphHost: 'graph.microsoft.com', authority: ENTRA_AUTHORITY_HOSTS.public },
	usGovL4: { graphHost: 'graph.microsoft.us', authority: ENTRA_AUTHORITY_HOSTS.usGov },
	usGovL5: { graphHost: 'dod-graph.microsoft.us', authority: ENTRA_AUTHORITY_HOSTS.usGov },
	china: { graphHost: 'microsoftgraph.chinacloudapi.cn', authority: ENTRA_AUTHORITY_HOSTS.china },
};

const graphCloud = (credentials: ICredentialDataDecryptedObject) =>
	GRAPH_CLOUDS[String(credentials.cloud ?? 'public')] ?? GRAPH_CLOUDS.public;

/** Graph v1.0 root: `https://<graph host>/v1.0`, unless overridden. */
export function graphApiBase(credentials: ICredentialDataDecryptedObject): string {
	return endpointOverride(credentials, 'apiBaseUrl') ?? `https://${graphCloud(credentials).graphHost}/v1.0`;
}

/**
 * The client-credentials scope: the cloud's own Graph host, even when the API base is overridden
 * (a token's audience is the service, not the proxy in front of it).
 */
export function graphScope(credentials: ICredentialDataDecryptedObject): string {
	return `https://${graphCloud(credentials).graphHost}/.default`;
}

export function graphTokenUrl(credentials: ICredentialDataDecryptedObject): string {
	return (
		endpointOverride(credentials, 'authEndpoint') ??
		`${graphCloud(credentials).authority}/${encodeURIComponent(String(credentials.tenantId ?? ''))}/oauth2/v2.0/token`
	);
}
