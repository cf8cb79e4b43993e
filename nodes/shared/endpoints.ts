/**
 * Where each vendor lives. Credentials and transports both resolve URLs here, so the
 * advanced base-URL overrides (sovereign clouds, proxies, the local simulator) behave the same
 * for the token request, the credential test and every API call.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export type Vendor = 'dataverse' | 'genesys' | 'vonage' | 'graph';

export const VENDOR_NAMES: Record<Vendor, string> = {
	dataverse: 'Dynamics 365 Contact Center (Dataverse)',
	genesys: 'Genesys Cloud',
	vonage: 'Vonage Contact Center',
	graph: 'Microsoft Teams (Graph)',
};

/**
 * Azure AD authority host per Microsoft cloud (Microsoft's "National clouds" page; China's
 * login.chinacloudapi.cn is the legacy host).
 */
const AZURE_AUTHORITY_HOSTS: Record<string, string> = {
	public: 'https://login.microsoftonline.com',
	usGov: 'https://login.microsoftonline.us',
	china: 'https://login.partner.microsoftonline.cn',
};

/**
 * Genesys Cloud regions (AWS region, domain): the region hosts of Genesys' Platform API SDK
 * (`PureCloudRegionHosts`), which a test keeps this table in step with.
 */
const GENESYS_REGION_TABLE: Array<[string, string, string]> = [
	['Americas (US East)', 'us-east-1', 'mypurecloud.com'],
	['Americas (US East 2, FedRAMP)', 'us-east-2', 'use2.us-gov-pure.cloud'],
	['Americas (US West)', 'us-west-2', 'usw2.pure.cloud'],
	['Americas (Canada)', 'ca-central-1', 'cac1.pure.cloud'],
	['Americas (São Paulo)', 'sa-east-1', 'sae1.pure.cloud'],
	['Americas (Mexico)', 'mx-central-1', 'mxc1.pure.cloud'],
	['EMEA (Dublin)', 'eu-west-1', 'mypurecloud.ie'],
	['EMEA (London)', 'eu-west-2', 'euw2.pure.cloud'],
	['EMEA (Frankfurt)', 'eu-central-1', 'mypurecloud.de'],
	['EMEA (Zurich)', 'eu-central-2', 'euc2.pure.cloud'],
	['EMEA (UAE)', 'me-central-1', 'mec1.pure.cloud'],
	['EMEA (EU Sovereign Cloud, Germany)', 'eusc-de-east-1', 'edee1.eusc-pure.cloud'],
	['Asia Pacific (Tokyo)', 'ap-northeast-1', 'mypurecloud.jp'],
	['Asia Pacific (Seoul)', 'ap-northeast-2', 'apne2.pure.cloud'],
	['Asia Pacific (Osaka)', 'ap-northeast-3', 'apne3.pure.cloud'],
	['Asia Pacific (Mumbai)', 'ap-south-1', 'aps1.pure.cloud'],
	['Asia Pacific (Jakarta)', 'ap-southeast-1', 'apse1.pure.cloud'],
	['Asia Pacific (Sydney)', 'ap-southeast-2', 'mypurecloud.com.au'],
];

export const GENESYS_REGIONS: Array<{ name: string; value: string }> = GENESYS_REGION_TABLE.map(
	([label, awsRegion, domain]) => ({ name: `${label} — ${awsRegion} — ${domain}`, value: domain }),
);

export const VONAGE_REGIONS: Array<{ name: string; value: string }> = [
	{ name: 'EMEA', value: 'emea' },
	{ name: 'USA', value: 'nam' },
	{ name: 'APAC', value: 'apac' },
];

/**
 * Vonage API gateway per region: `https://<region>.api.cc.vonage.com` (current) or the older
 * `https://<region>.api.newvoicemedia.com` that Vonage's endpoint pages show. The token endpoint is
 * never on these hosts (see vonageTokenUrl).
 */
export const VONAGE_API_HOSTS: Array<{ name: string; value: string }> = [
	{ name: 'api.cc.vonage.com (Current)', value: 'api.cc.vonage.com' },
	{ name: 'api.newvoicemedia.com (Legacy)', value: 'api.newvoicemedia.com' },
];

/**
 * Each Vonage API is versioned on its own through Accept: Agents API v1 ("Versioning (Agents
 * API)"), User Admin API v4 ("Versioning (User Admin API)"), Insights Stats API v2 or v3
 * ("Versioning (Insights Stats API)"). Any other version is refused with a 400.
 */
export const VONAGE_ACCEPT = 'application/vnd.newvoicemedia.v1+json';
export const VONAGE_USER_ADMIN_ACCEPT = 'application/vnd.newvoicemedia.v4+json';
export const VONAGE_STATS_ACCEPT = 'application/vnd.newvoicemedia.v2+json';

const trimSlash = (url: string) => url.replace(/\/+$/, '');

function override(credentials: ICredentialDataDecryptedObject, name: string): string | undefined {
	if (credentials.overrideEndpoints !== true) return undefined;
	const value = credentials[name];
	return typeof value === 'string' && value.trim() !== '' ? trimSlash(value.trim()) : undefined;
}

/** `https://contoso.crm.dynamics.com` (or the override) without a trailing slash. */
export function dataverseEnvironmentUrl(credentials: ICredentialDataDecryptedObject): string {
	return trimSlash(String(credentials.environmentUrl ?? '').trim());
}

/** Web API root: `<environment URL>/api/data/v9.2`, unless overridden. */
export function dataverseApiBase(credentials: ICredentialDataDecryptedObject): string {
	return override(credentials, 'apiBaseUrl') ?? `${dataverseEnvironmentUrl(credentials)}/api/data/v9.2`;
}

export function dataverseTokenUrl(credentials: ICredentialDataDecryptedObject): string {
	const authority = AZURE_AUTHORITY_HOSTS[String(credentials.cloud ?? 'public')] ?? AZURE_AUTHORITY_HOSTS.public;
	return (
		override(credentials, 'authEndpoint') ??
		`${authority}/${encodeURIComponent(String(credentials.tenantId ?? ''))}/oauth2/v2.0/token`
	);
}

/** Genesys API host: `https://api.<region domain>`. */
export function genesysApiBase(credentials: ICredentialDataDecryptedObject): string {
	return override(credentials, 'apiBaseUrl') ?? `https://api.${String(credentials.region ?? 'mypurecloud.com')}`;
}

/** Genesys login host token endpoint: `https://login.<region domain>/oauth/token`. */
export function genesysTokenUrl(credentials: ICredentialDataDecryptedObject): string {
	return (
		override(credentials, 'authEndpoint') ??
		`https://login.${String(credentials.region ?? 'mypurecloud.com')}/oauth/token`
	);
}

/**
 * Vonage API base: `https://<region>.api.cc.vonage.com` or `https://<region>.api.newvoicemedia.com`.
 * Credentials saved before the API host option stored `cc.vonage.com` (the token host, which serves
 * no API): they get the current gateway.
 */
export function vonageApiBase(credentials: ICredentialDataDecryptedObject): string {
	const stored = String(credentials.domain ?? '');
	const host = VONAGE_API_HOSTS.some((h) => h.value === stored) ? stored : VONAGE_API_HOSTS[0].value;
	return override(credentials, 'apiBaseUrl') ?? `https://${String(credentials.region ?? 'emea')}.${host}`;
}

/**
 * Vonage token endpoint: always `https://<region>.cc.vonage.com/Auth/connect/token` ("Resources
 * (Authentication API)"), whichever API host is picked.
 */
export function vonageTokenUrl(credentials: ICredentialDataDecryptedObject): string {
	return (
		override(credentials, 'authEndpoint') ??
		`https://${String(credentials.region ?? 'emea')}.cc.vonage.com/Auth/connect/token`
	);
}

/**
 * Microsoft Graph per cloud ("Microsoft Graph national cloud deployments"): the Graph service root
 * and the Microsoft Entra ID authority that issues its tokens. US Government L4 (GCC High) and L5
 * (DoD) share the US Government authority; GCC uses the global endpoints.
 */
export const GRAPH_CLOUDS: Record<string, { graphHost: string; authority: string }> = {
	public: { graphHost: 'graph.microsoft.com', authority: AZURE_AUTHORITY_HOSTS.public },
	usGovL4: { graphHost: 'graph.microsoft.us', authority: AZURE_AUTHORITY_HOSTS.usGov },
	usGovL5: { graphHost: 'dod-graph.microsoft.us', authority: AZURE_AUTHORITY_HOSTS.usGov },
	china: { graphHost: 'microsoftgraph.chinacloudapi.cn', authority: AZURE_AUTHORITY_HOSTS.china },
};

const graphCloud = (credentials: ICredentialDataDecryptedObject) =>
	GRAPH_CLOUDS[String(credentials.cloud ?? 'public')] ?? GRAPH_CLOUDS.public;

/** Graph v1.0 root: `https://<graph host>/v1.0`, unless overridden. */
export function graphApiBase(credentials: ICredentialDataDecryptedObject): string {
	return override(credentials, 'apiBaseUrl') ?? `https://${graphCloud(credentials).graphHost}/v1.0`;
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
		override(credentials, 'authEndpoint') ??
		`${graphCloud(credentials).authority}/${encodeURIComponent(String(credentials.tenantId ?? ''))}/oauth2/v2.0/token`
	);
}
