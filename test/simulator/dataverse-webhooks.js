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

/**
 * Timings and the test network. "Use webhooks", Troubleshoot: a 60-second timeout; no 2xx answer
 * (or none in time) fails the call, except 502, 503 and 504, after which "the webhook service will
 * make one more attempt" — in either execution mode; a failed asynchronous step ends as a Failed
 * system job ("Register a WebHook"), with no further attempts.
 * ASSUMPTION: the delay before that one attempt (`retryDelayMs`); Microsoft does not state it.
 * `network` maps a webhook URL's `host:port` (always :80 or :443, as Dataverse requires) onto the
 * origin actually listening, like DNS plus a reverse proxy in front of n8n: tests register public
 * URLs and the simulator still refuses every other port.
 */
const DEFAULTS = { timeoutMs: 60000, retryDelayMs: 200, maxPayloadBytes: 256 * 1024, sizeExceeded: false, network: {} };

/** "Registered WebHooks support only port 80 for HTTP and port 443 for HTTPS" (Register a WebHook). */
function portProblem(/** @type {string} */ raw) {
	let url;
	try {
		url = new URL(raw);
	} catch {
		return `'${raw}' is not an absolute URL.`;
	}
	const port = url.port || (url.protocol === 'https:' ? '443' : url.protocol === 'http:' ? '80' : '');
	if ((url.protocol === 'http:' && port === '80') || (url.protocol === 'https:' && port === '443')) return null;
	// ASSUMPTION: the wording (the rule is "Register a WebHook"'s; its error text is not documented).
	return `The webhook URL '${raw}' is not supported: registered webhooks support only port 80 for HTTP and port 443 for HTTPS.`;
}

/** @param {any[]} deliveries @param {Partial<typeof DEFAULTS>} [initial] */
function createDelivery(deliveries, initial = {}) {
	/** @type {Set<Promise<any>>} */
	const pending = new Set();
	const config = { ...DEFAULTS, ...initial };
	const track = (/** @type {Promise<any>} */ p) => {
		const tracked = p.finally(() => pending.delete(tracked));
		pending.add(tracked);
		return tracked;
	};
	return {
		config,
		/** Changes timings, the test network or forces size-exceeded payloads (also via /__sim/dataverse/webhooks). */
		configure(/** @type {Partial<typeof DEFAULTS>} */ changes = {}) {
			Object.assign(config, changes);
			return { ...config };
		},
		/** Back to the default timings; the network table is the test's topology and stays. */
		reset() {
			Object.assign(config, DEFAULTS, initial, { network: config.network });
		},
		/**
		 * Runs the event's synchronous steps (mode 0) in rank order, inside the originating operation:
		 * resolves with the first failure (the caller fails the operation and rolls back), or null.
		 * Asynchronous steps (mode 1) are queued for after the response.
		 * @param {{tables:any, message:string, row:any, changed:string[], userId:string, initiatingUserId?:string, orgId:string, businessUnitId:string}} ev
		 */
		async dispatch(ev) {
			const steps = matchingSteps(ev);
			for (const { step, endpoint } of steps.filter((x) => (x.step.mode || 0) === 0)) {
				const record = await track(deliverWithRetry(deliveries, config, endpoint, step, buildContext(ev, step)));
				if (!ok(record)) return record;
			}
			const later = steps.filter((x) => x.step.mode === 1);
			if (later.length) setImmediate(() => later.forEach(({ step, endpoint }) => track(deliverWithRetry(deliveries, config, endpoint, step, buildContext(ev, step)))));
			return null;
		},
		/** Waits for every delivery scheduled so far (including ones scheduled this tick and their second attempts). */
		async settle() {
			await new Promise((r) => setImmediate(r));
			while (pending.size) {
				await Promise.allSettled([...pending]);
				await new Promise((r) => setImmediate(r));
			}
		},
	};
}

const ok = (/** @type {any} */ record) => record.status !== null && record.status >= 200 && record.status < 300;

/** "Use webhooks": only these answers get one more attempt ("a networking issue that might be resolved"). */
const RETRIED_STATUSES = [502, 503, 504];

/** Delivers once, and once more after a 502, 503 or 504 (both execution modes). */
async function deliverWithRetry(/** @type {any[]} */ deliveries, /** @type {any} */ config, /** @type {any} */ endpoint, /** @type {any} */ step, /** @type {any} */ context) {
	const record = await deliver(deliveries, config, endpoint, step, context, 1);
	if (!RETRIED_STATUSES.includes(record.status)) return record;
	await new Promise((r) => setTimeout(r, config.retryDelayMs));
	return deliver(deliveries, config, endpoint, step, context, 2);
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
		// Asynchronous steps carry the primary name as a post-image: in "Use webhooks"' example (contact)
		// its attributes are the table's primary name and primary key (fullname, contactid).
		PostEntityImages: step.mode === 1 ? [kv('AsynchronousStepPrimaryName', entity(row, [kv('msdyn_name', row.msdyn_name ?? null), kv('msdyn_agentstatusid', row.msdyn_agentstatusid)], null))] : [],
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

/**
 * A context over 256 KB is sent without InputParameters, ParentContext and images, with the
 * x-ms-dynamics-msg-size-exceeded header (Use webhooks: "Payloads larger than 256 KB").
 */
function sized(/** @type {any} */ config, /** @type {any} */ context) {
	const body = JSON.stringify(context);
	if (!config.sizeExceeded && Buffer.byteLength(body) <= config.maxPayloadBytes) return { body, exceeded: false };
	const trimmed = { ...context, InputParameters: [], ParentContext: null, PreEntityImages: [], PostEntityImages: [] };
	return { body: JSON.stringify(trimmed), exceeded: true, context: trimmed };
}

/** Where the request really goes: the URL, or its mapped origin on the test network. */
function routed(/** @type {any} */ config, /** @type {URL} */ url) {
	const key = `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
	const target = config.network[key];
	if (!target) return url;
	const out = new URL(url.pathname + url.search, target);
	return out;
}

async function deliver(/** @type {any[]} */ deliveries, /** @type {any} */ config, /** @type {any} */ endpoint, /** @type {any} */ step, /** @type {any} */ context, attempt = 1) {
	const record = {
		at: new Date().toISOString(),
		stepId: step.sdkmessageprocessingstepid,
		serviceEndpointId: endpoint.serviceendpointid,
		messageName: context.MessageName,
		mode: step.mode || 0,
		attempt,
		sizeExceeded: false,
		url: '',
		headers: /** @type {Record<string,string>} */ ({}),
		body: context,
		status: /** @type {number|null} */ (null),
		responseBody: /** @type {string|null} */ (null),
		error: /** @type {string|null} */ (null),
	};
	deliveries.push(record);
	try {
		const refused = portProblem(endpoint.url);
		if (refused) throw new Error(refused);
		const url = new URL(endpoint.url);
		record.headers = {
			'Content-Type': 'application/json',
			'x-request-id': context.RequestId,
			'x-ms-dynamics-organization': 'simulator.crm.dynamics.com',
			'x-ms-dynamics-entity-name': 'msdyn_agentstatus',
			'x-ms-dynamics-request-name': context.MessageName,
			'x-ms-correlation-request-id': context.CorrelationId,
		};
		const payload = sized(config, context);
		if (payload.exceeded) {
			// ASSUMPTION: the header's value; "Use webhooks" lists the header ("Sent only when the HTTP payload
			// size exceeds the 256KB") without one, so tests must not rely on more than its presence.
			record.headers['x-ms-dynamics-msg-size-exceeded'] = 'true';
			record.sizeExceeded = true;
			record.body = payload.context;
		}
		if (endpoint.authtype === AUTH.webhookKey) url.searchParams.set('code', endpoint.authvalue || '');
		if (endpoint.authtype === AUTH.httpHeader) Object.assign(record.headers, settingsOf(endpoint.authvalue));
		if (endpoint.authtype === AUTH.httpQueryString) for (const [k, v] of Object.entries(settingsOf(endpoint.authvalue))) url.searchParams.set(k, v);
		record.url = url.toString();
		const res = await fetch(routed(config, url), { method: 'POST', headers: record.headers, body: payload.body, signal: AbortSignal.timeout(config.timeoutMs) });
		record.status = res.status;
		record.responseBody = await res.text();
	} catch (err) {
		const e = /** @type {any} */ (err);
		record.error = e && e.name === 'TimeoutError' ? `The webhook did not answer within ${config.timeoutMs} ms.` : String((e && e.cause && (e.cause.code || (e.cause.errors && e.cause.errors[0] && e.cause.errors[0].code) || e.cause.message)) || (e && e.message) || e);
	}
	return record;
}

module.exports = { createDelivery, settingsOf, portProblem, DEFAULTS };
