/**
 * Genesys Cloud Notifications API, the pure part: topic names and limits, what a message on a
 * channel's WebSocket means, and a `v2.users.{id}.presence` event turned into the normalized
 * item. No I/O here, so it is unit-testable and shared by anything that reads
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
	| { kind: 'malformed'; topicName: string; reason: string }
	| { kind: 'other'; raw: unknown };

const isObject = (value: unknown): value is IDataObject =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

const optionalOf = (value: unknown, type: 'string' | 'boolean'): boolean =>
	value === undefined || value === null || typeof value === type;

/**
 * Why a presence event body cannot be a UserPresence change (undefined when it can): the
 * notification carries `{ source, presenceDefinition: { id, systemPresence }, primary, message,
 * modifiedDate }`, and without a definition id there is no presence to report.
 */
function malformedPresenceReason(body: unknown): string | undefined {
	if (body === undefined) return 'eventBody is missing';
	if (!isObject(body)) {
		const kind = body === null ? 'null' : Array.isArray(body) ? 'an array' : `a ${typeof body}`;
		return `eventBody is ${kind}, not an object`;
	}
	const definition = body.presenceDefinition;
	if (!isObject(definition)) return 'eventBody.presenceDefinition is missing';
	if (typeof definition.id !== 'string' || !definition.id) return 'eventBody.presenceDefinition.id is missing';
	if (!optionalOf(definition.systemPresence, 'string'))
		return 'eventBody.presenceDefinition.systemPresence is not a string';
	for (const field of ['source', 'message', 'modifiedDate'] as const) {
		if (!optionalOf(body[field], 'string')) return `eventBody.${field} is not a string`;
	}
	if (!optionalOf(body.primary, 'boolean')) return 'eventBody.primary is not a boolean';
	return undefined;
}

/** What one text frame from the channel is. */
export function classifyMessage(text: string): ChannelMessage {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		return { kind: 'other', raw: text };
	}
	if (!isObject(raw)) return { kind: 'other', raw };
	const topic = typeof raw.topicName === 'string' ? raw.topicName : '';
	if (topic === 'channel.metadata') {
		const meta = isObject(raw.eventBody) ? raw.eventBody : {};
		return meta.message === 'pong' ? { kind: 'pong' } : { kind: 'heartbeat' };
	}
	if (topic === 'v2.system.socket_closing') return { kind: 'closing' };
	const match = PRESENCE_TOPIC.exec(topic);
	if (!match) return { kind: 'other', raw };
	const reason = malformedPresenceReason(raw.eventBody);
	if (reason) return { kind: 'malformed', topicName: topic, reason };
	return { kind: 'presence', userId: match[1], body: raw.eventBody as PresenceEventBody, raw };
}

/** Splits topics over as few channels as the per-channel limit allows. */
export function chunkTopics(topics: string[], perChannel = MAX_TOPICS_PER_CHANNEL): string[][] {
	const out: string[][] = [];
	for (let i = 0; i < topics.length; i += perChannel) out.push(topics.slice(i, i + perChannel));
	return out;
}

/**
 * The user's presence as last seen, from an event or a REST read. Its identity is what the user
 * sees: definition, message and source. `modifiedDate` only orders changes when both sides have
 * one; Genesys' notifications often carry none ("User Presence with Notifications Guide").
 */
export interface KnownPresence {
	definitionId: string | null;
	message: string;
	source: string | null;
	modifiedDate: string | null;
	/** False for a startup baseline no event has reported yet. */
	reported: boolean;
}

const knownPresenceOf = (body: PresenceEventBody | undefined, reported = true): KnownPresence => ({
	definitionId: body?.presenceDefinition?.id ?? null,
	message: body?.message ?? '',
	source: body?.source ? body.source.toUpperCase() : null,
	modifiedDate: body?.modifiedDate ?? null,
	reported,
});

export interface PresenceFilter {
	/** Presence sources whose changes are skipped (e.g. the one the sync itself writes with). */
	ignoreSources: string[];
	/** Skip changes that keep the same presence definition (message or primary-source changes). */
	onlyDefinitionChanges: boolean;
}

/**
 * Remembers each user's last presence so each change is emitted once, whether it arrives twice
 * (a replaced socket, a catch-up read racing the event) or is read again after a reconnect.
 * A change is new when its identity (definition, message, source) differs from the last one,
 * unless both carry a `modifiedDate` and it is older.
 */
export class PresenceTracker {
	private readonly known = new Map<string, KnownPresence>();

	/**
	 * Records the startup baseline without emitting. A state an event already reported wins: the
	 * read and the event describe the same moment or the event is newer.
	 */
	remember(userId: string, body: PresenceEventBody): void {
		const next = knownPresenceOf(body, false);
		const previous = this.known.get(userId);
		if (!previous) this.known.set(userId, next);
		else if (sameIdentity(next, previous)) previous.modifiedDate ??= next.modifiedDate;
	}

	/**
	 * True when this change is new and passes the filter; the tracker is updated either way.
	 * `catch-up` is a REST read after a reconnect; `event` arrived on the channel, and an event
	 * matching an unreported baseline is the change the baseline read already saw (it was made
	 * after subscribing, or there would be no event), so it is reported once.
	 */
	accept(userId: string, body: PresenceEventBody, filter: PresenceFilter, via: 'event' | 'catch-up' = 'event'): boolean {
		const next = knownPresenceOf(body);
		const previous = this.known.get(userId);
		if (previous && isOlder(next, previous)) return false;
		if (previous && sameIdentity(next, previous)) {
			previous.modifiedDate = laterDate(previous.modifiedDate, next.modifiedDate);
			if (previous.reported || via === 'catch-up') return false;
			previous.reported = true;
			// What the user had before that change is unknown, so only the source filter applies.
			return !ignored(next, filter);
		}
		this.known.set(userId, next);
		if (ignored(next, filter)) return false;
		return !(filter.onlyDefinitionChanges && previous && previous.definitionId === next.definitionId);
	}
}

const ignored = (presence: KnownPresence, filter: PresenceFilter): boolean =>
	!!presence.source && filter.ignoreSources.some((s) => s.toUpperCase() === presence.source);

const sameIdentity = (a: KnownPresence, b: KnownPresence): boolean =>
	a.definitionId === b.definitionId && a.message === b.message && (a.source ?? '') === (b.source ?? '');

function isOlder(next: KnownPresence, previous: KnownPresence): boolean {
	if (!next.modifiedDate || !previous.modifiedDate) return false;
	return Date.parse(next.modifiedDate) < Date.parse(previous.modifiedDate);
}

function laterDate(a: string | null, b: string | null): string | null {
	if (!a || !b) return a ?? b;
	return Date.parse(b) > Date.parse(a) ? b : a;
}

/**
 * One output item for a presence change: the same fields the Agent Presence Trigger emits for a
 * Genesys event (GenesysCloud/events/genesysEvents.ts), with the definition's own label when it is known.
 */
export function presenceChangeItem(
	userId: string,
	body: PresenceEventBody,
	options: {
		presenceNames?: Map<string, string>;
		raw?: IDataObject;
		correlationId?: string | null;
		receivedAt?: string;
	} = {},
): IDataObject {
	const presenceId = body.presenceDefinition?.id;
	const item: IDataObject = {
		...genesysPresenceEvent(userId, body, {
			topicName: presenceTopic(userId),
			correlationId: options.correlationId ?? null,
			presenceName: presenceId ? options.presenceNames?.get(presenceId) : undefined,
			// Events often carry no modifiedDate: the time it reached us is then the best there is.
			fallbackTime: options.receivedAt,
		}),
	};
	if (item.loggedIn === undefined) delete item.loggedIn;
	if (options.raw) item.raw = options.raw;
	return item;
}
