// @ts-check
'use strict';
/**
 * Genesys Cloud Notifications API (NotificationsApi in the Platform API SDKs, and Genesys'
 * "Notification service" guide):
 * - POST /api/v2/notifications/channels → Channel `{ id, connectUri, expires }`; at most 20
 *   channels per user/app: a 21st replaces the oldest-used one, channels without an active
 *   connection first;
 * - GET /api/v2/notifications/channels → `{ entities: [Channel] }`;
 * - HEAD /api/v2/notifications/channels/{id} → 200 if the channel exists, 404 if not;
 * - GET | PUT (replace) | POST (add) | DELETE /api/v2/notifications/channels/{id}/subscriptions
 *   with `[ { id: topic } ]` → ChannelTopicEntityListing `{ entities: [ { id, selfUri } ] }`;
 *   more than 1,000 topics → 400;
 * - channels live 24 hours; resubscribing to topics keeps one alive longer;
 * - one WebSocket per channel (a second connection disconnects the first); heartbeat
 *   `{ topicName: 'channel.metadata', eventBody: { message: 'WebSocket Heartbeat' } }` every
 *   30 s; `{"message":"ping"}` → `{ topicName: 'channel.metadata', eventBody: { message: 'pong' } }`;
 *   `v2.system.socket_closing` is sent before the service closes a socket for maintenance;
 * - `v2.users.{id}.presence` events carry PresenceEventUserPresence
 *   `{ source, presenceDefinition: { id, systemPresence }, primary, message, modifiedDate }`.
 * The WebSocket lives at `<root>/genesys-streaming/channels/{id}` (the real one is
 * `wss://streaming.<region>/channels/{id}`).
 */
const common = require('./common');
const { acceptWebSocket, rejectUpgrade } = require('./websocket');

const STREAMING_PREFIX = '/genesys-streaming/channels/';
const DEFAULTS = { heartbeatMs: 30_000, channelTtlSeconds: 24 * 3600, topicLimit: 1000, channelLimit: 20 };
const HEARTBEAT = { topicName: 'channel.metadata', eventBody: { message: 'WebSocket Heartbeat' } };
const PONG = { topicName: 'channel.metadata', eventBody: { message: 'pong' } };

/**
 * @param {{ root: () => string, tokens: any, fail: (status: number, message: string, code?: string) => Error,
 *   options?: Partial<typeof DEFAULTS> }} ctx
 */
function createNotifications(ctx) {
	const opts = { ...DEFAULTS, ...(ctx.options || {}) };
	/** @type {Map<string, { id: string, clientId: string, topics: string[], expiresAt: number, lastUsed: number, socket: any, history: string[] }>} */
	const channels = new Map();
	/** Every socket ever opened, so tests can assert none is left open. */
	/** @type {{ channelId: string, socket: any, openedAt: number, closedAt?: number, closeCode?: number, received: string[] }[]} */
	const sockets = [];
	/** Test hook run once by the next bulk presence read, before it answers. */
	/** @type {(() => any) | undefined} */
	let readHook;
	/** While set, presence events are queued instead of sent (notification latency, for tests). */
	/** @type {{ topic: string, text: string }[] | null} */
	let held = null;

	const heartbeat = setInterval(() => {
		sweepExpired();
		for (const ch of channels.values()) if (ch.socket) ch.socket.sendText(JSON.stringify(HEARTBEAT));
	}, opts.heartbeatMs);
	heartbeat.unref();

	const clientOf = (/** @type {any} */ rq) => ctx.tokens.check('genesys', common.bearerOf(rq.headers)).token.clientId;
	const toChannel = (/** @type {any} */ ch) => ({
		id: ch.id,
		connectUri: `${ctx.root().replace(/^http/, 'ws')}${STREAMING_PREFIX}${ch.id}`,
		expires: new Date(ch.expiresAt).toISOString(),
	});
	const listing = (/** @type {any} */ ch) => ({
		entities: ch.topics.map((/** @type {string} */ id) => ({ id, selfUri: `/api/v2/notifications/channels/${ch.id}/subscriptions` })),
	});

	function requireChannel(/** @type {any} */ rq) {
		sweepExpired();
		const ch = channels.get(rq.params.channelId);
		// ASSUMPTION: a channel of another OAuth client is reported like a missing one (the "Notifications"
		// guide: channels belong to a user and application); never usable by another client.
		if (!ch || ch.clientId !== clientOf(rq)) throw ctx.fail(404, `Channel not found: ${rq.params.channelId}`, 'not.found');
		ch.lastUsed = Date.now();
		return ch;
	}

	/** @param {any} rq @param {boolean} replace */
	function subscribe(rq, replace) {
		const ch = requireChannel(rq);
		const body = rq.body;
		if (!Array.isArray(body) || body.some((t) => !t || typeof t.id !== 'string' || !t.id)) {
			throw ctx.fail(400, 'The body must be a list of topics: [ { "id": "<topic>" } ].', 'bad.request');
		}
		const wanted = [...new Set([...(replace ? [] : ch.topics), ...body.map((t) => t.id)])];
		if (wanted.length > opts.topicLimit) {
			// "Notifications" guide: more than 1,000 topics and the service returns a 400 error code.
			// ASSUMPTION: the body's wording and code; the guide gives none.
			throw ctx.fail(400, `A channel can be subscribed to at most ${opts.topicLimit} topics; this request would make ${wanted.length}.`, 'notification.subscription.topic.limit');
		}
		ch.topics = wanted;
		ch.history.push(replace ? 'subscriptions replaced' : 'subscriptions added');
		// Resubscribing is how a channel is kept past its lifetime.
		ch.expiresAt = Date.now() + opts.channelTtlSeconds * 1000;
		return { status: 200, body: listing(ch) };
	}

	const routes = [
		['POST', '/api/v2/notifications/channels', (/** @type {any} */ rq) => {
			sweepExpired();
			const clientId = clientOf(rq);
			const own = [...channels.values()].filter((c) => c.clientId === clientId);
			if (own.length >= opts.channelLimit) {
				const victim = own.sort((a, b) => Number(!!a.socket) - Number(!!b.socket) || a.lastUsed - b.lastUsed)[0];
				removeChannel(victim, 1000);
			}
			const id = `streaming-0-${common.uuid().replace(/-/g, '').slice(0, 26)}`;
			const ch = { id, clientId, topics: [], expiresAt: Date.now() + opts.channelTtlSeconds * 1000, lastUsed: Date.now(), socket: null, history: /** @type {string[]} */ ([]) };
			channels.set(id, ch);
			return { status: 200, body: toChannel(ch) };
		}],
		['GET', '/api/v2/notifications/channels', (/** @type {any} */ rq) => {
			sweepExpired();
			const clientId = clientOf(rq);
			return { status: 200, body: { entities: [...channels.values()].filter((c) => c.clientId === clientId).map(toChannel) } };
		}],
		['HEAD', '/api/v2/notifications/channels/:channelId', (/** @type {any} */ rq) => (requireChannel(rq), { status: 200 })],
		['GET', '/api/v2/notifications/channels/:channelId/subscriptions', (/** @type {any} */ rq) => ({ status: 200, body: listing(requireChannel(rq)) })],
		['PUT', '/api/v2/notifications/channels/:channelId/subscriptions', (/** @type {any} */ rq) => subscribe(rq, true)],
		['POST', '/api/v2/notifications/channels/:channelId/subscriptions', (/** @type {any} */ rq) => subscribe(rq, false)],
		['DELETE', '/api/v2/notifications/channels/:channelId/subscriptions', (/** @type {any} */ rq) => {
			requireChannel(rq).topics = [];
			return { status: 204 };
		}],
	];

	/** node:http 'upgrade' for `/genesys-streaming/channels/{id}`; false when the path is not ours. */
	function upgrade(/** @type {import('node:http').IncomingMessage} */ req, /** @type {import('node:stream').Duplex} */ socket) {
		const path = new URL(req.url || '/', 'http://x').pathname;
		if (!path.startsWith(STREAMING_PREFIX)) return false;
		sweepExpired();
		const ch = channels.get(decodeURIComponent(path.slice(STREAMING_PREFIX.length)));
		// ASSUMPTION: an unknown or expired channel refuses the upgrade with 404 (the guide only says a
		// channel lasts 24 hours unless resubscribed); the client must create a new one.
		if (!ch) {
			rejectUpgrade(socket, 404, 'Not Found', JSON.stringify({ message: 'Channel not found', code: 'not.found', status: 404 }));
			return true;
		}
		/** @type {any} */
		const record = { channelId: ch.id, socket: null, openedAt: Date.now(), received: [] };
		const ws = acceptWebSocket(req, socket, {
			onText: (text) => {
				record.received.push(text);
				ch.lastUsed = Date.now();
				let msg;
				try {
					msg = JSON.parse(text);
				} catch {
					return;
				}
				if (msg && msg.message === 'ping') ws && ws.sendText(JSON.stringify(PONG));
			},
			onClose: (code) => {
				record.closedAt = Date.now();
				record.closeCode = code;
				if (ch.socket === ws) ch.socket = null;
			},
		});
		if (!ws) return true;
		record.socket = ws;
		sockets.push(record);
		// One WebSocket per channel: the newer connection wins.
		if (ch.socket) ch.socket.close(1000, 'Replaced by a new connection');
		ch.socket = ws;
		ch.lastUsed = Date.now();
		ch.history.push('socket connected');
		return true;
	}

	/** Delivers a `v2.users.{id}.presence` event to every channel subscribed to it. */
	function publishPresence(/** @type {string} */ userId, /** @type {any} */ presence) {
		const topic = `v2.users.${userId}.presence`;
		const event = {
			topicName: topic,
			version: '2',
			eventBody: {
				// PresenceEventUserPresence has `source` only: a registered source's ID goes there.
				source: presence.source ?? presence.sourceId,
				presenceDefinition: { id: presence.presenceDefinition.id, systemPresence: presence.presenceDefinition.systemPresence },
				primary: presence.primary,
				message: presence.message,
				modifiedDate: presence.modifiedDate,
			},
			metadata: { CorrelationId: common.uuid() },
		};
		const text = JSON.stringify(event);
		if (held) {
			held.push({ topic, text });
			return 0;
		}
		return deliver(topic, text);
	}

	/** Sends one event text to every connected channel subscribed to its topic. */
	function deliver(/** @type {string} */ topic, /** @type {string} */ text) {
		let delivered = 0;
		for (const ch of channels.values()) {
			if (!ch.socket || !ch.topics.some((t) => t.toLowerCase() === topic.toLowerCase())) continue;
			ch.socket.sendText(text);
			delivered++;
		}
		return delivered;
	}

	function sweepExpired() {
		const now = Date.now();
		for (const ch of channels.values()) if (ch.expiresAt <= now) removeChannel(ch, 1000);
	}

	/** @param {any} ch @param {number} code */
	function removeChannel(ch, code) {
		channels.delete(ch.id);
		if (ch.socket) ch.socket.close(code, 'Channel expired');
	}

	const control = {
		// Genesys' "Notification WebSocket Closing Warning Event" announcement: topic v2.system.socket_closing,
		// sent unsubscribed about a minute before a maintenance close, and not in every case (so `abrupt`).
		// ASSUMPTION: its eventBody (not shown there) is minimal; a client may only rely on the topicName.
		/** Drops open sockets (all, or one channel's). `warn` sends v2.system.socket_closing first; `abrupt` skips the close frame. */
		disconnect(/** @type {{ channelId?: string, warn?: boolean, abrupt?: boolean }} */ o = {}) {
			let n = 0;
			for (const ch of channels.values()) {
				if (!ch.socket || (o.channelId && ch.id !== o.channelId)) continue;
				if (o.warn) ch.socket.sendText(JSON.stringify({ topicName: 'v2.system.socket_closing', eventBody: { message: 'WebSocket closing' } }));
				if (o.abrupt) ch.socket.destroy();
				else ch.socket.close(1001, 'Going away');
				n++;
			}
			return n;
		},
		/** Sends v2.system.socket_closing only (the service's one-minute warning before maintenance). */
		warn(/** @type {{ channelId?: string }} */ o = {}) {
			let n = 0;
			for (const ch of channels.values()) {
				if (!ch.socket || (o.channelId && ch.id !== o.channelId)) continue;
				ch.socket.sendText(JSON.stringify({ topicName: 'v2.system.socket_closing', eventBody: { message: 'WebSocket closing' } }));
				n++;
			}
			return n;
		},
		/** Expires channels now (all, or one): their sockets close and the channel is gone (HEAD → 404). */
		expire(/** @type {{ channelId?: string }} */ o = {}) {
			const victims = [...channels.values()].filter((c) => !o.channelId || c.id === o.channelId);
			for (const ch of victims) ch.expiresAt = 0;
			sweepExpired();
			return victims.length;
		},
		/** Sends a raw text frame on every open socket subscribed to `topic` (malformed events, say). */
		sendRaw(/** @type {string} */ topic, /** @type {string} */ text) {
			return deliver(topic, text);
		},
		/** Queues presence events from now on instead of sending them. */
		holdEvents() {
			held = held || [];
		},
		/** Sends the queued events in order and stops queueing; returns how many sockets got one. */
		releaseEvents() {
			const queue = held || [];
			held = null;
			return queue.reduce((n, e) => n + deliver(e.topic, e.text), 0);
		},
		/** Runs `fn` (awaited) inside the next bulk presence read, before the read answers. */
		beforeNextPresenceRead(/** @type {() => any} */ fn) {
			readHook = fn;
		},
		/** Sends a heartbeat to every open socket now. */
		heartbeat() {
			for (const ch of channels.values()) if (ch.socket) ch.socket.sendText(JSON.stringify(HEARTBEAT));
		},
		/** What tests assert on: channels with their topics, and sockets still open. */
		snapshot() {
			sweepExpired();
			return {
				channels: [...channels.values()].map((c) => ({ ...toChannel(c), clientId: c.clientId, topics: [...c.topics], connected: !!c.socket, history: [...c.history] })),
				openSockets: sockets.filter((s) => s.closedAt === undefined).map((s) => ({ channelId: s.channelId, openedAt: s.openedAt })),
				socketsOpened: sockets.length,
				received: sockets.flatMap((s) => s.received.map((text) => ({ channelId: s.channelId, text }))),
			};
		},
	};

	function reset() {
		readHook = undefined;
		held = null;
		for (const ch of channels.values()) if (ch.socket) ch.socket.destroy();
		channels.clear();
		sockets.splice(0);
	}

	function close() {
		clearInterval(heartbeat);
		reset();
	}

	/** The read hook, cleared once taken (the bulk presence read calls this). */
	function takeReadHook() {
		const hook = readHook;
		readHook = undefined;
		return hook;
	}

	return { routes, upgrade, publishPresence, takeReadHook, control, reset, close, options: opts };
}

module.exports = { createNotifications, STREAMING_PREFIX };
