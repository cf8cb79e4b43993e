/**
 * Microsoft Teams presence changes pushed by Microsoft Graph change notifications ("Get change
 * notifications for presence updates in Microsoft Teams"): one subscription on
 * `/communications/presences?$filter=id in (…)`, delegated Presence.Read.All only (Graph offers
 * no application permission for it), one per signed-in user and app, at most 650 users, expiring
 * within an hour.
 *
 * A webhook trigger has no timer, so the subscription is renewed whenever the node runs: on each
 * change notification once half its life is gone, on the `reauthorizationRequired` lifecycle
 * notification Graph sends for every resource before expiry ("Reduce missing subscriptions and
 * change notifications"), and on reactivation (checkExists). A notification carries no presence
 * (no resource data without an encryption certificate), so the node reads the notified users'
 * presences and emits what differs from what it last saw — each change once. After a gap (a
 * subscription recreated, a `missed` or `subscriptionRemoved` event, a failed read) it reads all
 * watched users and emits what changed meanwhile.
 */
import type {
	IDataObject,
	IHookFunctions,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookDescription,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, randomString } from 'n8n-workflow';

import type { SeenState } from './helpers/watch';
import { changesOf, readPresences, watchMethods, watchProperties, watchedIds } from './helpers/watch';
import type { RequestContext } from '../shared/transport';
import type { Notification } from './helpers/notifications';
import { userOf } from './helpers/notifications';
import { GRAPH_DELEGATED_TYPE, asNodeError, graphRequest } from './transport';
import { triggerNodeDescription } from '../shared/triggerNode';
import { TEAMS } from './vendor';

/** "Get change notifications for presence updates": at most 650 user IDs per subscription. */
export const MAX_IDS_PER_SUBSCRIPTION = 650;
/** Presence subscriptions live at most an hour; asking for a little less leaves room for clock skew. */
const LIFETIME_MS = 58 * 60_000;
/** Renew once less than this is left. */
const RENEW_BELOW_MS = 30 * 60_000;

interface Subscription {
	id: string;
	expirationDateTime: string;
	clientState: string;
	notificationUrl: string;
	ids: string[];
}

interface TriggerState extends SeenState {
	subscription?: Subscription;
	/** The next run reads every watched user: changes may have gone unnotified. */
	catchUp?: boolean;
}

const stateOf = (ctx: IHookFunctions | IWebhookFunctions) =>
	ctx.getWorkflowStaticData('node') as TriggerState & IDataObject;

const resourceOf = (ids: string[]) =>
	`/communications/presences?$filter=id in (${ids.map((id) => `'${id}'`).join(',')})`;

const expiry = () => new Date(Date.now() + LIFETIME_MS).toISOString();

const isNotFound = (error: unknown) => error instanceof NodeApiError && error.httpCode === '404';

async function createSubscription(ctx: RequestContext, url: string, ids: string[]): Promise<Subscription> {
	if (ids.length > MAX_IDS_PER_SUBSCRIPTION) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Microsoft Graph allows one presence subscription per signed-in user and app, for at most ${MAX_IDS_PER_SUBSCRIPTION} users; ${ids.length} are watched — use the Microsoft Teams Presence Trigger (polling) for more`,
		);
	}
	const clientState = randomString(64);
	const created = await graphRequest<IDataObject>(ctx, {
		method: 'POST',
		path: '/subscriptions',
		body: {
			changeType: 'updated',
			notificationUrl: url,
			lifecycleNotificationUrl: url,
			resource: resourceOf(ids),
			expirationDateTime: expiry(),
			clientState,
		},
		permission: { delegated: 'Presence.Read.All' },
	});
	return { id: String(created.id), expirationDateTime: String(created.expirationDateTime), clientState, notificationUrl: url, ids };
}

async function renew(ctx: RequestContext, subscription: Subscription): Promise<void> {
	const renewed = await graphRequest<IDataObject>(ctx, {
		method: 'PATCH',
		path: `/subscriptions/${subscription.id}`,
		body: { expirationDateTime: expiry() },
		idempotent: true,
		permission: { delegated: 'Presence.Read.All' },
	});
	subscription.expirationDateTime = String(renewed.expirationDateTime ?? subscription.expirationDateTime);
}

/** Renews the subscription; one Graph no longer has (expired, removed) is made again, with a catch-up. */
async function keepAlive(ctx: RequestContext, state: TriggerState, subscription: Subscription): Promise<void> {
	try {
		await renew(ctx, subscription);
	} catch (error) {
		if (!isNotFound(error)) throw asNodeError(ctx, error);
		state.subscription = await createSubscription(ctx, subscription.notificationUrl, subscription.ids);
		state.catchUp = true;
	}
}

const renewalDue = (subscription: Subscription) =>
	Date.parse(subscription.expirationDateTime) - Date.now() < RENEW_BELOW_MS;

async function deleteSubscription(ctx: RequestContext, id: string): Promise<void> {
	try {
		await graphRequest(ctx, { method: 'DELETE', path: `/subscriptions/${id}`, idempotent: true });
	} catch (error) {
		if (!isNotFound(error)) throw asNodeError(ctx, error);
	}
}

const sameIds = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/**
 * Version 3 (new nodes) watches Chosen Agents by default: a subscription takes at most 650 users,
 * so All Users fits only a small directory. Version 2 keeps All Users, version 1 its own default.
 */
const notificationWatchProperties: INodeProperties[] = watchProperties.flatMap((p) =>
	p.name === 'watch' && p.default === 'all'
		? [
				{ ...p, displayOptions: { show: { '@version': [2] } } },
				{ ...p, default: 'agents', displayOptions: { show: { '@version': [{ _cnd: { gte: 3 } }] } } },
			]
		: [p],
);

const SUBTITLE = 'Presence changes (change notifications)';

/** Where Graph posts the change and lifecycle notifications. */
const NOTIFICATION_WEBHOOK: IWebhookDescription = {
	name: 'default',
	httpMethod: 'POST',
	responseMode: 'onReceived',
	path: 'notifications',
};

export class MicrosoftTeamsPresenceNotificationTrigger implements INodeType {
	description: INodeTypeDescription = {
		...triggerNodeDescription(TEAMS, {
			name: 'microsoftTeamsPresenceNotificationTrigger',
			displayName: 'Microsoft Teams Presence Notification Trigger',
			// Version 2: Watch defaults to All Users; agents and group are picked from lists.
			version: [1, 2, 3],
			defaultVersion: 3,
			subtitle: SUBTITLE,
			description: 'Starts the workflow when Microsoft Graph notifies a change of the Microsoft Teams presence of chosen users',
			// What the canvas says while it waits for a test event (else "create an event in Microsoft Teams Presence Notification").
			eventTriggerDescription: "Change a watched user's presence in Microsoft Teams",
			credentials: [{ name: GRAPH_DELEGATED_TYPE, required: true }],
			webhooks: [NOTIFICATION_WEBHOOK],
			notice:
				'Microsoft Graph pushes presence changes only to a signed-in user’s subscription (delegated Presence.Read.All, one subscription per user and app, at most 650 users) and needs a public HTTPS webhook URL. The subscription expires within an hour: this node renews it whenever Graph calls it (notifications and the reauthorization lifecycle event) and on reactivation, but has no timer of its own — if Graph stays silent for an hour it can lapse until the workflow is reactivated. The Microsoft Teams Presence Trigger (polling, application permission) has no such limits.',
			properties: notificationWatchProperties,
		}),
		// Stated here too: n8n's lint reads them only from the node file's own literal (the webhooks
		// array to check that webhookMethods has the whole lifecycle).
		icon: { light: 'file:../../icons/teams.svg', dark: 'file:../../icons/teams.dark.svg' },
		subtitle: SUBTITLE,
		webhooks: [NOTIFICATION_WEBHOOK],
	};

	methods = watchMethods;

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const state = stateOf(this);
				const subscription = state.subscription;
				if (!subscription) return false;
				const url = this.getNodeWebhookUrl('default') as string;
				const ids = await watchedIds(this);
				if (subscription.notificationUrl !== url || !sameIds(subscription.ids, ids)) {
					// Other users or another URL: the old subscription goes, a new one is made.
					await deleteSubscription(this, subscription.id);
					delete state.subscription;
					return false;
				}
				try {
					await graphRequest(this, { method: 'GET', path: `/subscriptions/${subscription.id}` });
				} catch (error) {
					if (!isNotFound(error)) throw asNodeError(this, error);
					// Expired or removed while inactive: changes meanwhile were not notified.
					delete state.subscription;
					state.catchUp = true;
					return false;
				}
				if (renewalDue(subscription)) await renew(this, subscription);
				return true;
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const state = stateOf(this);
				const ids = await watchedIds(this);
				const url = this.getNodeWebhookUrl('default') as string;
				state.subscription = await createSubscription(this, url, ids);
				if (state.seen === undefined) {
					// The baseline the first notification is compared with.
					changesOf(state, await readPresences(this, ids), { includeActivity: true, watched: ids, detectedAt: '' });
				} else {
					state.catchUp = true;
				}
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				const state = stateOf(this);
				if (state.subscription) await deleteSubscription(this, state.subscription.id);
				delete state.subscription;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const res = this.getResponseObject();
		const token = (this.getQueryData() as IDataObject).validationToken;
		if (typeof token === 'string') {
			// The validation handshake: the decoded token back as text/plain, 200, within 10 seconds.
			res.status(200).setHeader('Content-Type', 'text/plain; charset=utf-8');
			res.send(token);
			return { noWebhookResponse: true };
		}
		const state = stateOf(this);
		const subscription = state.subscription;
		const body = this.getBodyData() as { value?: Notification[] };
		const all = Array.isArray(body.value) ? body.value : [];
		// Only notifications of our subscription with our secret count; anything else is not Graph's.
		const valid = subscription
			? all.filter((n) => n.subscriptionId === subscription.id && n.clientState === subscription.clientState)
			: [];
		if (valid.length === 0) {
			res.status(401).end();
			return { noWebhookResponse: true };
		}
		// Graph wants its answer within 3 seconds; the reading is done after it.
		res.status(202).end();

		const ids = subscription!.ids;
		const notified = new Set<string>();
		let renewed = false;
		for (const n of valid) {
			if (n.lifecycleEvent === 'reauthorizationRequired') {
				await keepAlive(this, state, subscription!);
				renewed = true;
			} else if (n.lifecycleEvent === 'subscriptionRemoved') {
				state.subscription = await createSubscription(this, subscription!.notificationUrl, ids);
				state.catchUp = true;
				renewed = true;
			} else if (n.lifecycleEvent === 'missed') {
				state.catchUp = true;
			} else if (n.lifecycleEvent === undefined) {
				const user = userOf(n);
				if (user && ids.includes(user)) notified.add(user);
			}
		}
		if (!renewed && state.subscription && renewalDue(state.subscription)) {
			await keepAlive(this, state, state.subscription);
		}

		const full = state.catchUp === true;
		const toRead = full ? ids : [...notified];
		if (toRead.length === 0) return { noWebhookResponse: true };
		// A failed read loses nothing: the next run reads everyone. It is not thrown, as n8n would
		// then keep none of this run's static data (the catch-up mark included).
		let presences: IDataObject[];
		try {
			presences = await readPresences(this, toRead);
		} catch (error) {
			state.catchUp = true;
			this.logger.warn(`Microsoft Teams presence read failed; the next notification reads every user: ${(error as Error).message}`);
			return { noWebhookResponse: true };
		}
		state.catchUp = false;
		const includeActivity = this.getNodeParameter('includeActivity', true) as boolean;
		const out = changesOf(state, presences, {
			includeActivity,
			watched: full ? ids : undefined,
			detectedAt: new Date().toISOString(),
		});
		if (out.length === 0) return { noWebhookResponse: true };
		return { noWebhookResponse: true, workflowData: [out] };
	}
}
