/**
 * Hand-written structural checks that accept exactly what the zod schemas in dataverseWebhook.ts
 * accept: the fast path for every webhook. zod runs only when a check fails, to word the 400 —
 * so the schemas stay the single source of the error messages, and a well-formed payload costs a
 * few property reads instead of zod's copy of the whole context. Keep each check next to its
 * schema's rules; test/shared/dataverseWebhookGuards.test.js proves the two agree.
 */
import { wcfDateToMs } from './dataverseDates';

type Obj = Record<string, unknown>;

/** z.object(): a non-null, non-array object. */
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** z.string().nullable().optional() */
const isOptString = (v: unknown): boolean => v === undefined || v === null || typeof v === 'string';
/** z.number(): zod refuses NaN. */
const isNumber = (v: unknown): boolean => typeof v === 'number' && !Number.isNaN(v);

/** z.array(z.object({ key: z.string(), value: z.unknown() })) */
function isKeyValueList(v: unknown): boolean {
	if (!Array.isArray(v)) return false;
	for (let i = 0; i < v.length; i++) {
		const entry: unknown = v[i];
		if (!isObj(entry) || typeof entry.key !== 'string') return false;
	}
	return true;
}

/** entitySchema */
export function isEntity(v: unknown): boolean {
	return (
		isObj(v) &&
		typeof v.LogicalName === 'string' &&
		isOptString(v.Id) &&
		isKeyValueList(v.Attributes) &&
		(v.FormattedValues === undefined ||
			v.FormattedValues === null ||
			isKeyValueList(v.FormattedValues))
	);
}

/** imagesSchema: nullable, optional list of `{ key, value: entity }`. */
function isImages(v: unknown): boolean {
	if (v === undefined || v === null) return true;
	if (!Array.isArray(v)) return false;
	for (let i = 0; i < v.length; i++) {
		const image: unknown = v[i];
		if (!isObj(image) || typeof image.key !== 'string' || !isEntity(image.value)) return false;
	}
	return true;
}

/** remoteExecutionContextSchema */
export function isRemoteExecutionContext(v: unknown): boolean {
	return (
		isObj(v) &&
		typeof v.MessageName === 'string' &&
		typeof v.PrimaryEntityName === 'string' &&
		isOptString(v.PrimaryEntityId) &&
		typeof v.OrganizationId === 'string' &&
		isOptString(v.OrganizationName) &&
		isOptString(v.CorrelationId) &&
		isOptString(v.InitiatingUserId) &&
		isOptString(v.UserId) &&
		isOptString(v.OperationCreatedOn) &&
		(v.Stage === undefined || isNumber(v.Stage)) &&
		isKeyValueList(v.InputParameters) &&
		isImages(v.PreEntityImages) &&
		isImages(v.PostEntityImages)
	);
}

/** entityReference.nullable(), optional (attributesSchema is partial). */
function isOptReference(v: unknown): boolean {
	if (v === undefined || v === null) return true;
	return (
		isObj(v) &&
		typeof v.Id === 'string' &&
		v.Id.length >= 1 &&
		(v.LogicalName === undefined || typeof v.LogicalName === 'string') &&
		isOptString(v.Name)
	);
}

/** wcfDate.nullable(), optional */
const isOptWcfDate = (v: unknown): boolean =>
	v === undefined || v === null || wcfDateToMs(v) !== null;

/** attributesSchema (every column optional; the ones Dataverse can null are nullable). */
export function areAgentStatusAttributes(a: Obj): boolean {
	const statusId = a.msdyn_agentstatusid;
	const loggedIn = a.msdyn_isagentloggedin;
	const capacity = a.msdyn_availableunitscapacity;
	return (
		(statusId === undefined || typeof statusId === 'string') &&
		isOptReference(a.msdyn_agentid) &&
		isOptReference(a.msdyn_currentpresenceid) &&
		(loggedIn === undefined || loggedIn === null || typeof loggedIn === 'boolean') &&
		(capacity === undefined || capacity === null || Number.isInteger(capacity)) &&
		isOptString(a.msdyn_presencemodifiedby) &&
		isOptWcfDate(a.msdyn_presencemodifiedon) &&
		isOptWcfDate(a.msdyn_capacitymodifiedon) &&
		isOptWcfDate(a.modifiedon) &&
		isOptWcfDate(a.createdon) &&
		isOptReference(a.modifiedby)
	);
}
