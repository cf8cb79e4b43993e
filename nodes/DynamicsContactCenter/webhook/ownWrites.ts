/**
 * "Ignore This Sync's Own Writes" (Dataverse): the trigger's credential signs in as an application
 * user, and the sync's Dataverse writes carry that user as InitiatingUserId. WhoAmI names it
 * (Dataverse Web API "WhoAmI function": UserId). It is read when the workflow is activated and
 * kept in the node's static data; a webhook that finds none (a test URL, data from before the
 * switch was turned on) reads it then.
 */
import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { dataverseRequest } from '../transport';
import type { RequestContext } from '../../shared/transport';
import type { EventScope } from '../../shared/webhookSource';

const STATIC_KEY = 'applicationUserId';

async function whoAmI(ctx: RequestContext): Promise<string> {
	const answer = await dataverseRequest<IDataObject>(ctx, { method: 'GET', path: '/WhoAmI' });
	const userId = typeof answer.UserId === 'string' ? answer.UserId.toLowerCase() : '';
	if (!userId) throw new NodeOperationError(ctx.getNode(), 'Dynamics 365 Contact Center answered WhoAmI without a UserId');
	return userId;
}

/** At activation: the credential's application user, remembered for the webhooks. */
export async function rememberApplicationUser(ctx: IHookFunctions): Promise<void> {
	const data = ctx.getWorkflowStaticData('node');
	if (ctx.getNodeParameter('ignoreOwnWrites', false) !== true) {
		delete data[STATIC_KEY];
		return;
	}
	data[STATIC_KEY] = await whoAmI(ctx);
}

/** The application user whose writes are skipped (the switch is on). */
export async function applicationUser(ctx: EventScope['ctx']): Promise<string> {
	const data = ctx.getWorkflowStaticData('node');
	if (typeof data[STATIC_KEY] === 'string' && data[STATIC_KEY] !== '') return data[STATIC_KEY] as string;
	const userId = await whoAmI(ctx);
	data[STATIC_KEY] = userId;
	return userId;
}
