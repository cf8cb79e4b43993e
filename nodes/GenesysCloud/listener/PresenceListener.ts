/**
 * The whole subscription while a workflow is active: which users, how many channels (1,000
 * topics each, 20 at most), the presence baseline, one emitted item per change, and clean-up.
 */
import type { IDataObject, ITriggerFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { sourceIdByName } from '../helpers/sources';
import { userById } from '../helpers/users';

import type { PresenceEventBody, PresenceFilter } from '../events/genesysNotifications';
import {
	MAX_CHANNELS,
	MAX_TOPICS_PER_CHANNEL,
	PresenceTracker,
	chunkTopics,
	presenceChangeItem,
} from '../events/genesysNotifications';
import { asPresenceBody, listUsers, readManyPresences } from '../helpers/presencesBulk';
import { httpCodeOf, presenceNames } from '../transport/notifications';
import { ChannelRunner } from './ChannelRunner';
import type { requireWebSocket } from './socket';
import type { ListenerOwner } from './types';

export interface ListenerSettings {
	/** Specific user IDs, or 'all' for every active user of the organization. */
	users: string[] | 'all';
	filter: PresenceFilter;
	/** Presence sources by name whose changes are skipped too: resolved to IDs (created if missing) at start. */
	ignoreSourceNames: string[];
	includeRaw: boolean;
	/** Add the user's email (`email`) to each item, looked up with this cache TTL in seconds. */
	includeAgentEmail: boolean;
	cacheTtlSeconds: number;
}

export class PresenceListener implements ListenerOwner {
	stopped = false;

	private readonly tracker = new PresenceTracker();
	private readonly runners: ChannelRunner[] = [];
	private names = new Map<string, string>();
	private failed = false;
	/** Counts events; per user, the count at their last event (see catchUp). */
	private eventCount = 0;
	private readonly lastEventOf = new Map<string, number>();
	/** Items wait here for their email lookup, so they are still emitted in the order they came. */
	private emitting: Promise<void> = Promise.resolve();

	constructor(
		readonly ctx: ITriggerFunctions,
		readonly WebSocket: ReturnType<typeof requireWebSocket>,
		private readonly settings: ListenerSettings,
	) {}

	/** Subscribes and connects every channel; throws a clear error (and cleans up) on failure. */
	async start(): Promise<void> {
		try {
			const userIds = await this.resolveUsers();
			checkChannelBudget(this.ctx, userIds.length);
			await this.resolveIgnoredSources();
			this.names = await presenceNames(this.ctx);
			for (const ids of chunkTopics(userIds, MAX_TOPICS_PER_CHANNEL)) {
				const runner = new ChannelRunner(this, ids);
				this.runners.push(runner);
				await runner.open();
			}
			// Baseline only once subscribed: a change made meanwhile is an event, in the read, or both.
			for (const [id, presence] of await this.readPresences(userIds))
				this.tracker.remember(id, presence);
		} catch (error) {
			// The startup error is what the user needs to see; clean-up is best effort here.
			await this.stop().catch(() => undefined);
			throw startupError(this.ctx, error);
		}
		for (const runner of this.runners) runner.start();
	}

	async stop(): Promise<void> {
		if (this.stopped) return;
		this.stopped = true;
		for (const runner of this.runners) runner.wakeUp();
		const results = await Promise.allSettled(this.runners.map(async (r) => await r.shutdown()));
		const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
		if (failure) throw failure.reason;
	}

	/**
	 * The sources given by name become IDs, as notifications carry them. A missing one is created
	 * now, so the sync's first write with it (the Set finds it by the same name) is already skipped.
	 */
	private async resolveIgnoredSources(): Promise<void> {
		for (const name of this.settings.ignoreSourceNames) {
			const id = await sourceIdByName(this.ctx, name, { create: true, ttlSeconds: this.settings.cacheTtlSeconds });
			if (id && !this.settings.filter.ignoreSources.includes(id)) this.settings.filter.ignoreSources.push(id);
		}
	}

	/** What the simulator-facing tests and the UI may want to see. */
	channelIds(): string[] {
		return this.runners.map((r) => r.channelId).filter((id): id is string => !!id);
	}

	onPresence(
		userId: string,
		body: PresenceEventBody,
		raw: IDataObject,
		detectedBy: 'event' | 'catch-up',
		receivedAt: Date,
	): void {
		if (detectedBy === 'event') this.lastEventOf.set(userId, ++this.eventCount);
		if (this.stopped || !this.tracker.accept(userId, body, this.settings.filter, detectedBy)) return;
		const metadata = raw.metadata as IDataObject | undefined;
		const item = presenceChangeItem(userId, body, {
			presenceNames: this.names,
			raw: this.settings.includeRaw ? raw : undefined,
			correlationId: typeof metadata?.CorrelationId === 'string' ? metadata.CorrelationId : null,
			receivedAt: receivedAt.toISOString(),
		});
		item.detectedBy = detectedBy;
		if (!this.settings.includeAgentEmail) {
			this.ctx.emit([[{ json: item }]]);
			return;
		}
		const email = this.agentEmail(userId);
		this.emitting = this.emitting.then(async () => {
			item.email = await email;
			if (!this.stopped) this.ctx.emit([[{ json: item }]]);
		});
	}

	/**
	 * The user's email (GET /api/v2/users/{userId}, cached per credential). A failed lookup keeps
	 * the change: the item is emitted with `email: null` and the reason is logged.
	 */
	private async agentEmail(userId: string): Promise<string | null> {
		try {
			const user = await userById(this.ctx, userId, this.settings.cacheTtlSeconds);
			return typeof user.email === 'string' ? user.email : null;
		} catch (error) {
			this.ctx.logger.warn(
				`Genesys Cloud: could not read the email of user ${userId}: ${(error as Error)?.message ?? String(error)}`,
			);
			return null;
		}
	}

	onMalformed(topicName: string, reason: string): void {
		this.ctx.logger.debug(`Genesys Cloud: ignored a malformed ${topicName} notification: ${reason}`);
	}

	async catchUp(userIds: string[]): Promise<void> {
		const before = this.eventCount;
		const presences = await this.readPresences(userIds);
		const readAt = new Date();
		for (const [id, presence] of presences) {
			// An event that came while the read was under way is as new as the read, or its own
			// event is still to come: the read could only report a state already replaced.
			if ((this.lastEventOf.get(id) ?? 0) > before) continue;
			this.onPresence(id, presence, presence as IDataObject, 'catch-up', readAt);
		}
	}

	fail(error: unknown, attempts: number): void {
		if (this.failed || this.stopped) return;
		this.failed = true;
		const reason = (error as Error)?.message ?? String(error);
		const message = attempts
			? `Lost the Genesys Cloud notification connection and could not restore it after ${attempts} attempts: ${reason}`
			: `Genesys Cloud notification listener stopped: ${reason}`;
		this.ctx.emitError(
			new NodeOperationError(this.ctx.getNode(), message, { description: hintFor(error) }),
		);
	}

	private async resolveUsers(): Promise<string[]> {
		if (this.settings.users === 'all') return [...new Set((await listUsers(this.ctx)).map((u) => u.id))];
		const ids = [...new Set(this.settings.users)];
		if (ids.length === 0) {
			throw new NodeOperationError(this.ctx.getNode(), 'No users to listen to', {
				description: 'Pick users, enter user IDs, or choose "All Users".',
			});
		}
		return ids;
	}

	/** Current presence of each user, 50 per bulk read, a few reads at a time. */
	private async readPresences(userIds: string[]): Promise<Map<string, PresenceEventBody>> {
		const out = new Map<string, PresenceEventBody>();
		for (const [id, presence] of await readManyPresences(this.ctx, userIds)) {
			out.set(id, asPresenceBody(presence) as PresenceEventBody);
		}
		return out;
	}
}

function checkChannelBudget(ctx: ITriggerFunctions, userCount: number): void {
	const max = MAX_TOPICS_PER_CHANNEL * MAX_CHANNELS;
	if (userCount > max) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Too many users for Genesys Cloud notifications: ${userCount}`,
			{
				description: `Genesys Cloud allows ${MAX_CHANNELS} notification channels of ${MAX_TOPICS_PER_CHANNEL} topics per OAuth client, so one trigger can follow at most ${max} users.`,
			},
		);
	}
}

function hintFor(error: unknown): string {
	const code = httpCodeOf(error);
	const message = String((error as Error)?.message ?? '');
	if (code === '401' || /token request failed/.test(message)) {
		return 'Genesys Cloud did not accept the credentials: check the client ID, secret and region of the Genesys Cloud credential.';
	}
	if (code === '403') {
		return "The OAuth client's roles lack a permission Genesys Cloud needs for this call (see the message above).";
	}
	if (code === '400' && /topic/i.test(message)) {
		return `Genesys Cloud refused the subscription: a notification channel takes at most ${MAX_TOPICS_PER_CHANNEL} topics.`;
	}
	return 'See the message above.';
}

function startupError(ctx: ITriggerFunctions, error: unknown): Error {
	if (error instanceof NodeOperationError) return error;
	// Token failures arrive prefixed twice with the vendor name (credential + transport).
	const reason = String((error as Error)?.message ?? error).replace(
		/^(Genesys Cloud: )+/,
		'Genesys Cloud: ',
	);
	return new NodeOperationError(
		ctx.getNode(),
		`Could not start listening to Genesys Cloud presence: ${reason}`,
		{
			description: hintFor(error),
		},
	);
}
