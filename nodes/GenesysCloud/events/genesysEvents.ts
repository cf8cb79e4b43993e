/**
 * Genesys Cloud user-presence notifications (topic `v2.users.{id}.presence`), as Genesys documents
 * them for its notification service ("User Presence with Notifications Guide": `{ topicName,
 * version, eventBody: { source, presenceDefinition: { id, systemPresence }, primary, message,
 * modifiedDate }, metadata: { CorrelationId } }`), either bare or wrapped in the Amazon EventBridge
 * envelope its EventBridge integration delivers (`detail-type` = topic, `detail` = notification).
 */
import { z } from 'zod';

import { genesysCategory } from '../categories';
import { describeZodError, InvalidEventError } from '../../shared/eventErrors';
import type { PresenceCategory, PresenceEvent } from '../../shared/presence';

const TOPIC = /^v2\.users\.([0-9a-f-]{36})\.presence$/i;

const notificationSchema = z.object({
	topicName: z.string().regex(TOPIC, 'expected topic v2.users.{id}.presence'),
	version: z.union([z.string(), z.number()]).optional(),
	eventBody: z.object({
		source: z.string().nullable().optional(),
		presenceDefinition: z.object({ id: z.string().min(1), systemPresence: z.string().nullable().optional() }),
		primary: z.boolean().nullable().optional(),
		message: z.string().nullable().optional(),
		modifiedDate: z.string().nullable().optional(),
	}),
	metadata: z.object({ CorrelationId: z.string().optional() }).passthrough().nullable().optional(),
});

const eventBridgeSchema = z.object({
	'detail-type': z.string(),
	id: z.string().optional(),
	time: z.string().optional(),
	detail: notificationSchema,
});

export interface GenesysPresenceEvent {
	source: 'genesys';
	event: PresenceEvent;
	agentId: string;
	presenceId: string | null;
	presenceName: string | null;
	category: PresenceCategory | null;
	loggedIn: boolean | undefined;
	changedAt: string | null;
	systemPresence: string | null;
	presenceSource: string | null;
	primary: boolean | null;
	message: string | null;
	topicName: string;
	correlationId: string | null;
}

/** `ON_QUEUE` → `On Queue` (the event carries the system presence, not the definition's label). */
function label(systemPresence: string): string {
	return systemPresence
		.toLowerCase()
		.split(/[_\s]+/)
		.map((w) => w.charAt(0).toUpperCase() + w.slice(1))
		.join(' ');
}

/** A presence event body as both delivery routes carry it (webhook/EventBridge and the Notifications API). */
export interface GenesysPresenceBody {
	source?: string | null;
	presenceDefinition?: { id?: string; systemPresence?: string | null };
	primary?: boolean | null;
	message?: string | null;
	modifiedDate?: string | null;
}

/**
 * One shape for a Genesys presence change, whichever way it arrived, so a workflow reads the same
 * fields from the Agent Presence Trigger and the Genesys Cloud Presence Trigger.
 */
export function genesysPresenceEvent(
	userId: string,
	eventBody: GenesysPresenceBody,
	context: { topicName: string; correlationId?: string | null; presenceName?: string | null; fallbackTime?: string },
): GenesysPresenceEvent {
	const systemPresence = eventBody.presenceDefinition?.systemPresence ?? null;
	const category = genesysCategory(systemPresence);
	const when = eventBody.modifiedDate ?? context.fallbackTime;
	return {
		source: 'genesys',
		event: category === 'offline' ? 'logged_out' : 'presence_changed',
		agentId: userId.toLowerCase(),
		presenceId: eventBody.presenceDefinition?.id ?? null,
		presenceName: context.presenceName || (systemPresence ? label(systemPresence) : null),
		category,
		loggedIn: systemPresence ? category !== 'offline' : undefined,
		changedAt: when && !Number.isNaN(Date.parse(when)) ? new Date(when).toISOString() : null,
		systemPresence,
		presenceSource: eventBody.source ?? null,
		primary: eventBody.primary ?? null,
		message: eventBody.message ?? null,
		topicName: context.topicName,
		correlationId: context.correlationId ?? null,
	};
}

export function parseGenesysPresence(body: unknown): GenesysPresenceEvent {
	if (body === null || typeof body !== 'object' || Array.isArray(body)) {
		throw new InvalidEventError('The body must be a JSON object (a Genesys Cloud presence notification)');
	}
	const wrapped = 'detail' in body;
	const parsed = wrapped ? eventBridgeSchema.safeParse(body) : notificationSchema.safeParse(body);
	if (!parsed.success) {
		throw new InvalidEventError(`Not a Genesys Cloud user-presence event: ${describeZodError(parsed.error)}`);
	}
	const notification = 'detail' in parsed.data ? parsed.data.detail : parsed.data;
	return genesysPresenceEvent((TOPIC.exec(notification.topicName) as RegExpExecArray)[1], notification.eventBody, {
		topicName: notification.topicName,
		correlationId: notification.metadata?.CorrelationId,
		fallbackTime: 'detail' in parsed.data ? parsed.data.time : undefined,
	});
}
