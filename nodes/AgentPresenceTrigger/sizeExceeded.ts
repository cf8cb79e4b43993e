/**
 * Dataverse sends a context over 256 KB with the `x-ms-dynamics-msg-size-exceeded` header and without
 * InputParameters, ParentContext and images ("Use webhooks to create external handlers for server
 * events"). The change is still known by its row: with a Dataverse credential the trigger reads the
 * msdyn_agentstatus row (PrimaryEntityId) and normalizes it like a delivered Target; without one it
 * emits an item that says the payload was truncated. Either way the delivery is acknowledged: a
 * refused delivery would fail a synchronous step, and with it the agent's change.
 */
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { dataverseRequest } from '../DynamicsContactCenter/transport';
import { AGENT_STATUS_ENTITY, parseDataverseAgentStatus } from '../DynamicsContactCenter/events/dataverseWebhook';
import { InvalidEventError } from '../shared/eventErrors';

const SIZE_EXCEEDED_HEADER = 'x-ms-dynamics-msg-size-exceeded';

const XRM = 'http://schemas.microsoft.com/xrm/2011/Contracts';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ROW_COLUMNS = [
	'msdyn_agentstatusid',
	'_msdyn_agentid_value',
	'_msdyn_currentpresenceid_value',
	'msdyn_isagentloggedin',
	'msdyn_availableunitscapacity',
	'msdyn_presencemodifiedon',
	'msdyn_presencemodifiedby',
	'msdyn_capacitymodifiedon',
	'modifiedon',
	'createdon',
].join(',');

export function isSizeExceeded(headers: Record<string, unknown>): boolean {
	return headers[SIZE_EXCEEDED_HEADER] !== undefined;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** The ids a truncated context still carries. */
function truncatedContext(body: unknown): IDataObject {
	if (body === null || typeof body !== 'object' || Array.isArray(body)) {
		throw new InvalidEventError('The body must be a JSON object (a Dataverse RemoteExecutionContext)');
	}
	const b = body as IDataObject;
	if (b.PrimaryEntityName !== AGENT_STATUS_ENTITY) {
		throw new InvalidEventError(`Wrong entity: expected ${AGENT_STATUS_ENTITY}, got PrimaryEntityName "${String(b.PrimaryEntityName)}"`);
	}
	if (b.MessageName !== 'Create' && b.MessageName !== 'Update') {
		throw new InvalidEventError(`Unsupported message "${String(b.MessageName)}": register the step for Create and Update only`);
	}
	if (typeof b.PrimaryEntityId !== 'string' || !GUID.test(b.PrimaryEntityId)) {
		throw new InvalidEventError('A size-exceeded context must name its row: PrimaryEntityId is not a GUID');
	}
	return b;
}

/** The item when the row cannot be read: what Dataverse told us, and why there is no more. */
function truncatedItem(context: IDataObject, reason: string): IDataObject {
	return {
		source: 'dataverse',
		event: 'payload_truncated',
		truncated: true,
		truncatedReason: reason,
		agentStatusId: String(context.PrimaryEntityId).toLowerCase(),
		messageName: context.MessageName,
		organizationId: text(context.OrganizationId),
		organizationName: text(context.OrganizationName),
		correlationId: text(context.CorrelationId),
		initiatingUserId: text(context.InitiatingUserId),
		userId: text(context.UserId),
	};
}

const ref = (logicalName: string, id: unknown) =>
	typeof id === 'string'
		? { __type: `EntityReference:${XRM}`, Id: id, KeyAttributes: [], LogicalName: logicalName, Name: null, RowVersion: null }
		: null;
/** Web API ISO dates → the `/Date(ms)/` form of webhook payloads. */
const wcf = (iso: unknown) => (typeof iso === 'string' && !Number.isNaN(Date.parse(iso)) ? `/Date(${Date.parse(iso)})/` : null);

/** The row, as the Target a full payload would have carried. */
function targetFromRow(row: IDataObject): IDataObject {
	const attributes: Array<{ key: string; value: unknown }> = [
		{ key: 'msdyn_agentstatusid', value: row.msdyn_agentstatusid },
		{ key: 'msdyn_agentid', value: ref('systemuser', row._msdyn_agentid_value) },
		{ key: 'msdyn_currentpresenceid', value: ref('msdyn_presence', row._msdyn_currentpresenceid_value) },
		{ key: 'msdyn_isagentloggedin', value: row.msdyn_isagentloggedin },
		{ key: 'msdyn_availableunitscapacity', value: row.msdyn_availableunitscapacity },
		{ key: 'msdyn_presencemodifiedon', value: wcf(row.msdyn_presencemodifiedon) },
		{ key: 'msdyn_presencemodifiedby', value: row.msdyn_presencemodifiedby },
		{ key: 'msdyn_capacitymodifiedon', value: wcf(row.msdyn_capacitymodifiedon) },
		{ key: 'modifiedon', value: wcf(row.modifiedon) },
		{ key: 'createdon', value: wcf(row.createdon) },
	].filter((a) => a.value !== null && a.value !== undefined);
	return {
		__type: `Entity:${XRM}`,
		Attributes: attributes,
		EntityState: null,
		FormattedValues: [],
		Id: row.msdyn_agentstatusid,
		KeyAttributes: [],
		LogicalName: AGENT_STATUS_ENTITY,
		RelatedEntities: [],
		RowVersion: null,
	};
}

/**
 * The item for a size-exceeded delivery. Throws InvalidEventError (400) only for a body that cannot
 * be Dataverse's (no msdyn_agentstatus row named); everything else is acknowledged.
 */
export async function sizeExceededItem(ctx: IWebhookFunctions, body: unknown): Promise<IDataObject> {
	const context = truncatedContext(body);
	try {
		await ctx.getCredentials('dynamicsContactCenterApi');
	} catch {
		return truncatedItem(
			context,
			'Dataverse sent this change without its data (payload over 256 KB). Select a Dataverse credential in the trigger to read the row instead.',
		);
	}
	let row: IDataObject;
	try {
		row = await dataverseRequest<IDataObject>(ctx, {
			method: 'GET',
			path: `/msdyn_agentstatuses(${String(context.PrimaryEntityId)})`,
			qs: { $select: ROW_COLUMNS },
			// A synchronous Dataverse step may be waiting on this answer: fail fast instead of retrying.
			timeoutMs: 5000,
			retry: { maxAttempts: 1 },
		});
	} catch (error) {
		ctx.logger.warn(`Agent Presence Trigger: reading the size-exceeded row failed: ${(error as Error).message}`);
		return truncatedItem(context, `Dataverse sent this change without its data (payload over 256 KB) and reading the row failed: ${(error as Error).message}`);
	}
	const full = {
		...context,
		InputParameters: [{ key: 'Target', value: targetFromRow(row) }],
		PreEntityImages: [],
		PostEntityImages: [],
	};
	return { ...(parseDataverseAgentStatus(full) as unknown as IDataObject), sizeExceeded: true };
}
