/** Where Dataverse lives: the environment's Web API and its Microsoft Entra ID token endpoint. */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { ENTRA_AUTHORITY_HOSTS, endpointOverride, trimSlash } from '../../shared/endpoints';

/** The name errors give the API. */
export const DATAVERSE_API_NAME = 'Dynamics 365 Contact Center (Dataverse)';

/** `https://contoso.crm.dynamics.com` (or the override) without a trailing slash. */
export function dataverseEnvironmentUrl(credentials: ICredentialDataDecryptedObject): string {
	return trimSlash(String(credentials.environmentUrl ?? '').trim());
}

/** Web API root: `<environment URL>/api/data/v9.2`, unless overridden. */
export function dataverseApiBase(credentials: ICredentialDataDecryptedObject): string {
	return endpointOverride(credentials, 'apiBaseUrl') ?? `${dataverseEnvironmentUrl(credentials)}/api/data/v9.2`;
}

export function dataverseTokenUrl(credentials: ICredentialDataDecryptedObject): string {
	const authority = ENTRA_AUTHORITY_HOSTS[String(credentials.cloud ?? 'public')] ?? ENTRA_AUTHORITY_HOSTS.public;
	return (
		endpointOverride(credentials, 'authEndpoint') ??
		`${authority}/${encodeURIComponent(String(credentials.tenantId ?? ''))}/oauth2/v2.0/token`
	);
}
