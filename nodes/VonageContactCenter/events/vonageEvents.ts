/**
 * Vonage Contact Center presence events, two documented shapes:
 * - the Webhooks API (beta) CloudEvent `agent.presencechanged.v0`: `{ specversion, type, id,
 *   source, subject, time, data: { timestamp, presence: { presenceId, category: { type,
 *   description, subcategory }, description }, user: { agentId, userId } } }`;
 * - an Insights Stats presence activity (`GET /agent-activities/presence` items): `{ agentId,
 *   type: 'Presence', category, name, eligibleForRouting, start, duration, reason }`.
 * Ready (Outbound) is told apart by its subcategory / eligibleForRouting (see vonageCategory).
 */
import { z } from 'zod';

import { vonageCategory } from '../categories';
import { describeZodError, InvalidEventError } from '../../shared/eventErrors';
import type { PresenceCategory, PresenceEvent } from '../../shared/presence';

/** The CloudEvent spells category types in lower camel case (`ready`); the Agents API in Pascal. */
const CATEGORY_TYPES: Record<string, string> = {
	ready: 'Ready',
	away: 'Away',
	extendedaway: 'ExtendedAway',
	loggedout: 'LoggedOut',
};
const canonicalType = (type: string) => CATEGORY_TYPES[type.toLowerCase()] ?? type;

const cloudEventSchema = z.object({
	specversion: z.string(),
	type: z.string().regex(/^agent\.presencechanged\.v\d+$/, 'expected an agent.presencechanged event'),
	id: z.string(),
	time: z.string().optional(),
	data: z.object({
		timestamp: z.string(),
		presence: z.object({
			presenceId: z.string().min(1),
			category: z.object({ type: z.string(), description: z.string().nullable().optional(), subcategory: z.string().nullable().optional() }),
			description: z.string().nullable().optional(),
		}),
		user: z.object({ userId: z.string().min(1), agentId: z.string().nullable().optional() }),
	}),
});

export interface VonagePresenceEvent {
	source: 'vonage';
	event: PresenceEvent;
	agentId: string;
	presenceId: string | null;
	presenceName: string | null;
	category: PresenceCategory | null;
	loggedIn: boolean;
	changedAt: string | null;
	categoryType: string;
	agentDisplayId: string | null;
	[key: string]: unknown;
}

const iso = (value: string | null | undefined) =>
	value && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : null;

function eventFor(categoryType: string): PresenceEvent {
	return categoryType === 'LoggedOut' ? 'logged_out' : 'presence_changed';
}

export function parseVonagePresenceWebhook(body: unknown): VonagePresenceEvent {
	if (body === null || typeof body !== 'object' || Array.isArray(body)) {
		throw new InvalidEventError('The body must be a JSON object (a Vonage agent.presencechanged CloudEvent)');
	}
	const parsed = cloudEventSchema.safeParse(body);
	if (!parsed.success) throw new InvalidEventError(`Not a Vonage agent.presencechanged event: ${describeZodError(parsed.error)}`);
	const { data, id, type } = parsed.data;
	const categoryType = canonicalType(data.presence.category.type);
	return {
		source: 'vonage',
		event: eventFor(categoryType),
		agentId: data.user.userId,
		presenceId: data.presence.presenceId,
		presenceName: data.presence.description ?? null,
		category: vonageCategory(categoryType, data.presence.category.subcategory),
		loggedIn: categoryType !== 'LoggedOut',
		changedAt: iso(data.timestamp),
		categoryType,
		subcategory: data.presence.category.subcategory ?? null,
		agentDisplayId: data.user.agentId ?? null,
		eventId: id,
		eventType: type,
	};
}

export interface VonagePresenceActivity {
	agentId: string;
	type?: string;
	category: string;
	name?: string | null;
	eligibleForRouting?: boolean | null;
	start: string;
	duration?: number | null;
	reason?: string | null;
}

/**
 * One Insights Stats presence activity → the normalized item. The Stats API names agents by their
 * agent (display) ID and presences by name, not by the Agents API's userId / presenceId.
 */
export function normalizeVonageActivity(activity: VonagePresenceActivity): VonagePresenceEvent {
	const categoryType = canonicalType(activity.category);
	return {
		source: 'vonage',
		event: eventFor(categoryType),
		agentId: activity.agentId,
		presenceId: null,
		presenceName: activity.name ?? null,
		category: vonageCategory(categoryType, undefined, activity.eligibleForRouting),
		loggedIn: categoryType !== 'LoggedOut',
		changedAt: iso(activity.start),
		categoryType,
		eligibleForRouting: activity.eligibleForRouting ?? null,
		agentDisplayId: activity.agentId,
		reason: activity.reason ?? null,
	};
}
