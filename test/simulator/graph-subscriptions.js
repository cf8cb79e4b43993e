// @ts-check
'use strict';
/**
 * Microsoft Graph change notifications for presence ("Get change notifications for presence
 * updates in Microsoft Teams", "subscription resource type", "Create subscription", "Receive
 * change notifications through webhooks", "Reduce missing subscriptions and change notifications"):
 *
 * - POST /v1.0/subscriptions on `/communications/presences/{id}` or
 *   `/communications/presences?$filter=id in ('{id}', …)` (at most 650 IDs), delegated
 *   Presence.Read.All only ("Application: Not supported"), one presence subscription per user and
 *   app, expiry at most an hour ahead. Before answering, Graph validates the notificationUrl and
 *   the lifecycleNotificationUrl: it POSTs `?validationToken=…` and needs 200 with the decoded
 *   token as text/plain within 10 seconds, else the creation fails with 400.
 * - PATCH /v1.0/subscriptions/{id} renews (expiry again at most an hour ahead), DELETE removes,
 *   GET reads; an expired subscription is gone (404).
 * - While a subscription lives, every change of a watched user's availability/activity is POSTed to
 *   its notificationUrl as `{ value: [changeNotification] }` with the subscription's clientState;
 *   lifecycle notifications (`reauthorizationRequired`, `subscriptionRemoved`, `missed`) go to the
 *   lifecycleNotificationUrl, sent by tests through the control API.
 * - notificationUrl must be HTTPS. Test networks map `host:443` to a local origin (`network`),
 *   as the Dataverse webhook delivery does.
 */
const common = require('./common');
const { HttpError, uuid, clone } = common;

const MAX_IDS = 650;
const MAX_LIFETIME_MS = 60 * 60_000;
const VALIDATION_TIMEOUT_MS = 10_000;
// ASSUMPTION: deliveries wait for the documented 3-second answer window before counting as failed.
const DELIVERY_TIMEOUT_MS = 3_000;
const MAX_CLIENT_STATE = 128;

/**
 * @param {{ now: () => number, graphError: Function, presenceOf: (id: string) => any, tenantId: string, requirePermission: Function }} deps
 */
function createSubscriptions(deps) {
	const { now, graphError } = deps;
	/** @type {any} */
	const state = { subscriptions: {}, deliveries: [], network: {} };
	/** @type {Promise<any>[]} */
	let pending = [];

	const reset = () => {
		state.subscriptions = {};
		state.deliveries = [];
		pending = [];
		// The network table is the test's topology and stays across resets.
	};

	/** Live subscriptions; an expired one is dropped as Graph does. */
	function live() {
		for (const [id, s] of Object.entries(state.subscriptions)) {
			if (Date.parse(/** @type {any} */ (s).expirationDateTime) <= now()) delete state.subscriptions[id];
		}
		return state.subscriptions;
	}

	function subscriptionBody(/** @type {any} */ s) {
		const { seen: _seen, userIds: _ids, creatorId: _c, ...out } = s;
		return { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#subscriptions/$entity', ...clone(out), clientState: null };
	}

	/** The user IDs a presence resource names, or a 400. */
	function userIdsOf(/** @type {string} */ resource) {
		const r = String(resource || '').replace(/^\//, '');
		const single = /^communications\/presences\/([0-9a-f-]{36})$/i.exec(r);
		if (single) return [single[1].toLowerCase()];
		const bulk = /^communications\/presences\?\$filter=id in \((.*)\)$/i.exec(r);
		if (!bulk) throw graphError(400, 'InvalidRequest', `Resource '${resource}' is not supported for change notifications.`);
		const ids = bulk[1].split(',').map((v) => v.trim().replace(/^'(.*)'$/, '$1').toLowerCase());
		if (ids.length === 0 || ids.some((v) => !common.isGuid(v))) throw graphError(400, 'InvalidRequest', 'The filter must list user ID GUIDs in single quotes.');
		if (ids.length > MAX_IDS) throw graphError(400, 'InvalidRequest', `A maximum of ${MAX_IDS} user IDs is supported per presence subscription.`);
		return [...new Set(ids)];
	}

	function expiryOf(/** @type {any} */ value) {
		const t = Date.parse(String(value ?? ''));
		if (!Number.isFinite(t)) throw graphError(400, 'InvalidRequest', 'expirationDateTime is required and must be a date-time.');
		if (t <= now()) throw graphError(400, 'InvalidRequest', 'Subscription expiration must be in the future.');
		// ASSUMPTION: an expiry beyond the resource's maximum is rejected (not silently capped).
		if (t > now() + MAX_LIFETIME_MS) throw graphError(400, 'InvalidRequest', 'Subscription expiration can only be 60 minutes in the future for presence.');
		return new Date(t).toISOString();
	}

	/** Where a request to `url` really goes: the URL, or its mapped origin on the test network. */
	function routed(/** @type {string} */ url) {
		const u = new URL(url);
		const target = state.network[`${u.hostname}:${u.port || (u.protocol === 'https:' ? '443' : '80')}`];
		return target ? new URL(u.pathname + u.search, target) : u;
	}

	async function post(/** @type {string} */ url, /** @type {string} */ body, /** @type {Record<string,string>} */ headers, /** @type {number} */ timeoutMs) {
		const res = await fetch(routed(url), { method: 'POST', body, headers, signal: AbortSignal.timeout(timeoutMs) });
		return { status: res.status, contentType: res.headers.get('content-type') || '', text: await res.text() };
	}

	/** The validation handshake: 200, text/plain, the token echoed, within 10 seconds. */
	async function validate(/** @type {string} */ url) {
		const token = `Validation: Testing client application reachability for subscription Request-Id: ${uuid()}`;
		const target = `${url}${url.includes('?') ? '&' : '?'}validationToken=${encodeURIComponent(token)}`;
		const record = { kind: 'validation', url: target, status: /** @type {number|null} */ (null), body: /** @type {string|null} */ (null), error: /** @type {string|null} */ (null) };
		state.deliveries.push(record);
		try {
			const res = await post(target, '', { 'Content-Type': 'text/plain; charset=utf-8' }, VALIDATION_TIMEOUT_MS);
			record.status = res.status;
			record.body = res.text;
			if (res.status === 200 && /^text\/plain/i.test(res.contentType) && res.text === token) return;
		} catch (error) {
			record.error = String(/** @type {any} */ (error).message);
		}
		throw graphError(400, 'ValidationError', `Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.`);
	}

	async function create(/** @type {any} */ rq, /** @type {any} */ caller) {
		const b = rq.body && typeof rq.body === 'object' ? rq.body : {};
		const userIds = userIdsOf(b.resource);
		if (caller.kind !== 'delegated') {
			// "Get change notifications for presence updates": Application permissions are not supported.
			throw graphError(403, 'ExtensionError', 'Operation: Create; Exception: [Status Code: Forbidden; Reason: Application permissions are not supported for presence subscriptions.]');
		}
		deps.requirePermission(caller, null, 'Presence.Read.All');
		if (b.changeType !== 'updated') throw graphError(400, 'InvalidRequest', "Presence subscriptions support only the changeType 'updated'.");
		for (const key of ['notificationUrl', 'lifecycleNotificationUrl']) {
			if (b[key] === undefined && key === 'lifecycleNotificationUrl') continue;
			let u;
			try {
				u = new URL(String(b[key]));
			} catch {
				throw graphError(400, 'InvalidRequest', `${key} is not a valid URL.`);
			}
			if (u.protocol !== 'https:') throw graphError(400, 'InvalidRequest', `Subscription validation request failed. ${key} must be https.`);
		}
		if (b.clientState !== undefined && String(b.clientState).length > MAX_CLIENT_STATE) {
			throw graphError(400, 'InvalidRequest', `clientState must be at most ${MAX_CLIENT_STATE} characters.`);
		}
		const expirationDateTime = expiryOf(b.expirationDateTime);
		const existing = Object.values(live()).find((s) => /** @type {any} */ (s).creatorId === caller.userId && /** @type {any} */ (s).applicationId === caller.appId);
		if (existing) {
			// "A single user can create one presence subscription per unique application." Graph answers a
			// second one as reported in microsoftgraph/msgraph-beta-sdk-dotnet#174 (and docs-contrib#2219).
			throw graphError(409, 'ExtensionError', 'Operation: Create; Exception: [Status Code: Conflict; Reason: A subscripton already exists. It must be deleted before a another can be made.]');
		}
		await validate(String(b.notificationUrl));
		if (b.lifecycleNotificationUrl !== undefined) await validate(String(b.lifecycleNotificationUrl));
		const id = uuid();
		const s = {
			id,
			resource: b.resource,
			applicationId: caller.appId,
			changeType: 'updated',
			clientState: b.clientState ?? null,
			notificationUrl: b.notificationUrl,
			lifecycleNotificationUrl: b.lifecycleNotificationUrl ?? null,
			expirationDateTime,
			creatorId: caller.userId,
			includeResourceData: false,
			latestSupportedTlsVersion: 'v1_2',
			userIds,
			seen: Object.fromEntries(userIds.map((u) => [u, pairOf(u)])),
		};
		state.subscriptions[id] = s;
		return { status: 201, body: { ...subscriptionBody(s), clientState: s.clientState } };
	}

	function find(/** @type {string} */ id, /** @type {any} */ caller) {
		const s = live()[id];
		if (!s || s.applicationId !== caller.appId) throw graphError(404, 'ResourceNotFound', `The object was not found.`);
		return s;
	}

	function get(/** @type {any} */ rq, /** @type {any} */ caller) {
		return { status: 200, body: subscriptionBody(find(rq.params.id, caller)) };
	}

	function update(/** @type {any} */ rq, /** @type {any} */ caller) {
		const s = find(rq.params.id, caller);
		const b = rq.body && typeof rq.body === 'object' ? rq.body : {};
		s.expirationDateTime = expiryOf(b.expirationDateTime);
		s.renewals = (s.renewals ?? 0) + 1;
		return { status: 200, body: subscriptionBody(s) };
	}

	function remove(/** @type {any} */ rq, /** @type {any} */ caller) {
		const s = find(rq.params.id, caller);
		delete state.subscriptions[s.id];
		return { status: 204 };
	}

	const pairOf = (/** @type {string} */ userId) => {
		const p = deps.presenceOf(userId);
		return `${p.availability}/${p.activity}`;
	};

	function deliver(/** @type {any} */ s, /** @type {'change'|'lifecycle'} */ kind, /** @type {any[]} */ value) {
		const url = kind === 'change' ? s.notificationUrl : s.lifecycleNotificationUrl;
		if (!url) return;
		const record = { kind, url, subscriptionId: s.id, body: { value }, status: /** @type {number|null} */ (null), error: /** @type {string|null} */ (null) };
		state.deliveries.push(record);
		pending.push(
			post(url, JSON.stringify(record.body), { 'Content-Type': 'application/json; charset=utf-8' }, DELIVERY_TIMEOUT_MS).then(
				(res) => void (record.status = res.status),
				(error) => void (record.error = String(error.message)),
			),
		);
	}

	/** Sends a change notification for every watched user whose presence changed since the last look. */
	function scan() {
		for (const s of Object.values(live())) {
			const changed = [];
			for (const userId of s.userIds) {
				const pair = pairOf(userId);
				if (s.seen[userId] === pair) continue;
				s.seen[userId] = pair;
				changed.push(userId);
			}
			if (changed.length === 0) continue;
			deliver(
				s,
				'change',
				changed.map((userId) => ({
					subscriptionId: s.id,
					clientState: s.clientState,
					changeType: 'updated',
					// "Get change notifications for presence updates in Microsoft Teams", Basic presence notifications.
					resource: `communications/presences/${userId}`,
					subscriptionExpirationDateTime: s.expirationDateTime,
					resourceData: { '@odata.id': `users/${userId}/presence`, '@odata.type': '#microsoft.graph.presence', id: userId },
					organizationId: deps.tenantId,
					tenantId: deps.tenantId,
				})),
			);
		}
	}

	const control = {
		/** Live subscriptions (Graph's view, creator included). */
		list: () => Object.values(live()).map((s) => clone(s)),
		/** Every validation request and notification POST, with the answer it got. */
		deliveries: () => clone(state.deliveries),
		/** Maps `host:port` of HTTPS notification URLs onto local origins. */
		configure(/** @type {{ network?: Record<string,string> }} */ options) {
			if (options.network) state.network = { ...options.network };
		},
		/** A lifecycle notification for a subscription; `subscriptionRemoved` also removes it. */
		lifecycle(/** @type {string} */ id, /** @type {'reauthorizationRequired'|'subscriptionRemoved'|'missed'} */ event) {
			const s = state.subscriptions[id];
			if (!s) throw new Error(`No subscription ${id}`);
			if (event === 'subscriptionRemoved') delete state.subscriptions[id];
			deliver(s, 'lifecycle', [{ subscriptionId: s.id, subscriptionExpirationDateTime: s.expirationDateTime, tenantId: deps.tenantId, clientState: s.clientState, lifecycleEvent: event }]);
		},
		/** The subscription's expiry passes (without moving the presence clock). */
		expire(/** @type {string} */ id) {
			const s = state.subscriptions[id];
			if (s) s.expirationDateTime = new Date(now() - 1000).toISOString();
		},
		/** A notification as anyone on the internet could POST it (a wrong clientState, say). */
		forge(/** @type {string} */ id, /** @type {any} */ value) {
			const s = state.subscriptions[id];
			deliver(s, 'change', value);
		},
		/** Changes happened while delivery failed: Graph drops them (tests then expect a catch-up). */
		swallow() {
			for (const s of Object.values(live())) for (const u of s.userIds) s.seen[u] = pairOf(u);
		},
		/** Resolves once every delivery has been answered. */
		async settle() {
			while (pending.length) {
				const batch = pending;
				pending = [];
				await Promise.all(batch);
			}
		},
	};

	return { state, reset, create, get, update, remove, scan, control, HttpError };
}

module.exports = { createSubscriptions, MAX_IDS, MAX_LIFETIME_MS };
