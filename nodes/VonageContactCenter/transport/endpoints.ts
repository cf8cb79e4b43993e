/** Where Vonage Contact Center lives: regions, API hosts, the versions each API is asked for, the token host. */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { endpointOverride } from '../../shared/endpoints';

/** The name errors give the API. */
export const VONAGE_API_NAME = 'Vonage Contact Center';

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

/**
 * Vonage API base: `https://<region>.api.cc.vonage.com` or `https://<region>.api.newvoicemedia.com`.
 * Credentials saved before the API host option stored `cc.vonage.com` (the token host, which serves
 * no API): they get the current gateway.
 */
export function vonageApiBase(credentials: ICredentialDataDecryptedObject): string {
	const stored = String(credentials.domain ?? '');
	const host = VONAGE_API_HOSTS.some((h) => h.value === stored) ? stored : VONAGE_API_HOSTS[0].value;
	return endpointOverride(credentials, 'apiBaseUrl') ?? `https://${String(credentials.region ?? 'emea')}.${host}`;
}

/**
 * Vonage token endpoint: always `https://<region>.cc.vonage.com/Auth/connect/token` ("Resources
 * (Authentication API)"), whichever API host is picked.
 */
export function vonageTokenUrl(credentials: ICredentialDataDecryptedObject): string {
	return (
		endpointOverride(credentials, 'authEndpoint') ??
		`https://${String(credentials.region ?? 'emea')}.cc.vonage.com/Auth/connect/token`
	);
}
