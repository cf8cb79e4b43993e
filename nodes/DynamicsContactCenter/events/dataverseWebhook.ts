/**
 * Dataverse `msdyn_agentstatus` webhooks: the RemoteExecutionContext a registered step POSTs
 * (Microsoft Learn: "Synchronize agent presence status across multiple systems"), validated and
 * turned into the normalized presence item. Pure: no I/O, so the trigger, the tests and the
 * benchmark share it.
 *
 * The zod schemas cover only what the trigger reads; they are the contract and the wording of
 * every rejection (the 400 answer). zod's pass costs microseconds against the tens of
 * milliseconds n8n spends on a webhook, so nothing here is hand-tuned for speed.
 */
import { z } from 'zod';

import { DATAVERSE_OOTB_PRESENCES, dataverseCategory } from '../categories';
import { describeZodError, InvalidEventError } from '../../shared/eventErrors';
import type { NormalizedPresence, PresenceEvent } from '../../shared/presence';
import { wcfDateToIso, wcfDateToMs } from './dataverseDates';

export const AGENT_STATUS_ENTITY = 'msdyn_agentstatus';

const keyValue = z.object({ key: z.string(), value: z.unknown() });

const entitySchema = z.object({
	LogicalName: z.string(),
	Id: z.string().nullable().optional(),
	Attributes: z.array(keyValue),
	FormattedValues: z.array(keyValue).nullable().optional(),
});

const imagesSchema = z.array(z.object({ key: z.string(), value: entitySchema })).nullable().optional();

const remoteExecutionContextSchema = z.object({
	MessageName: z.string(),
	PrimaryEntityName: z.string(),
	PrimaryEntityId: z.string().nullable().optional(),
	OrganizationId: z.string(),
	OrganizationName: z.string().nullable().optional(),
	CorrelationId: z.string().nullable().optional(),
	InitiatingUserId: z.string().nullable().optional(),
	UserId: z.string().nullable().optional(),
	OperationCreatedOn: z.string().nullable().optional(),
	Stage: z.number().optional(),
	InputParameters: z.array(keyValue),
	PreEntityImages: imagesSchema,
	PostEntityImages: imagesSchema,
});

const entityReference = z.object({ Id: z.string().min(1), LogicalName: z.string().optional(), Name: z.string().nullable().optional() });
const wcfDate = z.string().refine((v) => wcfDateToMs(v) !== null, { message: 'expected a /Date(<ms>[±hhmm])/ value' });

/**
 * The agent-status columns the trigger reads, with the types Dataverse sends them as; one object
 * schema over the attribute map (one zod pass instead of one per column), other columns ignored.
 */
const attributesSchema = z.object({
	msdyn_agentstatusid: z.string(),
	msdyn_agentid: entityReference.nullable(),
	msdyn_currentpresenceid: entityReference.nullable(),
	msdyn_isagentloggedin: z.boolean().nullable(),
	msdyn_availableunitscapacity: z.number().int().nullable(),
	msdyn_presencemodifiedby: z.string().nullable(),
	msdyn_presencemodifiedon: wcfDate.nullable(),
	msdyn_capacitymodifiedon: wcfDate.nullable(),
	modifiedon: wcfDate.nullable(),
	createdon: wcfDate.nullable(),
	modifiedby: entityReference.nullable(),
}).partial();

export type RemoteExecutionContext = z.infer<typeof remoteExecutionContextSchema>;
type Attributes = Record<string, unknown>;

/** The normalized presence fields (the agent is null when the row names none), plus the Dataverse context's. */
export interface DataverseAgentStatusEvent extends Omit<NormalizedPresence, 'source' | 'agentId' | 'raw'> {
	source: 'dataverse';
	agentId: string | null;
	previousPresenceId?: string | null;
	agentStatusId: string | null;
	messageName: 'Create' | 'Update';
	organizationId: string;
	organizationName: string | null;
	correlationId: string | null;
	initiatingUserId: string | null;
	userId: string | null;
	/** True when the presence is not one of the out-of-the-box five (its category needs a lookup). */
	customPresence: boolean;
}

/** The columns attributesSchema knows: the only attributes the trigger keeps. */
const COLUMNS = new Set(Object.keys(attributesSchema.shape));

/**
 * The key/value list as a map of the columns the trigger reads (a later entry wins). Other keys
 * are dropped, so an attribute named like an Object.prototype member never reaches the map.
 */
function toMap(list: Array<{ key: string; value?: unknown }>, out: Attributes = {}): Attributes {
	for (const { key, value } of list) if (COLUMNS.has(key)) out[key] = value;
	return out;
}

/** The columns' types are checked; the item is built from the values as sent. */
function checkAttributes(attributes: Attributes, where: string): void {
	const result = attributesSchema.safeParse(attributes);
	if (!result.success) {
		const issue = result.error.issues[0];
		throw new InvalidEventError(`${where} attribute ${String(issue.path[0])}: ${issue.message}`);
	}
}

/** The images' attributes, merged (a step can register one pre- and one post-image; names are the user's). */
function imageAttributes(images: RemoteExecutionContext['PreEntityImages'], where: string): Attributes | undefined {
	if (!images || images.length === 0) return undefined;
	const merged: Attributes = {};
	for (const image of images) toMap(image.value.Attributes, merged);
	checkAttributes(merged, where);
	return merged;
}

interface ParsedAgentStatus {
	context: RemoteExecutionContext;
	target: Attributes;
	formatted: Attributes;
	pre?: Attributes;
	post?: Attributes;
}

/** Validates a parsed JSON body as an msdyn_agentstatus Create/Update RemoteExecutionContext. */
function parseAgentStatusContext(body: unknown): ParsedAgentStatus {
	if (body === null || typeof body !== 'object' || Array.isArray(body)) {
		throw new InvalidEventError('The body must be a JSON object (a Dataverse RemoteExecutionContext)');
	}
	const parsed = remoteExecutionContextSchema.safeParse(body);
	if (!parsed.success) throw new InvalidEventError(`Not a Dataverse RemoteExecutionContext: ${describeZodError(parsed.error)}`);
	const context = parsed.data;
	if (context.PrimaryEntityName !== AGENT_STATUS_ENTITY) {
		throw new InvalidEventError(`Wrong entity: expected ${AGENT_STATUS_ENTITY}, got PrimaryEntityName "${context.PrimaryEntityName}"`);
	}
	if (context.MessageName !== 'Create' && context.MessageName !== 'Update') {
		throw new InvalidEventError(`Unsupported message "${context.MessageName}": register the step for Create and Update only`);
	}
	const targetParameter = context.InputParameters.find((p) => p.key === 'Target');
	if (!targetParameter) throw new InvalidEventError('Missing Target: InputParameters has no "Target" entry');
	const target = entitySchema.safeParse(targetParameter.value);
	if (!target.success) throw new InvalidEventError(`Invalid Target: ${describeZodError(target.error, 'InputParameters.Target')}`);
	if (target.data.LogicalName !== AGENT_STATUS_ENTITY) {
		throw new InvalidEventError(`Wrong entity: Target is a "${target.data.LogicalName}", expected ${AGENT_STATUS_ENTITY}`);
	}
	const attributes = toMap(target.data.Attributes);
	checkAttributes(attributes, 'Target');
	return {
		context,
		target: attributes,
		formatted: toMap(target.data.FormattedValues ?? []),
		pre: imageAttributes(context.PreEntityImages, 'PreEntityImages'),
		post: imageAttributes(context.PostEntityImages, 'PostEntityImages'),
	};
}

const refId = (value: unknown): string | null =>
	value && typeof value === 'object' ? ((value as { Id?: string }).Id ?? null)?.toLowerCase() ?? null : null;
const refName = (value: unknown): string | null =>
	value && typeof value === 'object' ? ((value as { Name?: string | null }).Name ?? null) : null;
const ms = (value: unknown): number => wcfDateToMs(value) ?? Number.NEGATIVE_INFINITY;
const has = (attributes: Attributes | undefined, name: string) => attributes !== undefined && name in attributes;

/**
 * What an Update changed. A pre-image tells it exactly; without one, Target holds the columns the
 * caller set (changed or not), so the later of msdyn_presencemodifiedon / msdyn_capacitymodifiedon
 * says whether this write was about presence or capacity.
 */
function updateEvent(target: Attributes, current: (name: string) => unknown, pre: Attributes | undefined): PresenceEvent {
	const loggedIn = current('msdyn_isagentloggedin');
	if (pre) {
		if (has(pre, 'msdyn_isagentloggedin') && typeof loggedIn === 'boolean' && pre.msdyn_isagentloggedin !== loggedIn) {
			return loggedIn ? 'logged_in' : 'logged_out';
		}
		if (has(pre, 'msdyn_currentpresenceid') && refId(pre.msdyn_currentpresenceid) !== refId(current('msdyn_currentpresenceid'))) {
			return 'presence_changed';
		}
		if (
			has(pre, 'msdyn_availableunitscapacity') &&
			pre.msdyn_availableunitscapacity !== current('msdyn_availableunitscapacity')
		) {
			return 'capacity_changed';
		}
	}
	const presenceSet = has(target, 'msdyn_currentpresenceid') || has(target, 'msdyn_presencemodifiedon');
	const capacitySet = has(target, 'msdyn_availableunitscapacity') || has(target, 'msdyn_capacitymodifiedon');
	const capacityOnly =
		capacitySet &&
		(!presenceSet || ms(current('msdyn_capacitymodifiedon')) > ms(current('msdyn_presencemodifiedon')));
	if (capacityOnly) return 'capacity_changed';
	// An agent signing out lands on Offline with the logged-in flag cleared.
	if (loggedIn === false && has(target, 'msdyn_isagentloggedin') && dataverseCategory(refId(current('msdyn_currentpresenceid'))) === 'offline') {
		return 'logged_out';
	}
	return 'presence_changed';
}

/** The normalized item for a validated context. */
function normalizeAgentStatus(parsed: ParsedAgentStatus): DataverseAgentStatusEvent {
	const { context, target, formatted, pre, post } = parsed;
	// Target's column, else the post-image's (one keyed read when there is no post-image).
	const current =
		post === undefined
			? (name: string): unknown => target[name]
			: (name: string): unknown => (name in target ? target[name] : post[name]);
	const messageName = context.MessageName as 'Create' | 'Update';
	const event: PresenceEvent = messageName === 'Create' ? 'agent_created' : updateEvent(target, current, pre);

	const presenceRef = current('msdyn_currentpresenceid');
	const presenceId = refId(presenceRef);
	const known = presenceId ? DATAVERSE_OOTB_PRESENCES[presenceId] : undefined;
	const formattedName = formatted.msdyn_currentpresenceid;
	const presenceName =
		known?.name ?? refName(presenceRef) ?? (typeof formattedName === 'string' ? formattedName : null);

	const loggedIn = current('msdyn_isagentloggedin');
	const capacity = current('msdyn_availableunitscapacity');
	const changedBy = current('msdyn_presencemodifiedby');
	const changedAtRaw =
		event === 'capacity_changed'
			? current('msdyn_capacitymodifiedon')
			: event === 'agent_created'
				? (current('createdon') ?? current('msdyn_presencemodifiedon'))
				: current('msdyn_presencemodifiedon');
	const agentStatusId = current('msdyn_agentstatusid');

	const out: DataverseAgentStatusEvent = {
		source: 'dataverse',
		event,
		agentId: refId(current('msdyn_agentid')),
		presenceId,
		presenceName,
		category: known?.category ?? null,
		loggedIn: typeof loggedIn === 'boolean' ? loggedIn : undefined,
		capacity: typeof capacity === 'number' ? capacity : undefined,
		changedBy: event !== 'capacity_changed' && typeof changedBy === 'string' ? changedBy : undefined,
		changedAt: wcfDateToIso(changedAtRaw ?? current('modifiedon')) ?? wcfDateToIso(context.OperationCreatedOn),
		agentStatusId: typeof agentStatusId === 'string' ? agentStatusId.toLowerCase() : (context.PrimaryEntityId ?? null),
		messageName,
		organizationId: context.OrganizationId,
		organizationName: context.OrganizationName ?? null,
		correlationId: context.CorrelationId ?? null,
		initiatingUserId: context.InitiatingUserId ?? null,
		userId: context.UserId ?? null,
		customPresence: presenceId !== null && !known,
	};
	if (pre && has(pre, 'msdyn_currentpresenceid')) out.previousPresenceId = refId(pre.msdyn_currentpresenceid);
	return out;
}

/** Validate + normalize in one call (what the trigger and the benchmark run per payload). */
export function parseDataverseAgentStatus(body: unknown): DataverseAgentStatusEvent {
	return normalizeAgentStatus(parseAgentStatusContext(body));
}

/**
 * A change Dataverse delivered without its data (payload over 256 KB): its context, and the row's
 * columns read through the Web API as `attributes` (the same types a Target carries them as).
 */
export function parseDataverseAgentStatusRow(context: unknown, attributes: Record<string, unknown>): DataverseAgentStatusEvent {
	const parsed = remoteExecutionContextSchema.safeParse(context);
	if (!parsed.success) throw new InvalidEventError(`Not a Dataverse RemoteExecutionContext: ${describeZodError(parsed.error)}`);
	const target = toMap(Object.entries(attributes).map(([key, value]) => ({ key, value })));
	checkAttributes(target, 'Row');
	return normalizeAgentStatus({ context: parsed.data, target, formatted: {} });
}
