/**
 * Microsoft Graph change notifications for Teams presence, from a subscription made outside this
 * node ("Get change notifications for presence updates in Microsoft Teams"; "Receive change
 * notifications through webhooks"). A POST holds a collection (`value`) of notifications, possibly
 * of several subscriptions, each with the clientState its subscription was given: Graph's docs have
 * the receiver check it on every notification and discard the ones that do not match, so the
 * clientState is checked value by value. Basic notifications carry no presence (only the user), so
 * the item says who changed; the Microsoft Teams Presence node reads what they changed to.
 */
import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { InvalidEventError } from '../../shared/eventErrors';
import { constantTimeEqual, single } from '../../shared/senderVerification';
import { isPlaceholder } from '../../shared/sharedKey';
import type { BatchEvent, EventScope, WebhookSource } from '../../shared/webhookSource';
import type { Notification } from '../helpers/notifications';
import { userOf } from '../helpers/notifications';
import { CLIENT_STATE_DESCRIPTION, GRAPH_CLIENT_STATE, graphNotificationFields } from './properties';

const isObject = (v: unknown): v is IDataObject => typeof v === 'object' && v !== null && !Array.isArray(v);

const clientStateOf = (scope: EventScope) => {
	const key = String(scope.param('sharedKey', '') ?? '');
	return isPlaceholder(key) ? '' : key;
};

/** The item of one change notification: who changed, and which subscription said so. */
function notificationItem(n: Notification & IDataObject, user: string): IDataObject {
	const item: IDataObject = {
		source: 'teams',
		event: 'presence_changed',
		agentId: user,
		presenceId: null,
		presenceName: null,
		category: null,
		changedAt: null,
		subscriptionId: n.subscriptionId ?? null,
		tenantId: typeof n.tenantId === 'string' ? n.tenantId : null,
		changeType: typeof n.changeType === 'string' ? n.changeType : null,
	};
	// Rich notifications (includeResourceData) hold the presence encrypted with your certificate.
	if (typeof (n as IDataObject).encryptedContent === 'object') item.encrypted = true;
	return item;
}

/**
 * Every change notification in the collection. Lifecycle notifications (reauthorizationRequired,
 * missed, subscriptionRemoved) are about the subscription, not a presence: they give no item.
 */
function notifications(body: unknown): BatchEvent[] {
	if (!isObject(body) || !Array.isArray(body.value)) {
		throw new InvalidEventError('Not a Microsoft Graph change notification collection: expected {"value": [...]}');
	}
	const events: BatchEvent[] = [];
	body.value.forEach((value, index) => {
		if (!isObject(value)) throw new InvalidEventError(`value.${index}: expected a change notification object`);
		const n = value as Notification & IDataObject;
		if (typeof n.lifecycleEvent === 'string') return;
		const user = userOf(n);
		if (user === undefined) throw new InvalidEventError(`value.${index}: no user in resource or resourceData (not a presence notification)`);
		// The clientState is the proof, never part of the item or its raw payload.
		const { clientState, ...raw } = n;
		events.push({ item: notificationItem(n, user), raw, proof: clientState });
	});
	return events;
}

/**
 * At the trigger's activation: Graph clientState without one would refuse every notification, so
 * the workflow is not published and the error says what to enter.
 */
async function ensureClientState(ctx: IHookFunctions): Promise<boolean> {
	if (ctx.getNodeParameter('verification') !== GRAPH_CLIENT_STATE) return true;
	const key = String(ctx.getNodeParameter('sharedKey', '') ?? '');
	if (key !== '' && !isPlaceholder(key)) return true;
	throw new NodeOperationError(ctx.getNode(), 'Graph clientState needs the subscription\'s clientState', {
		description: 'Enter the clientState given when the Microsoft Graph subscription was created as the Shared Key.',
	});
}

export const graphNotificationSource: WebhookSource = {
	vendorName: 'Microsoft Graph',
	signatures: {
		[GRAPH_CLIENT_STATE]: {
			name: 'Graph clientState',
			shortName: 'Graph clientState',
			description: CLIENT_STATE_DESCRIPTION,
			usesSharedKey: true,
			// The request as a whole proves nothing; only a configured clientState can be checked.
			verify: async (scope) => (clientStateOf(scope) === '' ? `No clientState is configured on the ${scope.where} (enter it as the Shared Key)` : null),
			verifyEach: async (scope, proof) => {
				if (typeof proof !== 'string' || proof === '') return 'Missing clientState';
				return constantTimeEqual(proof, clientStateOf(scope)) ? null : 'Wrong clientState';
			},
		},
	},
	fields: graphNotificationFields,
	// "Notification endpoint validation": a POST with ?validationToken=…, answered with it as text/plain.
	handshake: (event) => single(event.query.validationtoken) ?? single(event.query.validationToken),
	parseBatch: notifications,
	// The subscription is made outside n8n; activation only refuses a missing clientState.
	activation: {
		registersItself: () => false,
		checkExists: ensureClientState,
		async create() {},
		async delete() {},
	},
};
