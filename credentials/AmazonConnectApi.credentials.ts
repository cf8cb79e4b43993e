import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { setupGuideNotice } from '../nodes/shared/credentialFields';
import { CONNECT_REGIONS } from '../nodes/AmazonConnect/transport/endpoints';
import { signConnectRequest } from '../nodes/AmazonConnect/transport/signing';

/**
 * AWS access keys for Amazon Connect, signing every request with Signature Version 4 for the
 * `connect` service. Not n8n's own `aws` credential: n8n's community-node lint
 * (`no-credential-reuse`) lets a node use only credentials its own package defines.
 */
export class AmazonConnectApi implements ICredentialType {
	name = 'amazonConnectApi';

	displayName = 'Amazon Connect API';

	icon: Icon = { light: 'file:../icons/amazonConnect.svg', dark: 'file:../icons/amazonConnect.dark.svg' };

	documentationUrl =
		'https://github.com/agent-presence/n8n-nodes-agent-presence/blob/main/docs/setup/amazon-connect.md';

	properties: INodeProperties[] = [
		setupGuideNotice(
			this.documentationUrl,
			'Needs the access key of an IAM user or role allowed connect:GetCurrentUserData, connect:PutUserStatus, connect:ListAgentStatuses, connect:DescribeAgentStatus, connect:DescribeUser, connect:ListUsers and connect:SearchUsers (connect:CreateAgentStatus and connect:UpdateAgentStatus to manage statuses) on the instance',
		),
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			default: 'us-east-1',
			options: CONNECT_REGIONS,
			description: 'The AWS Region of your Amazon Connect instance (in its ARN, after arn:aws:connect:)',
		},
		{
			displayName: 'Instance ID or ARN',
			name: 'instance',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. arn:aws:connect:us-east-1:123456789012:instance/12345678-aaaa-bbbb-cccc-123456789012',
			description:
				'The Amazon Connect instance the operations act on: its ARN (Amazon Connect console → your instance → Distribution settings / Account overview) or the ID at its end',
		},
		{
			displayName: 'Access Key ID',
			name: 'accessKeyId',
			type: 'string',
			required: true,
			default: '',
		},
		{
			displayName: 'Secret Access Key',
			name: 'secretAccessKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
		},
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Only for temporary security credentials (from AWS STS); leave empty for an IAM user’s access key',
		},
		{
			displayName: 'Override Endpoints',
			name: 'overrideEndpoints',
			type: 'boolean',
			default: false,
			description: 'Whether to call another endpoint than the Region’s (an interface VPC endpoint, a proxy, a local simulator)',
		},
		{
			displayName: 'API Base URL',
			name: 'apiBaseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://connect.us-east-1.amazonaws.com',
			displayOptions: { show: { overrideEndpoints: [true] } },
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return signConnectRequest(credentials, requestOptions, new Date());
	}

	// ListAgentStatuses is the read the minimal policy of the setup guide allows; one status is enough.
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.overrideEndpoints && $credentials.apiBaseUrl ? $credentials.apiBaseUrl.replace(/\\/+$/, "") : "https://connect." + $credentials.region + ".amazonaws.com"}}',
			url: '=/agent-status/{{ encodeURIComponent(String($credentials.instance).trim().split("/").pop()) }}',
			qs: { maxResults: 1 },
			method: 'GET',
		},
	};
}
