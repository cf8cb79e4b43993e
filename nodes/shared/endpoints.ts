/**
 * What every vendor's endpoints share: the advanced base-URL overrides (sovereign clouds, proxies,
 * the local simulator) read the same way for the token request, the credential test and every API
 * call, and Microsoft Entra ID's authority hosts. Each vendor's own hosts, regions and URLs are in
 * its folder's transport/endpoints.ts.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/**
 * Microsoft Entra ID (Azure AD) authority host per Microsoft cloud (Microsoft's "National clouds" page; China's
 * login.chinacloudapi.cn is the legacy host).
 */
export const ENTRA_AUTHORITY_HOSTS: Record<string, string> = {
	public: 'https://login.microsoftonline.com',
	usGov: 'https://login.microsoftonline.us',
	china: 'https://login.partner.microsoftonline.cn',
};

export const trimSlash = (url: string) => url.replace(/\/+$/, '');

export function endpointOverride(credentials: ICredentialDataDecryptedObject, name: string): string | undefined {
	if (credentials.overrideEndpoints !== true) return undefined;
	const value = credentials[name];
	return typeof value === 'string' && value.trim() !== '' ? trimSlash(value.trim()) : undefined;
}
