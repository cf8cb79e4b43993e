// @ts-check
'use strict';
/**
 * Webhook delivery for msdyn_agentstatus events, the way Dataverse runs a
 * registered step: find enabled sdkmessageprocessingsteps for the message whose
 * filter is on msdyn_agentstatus and whose event handler is a Webhook
 * serviceendpoint (contract 8), then POST a RemoteExecutionContext to its URL.
 * Deliveries never throw; results land in `deliveries`.
 */
const { uuid } = require('./common');

const CONTRACT_WEBHOOK = 8;
const AUTH = { webhookKey: 4, httpHeader: 5, httpQueryString: 6 };
const XRM = 'http://schemas.microsoft.com/xrm/2011/Contracts';

/** @param {any[]} deliveries */
function createDelivery(deliveries) {
	/** @type {Set<Promise<any>>} */
	const pending = new Set();
	return {
		/** @param {{tables:any, message:string, row:any, changed:string[], userId:string, initiatingUserId?:string, orgId:string, businessUnitId:string}} ev */
		dispatch(ev) {
			for (const { step, endpoint } of matchingSteps(ev)) {
				const p = deliver(deliveries, endpoint, step, buildContext(ev, step)).finally(() => pending.delete(p));
				pending.add(p);
			}
		},
		/** Waits for every delivery scheduled so far (including ones scheduled this tick). */
		async settle() {
			await new Promise((r) => setImmediate(r));
			while (pending.size) await Promise.allSettled([...pending]);
		},
	};
}

function matchingSteps(/** @type {any} */ ev) {
	const t = ev.tables;
	const eq = (/** @type {any} */ a, /** @type {any} */ b) => String(a || '').toLowerCase() === String(b || '').toLowerCase();
	const message = t.sdkmessages.find((/** @type {any} */ m) => m.name === ev.message);
	if (!message) return [];
	return t.sdkmessageprocessingsteps
		.filter((/** @type {any} */ s) => s.statecode === 0 && eq(s._sdkmessageid_value, message.sdkmessageid))
		.filter((/** @type {any} */ s) => {
			const filter = t.sdkmessagefilters.find((/** @type {any} */ f) => eq(f.sdkmessagefilterid, s._sdkmessagefilterid_value));
			return filter && filter.primaryobjecttypecode === 'msdyn_agentstatus';
		})
		.filter((/** @type {any} */ s) => ev.message !== 'Update' || passesFilteringAttributes(s.filteringattributes, ev.changed))
		.sort((/** @type {any} */ a, /** @type {any} */ b) => (a.rank || 0) - (b.rank || 0))
		.map((/** @type {any} */ step) => ({ step, endpoint: t.serviceendpoints.find((/** @type {any} */ e) => eq(e.serviceendpointid, step._eventhandler_value)) }))
		.filter((/** @type {any} */ x) => x.endpoint && x.endpoint.contract === CONTRACT_WEBHOOK);
}

/** An empty filteringattributes means "any column". */
function passesFilteringAttributes(/** @type {string|null} */ attrs, /** @type {string[]} */ changed) {
	if (!attrs) return true;
	const wanted = attrs.split(',').map((a) => a.trim().toLowerCase()).filter(Boolean);
	return wanted.length === 0 || wanted.some((a) => changed.includes(a));
}

/** `/Date(ms)/` as Dataverse serialises DateTime in webhook payloads. */
const msDate = (/** @type {string} */ iso, tz = false) => (iso ? `/Date(${Date.parse(iso)}${tz ? '+0000' : ''})/` : null);
const ref = (/** @type {string} */ logicalName, /** @type {string} */ id) =>
	id ? { __type: `EntityReference:${XRM}`, Id: id, KeyAttributes: [], LogicalName: logicalName, Name: null, RowVersion: null } : null;
const kv = (/** @type {string} */ key, /** @type {any} */ value) => ({ key, value });

/** The Target entity's Attributes, in the shape of test/fixtures/dataverse/*.json. */
function targetAttributes(/** @type {any} */ row) {
	return [
		kv('modifiedby', ref('systemuser', row._modifiedby_value)),
		kv('msdyn_isagentloggedin', row.msdyn_isagentloggedin),
		kv('msdyn_currentpresenceid', ref('msdyn_presence', row._msdyn_currentpresenceid_value)),
		kv('modifiedon', msDate(row.modifiedon)),
		kv('modifiedonbehalfby', null),
		kv('msdyn_availableunitscapacity', row.msdyn_availableunitscapacity),
		kv('msdyn_agentstatusid', row.msdyn_agentstatusid),
		kv('msdyn_capacitymodifiedon', msDate(row.msdyn_capacitymodifiedon)),
		kv('msdyn_presencemodifiedon', msDate(row.msdyn_presencemodifiedon)),
		kv('msdyn_isblockedbysomeprofile', row.msdyn_isblockedbysomeprofile),
		kv('msdyn_presencemodifiedby', row.msdyn_presencemodifiedby),
		kv('msdyn_agentid', ref('systemuser', row._msdyn_agentid_value)),
		kv('timezoneruleversionnumber', row.timezoneruleversionnumber),
	];
}

function entity(/** @type {any} */ row, /** @type {any[]} */ attributes, /** @type {string|null} */ rowVersion) {
	return {
		__type: `Entity:${XRM}`,
		Attributes: attributes,
		EntityState: null,
		FormattedValues: [],
		Id: row.msdyn_agentstatusid,
		KeyAttributes: [],
		LogicalName: 'msdyn_agentstatus',
		RelatedEntities: [],
		RowVersion: rowVersion,
	};
}

/** RemoteExecutionContext for one step (post-operation context with a stage-30 parent). */
function buildContext(/** @type {any} */ ev, /** @type {any} */ step) {
	const row = ev.row;
	const now = Date.now();
	const rowVersion = ev.message === 'Update' ? String(row.versionnumber) : null;
	const common = {
		BusinessUnitId: ev.businessUnitId,
		CorrelationId: uuid(),
		Depth: 1,
		InitiatingUserAgent: 'n8n-nodes-agent-presence simulator',
		InitiatingUserAzureActiveDirectoryObjectId: '00000000-0000-0000-0000-000000000000',
		InitiatingUserId: ev.initiatingUserId || ev.userId,
		IsExecutingOffline: false,
		IsInTransaction: step.mode === 0,
		IsOfflinePlayback: false,
		IsolationMode: 1,
		MessageName: ev.message,
		Mode: step.mode || 0,
		OperationCreatedOn: `/Date(${now}+0000)/`,
		OperationId: uuid(),
		OrganizationId: ev.orgId,
		OrganizationName: `unq${ev.orgId.replace(/-/g, '').slice(0, 29)}`,
		OutputParameters: ev.message === 'Create' ? [kv('id', row.msdyn_agentstatusid)] : [],
		PostEntityImages: [],
		PreEntityImages: [],
		PrimaryEntityId: row.msdyn_agentstatusid,
		PrimaryEntityName: 'msdyn_agentstatus',
		RequestId: uuid(),
		SecondaryEntityName: 'none',
		SharedVariables: [kv('IsAutoTransact', true), kv('AcceptLang', '')],
		UserAzureActiveDirectoryObjectId: '00000000-0000-0000-0000-000000000000',
		UserId: ev.userId,
	};
	const parentAttrs = targetAttributes(row).filter((a) => ev.changed.includes(a.key) || a.key === 'msdyn_agentstatusid');
	return {
		...common,
		InputParameters: [kv('Target', entity(row, targetAttributes(row), rowVersion))],
		OwningExtension: { Id: step.sdkmessageprocessingstepid, KeyAttributes: [], LogicalName: 'sdkmessageprocessingstep', Name: step.name || null, RowVersion: null },
		ParentContext: {
			...common,
			InputParameters: [kv('Target', entity(row, parentAttrs, rowVersion))],
			OwningExtension: { Id: uuid(), KeyAttributes: [], LogicalName: 'sdkmessageprocessingstep', Name: 'ObjectModel Implementation', RowVersion: null },
			ParentContext: null,
			Stage: 30,
		},
		Stage: step.stage || 40,
	};
}

/** Parses `<settings><setting name="k" value="v" /></settings>` (HttpHeader / HttpQueryString auth values). */
function settingsOf(/** @type {string} */ xml) {
	/** @type {Record<string,string>} */
	const out = {};
	const re = /<setting\s+name="([^"]*)"\s+value="([^"]*)"\s*\/?>/gi;
	let m;
	while ((m = re.exec(xml || ''))) out[m[1]] = m[2];
	return out;
}

async function deliver(/** @type {any[]} */ deliveries, /** @type {any} */ endpoint, /** @type {any} */ step, /** @type {any} */ context) {
	const record = {
		at: new Date().toISOString(),
		stepId: step.sdkmessageprocessingstepid,
		serviceEndpointId: endpoint.serviceendpointid,
		messageName: context.MessageName,
		url: '',
		headers: /** @type {Record<string,string>} */ ({}),
		body: context,
		status: /** @type {number|null} */ (null),
		responseBody: /** @type {string|null} */ (null),
		error: /** @type {string|null} */ (null),
	};
	deliveries.push(record);
	try {
		const url = new URL(endpoint.url);
		record.headers = {
			'Content-Type': 'application/json',
			'x-request-id': context.RequestId,
			'x-ms-dynamics-organization': 'simulator.crm.dynamics.com',
			'x-ms-dynamics-entity-name': 'msdyn_agentstatus',
			'x-ms-dynamics-request-name': context.MessageName,
			'x-ms-correlation-request-id': context.CorrelationId,
		};
		if (endpoint.authtype === AUTH.webhookKey) url.searchParams.set('code', endpoint.authvalue || '');
		if (endpoint.authtype === AUTH.httpHeader) Object.assign(record.headers, settingsOf(endpoint.authvalue));
		if (endpoint.authtype === AUTH.httpQueryString) for (const [k, v] of Object.entries(settingsOf(endpoint.authvalue))) url.searchParams.set(k, v);
		record.url = url.toString();
		const res = await fetch(url, { method: 'POST', headers: record.headers, body: JSON.stringify(context), signal: AbortSignal.timeout(10000) });
		record.status = res.status;
		record.responseBody = await res.text();
	} catch (err) {
		record.error = String(/** @type {Error} */ (err).message || err);
	}
	return record;
}

module.exports = { createDelivery, settingsOf };
