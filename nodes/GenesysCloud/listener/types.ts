import type { IDataObject, ITriggerFunctions } from 'n8n-workflow';

import type { PresenceEventBody } from '../events/genesysNotifications';
import type { requireWebSocket } from './socket';

/** What a ChannelRunner needs from the listener that owns it. */
export interface ListenerOwner {
	readonly ctx: ITriggerFunctions;
	readonly WebSocket: ReturnType<typeof requireWebSocket>;
	readonly stopped: boolean;
	onPresence(
		userId: string,
		body: PresenceEventBody,
		raw: IDataObject,
		detectedBy: 'event' | 'catch-up',
		receivedAt: Date,
	): void;
	/** A presence-topic message that is not a presence change: logged, never emitted. */
	onMalformed(topicName: string, reason: string): void;
	/** Reads the users' current presence and emits changes the socket missed. */
	catchUp(userIds: string[]): Promise<void>;
	/** Reports a failure the runner cannot recover from (n8n then restarts the trigger). */
	fail(error: unknown, attempts: number): void;
}
