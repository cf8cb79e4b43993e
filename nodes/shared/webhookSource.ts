/**
 * What a vendor's pushed presence events need, whichever node receives them: the Agent Presence
 * Trigger (its own webhook) or the Agent Presence Event node (an item from n8n's Webhook node or a
 * queue trigger). Each vendor implements it in its own `webhook/` folder; receiveEvent.ts runs it.
 */
import type { IDataObject, IExecuteFunctions, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

/** How a sender proves itself: a shared key (every source) or a vendor's own signature. */
export type Verification = 'none' | 'queryKey' | 'header' | 'vonageSignature';

/** The node an event arrives through, and its parameters as they apply to this event. */
export interface EventScope {
	ctx: IWebhookFunctions | IExecuteFunctions;
	/** A node parameter (the event node reads it for the item being handled). */
	param<T>(name: string, fallback: T): T;
	/** The node's display name for log lines, e.g. "Agent Presence Trigger". */
	label: string;
	/** What refusals call the node a setting is missing on: "trigger" or "node". */
	where: 'trigger' | 'node';
}

/** One event as the sender sent it. Header names are lower case, as Node's HTTP server gives them. */
export interface ReceivedEvent {
	headers: Record<string, unknown>;
	query: Record<string, unknown>;
	/** The bytes as sent, when the receiving node has them (signatures cover these, not a re-serialization). */
	rawBody?: Buffer;
}

/** Null when the sender is verified, otherwise why not (never echoes a secret). */
export type VerifySender = (scope: EventScope, event: ReceivedEvent, nowMs: number) => Promise<string | null>;

/** Publishing and unpublishing a trigger: what the source registers with the vendor, if anything. */
export interface ActivationHooks {
	/** Whether the trigger makes its own shared key (it gives it to the vendor itself). */
	registersItself(ctx: IHookFunctions): boolean;
	/** Refuses a setup that would reject every event; true when the registration is current. */
	checkExists(ctx: IHookFunctions): Promise<boolean>;
	create(ctx: IHookFunctions): Promise<void>;
	/** Removes what this source registered earlier, whatever the node is set to now. */
	delete(ctx: IHookFunctions): Promise<void>;
}

export interface WebhookSource {
	/** The vendor's name as errors and rejections say it. */
	vendorName: string;
	/** Verifications beyond none and the shared key, each with its check. */
	signatures: Partial<Record<Verification, VerifySender>>;
	/** The JSON body as the normalized item; throws InvalidEventError for a body the vendor cannot send. */
	parse(body: unknown): IDataObject;
	/** The item for an event the vendor cut short (Dataverse over 256 KB); undefined when it is whole. */
	cutShort?(scope: EventScope, event: ReceivedEvent, body: unknown): Promise<IDataObject | undefined>;
	/** Why this event is not passed on (e.g. the sync's own write), or null. */
	ignoreReason?(scope: EventScope, item: IDataObject): Promise<string | null>;
	/** Fills in what the event itself does not say (e.g. a custom presence's category). */
	complete?(scope: EventScope, item: IDataObject): Promise<void>;
	/** Absent when the sender is set up outside n8n (nothing to register). */
	activation?: ActivationHooks;
}
