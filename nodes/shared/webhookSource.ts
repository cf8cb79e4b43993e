/**
 * What a vendor's pushed presence events need, whichever node receives them: the Agent Presence
 * Trigger (its own webhook) or the Agent Presence Event node (an item from n8n's Webhook node or a
 * queue trigger). Each vendor implements it in its own `webhook/` folder; receiveEvent.ts runs it.
 */
import type {
	ICredentialTestFunction,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	INodeCredentialDescription,
	INodeProperties,
	INodePropertyOptions,
	IWebhookFunctions,
} from 'n8n-workflow';

/**
 * How a sender proves itself: none, a shared key (every source), or a vendor's own signature (the
 * value its `signatures` key says, stored in saved workflows, so it never changes).
 */
export type Verification = 'none' | 'queryKey' | 'header' | (string & {});

/** Which node receives the event: the trigger (its own webhook) or the event node (another node's item). */
export type Receiver = 'trigger' | 'node';

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

/** A vendor's own signature: a Sender Verification option of its source, and its check. */
export interface Signature {
	/** The option's name, and how other fields refer to it. */
	name: string;
	shortName: string;
	description: Record<Receiver, string>;
	/** Checks the request as a whole, before the body is read. */
	verify: VerifySender;
	/**
	 * For a vendor that proves the sender event by event (Graph's `clientState` on each value):
	 * null when one event's proof is right, otherwise why not. A batch is then split: right events
	 * pass, the others are rejected one by one.
	 */
	verifyEach?(scope: EventScope, proof: unknown): Promise<string | null>;
	/** The signature checks the Shared Key the user enters (Graph's `clientState`), so the field shows for it. */
	usesSharedKey?: boolean;
}

/** How the sender presents the shared key, as each Sender Verification option explains it. */
export interface KeyTexts {
	queryKey: string;
	header: string;
}

/**
 * What a source adds to the nodes that receive its events; each field is shown for this source
 * only (its own displayOptions say so), in the place its slot names.
 */
export interface WebhookFields {
	/** The Source option (its value is the vendor's id in the registry). */
	option: { name: string; description: string };
	verification: Record<Receiver, KeyTexts>;
	/** Trigger only: right after Source (e.g. how a source that registers itself does it). */
	setup?: INodeProperties[];
	/** Trigger only: after Sender Verification (e.g. a hidden value older workflows stored). */
	stored?: INodeProperties[];
	/** Trigger only: after the Shared Key (e.g. one that may be left empty when the source registers itself). */
	sharedKey?: INodeProperties[];
	/** Why the Query Parameter default matters for this sender, added to its description. */
	queryParameterNote?: string;
	/** Event kinds only this source sends: Events options, selected by default. */
	events?: INodePropertyOptions[];
	/** Trigger only: a sentence added to the Events filter's description. */
	eventsNote?: string;
	/** Filters after Events, and notices after the filters. */
	filters?: (receiver: Receiver) => INodeProperties[];
	notices?: (receiver: Receiver) => INodeProperties[];
	/** Credentials the receiving nodes offer for this source, and the tests they name. */
	credentials?: INodeCredentialDescription[];
	credentialTests?: Record<string, ICredentialTestFunction>;
	/** What activation says when the Shared Key is a template's placeholder, or missing while the source does not register itself. */
	keyHelp?: { placeholder: string; missing: string };
}

/**
 * One event of a body holding several (a stream batch, a notification collection): its item, the
 * vendor's payload for this event alone (Include Raw Payload), and the per-event proof a signature's
 * verifyEach checks. The proof may be a secret: it never reaches an item.
 */
export interface BatchEvent {
	item: IDataObject;
	raw: unknown;
	proof?: unknown;
}

export interface WebhookSource {
	/** The vendor's name as errors and rejections say it. */
	vendorName: string;
	/** Verifications beyond none and the shared key, by the value Sender Verification stores. */
	signatures: Record<string, Signature>;
	fields: WebhookFields;
	/**
	 * The JSON body as the normalized item; throws InvalidEventError for a body the vendor cannot send.
	 * A source has parse or parseBatch.
	 */
	parse?(body: unknown): IDataObject;
	/**
	 * For a vendor that sends several events in one body: every event in it, in order, used instead
	 * of parse (an empty list is a body with nothing to pass on). Throws InvalidEventError as parse does.
	 */
	parseBatch?(body: unknown): BatchEvent[];
	/**
	 * The token to echo when the request is the vendor's validation handshake (Graph's
	 * `validationToken` when a subscription is made), else undefined. It carries no event.
	 */
	handshake?(event: ReceivedEvent): string | undefined;
	/** The item for an event the vendor cut short (e.g. over a size limit); undefined when it is whole. */
	cutShort?(scope: EventScope, event: ReceivedEvent, body: unknown): Promise<IDataObject | undefined>;
	/** Why this event is not passed on (e.g. the sync's own write), or null. */
	ignoreReason?(scope: EventScope, item: IDataObject): Promise<string | null>;
	/** Fills in what the event itself does not say (e.g. a custom presence's category). */
	complete?(scope: EventScope, item: IDataObject): Promise<void>;
	/** Absent when the sender is set up outside n8n (nothing to register). */
	activation?: ActivationHooks;
}

/** The source's signature for a Sender Verification value, if it has one by that value. */
export function signatureOf(source: WebhookSource, verification: Verification): Signature | undefined {
	return Object.prototype.hasOwnProperty.call(source.signatures, verification) ? source.signatures[verification] : undefined;
}
