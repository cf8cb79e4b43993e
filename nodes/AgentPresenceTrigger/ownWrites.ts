/**
 * "Ignore This Sync's Own Writes" (Dataverse): the trigger's credential signs in as an application
 * user, and the sync's Dataverse writes carry that user as InitiatingUserId. WhoAmI names it
 * (Dataverse Web API "WhoAmI function": UserId). It is read when the workflow is activated and
 * kept in the node's static data; a webhook that finds none (a test URL, data from before the
 * switch was turned on) reads it then.
 */
import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { dataverseRequest } from '../DynamicsContactCenter/transport';

const STATIC_KEY = 'applicationUserId';

export function ignoresOwnWrites(ctx: IHookFunctions | IWebhookFunctions): boolean {
	return ctx.getNodeParameter('source', 'dataverse') === 'dataverse' && ctx.getNodeParameter('ignoreOwnWrites', false) === true;
}

async function whoAmI(ctx: IHookFunctions | IWebhookFunctions): Promise<string> {
	const answer = await dataverseRequest<IDataObject>(ctx, { method: 'GET', path: '/WhoAmI' });
	const userId = typeof answer.UserId === 'string' ? answer.UserId.toLowerCase() : '';
	if (!userId) throw new NodeOperationError(ctx.getNode(), 'Dynamics 365 Contact Center answered WhoAmI without a UserId');
	return userId;
}

/** At activation: the credential's application user, remembered for the webhooks. */
export async function rememberApplicationUser(ctx: IHookFunctions): Promise<void> {
	const data = ctx.getWorkflowStaticData('node');
	if (!ignoresOwnWrites(ctx)) {
		delete data[STATIC_KEY];
		return;
	}
	data[STATIC_KEY] = await whoAmI(ctx);
}

/** The application user whose writes are skipped, or null when the switch is off. */
export async function applicationUser(ctx: IWebhookFunctions): Promise<string | null> {
	if (!ignoresOwnWrites(ctx)) return null;
	const data = ctx.getWorkflowStaticData('node');
	if (typeof data[STATIC_KEY] === 'string' && data[STATIC_KEY] !== '') return data[STATIC_KEY] as string;
	const userId = await whoAmI(ctx);
	data[STATIC_KEY] = userId;
	return userId;
}
