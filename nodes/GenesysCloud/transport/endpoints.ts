/** Where Genesys Cloud lives: the region's API and login hosts. */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { endpointOverride } from '../../shared/endpoints';

/** The name errors give the API. */
export const GENESYS_API_NAME = 'Genesys Cloud';

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

/** Genesys API host: `https://api.<region domain>`. */
export function genesysApiBase(credentials: ICredentialDataDecryptedObject): string {
	return endpointOverride(credentials, 'apiBaseUrl') ?? `https://api.${String(credentials.region ?? 'mypurecloud.com')}`;
}

/** Genesys login host token endpoint: `https://login.<region domain>/oauth/token`. */
export function genesysTokenUrl(credentials: ICredentialDataDecryptedObject): string {
	return (
		endpointOverride(credentials, 'authEndpoint') ??
		`https://login.${String(credentials.region ?? 'mypurecloud.com')}/oauth/token`
	);
}
