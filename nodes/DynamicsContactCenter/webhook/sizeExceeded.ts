/**
 * Dataverse sends a context over 256 KB with the `x-ms-dynamics-msg-size-exceeded` header and without
 * InputParameters, ParentContext and images ("Use webhooks to create external handlers for server
 * events"). The change is still known by its row: with a Dataverse credential the trigger reads the
 * msdyn_agentstatus row (PrimaryEntityId) and normalizes it like a delivered Target; without one it
 * emits an item that says the payload was truncated. Either way the delivery is acknowledged: a
 * refused delivery would fail a synchronous step, and with it the agent's change.
 */
import type { IDataObject } from 'n8n-workflow';

import { dataverseRequest } from '../transport';
import { AGENT_STATUS_ENTITY, parseDataverseAgentStatusRow } from '../events/dataverseWebhook';
import { InvalidEventError } from '../../shared/eventErrors';
import type { EventScope } from '../../shared/webhookSource';

const SIZE_EXCEEDED_HEADER = 'x-ms-dynamics-msg-size-exceeded';

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

const ref = (id: unknown) => (typeof id === 'string' ? { Id: id } : null);
/** Web API ISO dates → the `/Date(ms)/` form Target attributes carry. */
const wcf = (iso: unknown) => (typeof iso === 'string' && !Number.isNaN(Date.parse(iso)) ? `/Date(${Date.parse(iso)})/` : null);

/** The row's columns under the names and types a Target's attributes have; empty columns left out, as a Target leaves them. */
function rowAttributes(row: IDataObject): Record<string, unknown> {
	const columns: Record<string, unknown> = {
		msdyn_agentstatusid: row.msdyn_agentstatusid,
		msdyn_agentid: ref(row._msdyn_agentid_value),
		msdyn_currentpresenceid: ref(row._msdyn_currentpresenceid_value),
		msdyn_isagentloggedin: row.msdyn_isagentloggedin,
		msdyn_availableunitscapacity: row.msdyn_availableunitscapacity,
		msdyn_presencemodifiedon: wcf(row.msdyn_presencemodifiedon),
		msdyn_presencemodifiedby: row.msdyn_presencemodifiedby,
		msdyn_capacitymodifiedon: wcf(row.msdyn_capacitymodifiedon),
		modifiedon: wcf(row.modifiedon),
		createdon: wcf(row.createdon),
	};
	return Object.fromEntries(Object.entries(columns).filter(([, value]) => value !== null && value !== undefined));
}

/**
 * The item for a size-exceeded delivery. Throws InvalidEventError (400) only for a body that cannot
 * be Dataverse's (no msdyn_agentstatus row named); everything else is acknowledged.
 */
export async function sizeExceededItem(scope: EventScope, body: unknown): Promise<IDataObject> {
	const { ctx } = scope;
	const context = truncatedContext(body);
	try {
		await ctx.getCredentials('dynamicsContactCenterApi');
	} catch {
		return truncatedItem(
			context,
			`Dataverse sent this change without its data (payload over 256 KB). Select a Dataverse credential in the ${scope.where} to read the row instead.`,
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
		ctx.logger.warn(`${scope.label}: reading the size-exceeded row failed: ${(error as Error).message}`);
		return truncatedItem(context, `Dataverse sent this change without its data (payload over 256 KB) and reading the row failed: ${(error as Error).message}`);
	}
	return { ...(parseDataverseAgentStatusRow(context, rowAttributes(row)) as unknown as IDataObject), sizeExceeded: true };
}
