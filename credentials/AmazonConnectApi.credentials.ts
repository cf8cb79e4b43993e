import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { setupGuideNotice } from '../nodes/shared/credentialFields';
import { CONNECT_REGIONS } from '../nodes/AmazonConnect/transport/endpoints';
import { signConnectRequest } from '../nodes/AmazonConnect/transport/signing';
import {
	DURATION_LIMITS,
	SESSION_FIELD,
	assumeRole,
	assumesRole,
} from '../nodes/AmazonConnect/transport/sts';

/**
 * AWS access keys for Amazon Connect, signing every request with Signature Version 4 for the
 * `connect` service. Not n8n's own `aws` credential: n8n's community-node lint
 * (`no-credential-reuse`) lets a node use only credentials its own package defines.
 *
 * With Assume Role on, the keys only call AWS STS AssumeRole (preAuthentication, as n8n does for
 * fetched tokens) and the role's temporary keys, kept in the hidden expirable field, sign the
 * `connect` requests; the node's transport asks for new ones before they expire (transport/sts.ts).
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
			displayName: 'Assume Role',
			name: 'assumeRole',
			type: 'boolean',
			default: false,
			description:
				'Whether to act as an IAM role: the access key above only calls AWS STS AssumeRole (it needs sts:AssumeRole on the role, and the role’s trust policy must trust it), and the role’s temporary keys call Amazon Connect',
		},
		{
			displayName: 'Role ARN',
			name: 'roleArn',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. arn:aws:iam::123456789012:role/n8n-agent-presence',
			description: 'The role to assume, which has the Amazon Connect permissions',
			displayOptions: { show: { assumeRole: [true] } },
		},
		{
			displayName: 'External ID',
			name: 'externalId',
			type: 'string',
			default: '',
			description:
				'The External ID the role’s trust policy requires (its sts:ExternalId condition); leave empty when it requires none',
			displayOptions: { show: { assumeRole: [true] } },
		},
		{
			displayName: 'Role Session Name',
			name: 'roleSessionName',
			type: 'string',
			default: 'n8n-agent-presence',
			description:
				'Names the session in CloudTrail and in the assumed role’s ARN: 2–64 letters, digits and _+=,.@-',
			displayOptions: { show: { assumeRole: [true] } },
		},
		{
			displayName: 'Session Duration (Seconds)',
			name: 'durationSeconds',
			type: 'number',
			typeOptions: { minValue: DURATION_LIMITS.min, maxValue: DURATION_LIMITS.max },
			default: DURATION_LIMITS.default,
			description:
				'How long the temporary keys last, up to the role’s maximum session duration; new ones are fetched 5 minutes before they expire',
			displayOptions: { show: { assumeRole: [true] } },
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
		{
			displayName: 'STS Base URL',
			name: 'stsBaseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://sts.us-east-1.amazonaws.com',
			description:
				'Where AssumeRole is sent instead of the Region’s STS endpoint (an STS interface VPC endpoint, a proxy)',
			displayOptions: { show: { overrideEndpoints: [true], assumeRole: [true] } },
		},
		{
			// The assumed role's temporary keys and their Expiration (JSON), filled by preAuthentication.
			displayName: 'Assumed Role Session',
			name: SESSION_FIELD,
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		// Without Assume Role there is nothing to fetch: n8n keeps the credential as it is.
		if (!assumesRole(credentials)) return {};
		return { [SESSION_FIELD]: await assumeRole(this, credentials, new Date()) };
	}

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
