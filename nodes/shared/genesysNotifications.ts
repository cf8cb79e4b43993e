/**
 * Genesys Cloud Notifications API, the pure part: topic names and limits, what a message on a
 * channel's WebSocket means, and a `v2.users.{id}.presence` event turned into the normalized
 * item (DESIGN.md). No I/O here, so it is unit-testable and shared by anything that reads
 * these events.
 */
import type { IDataObject } from 'n8n-workflow';

import type { GenesysPresenceBody } from './genesysEvents';
import { genesysPresenceEvent } from './genesysEvents';

/** "Each WebSocket connection is limited to 1,000 topics" (Genesys notification service guide). */
export const MAX_TOPICS_PER_CHANNEL = 1000;
/** "You can create up to 20 channels per user and application"; a 21st replaces the oldest. */
export const MAX_CHANNELS = 20;
/** "Channels remain active for 24 hours"; resubscribing keeps a channel longer. */
export const CHANNEL_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** Heartbeats come every 30 s. */
export const HEARTBEAT_INTERVAL_MS = 30_000;

export const PING_MESSAGE = JSON.stringify({ message: 'ping' });

export const presenceTopic = (userId: string): string => `v2.users.${userId}.presence`;

const PRESENCE_TOPIC = /^v2\.users\.([^.]+)\.presence$/i;

export type PresenceEventBody = GenesysPresenceBody;

export type ChannelMessage =
	| { kind: 'heartbeat' }
	| { kind: 'pong' }
	| { kind: 'closing' }
	| { kind: 'presence'; userId: string; body: PresenceEventBody; raw: IDataObject }
	| { kind: 'other'; raw: unknown };

/** What one text frame from the channel is. */
export function classifyMessage(text: string): ChannelMessage {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		return { kind: 'other', raw: text };
	}
	if (!raw || typeof raw !== 'object') return { kind: 'other', raw };
	const msg = raw as IDataObject;
	const topic = typeof msg.topicName === 'string' ? msg.topicName : '';
	const body = (msg.eventBody ?? {}) as IDataObject;
	if (topic === 'channel.metadata') {
		return body.message === 'pong' ? { kind: 'pong' } : { kind: 'heartbeat' };
	}
	if (topic === 'v2.system.socket_closing') return { kind: 'closing' };
	const match = PRESENCE_TOPIC.exec(topic);
	if (match)
		return { kind: 'presence', userId: match[1], body: body as PresenceEventBody, raw: msg };
	return { kind: 'other', raw };
}

/** Splits topics over as few channels as the per-channel limit allows. */
export function chunkTopics(topics: string[], perChannel = MAX_TOPICS_PER_CHANNEL): string[][] {
	const out: string[][] = [];
	for (let i = 0; i < topics.length; i += perChannel) out.push(topics.slice(i, i + perChannel));
	return out;
}

/** The user's presence as last seen, from an event or from a REST UserPresence. */
export interface KnownPresence {
	definitionId: string | null;
	modifiedDate: string | null;
}

export const knownPresenceOf = (body: PresenceEventBody | undefined): KnownPresence => ({
	definitionId: body?.presenceDefinition?.id ?? null,
	modifiedDate: body?.modifiedDate ?? null,
});

export interface PresenceFilter {
	/** Presence sources whose changes are skipped (e.g. the one the sync itself writes with). */
	ignoreSources: string[];
	/** Skip changes that keep the same presence definition (message or primary-source changes). */
	onlyDefinitionChanges: boolean;
}

/**
 * Remembers each user's last presence so the same change is emitted once, whether it arrives
 * twice (a replaced socket, a second channel) or is found again by a catch-up read after a
 * reconnect. Identity of a change: (userId, modifiedDate, presence definition id).
 */
export class PresenceTracker {
	private readonly known = new Map<string, KnownPresence>();

	/** Records a baseline without emitting (startup read); never overrides a newer known state. */
	remember(userId: string, body: PresenceEventBody): void {
		const next = knownPresenceOf(body);
		const previous = this.known.get(userId);
		if (!previous || !isSameOrOlder(next, previous)) this.known.set(userId, next);
	}

	/** True when this change is new and passes the filter; the tracker is updated either way. */
	accept(userId: string, body: PresenceEventBody, filter: PresenceFilter): boolean {
		const next = knownPresenceOf(body);
		const previous = this.known.get(userId);
		if (previous && isSameOrOlder(next, previous)) return false;
		this.known.set(userId, next);
		if (
			body.source &&
			filter.ignoreSources.some((s) => s.toLowerCase() === body.source!.toLowerCase())
		)
			return false;
		if (filter.onlyDefinitionChanges && previous && previous.definitionId === next.definitionId)
			return false;
		return true;
	}
}

function isSameOrOlder(next: KnownPresence, previous: KnownPresence): boolean {
	if (next.modifiedDate && previous.modifiedDate) {
		const n = Date.parse(next.modifiedDate);
		const p = Date.parse(previous.modifiedDate);
		if (n < p) return true;
		if (n > p) return false;
	}
	return next.modifiedDate === previous.modifiedDate && next.definitionId === previous.definitionId;
}

/**
 * One output item for a presence change: the same fields the Agent Presence Trigger emits for a
 * Genesys event (genesysEvents.ts), with the definition's own label when it is known.
 */
export function presenceChangeItem(
	userId: string,
	body: PresenceEventBody,
	options: { presenceNames?: Map<string, string>; raw?: IDataObject } = {},
): IDataObject {
	const presenceId = body.presenceDefinition?.id;
	const metadata = options.raw?.metadata as IDataObject | undefined;
	const item: IDataObject = {
		...genesysPresenceEvent(userId, body, {
			topicName: presenceTopic(userId),
			correlationId: typeof metadata?.CorrelationId === 'string' ? metadata.CorrelationId : null,
			presenceName: presenceId ? options.presenceNames?.get(presenceId) : undefined,
		}),
	};
	if (item.loggedIn === undefined) delete item.loggedIn;
	if (options.raw) item.raw = options.raw;
	return item;
}
