/**
 * Where Amazon Connect runs: the Regions of "Amazon Connect endpoints and quotas" (AWS General
 * Reference), each served at `https://connect.<region>.amazonaws.com` — GovCloud (US-West) too, in
 * the aws-us-gov partition with the same domain. A test checks every host against the endpoint the
 * AWS SDK resolves for that Region.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { UserError } from 'n8n-workflow';

export const CONNECT_SERVICE = 'connect';

const REGION_TABLE: Array<[string, string]> = [
	['US East (N. Virginia)', 'us-east-1'],
	['US West (Oregon)', 'us-west-2'],
	['Africa (Cape Town)', 'af-south-1'],
	['Asia Pacific (Seoul)', 'ap-northeast-2'],
	['Asia Pacific (Singapore)', 'ap-southeast-1'],
	['Asia Pacific (Sydney)', 'ap-southeast-2'],
	['Asia Pacific (Tokyo)', 'ap-northeast-1'],
	['Canada (Central)', 'ca-central-1'],
	['Europe (Frankfurt)', 'eu-central-1'],
	['Europe (London)', 'eu-west-2'],
	['AWS GovCloud (US-West)', 'us-gov-west-1'],
];

export const CONNECT_REGIONS: Array<{ name: string; value: string }> = REGION_TABLE.map(([label, region]) => ({
	name: `${label} — ${region}`,
	value: region,
}));

export const connectHost = (region: string) => `connect.${region}.amazonaws.com`;

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** `https://connect.<region>.amazonaws.com`, or the credential's override (a VPC endpoint, a proxy, the simulator). */
export function connectApiBase(credentials: ICredentialDataDecryptedObject): string {
	const override = typeof credentials.apiBaseUrl === 'string' ? credentials.apiBaseUrl.trim() : '';
	if (credentials.overrideEndpoints === true && override !== '') return trimSlash(override);
	return `https://${connectHost(String(credentials.region ?? 'us-east-1'))}`;
}

/**
 * The instance ID the API paths take, from an ID or an instance ARN
 * (`arn:<partition>:connect:<region>:<account>:instance/<id>`): "You can find the instance ID in
 * the Amazon Resource Name (ARN) of the instance" (API Reference, every InstanceId parameter).
 */
export function instanceIdOf(instance: unknown): string {
	const text = String(instance ?? '').trim();
	const arn = /^arn:[^:]+:connect:[^:]*:[^:]*:instance\/([^/]+)/.exec(text);
	return arn ? arn[1] : text;
}

/** The Region of an instance ARN, or null for an instance ID (which names none). */
export function instanceRegionOf(instance: unknown): string | null {
	const arn = /^arn:[^:]+:connect:([^:]*):/.exec(String(instance ?? '').trim());
	return arn ? arn[1] : null;
}

/**
 * An instance lives in one Region and is reached only through that Region's endpoint: an ARN of
 * another Region than the credential's would fail every call with a bare 404, so it is refused
 * here, saying which Region to choose.
 */
export function checkInstanceRegion(credentials: ICredentialDataDecryptedObject): void {
	const arnRegion = instanceRegionOf(credentials.instance);
	const region = String(credentials.region ?? 'us-east-1');
	if (arnRegion !== null && arnRegion !== region) {
		throw new UserError(
			`Amazon Connect: the Instance ARN is in the Region ${arnRegion || '(none)'}, but the credential's Region is ${region}. Choose ${arnRegion || 'the instance’s Region'} as the Region, or give the ARN of the instance in ${region}.`,
		);
	}
}
