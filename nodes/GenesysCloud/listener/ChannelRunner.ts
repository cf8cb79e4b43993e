/**
 * One notification channel and its WebSocket, kept alive while the workflow is active:
 * - watches the 30 s heartbeats; after a silence it pings, and without a pong it reconnects;
 * - renews the channel (re-PUT of its topics) before it expires, or replaces it when it is gone;
 * - on `v2.system.socket_closing` opens a new connection before the old one is dropped;
 * - after a drop, reconnects (same channel if HEAD says it still exists, else a new one) with
 *   bounded exponential backoff, then asks the listener to catch up on missed changes.
 * A new channel is connected before its topics are subscribed, so no event of a subscribed
 * topic can arrive while nobody listens.
 * Timing is built on n8n-workflow's `sleep` with an AbortSignal, so stop() wakes it at once.
 */
import { sleep } from 'n8n-workflow';

import {
	CHANNEL_LIFETIME_MS,
	HEARTBEAT_INTERVAL_MS,
	PING_MESSAGE,
	classifyMessage,
	presenceTopic,
} from '../events/genesysNotifications';
import type { Channel } from '../transport/notifications';
import {
	channelExists,
	createChannel,
	deleteSubscriptions,
	httpCodeOf,
	setSubscriptions,
	settle,
} from '../transport/notifications';
import type { ChannelSocket } from './socket';
import { openSocket } from './socket';
import type { ListenerOwner } from './types';

/** Two missed heartbeats and a bit: then ping. */
const SILENCE_BEFORE_PING_MS = 2 * HEARTBEAT_INTERVAL_MS + 5_000;
const PONG_TIMEOUT_MS = 10_000;
const MAX_BACKOFF_MS = 30_000;
const MAX_RECONNECT_ATTEMPTS = 10;
const CLOSE_WAIT_MS = 2_000;

const backoffMs = (failures: number): number =>
	Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (failures - 1));

/** Renew a tenth of the lifetime (at most an hour) before the channel expires. */
const renewMarginMs = (lifetimeMs: number): number => Math.min(60 * 60 * 1000, lifetimeMs / 10);

class Stopped extends Error {}

export class ChannelRunner {
	readonly topics: string[];

	private channel: Channel | undefined;
	private socket: ChannelSocket | undefined;
	private lifetimeMs = 0;
	private expiresAt = 0;
	private lastMessageAt = 0;
	private pingSentAt = 0;
	private rollSocket = false;
	/** Whether the current channel has its topics (false between creating and subscribing it). */
	private subscribed = false;
	private wake = new AbortController();
	private loop: Promise<void> | undefined;

	constructor(
		private readonly owner: ListenerOwner,
		readonly userIds: string[],
	) {
		this.topics = userIds.map(presenceTopic);
	}

	get channelId(): string | undefined {
		return this.channel?.id;
	}

	/** Startup: channel, connection, subscriptions. Errors go to the caller (the trigger fails). */
	async open(): Promise<void> {
		await this.newChannel();
	}

	/** Keeps the channel alive in the background until stop. */
	start(): void {
		this.loop = this.run();
	}

	/** Wakes the supervision loop early (socket closed, closing warning, stop). */
	wakeUp(): void {
		this.wake.abort();
	}

	/** Closes the socket and removes the channel's subscriptions. */
	async shutdown(): Promise<void> {
		this.wakeUp();
		await this.loop;
		const socket = this.socket;
		this.socket = undefined;
		if (socket) {
			socket.close();
			await Promise.race([socket.closed, sleep(CLOSE_WAIT_MS)]);
		}
		if (this.channel) await this.removeSubscriptions(this.channel.id);
	}

	private async run(): Promise<void> {
		let failures = 0;
		while (!this.owner.stopped) {
			try {
				if (!this.socket?.isOpen() || !this.subscribed) await this.reconnect();
				failures = 0;
				await this.supervise();
			} catch (error) {
				if (this.owner.stopped || error instanceof Stopped) return;
				if (isFatal(error) || ++failures > MAX_RECONNECT_ATTEMPTS) {
					this.owner.fail(error, failures > MAX_RECONNECT_ATTEMPTS ? failures - 1 : 0);
					return;
				}
				await this.nap(backoffMs(failures));
			}
		}
	}

	private async supervise(): Promise<void> {
		while (!this.owner.stopped && this.socket?.isOpen() && !this.rollSocket) {
			const now = Date.now();
			const renewAt = this.expiresAt - renewMarginMs(this.lifetimeMs);
			if (now >= renewAt) {
				await this.renew();
				continue;
			}
			if (this.pingSentAt && now - this.pingSentAt >= PONG_TIMEOUT_MS) {
				// No heartbeat and no pong: the connection is dead even if TCP has not noticed.
				this.socket.close();
				return;
			}
			if (!this.pingSentAt && now - this.lastMessageAt >= SILENCE_BEFORE_PING_MS) {
				this.pingSentAt = now;
				this.socket.send(PING_MESSAGE);
				continue;
			}
			const watchdogAt = this.pingSentAt
				? this.pingSentAt + PONG_TIMEOUT_MS
				: this.lastMessageAt + SILENCE_BEFORE_PING_MS;
			await this.nap(Math.min(renewAt, watchdogAt) - now);
		}
		if (this.rollSocket && !this.owner.stopped) {
			// socket_closing: a new connection to the same channel replaces the old one without a gap.
			this.rollSocket = false;
			const old = this.socket;
			await this.connect();
			old?.close();
		}
	}

	/** Resubscribing extends the channel; a channel already gone is replaced. */
	private async renew(): Promise<void> {
		const channel = this.channel!;
		const failure = await settle(setSubscriptions(this.owner.ctx, channel.id, this.topics));
		if (failure === undefined) {
			this.expiresAt = Date.now() + this.lifetimeMs;
			return;
		}
		if (httpCodeOf(failure) !== '404') throw failure;
		const old = this.socket;
		await this.newChannel();
		old?.close();
		await this.owner.catchUp(this.userIds);
	}

	private async reconnect(): Promise<void> {
		if (!this.channel || !(await channelExists(this.owner.ctx, this.channel.id))) {
			await this.newChannel();
		} else {
			this.checkStopped();
			if (!this.socket?.isOpen()) await this.connect();
			if (!this.subscribed) await this.subscribe();
		}
		await this.owner.catchUp(this.userIds);
	}

	/** A channel, its connection, then its topics: subscribed only once something listens. */
	private async newChannel(): Promise<void> {
		this.subscribed = false;
		const channel = await createChannel(this.owner.ctx);
		this.channel = channel;
		this.checkStopped();
		await this.connect();
		await this.subscribe();
		const expires = Date.parse(channel.expires ?? '');
		const now = Date.now();
		// Genesys gives the channel's expiry; without one, its documented 24 hours.
		this.lifetimeMs = Number.isFinite(expires) && expires > now ? expires - now : CHANNEL_LIFETIME_MS;
		this.expiresAt = now + this.lifetimeMs;
		this.checkStopped();
	}

	private async subscribe(): Promise<void> {
		await setSubscriptions(this.owner.ctx, this.channel!.id, this.topics);
		this.subscribed = true;
		// Subscribing extends the channel's life as a renewal does.
		if (this.lifetimeMs) this.expiresAt = Date.now() + this.lifetimeMs;
		this.checkStopped();
	}

	private async connect(): Promise<void> {
		const url = this.channel!.connectUri;
		const ref: { socket?: ChannelSocket } = {};
		const socket = await openSocket(this.owner.WebSocket, url, {
			onMessage: (text) => this.onMessage(text),
			onClose: () => {
				if (ref.socket === this.socket) this.wakeUp();
			},
		});
		ref.socket = socket;
		if (this.owner.stopped) {
			socket.close();
			throw new Stopped();
		}
		this.socket = socket;
		this.lastMessageAt = Date.now();
		this.pingSentAt = 0;
	}

	private onMessage(text: string): void {
		this.lastMessageAt = Date.now();
		this.pingSentAt = 0;
		const message = classifyMessage(text);
		if (message.kind === 'presence')
			this.owner.onPresence(message.userId, message.body, message.raw, 'event', new Date(this.lastMessageAt));
		else if (message.kind === 'malformed') this.owner.onMalformed(message.topicName, message.reason);
		else if (message.kind === 'closing') {
			this.rollSocket = true;
			this.wakeUp();
		}
	}

	private async nap(ms: number): Promise<void> {
		if (this.wake.signal.aborted) this.wake = new AbortController();
		try {
			await sleep(Math.max(0, ms), this.wake.signal);
		} catch {
			// Woken on purpose (stop, socket closed, closing warning): the caller re-checks state.
		}
		if (this.wake.signal.aborted) this.wake = new AbortController();
	}

	private async removeSubscriptions(channelId: string): Promise<void> {
		const failure = await settle(deleteSubscriptions(this.owner.ctx, channelId));
		// An expired channel has no subscriptions left to remove.
		if (failure !== undefined && httpCodeOf(failure) !== '404') throw failure;
	}

	private checkStopped(): void {
		if (this.owner.stopped) throw new Stopped();
	}
}

/** Credentials or permissions will not fix themselves by retrying. */
function isFatal(error: unknown): boolean {
	const code = httpCodeOf(error);
	if (code === '401' || code === '403') return true;
	return /token request failed \(HTTP 4\d\d\)/.test(String((error as Error)?.message ?? ''));
}
