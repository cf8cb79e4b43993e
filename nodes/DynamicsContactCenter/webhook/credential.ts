/**
 * At activation: automatic registration and custom-presence lookups need the Dynamics 365 Contact
 * Center credential; without it the workflow is not published (instead of failing on every change).
 */
import type { IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DATAVERSE_CREDENTIAL } from '../transport';

export async function ensureCredential(ctx: IHookFunctions, automatic: boolean): Promise<void> {
	const lookups = ctx.getNodeParameter('resolveCustomPresences', false) === true;
	if (!automatic && !lookups) return;
	try {
		await ctx.getCredentials(DATAVERSE_CREDENTIAL);
	} catch {
		throw new NodeOperationError(ctx.getNode(), 'The trigger needs a Dynamics 365 Contact Center credential', {
			description: automatic
				? 'Register Webhook Automatically registers this URL through the credential: select one, or switch Registration to manual.'
				: 'Resolve Custom Presences looks presences up through the credential: select one, or turn the option off.',
		});
	}
}
