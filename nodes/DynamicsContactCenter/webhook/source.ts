/**
 * Dataverse `msdyn_agentstatus` webhooks: the RemoteExecutionContext a registered step posts, read
 * from the row when Dataverse cut it short, filtered by who made the change, custom presences
 * resolved on request, and (with automatic registration) registered and removed by the trigger.
 */
import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseDataverseAgentStatus } from '../events/dataverseWebhook';
import { DATAVERSE_CREDENTIAL } from '../transport';
import type { EventScope, WebhookSource } from '../../shared/webhookSource';
import { ensureCredential } from './credential';
import { resolveCustomPresence } from './customPresence';
import { dataverseWebhookFields } from './properties';
import { applicationUser, rememberApplicationUser } from './ownWrites';
import { createRegistration, isAutomatic, registrationIsCurrent, removeRegistration, storedRegistration } from './registration';
import { isSizeExceeded, sizeExceededItem } from './sizeExceeded';

const userIdList = (text: string) =>
	text
		.split(/[\s,;]+/)
		.map((id) => id.trim().toLowerCase())
		.filter(Boolean);

/** "Ignore Changes Made By" and "Ignore This Sync's Own Writes": the writer on the list, if any. */
async function ignoredWriter(scope: EventScope, item: IDataObject): Promise<string | null> {
	const ignore = userIdList(scope.param<string>('ignoreUserIds', ''));
	if (scope.param<boolean>('ignoreOwnWrites', false) === true) ignore.push(await applicationUser(scope.ctx));
	const writer = [item.initiatingUserId, item.userId].find((id) => typeof id === 'string' && id && ignore.includes(id.toLowerCase()));
	return typeof writer === 'string' ? writer : null;
}

/** Adds the custom presence's name and category; a failed lookup is said on the item, never thrown. */
async function addCustomPresence(scope: EventScope, item: IDataObject): Promise<void> {
	const { ctx } = scope;
	try {
		await ctx.getCredentials(DATAVERSE_CREDENTIAL);
	} catch (error) {
		item.presenceLookupError = `Resolve Custom Presences needs a Dataverse credential on the ${scope.where}`;
		ctx.logger.warn(`${scope.label}: ${item.presenceLookupError}: ${(error as Error).message}`);
		return;
	}
	try {
		const resolved = await resolveCustomPresence(ctx, String(item.presenceId));
		item.presenceName = resolved.presenceName ?? item.presenceName;
		item.category = resolved.category;
		item.basePresenceStatus = resolved.basePresenceStatus;
	} catch (error) {
		// Never fail the delivery over a lookup: a failed synchronous step would undo the agent's change.
		item.presenceLookupError = (error as Error).message;
		ctx.logger.warn(`${scope.label}: custom presence lookup failed: ${item.presenceLookupError}`);
	}
}

export const dataverseWebhookSource: WebhookSource = {
	vendorName: 'Dynamics 365 Contact Center',
	signatures: {},
	fields: dataverseWebhookFields,
	parse: (body) => parseDataverseAgentStatus(body) as unknown as IDataObject,
	// Over 256 KB Dataverse leaves out the data the parser needs: the row is read instead.
	cutShort: async (scope, event, body) => (isSizeExceeded(event.headers) ? await sizeExceededItem(scope, body) : undefined),
	async ignoreReason(scope, item) {
		const writer = await ignoredWriter(scope, item);
		return writer ? `the change was made by ${writer}, which is on the ignore list` : null;
	},
	async complete(scope, item) {
		if (item.customPresence === true && scope.param<boolean>('resolveCustomPresences', false) === true) await addCustomPresence(scope, item);
	},
	activation: {
		registersItself: isAutomatic,
		async checkExists(ctx: IHookFunctions) {
			await ensureCredential(ctx, isAutomatic(ctx));
			// Remember whose writes are the sync's own before any event arrives.
			await rememberApplicationUser(ctx);
			if (!isAutomatic(ctx)) return true;
			return await registrationIsCurrent(ctx, ctx.getNodeWebhookUrl('default') as string);
		},
		async create(ctx: IHookFunctions) {
			if (!isAutomatic(ctx)) return;
			const url = ctx.getNodeWebhookUrl('default');
			if (!url) throw new NodeOperationError(ctx.getNode(), 'n8n did not provide a webhook URL to register');
			await createRegistration(ctx, url);
		},
		async delete(ctx: IHookFunctions) {
			// A registration made earlier is removed even if the node was since switched to manual.
			const registration = storedRegistration(ctx);
			if (registration) await removeRegistration(ctx, registration);
		},
	},
};
