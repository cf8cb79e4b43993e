import type {
	IAuthenticate,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import {
	bearerTokenAuth,
	entraClientCredentialFields,
	entraPreAuthentication,
	setupGuideNotice,
} from '../nodes/shared/credentialFields';
import {
	DATAVERSE_API_NAME,
	dataverseEnvironmentUrl,
	dataverseTokenUrl,
} from '../nodes/DynamicsContactCenter/transport/endpoints';

/** The Microsoft Entra ID clouds a Dataverse environment lives in, with their sign-in hosts. */
const AZURE_CLOUD_OPTIONS = [
	{ name: 'Public (login.microsoftonline.com)', value: 'public' },
	{ name: 'US Government GCC High / DoD (login.microsoftonline.us)', value: 'usGov' },
	{ name: 'China, Operated by 21Vianet (login.partner.microsoftonline.cn)', value: 'china' },
];

/**
 * Azure AD client credentials (an application user in the Dataverse environment).
 * preAuthentication + expirable token rather than `extends: ['oAuth2Api']`: the scope is derived
 * from the environment URL and the authority from the chosen cloud, which oAuth2Api's fixed
 * hidden fields cannot express, and n8n re-runs preAuthentication by itself after a 401.
 */
export class DynamicsContactCenterApi implements ICredentialType {
	name = 'dynamicsContactCenterApi';

	displayName = 'Dynamics 365 Contact Center (Dataverse) API';

	icon: Icon = { light: 'file:../icons/dynamics.svg', dark: 'file:../icons/dynamics.dark.svg' };

	documentationUrl =
		'https://github.com/agent-presence/n8n-nodes-agent-presence/blob/main/docs/setup/dynamics-365-contact-center.md';

	properties: INodeProperties[] = [
		setupGuideNotice(
			this.documentationUrl,
			'Needs a Microsoft Entra app, added to the environment as an application user with a security role, the privilege Act on Behalf of Another User and an Omnichannel role',
		),
		{
			displayName: 'Environment URL',
			name: 'environmentUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://contoso.crm.dynamics.com',
			description:
				'The address of your Dynamics 365 environment: Power Platform admin center → Environments → your environment → Environment URL',
		},
		{
			displayName: 'Cloud',
			name: 'cloud',
			type: 'options',
			default: 'public',
			options: AZURE_CLOUD_OPTIONS,
			description:
				'Where your Microsoft tenant signs in: Public for commercial and GCC, US Government for GCC High and DoD, China for 21Vianet',
		},
		...entraClientCredentialFields('https://contoso.crm.dynamics.com/api/data/v9.2'),
	];

	preAuthentication = entraPreAuthentication(
		DATAVERSE_API_NAME,
		dataverseTokenUrl,
		(credentials) => `${dataverseEnvironmentUrl(credentials)}/.default`,
	);

	authenticate: IAuthenticate = bearerTokenAuth;

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.overrideEndpoints && $credentials.apiBaseUrl ? $credentials.apiBaseUrl.replace(/\\/+$/, "") : $credentials.environmentUrl.replace(/\\/+$/, "") + "/api/data/v9.2"}}',
			url: '/WhoAmI',
			method: 'GET',
			headers: { Accept: 'application/json', 'OData-MaxVersion': '4.0', 'OData-Version': '4.0' },
		},
	};
}
