/**
 * Amazon Connect agent event stream records ("Agent event streams data model", Administrator Guide)
 * → the package's normalized presence events. Connect writes each AgentEvent as JSON to a Kinesis
 * data stream; what carries it to n8n wraps it differently, so every wrapping met in practice is
 * unwrapped: the AgentEvent itself, a list, Kinesis records (`kinesis.data` or `data`, base64 —
 * Lambda, EventBridge Pipes), SQS messages (`body`, JSON text), `{ Records: [...] }`.
 *
 * Kept: LOGIN (logged_in), LOGOUT (logged_out) and STATE_CHANGE when the agent status itself
 * changed (presence_changed). Dropped: HEART_BEAT (every 120 s, up to an hour after logout) and
 * STATE_CHANGEs where only contacts or configuration changed; a record repeated in a batch
 * (same EventId) is emitted once.
 */
import type { IDataObject } from 'n8n-workflow';

import type { PresenceEvent } from '../../shared/presence';
import type { CustomMapping } from '../helpers/categories';
import { connectCategory } from '../helpers/categories';

export interface AgentStatusRef {
	ARN?: string;
	Name?: string;
	StartTimestamp?: string;
	/** ASSUMPTION: not in the data model's example, but sent by some instances; used when present, else the category comes from the name. */
	Type?: string;
}

export interface AgentSnapshot {
	AgentStatus?: AgentStatusRef;
	NextAgentStatus?: { ARN?: string; Name?: string; EnqueuedTimestamp?: string } | null;
	Configuration?: IDataObject & { Username?: string; FirstName?: string; LastName?: string; RoutingProfile?: IDataObject };
	Contacts?: IDataObject[];
}

export interface AgentEvent {
	AWSAccountId?: string;
	AgentARN?: string;
	CurrentAgentSnapshot?: AgentSnapshot | null;
	PreviousAgentSnapshot?: AgentSnapshot | null;
	EventId?: string;
	EventTimestamp?: string;
	EventType?: 'STATE_CHANGE' | 'HEART_BEAT' | 'LOGIN' | 'LOGOUT' | string;
	InstanceARN?: string;
	Version?: string;
}

const isObject = (v: unknown): v is IDataObject => typeof v === 'object' && v !== null && !Array.isArray(v);

function decodeBase64Json(data: string): unknown {
	const text = Buffer.from(data, 'base64').toString('utf8');
	return JSON.parse(text) as unknown;
}

/** Every AgentEvent inside `payload`, in order; anything else is an error naming what was found. */
export function unwrapAgentEvents(payload: unknown): AgentEvent[] {
	if (Array.isArray(payload)) return payload.flatMap(unwrapAgentEvents);
	if (typeof payload === 'string') return unwrapAgentEvents(JSON.parse(payload) as unknown);
	if (!isObject(payload)) throw new Error(`Not an Amazon Connect agent event: ${JSON.stringify(payload)?.slice(0, 80)}`);
	if (typeof payload.EventType === 'string') return [payload as AgentEvent];
	if (Array.isArray(payload.Records)) return unwrapAgentEvents(payload.Records);
	if (isObject(payload.kinesis) && typeof payload.kinesis.data === 'string') return unwrapAgentEvents(decodeBase64Json(payload.kinesis.data));
	if (typeof payload.data === 'string') return unwrapAgentEvents(decodeBase64Json(payload.data));
	if (typeof payload.body === 'string') return unwrapAgentEvents(JSON.parse(payload.body) as unknown);
	throw new Error(`Not an Amazon Connect agent event: no EventType in an object with ${Object.keys(payload).slice(0, 5).join(', ') || 'no fields'}`);
}

const lastSegment = (arn: string | undefined) => (arn ? (arn.split('/').pop() ?? null) : null);

/** Whether the agent status differs between the two snapshots (name, ARN or start time). */
export function statusChanged(event: AgentEvent): boolean {
	const now = event.CurrentAgentSnapshot?.AgentStatus;
	const before = event.PreviousAgentSnapshot?.AgentStatus;
	if (!now) return false;
	if (!before) return true;
	return now.ARN !== before.ARN || now.Name !== before.Name || now.StartTimestamp !== before.StartTimestamp;
}

const EVENT_OF: Record<string, PresenceEvent> = { LOGIN: 'logged_in', LOGOUT: 'logged_out', STATE_CHANGE: 'presence_changed' };

/** The category of a stream status: its Type when sent, else Available/Offline by name, a custom status by the mapping. */
function streamCategory(status: AgentStatusRef | undefined, mapping: CustomMapping) {
	if (!status?.Name) return null;
	if (status.Type) return connectCategory(status.Type, status.Name, mapping);
	if (status.Name === 'Available') return 'available';
	if (status.Name === 'Offline') return 'offline';
	return connectCategory('CUSTOM', status.Name, mapping);
}

/** The normalized item of one kept event. */
export function normalizeAgentEvent(event: AgentEvent, mapping: CustomMapping = {}): IDataObject {
	const snapshot = event.CurrentAgentSnapshot ?? event.PreviousAgentSnapshot ?? {};
	const status = event.EventType === 'LOGOUT' ? undefined : event.CurrentAgentSnapshot?.AgentStatus;
	const config = snapshot.Configuration ?? {};
	const next = event.CurrentAgentSnapshot?.NextAgentStatus ?? null;
	return {
		source: 'amazonConnect',
		event: EVENT_OF[String(event.EventType)],
		agentId: lastSegment(event.AgentARN),
		presenceId: lastSegment(status?.ARN),
		presenceName: status?.Name ?? null,
		category: event.EventType === 'LOGOUT' ? 'offline' : streamCategory(status, mapping),
		loggedIn: event.EventType !== 'LOGOUT',
		changedAt: status?.StartTimestamp ?? event.EventTimestamp ?? null,
		previousPresenceName: event.PreviousAgentSnapshot?.AgentStatus?.Name ?? null,
		nextStatus: next?.Name ?? null,
		contactsInProgress: (event.CurrentAgentSnapshot?.Contacts ?? []).length,
		username: typeof config.Username === 'string' ? config.Username : null,
		eventId: event.EventId ?? null,
		raw: event as unknown as IDataObject,
	};
}

/** The items a batch of records gives: heartbeats and unchanged statuses dropped, each EventId once. */
export function parseAgentEvents(payload: unknown, mapping: CustomMapping = {}): IDataObject[] {
	const seen = new Set<string>();
	const out: IDataObject[] = [];
	for (const event of unwrapAgentEvents(payload)) {
		if (!(String(event.EventType) in EVENT_OF)) continue;
		if (event.EventType === 'STATE_CHANGE' && !statusChanged(event)) continue;
		if (event.EventId) {
			if (seen.has(event.EventId)) continue;
			seen.add(event.EventId);
		}
		out.push(normalizeAgentEvent(event, mapping));
	}
	return out;
}
