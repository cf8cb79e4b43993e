// @ts-check
'use strict';
/**
 * Dataverse (Dynamics 365 Contact Center) with its Azure AD token endpoint:
 *   POST /dataverse/login/{tenant}/oauth2/v2.0/token
 *   /dataverse/api/data/v9.2/  WhoAmI, CCaaS_GetPresence, CCaaS_ModifyAgentPresence,
 *   entity sets (see dataverse-tables.js) with OData queries and CRUD.
 * Presence changes on msdyn_agentstatus rows are delivered to registered
 * webhooks (serviceendpoint + sdkmessageprocessingstep) as RemoteExecutionContext.
 */
const common = require('./common');
const odata = require('./dataverse-odata');
const tables = require('./dataverse-tables');
const webhooks = require('./dataverse-webhooks');
const { HttpError, uuid, clone } = common;
const { dvError } = odata;
const { TABLES, IDS } = tables;

const DEFAULT_CLIENT = {
	tenantId: IDS.tenantId,
	clientId: '51f81489-12ee-4a9e-aaae-a2591f45987d',
	clientSecret: 'sim-dataverse-client-secret',
};

const API_VERSION_RE = /^v9\.[0-2]$/;

/** "Impersonate another user": the impersonator needs Act on Behalf of Another User. */
const ACT_ON_BEHALF = 'prvActOnBehalfOfAnotherUser';
// ASSUMPTION: the privilege's id (Dataverse answers one in the message; no page lists it): a stable GUID.
const ACT_ON_BEHALF_ID = common.guidFrom('dv-privilege-prvActOnBehalfOfAnotherUser');
/** CCaaS_GetPresence / CCaaS_ModifyAgentPresence: "You must have the Omnichannel Agent or Omnichannel Supervisor role". */
const PRESENCE_ROLES = ['Omnichannel Agent', 'Omnichannel Supervisor'];

/**
 * "Troubleshoot Dataverse Web API client errors", Resource not found for the segment: 404
 * `{"code":"0x8006088a","message":"Resource not found for the segment 'Account'."}` for any entity
 * set, function or action name the service does not know ("Create and use custom APIs" gives the
 * same answer for a function it cannot resolve).
 */
const unknownSegment = (/** @type {string} */ name) => dvError(404, '0x8006088a', `Resource not found for the segment '${name}'.`);

/** Dataverse error bodies for injected faults and generic failures. */
function errorBody(/** @type {number} */ status, message = '') {
	if (status === 429) {
		return { error: { code: '0x80072322', message: message || 'Number of requests exceeded the limit of 6000 over time window of 300 seconds.' } };
	}
	if (status === 404) return { error: { code: '0x80060888', message: message || 'Resource not found.' } };
	if (status === 405) return { error: { code: '0x80060888', message: message || 'The requested method is not allowed.' } };
	if (status === 400) return { error: { code: '0x80040203', message: message || 'Invalid argument.' } };
	return { error: { code: '0x80040216', message: message || 'An unexpected error occurred.' } };
}

/** @param {any} ctx */
function createVendor(ctx) {
	const client = ctx.client;
	const state = {
		tables: /** @type {Record<string, any[]>} */ ({}),
		loginTimes: /** @type {Record<string, number>} */ ({}),
		/** The application user's privileges beyond table access; tests take ACT_ON_BEHALF away. */
		applicationUserPrivileges: /** @type {string[]} */ ([]),
		/** Security roles by systemuserid; every seeded agent is an Omnichannel Agent. */
		roles: /** @type {Record<string, string[]>} */ ({}),
		/**
		 * Which call form of CCaaS_GetPresence the environment answers: 'parameter' (the Dataverse CLI's
		 * `CCaaS_GetPresence(ApiVersion=@v)?@v='1.0'`) or 'plain' (the reference page's bare GET). The
		 * other form is the unknown-segment 404, as for any function called with parameters it lacks.
		 */
		getPresenceForm: /** @type {'parameter' | 'plain'} */ ('parameter'),
	};
	const delivery = webhooks.createDelivery(ctx.webhookDeliveries, ctx.webhooks);
	const reset = () => {
		state.tables = tables.seedTables(client);
		state.loginTimes = Object.fromEntries(Object.values(IDS.agents).map((id) => [id, Math.floor(Date.parse('2024-08-02T07:00:00Z') / 1000)]));
		state.applicationUserPrivileges = [ACT_ON_BEHALF];
		state.roles = Object.fromEntries(Object.values(IDS.agents).map((id) => [id, ['Omnichannel Agent']]));
		state.getPresenceForm = ctx.getPresenceForm === 'plain' ? 'plain' : 'parameter';
		if (ctx.seed && ctx.seed.tables) for (const [set, rows] of Object.entries(ctx.seed.tables)) state.tables[set].push(...clone(rows));
	};
	reset();

	const env = () => `${ctx.root()}/dataverse`;
	const h = handlers({ ...ctx, env, delivery }, state);
	const router = common.createRouter();
	router.add('POST', '/login/:tenant/oauth2/v2.0/token', h.token);
	const authed = (/** @type {Function} */ fn) => (/** @type {any} */ rq) => {
		h.authenticate(rq);
		if (!API_VERSION_RE.test(rq.params.ver)) throw unknownSegment(rq.params.ver);
		h.checkImpersonation(rq);
		return fn(rq);
	};
	for (const m of ['GET', 'POST', 'PATCH', 'DELETE', 'PUT']) router.add(m, '/api/data/:ver/:resource', authed(h.resource));

	return {
		name: 'dataverse',
		client,
		state,
		reset: () => {
			reset();
			delivery.reset();
		},
		/** Webhook timings, the test network and forced size-exceeded payloads. */
		webhooks: { configure: delivery.configure, config: delivery.config },
		mounts: [{ prefix: '/dataverse', recordPrefix: '', router }],
		isTokenPath: (/** @type {string} */ p) => /^\/login\/[^/]+\/oauth2\/v2\.0\/token$/.test(p),
		decorate: (/** @type {Record<string,string>} */ headers) => ({ 'OData-Version': '4.0', ...headers }),
		errorBody,
		settle: () => delivery.settle(),
	};
}

/** @param {any} ctx @param {any} state */
function handlers(ctx, state) {
	const client = ctx.client;
	const rows = (/** @type {string} */ set) => state.tables[set];
	const findRow = (/** @type {string} */ set, /** @type {string} */ id) =>
		rows(set).find((/** @type {any} */ r) => String(r[TABLES[set].id]).toLowerCase() === String(id).toLowerCase());
	const apiBase = () => `${ctx.env()}/api/data/v9.2`;

	return {
		/** Azure AD v2.0 client-credentials token endpoint. */
		token(/** @type {any} */ rq) {
			const b = rq.body && typeof rq.body === 'object' ? rq.body : {};
			if (rq.params.tenant !== client.tenantId) {
				throw aadError(400, 'invalid_request', 90002, `Tenant '${rq.params.tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`);
			}
			if (b.grant_type !== 'client_credentials') {
				throw aadError(400, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type.');
			}
			if (!b.client_id) throw aadError(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'client_id'.");
			if (b.client_id !== client.clientId) {
				throw aadError(400, 'unauthorized_client', 700016, `Application with identifier '${b.client_id}' was not found in the directory '${client.tenantId}'.`);
			}
			if (b.client_secret !== client.clientSecret) {
				throw aadError(401, 'invalid_client', 7000215, `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${client.clientId}'.`);
			}
			checkScope(b.scope, ctx.env());
			const access_token = ctx.tokens.issue('dataverse', {
				clientId: client.clientId,
				ttlSeconds: ctx.ttlSeconds,
				jwtClaims: { aud: ctx.env(), iss: `https://sts.windows.net/${client.tenantId}/`, appid: client.clientId, tid: client.tenantId, oid: IDS.applicationUserId },
			});
			return { status: 200, body: { token_type: 'Bearer', expires_in: ctx.ttlSeconds, ext_expires_in: ctx.ttlSeconds, access_token } };
		},

		authenticate(/** @type {any} */ rq) {
			const check = ctx.tokens.check('dataverse', common.bearerOf(rq.headers));
			if (check.ok) return;
			const challenge = `Bearer authorization_uri=${ctx.env()}/login/${client.tenantId}/oauth2/authorize, resource_id=${ctx.env()}/`;
			// ASSUMPTION: 401 with a WWW-Authenticate challenge and no body: no Microsoft page documents the
			// body, and an empty one is the stricter (a client cannot lean on a message Dataverse may not send).
			throw new HttpError(401, undefined, { 'WWW-Authenticate': challenge });
		},

		/**
		 * MSCRMCallerID (impersonation, "Impersonate another user using the Web API"): the token's application
		 * user needs Act on Behalf of Another User (prvActOnBehalfOfAnotherUser). Without it Dataverse answers
		 * 403 PrivilegeDenied, code 0x80040220 ("Troubleshoot Dataverse client errors": -2147220960, "Principal
		 * user is missing privilege"), in the message form a real answer shows ("Principal user (Id=…, type=8,
		 * …), is missing prv… privilege (Id=…) … Consider adding missed privilege to one of the principal
		 * (user/team) roles.") with the ErrorDetails annotations. ASSUMPTION: for this privilege, which belongs
		 * to no table, the message has no "on OTC=… for entity" part.
		 */
		checkImpersonation(/** @type {any} */ rq) {
			const caller = rq.headers.mscrmcallerid;
			if (!caller || String(caller).toLowerCase() === IDS.applicationUserId) return;
			if (state.applicationUserPrivileges.includes(ACT_ON_BEHALF)) return;
			const app = IDS.applicationUserId;
			throw new HttpError(403, {
				error: {
					code: '0x80040220',
					message: `Principal user (Id=${app}, type=8, roleCount=1, privilegeCount=${state.applicationUserPrivileges.length + 212}, accessMode='4 Non-interactive', AADObjectId='${common.guidFrom('dv-aad-application-user')}', businessUnitId=${IDS.businessUnitId}), is missing ${ACT_ON_BEHALF} privilege (Id=${ACT_ON_BEHALF_ID}). context.Caller=${app}. Consider adding missed privilege to one of the principal (user/team) roles.`,
					'@Microsoft.PowerApps.CDS.ErrorDetails.ApiExceptionCategory': 'ClientError',
					'@Microsoft.PowerApps.CDS.ErrorDetails.ApiExceptionMessageName': 'PrivilegeDenied',
					'@Microsoft.PowerApps.CDS.ErrorDetails.ApiExceptionHttpStatusCode': '403',
				},
			});
		},

		/** Dispatches /api/data/v9.2/{resource}. */
		resource(/** @type {any} */ rq) {
			const { name, key } = parseResource(rq.params.resource);
			if (name === 'WhoAmI') return only(rq, 'GET', () => whoAmI());
			if (name === 'CCaaS_GetPresence') return only(rq, 'GET', () => getPresence(rq, getPresenceParameters(rq, name)));
			if (name === 'CCaaS_ModifyAgentPresence') return only(rq, 'POST', () => modifyPresence(rq));
			if (!TABLES[name]) throw unknownSegment(name);
			if (key === undefined) {
				if (rq.method === 'GET') return list(rq, name);
				if (rq.method === 'POST') return create(rq, name);
				throw dvError(405, '0x80060888', `The HTTP method '${rq.method}' is not allowed on the entity set '${name}'.`);
			}
			if (!common.isGuid(key)) throw dvError(400, '0x80060888', `Bad Request - Error in query syntax: '${key}' is not a valid key for '${name}'.`);
			if (rq.method === 'GET') return retrieve(rq, name, key);
			if (rq.method === 'PATCH') return update(rq, name, key);
			if (rq.method === 'DELETE') return remove(name, key);
			throw dvError(405, '0x80060888', `The HTTP method '${rq.method}' is not allowed on '${name}(${key})'.`);
		},
	};

	function whoAmI() {
		return {
			status: 200,
			body: {
				'@odata.context': `${apiBase()}/$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse`,
				BusinessUnitId: IDS.businessUnitId,
				UserId: IDS.applicationUserId,
				OrganizationId: IDS.organizationId,
			},
		};
	}

	/** The agent (systemuser with an msdyn_agentstatus row) named by MSCRMCallerID. */
	function callerAgent(/** @type {any} */ rq) {
		const caller = rq.headers.mscrmcallerid;
		if (!caller) throw dvError(400, '0x80040203', 'The MSCRMCallerID header is required: the AgentId (systemuserid) of the agent to impersonate.');
		if (!common.isGuid(caller)) throw dvError(400, '0x80040203', `The MSCRMCallerID header must be a GUID, got '${caller}'.`);
		return caller.toLowerCase();
	}

	function agentStatusOf(/** @type {string} */ agentId) {
		const row = rows('msdyn_agentstatuses').find((/** @type {any} */ r) => String(r._msdyn_agentid_value).toLowerCase() === agentId.toLowerCase());
		if (!row) throw dvError(404, '0x80040217', `Agent with id '${agentId}' was not found or is not an omnichannel agent.`);
		return row;
	}

	/**
	 * The presence APIs' prerequisite: "You must have the Omnichannel Agent or Omnichannel Supervisor role
	 * to call this API" — the caller being the impersonated agent. ASSUMPTION: the refusal is the status
	 * tables' "401 Unauthorized" (they list no 403) in Dataverse's error shape with the PrivilegeDenied code;
	 * no Microsoft page shows the body.
	 */
	function requirePresenceRole(/** @type {string} */ agentId) {
		const roles = state.roles[agentId.toLowerCase()] || [];
		if (roles.some((r) => PRESENCE_ROLES.includes(r))) return;
		throw dvError(401, '0x80040220', `The user (Id=${agentId}) does not have the Omnichannel Agent or Omnichannel Supervisor role required to call this API.`);
	}

	/**
	 * The parameters of CCaaS_GetPresence in the form the environment answers (state.getPresenceForm);
	 * the other form matches no function and is the unknown-segment 404 (functionParameters).
	 */
	function getPresenceParameters(/** @type {any} */ rq, /** @type {string} */ name) {
		if (state.getPresenceForm === 'parameter') return functionParameters(rq, name, ['ApiVersion']);
		if (decodeURIComponent(rq.params.resource) !== name) throw unknownSegment(name);
		return { ApiVersion: '1.0' };
	}

	/** GET CCaaS_GetPresence: the documented response keys only. */
	function getPresence(/** @type {any} */ rq, /** @type {Record<string, string>} */ params) {
		if (params.ApiVersion !== '1.0') throw dvError(400, '0x80040203', `ApiVersion '${params.ApiVersion}' is not supported; use '1.0'.`);
		const agentId = callerAgent(rq);
		const status = agentStatusOf(agentId);
		requirePresenceRole(agentId);
		const user = findRow('systemusers', agentId);
		const presence = findRow('msdyn_presences', status._msdyn_currentpresenceid_value);
		return {
			status: 200,
			body: {
				ActiveBrowserSessions: status.msdyn_isagentloggedin ? 1 : 0,
				AgentId: agentId,
				AgentName: user ? user.fullname : null,
				Timestamp: state.loginTimes[agentId] || Math.floor(Date.parse(status.msdyn_presencemodifiedon) / 1000),
				// ASSUMPTION: the channel names; "CCaaS_GetPresence" documents AllowedChannels as a string array
				// only. Nothing in the package reads them, so any value is as strict as another.
				AllowedChannels: ['chat', 'voice', 'sms', 'entityrecords'],
				CurrentPresenceStatusInfo: presence ? presence.msdyn_presencestatustext : null,
				DisabledChannels: [],
				PresenceId: status._msdyn_currentpresenceid_value,
			},
		};
	}

	/**
	 * POST CCaaS_ModifyAgentPresence. Updates the agent's msdyn_agentstatus row;
	 * msdyn_presencemodifiedby is AGENT when the caller is the agent, else SYSTEM.
	 */
	async function modifyPresence(/** @type {any} */ rq) {
		const caller = callerAgent(rq);
		const b = rq.body;
		if (rq.invalidJson || !b || typeof b !== 'object' || Array.isArray(b)) throw dvError(400, '0x80040203', 'The request body must be a JSON object with ApiVersion, AgentId and PresenceId.');
		if (b.ApiVersion === undefined) throw dvError(400, '0x80040203', "ApiVersion is required (use '1.0').");
		if (String(b.ApiVersion) !== '1.0') throw dvError(400, '0x80040203', `ApiVersion '${b.ApiVersion}' is not supported; use '1.0'.`);
		if (!b.AgentId) throw dvError(400, '0x80040203', 'AgentId is required.');
		if (!common.isGuid(b.AgentId)) throw dvError(400, '0x80040203', `AgentId must be a GUID, got '${b.AgentId}'.`);
		if (!b.PresenceId) throw dvError(400, '0x80040203', 'PresenceId is required.');
		if (!common.isGuid(b.PresenceId)) throw dvError(400, '0x80040203', `PresenceId must be a GUID, got '${b.PresenceId}'.`);
		const row = agentStatusOf(b.AgentId);
		requirePresenceRole(caller);
		const presence = findRow('msdyn_presences', b.PresenceId);
		// ASSUMPTION: an unknown presence is 404 (the "CCaaS_ModifyAgentPresence" status table lists 404 Resource
		// not found and 400 Wrong input parameters; which one applies is not said). "Dataverse error codes":
		// 0x80040217 ObjectDoesNotExist. Either way the call fails; a 404 is the one a client may not retry.
		if (!presence) throw dvError(404, '0x80040217', `msdyn_presence With Id = ${b.PresenceId} Does Not Exist`);
		if (presence.statecode !== 0) throw dvError(400, '0x80040203', `Presence '${presence.msdyn_name}' (${b.PresenceId}) is inactive and cannot be set.`);
		const changed = row._msdyn_currentpresenceid_value.toLowerCase() !== presence.msdyn_presenceid.toLowerCase();
		if (changed) await applyPresence(row, presence, caller, b.AgentId.toLowerCase() === caller ? 'AGENT' : 'SYSTEM');
		return { status: 200, body: { '@odata.context': `${apiBase()}/$metadata#Microsoft.Dynamics.CRM.CCaaS_ModifyAgentPresenceResponse` } };
	}

	async function applyPresence(/** @type {any} */ row, /** @type {any} */ presence, /** @type {string} */ caller, /** @type {string} */ by) {
		const before = clone(row);
		const now = new Date().toISOString();
		Object.assign(row, {
			_msdyn_currentpresenceid_value: presence.msdyn_presenceid,
			msdyn_presencemodifiedon: now,
			msdyn_presencemodifiedby: by,
			msdyn_isagentloggedin: presence.msdyn_basepresencestatus !== tables.BASE.offline,
			modifiedon: now,
			_modifiedby_value: caller,
			versionnumber: row.versionnumber + 1,
		});
		// Impersonation (MSCRMCallerID): the step runs as the agent (UserId) but the call was initiated by
		// the token's application user (InitiatingUserId), as Dataverse's execution context reports it.
		await fire('Update', row, ['msdyn_currentpresenceid', 'msdyn_presencemodifiedon', 'msdyn_presencemodifiedby', 'msdyn_isagentloggedin', 'modifiedon'], caller, IDS.applicationUserId, () => Object.assign(row, before));
	}

	/**
	 * Runs the msdyn_agentstatus event's webhook steps. A synchronous step runs inside the operation
	 * ("Use webhooks": a synchronous step that does not get a 2xx answer fails the operation, which
	 * is rolled back); asynchronous ones are delivered after the response.
	 */
	async function fire(/** @type {string} */ message, /** @type {any} */ row, /** @type {string[]} */ changed, /** @type {string} */ userId, /** @type {string} */ initiatingUserId, /** @type {() => void} */ rollback) {
		const snapshot = clone(row);
		const failed = await ctx.delivery.dispatch({ tables: state.tables, message, row: snapshot, changed, userId, initiatingUserId, orgId: IDS.organizationId, businessUnitId: IDS.businessUnitId });
		if (!failed) return;
		rollback();
		// "Dataverse error codes": 0x80040216 UnExpected, "An unexpected error occurred."; CCaaS_ModifyAgentPresence
		// lists 500 Internal Server Error. ASSUMPTION: a failed synchronous webhook surfaces as that pair ("Register a
		// WebHook" says only that the user gets an "Endpoint unavailable" error): generic, so no client can rely on detail.
		throw dvError(500, '0x80040216', 'An unexpected error occurred.');
	}

	function list(/** @type {any} */ rq, /** @type {string} */ set) {
		const spec = TABLES[set];
		const q = rq.query;
		const table = { entity: spec.entity, has: (/** @type {string} */ c) => spec.columns.includes(c) };
		if (q.$expand) throw dvError(400, '0x80060888', '$expand is not supported by the simulator.');
		const select = parseSelect(q.$select, spec);
		let result = rows(set);
		if (q.$filter) result = result.filter(odata.compileFilter(q.$filter, table));
		result = odata.orderRows(result, q.$orderby, table);
		const top = q.$top !== undefined ? Number(q.$top) : undefined;
		if (top !== undefined && !(Number.isInteger(top) && top >= 0)) throw dvError(400, '0x80060888', `Invalid value '${q.$top}' for $top.`);
		if (top !== undefined) result = result.slice(0, top);
		const prefs = odata.preferences(rq.headers.prefer);
		/** @type {Record<string,string>} */
		const headers = {};
		/** @type {any} */
		const body = { '@odata.context': `${apiBase()}/$metadata#${set}${select ? `(${select.join(',')})` : ''}` };
		if (String(q.$count) === 'true') body['@odata.count'] = result.length;
		let page = result;
		// Dataverse ignores odata.maxpagesize when $top is given.
		if (prefs.maxPageSize && top === undefined) {
			const n = odata.pageFromSkipToken(q.$skiptoken);
			page = result.slice((n - 1) * prefs.maxPageSize, n * prefs.maxPageSize);
			if (n * prefs.maxPageSize < result.length) body['@odata.nextLink'] = nextLink(rq, set, n + 1);
			headers['Preference-Applied'] = `odata.maxpagesize=${prefs.maxPageSize}`;
		}
		if (prefs.annotations) headers['Preference-Applied'] = [headers['Preference-Applied'], `odata.include-annotations="${prefs.annotations}"`].filter(Boolean).join(',');
		body.value = page.map((/** @type {any} */ r) => shape(r, spec, select, prefs.annotations));
		return { status: 200, body, headers };
	}

	function nextLink(/** @type {any} */ rq, /** @type {string} */ set, /** @type {number} */ page) {
		// Keep '$' in option names literal, as Dataverse's own nextLinks do.
		const params = Object.fromEntries(rq.url.searchParams);
		params.$skiptoken = odata.skipToken(page);
		const qs = Object.entries(params).map(([k, v]) => `${k}=${encodeURIComponent(/** @type {string} */ (v))}`).join('&');
		return `${apiBase()}/${set}?${qs}`;
	}

	function retrieve(/** @type {any} */ rq, /** @type {string} */ set, /** @type {string} */ key) {
		const spec = TABLES[set];
		const row = findRow(set, key) || notFound(spec, key);
		const select = parseSelect(rq.query.$select, spec);
		const prefs = odata.preferences(rq.headers.prefer);
		const ctxUrl = `${apiBase()}/$metadata#${set}${select ? `(${select.join(',')})` : ''}/$entity`;
		return { status: 200, body: { '@odata.context': ctxUrl, ...shape(row, spec, select, prefs.annotations) } };
	}

	/** POST: 204 + OData-EntityId, or 201 + the row with Prefer: return=representation. */
	async function create(/** @type {any} */ rq, /** @type {string} */ set) {
		const spec = TABLES[set];
		const values = writableValues(rq, set);
		const id = values[spec.id] || uuid();
		if (findRow(set, id)) throw dvError(412, '0x80040237', `A record with matching key values already exists.`);
		const now = new Date().toISOString();
		const row = { ...defaultsFor(set), createdon: now, modifiedon: now, versionnumber: Date.now(), ...values, [spec.id]: id };
		validateRow(set, row);
		rows(set).push(row);
		if (set === 'msdyn_agentstatuses') {
			await fire('Create', row, Object.keys(row), IDS.applicationUserId, IDS.applicationUserId, () => {
				state.tables[set] = rows(set).filter((/** @type {any} */ r) => r !== row);
			});
		}
		return afterWrite(rq, set, row, 201);
	}

	/** PATCH: update, or upsert when the row is missing (unless If-Match: *). */
	async function update(/** @type {any} */ rq, /** @type {string} */ set, /** @type {string} */ key) {
		const spec = TABLES[set];
		const existing = findRow(set, key);
		if (!existing && rq.headers['if-match'] === '*') notFound(spec, key);
		if (existing && rq.headers['if-none-match'] === '*') throw dvError(412, '0x80040237', 'A record with matching key values already exists.');
		if (!existing) return await create({ ...rq, body: { ...(rq.body || {}), [spec.id]: key } }, set);
		const values = writableValues(rq, set);
		delete values[spec.id];
		const changed = Object.keys(values).filter((c) => existing[c] !== values[c]);
		const before = clone(existing);
		validateRow(set, { ...existing, ...values });
		Object.assign(existing, values, { modifiedon: new Date().toISOString(), versionnumber: existing.versionnumber + 1 });
		if (set === 'msdyn_agentstatuses' && changed.length) {
			await fire('Update', existing, changed.map(logicalName), IDS.applicationUserId, IDS.applicationUserId, () => {
				for (const k of Object.keys(existing)) delete existing[k];
				Object.assign(existing, before);
			});
		}
		return afterWrite(rq, set, existing, 200);
	}

	function afterWrite(/** @type {any} */ rq, /** @type {string} */ set, /** @type {any} */ row, /** @type {number} */ reprStatus) {
		const spec = TABLES[set];
		const entityUrl = `${apiBase()}/${set}(${row[spec.id]})`;
		const prefs = odata.preferences(rq.headers.prefer);
		if (!prefs.representation) return { status: 204, headers: { 'OData-EntityId': entityUrl } };
		const select = parseSelect(rq.query.$select, spec);
		return {
			status: reprStatus,
			headers: { 'OData-EntityId': entityUrl, 'Preference-Applied': 'return=representation' },
			body: { '@odata.context': `${apiBase()}/$metadata#${set}/$entity`, ...shape(row, spec, select, prefs.annotations) },
		};
	}

	function remove(/** @type {string} */ set, /** @type {string} */ key) {
		const spec = TABLES[set];
		const row = findRow(set, key) || notFound(spec, key);
		state.tables[set] = rows(set).filter((/** @type {any} */ r) => r !== row);
		return { status: 204 };
	}

	/** Body columns → row values; `nav@odata.bind` becomes the `_nav_value` lookup column. */
	function writableValues(/** @type {any} */ rq, /** @type {string} */ set) {
		const spec = TABLES[set];
		if (rq.invalidJson || !rq.body || typeof rq.body !== 'object' || Array.isArray(rq.body)) {
			throw dvError(400, '0x80048d19', `Error identified in Payload provided by the user for Entity :'${spec.entity}'. The body must be a JSON object.`);
		}
		/** @type {any} */
		const out = {};
		for (const [k, v] of Object.entries(rq.body)) {
			if (k.startsWith('@odata.')) continue;
			const bind = /^(.+)@odata\.bind$/.exec(k);
			if (bind) {
				out[bindColumn(spec, bind[1])] = resolveBind(spec, bind[1], v);
				continue;
			}
			if (!spec.columns.includes(k) || k.startsWith('_')) {
				throw dvError(400, '0x80048d19', `Error identified in Payload provided by the user for Entity :'${spec.entity}'. The property '${k}' does not exist on type 'Microsoft.Dynamics.CRM.${spec.entity}'. Make sure to only use property names that are defined by the type.`);
			}
			out[k] = v;
		}
		return out;
	}

	function bindColumn(/** @type {any} */ spec, /** @type {string} */ nav) {
		const b = spec.binds && spec.binds[nav];
		if (!b) throw dvError(400, '0x80048d19', `An undeclared property '${nav}' which only has property annotations in the payload but no property value was found in the payload.`);
		return b.column;
	}

	/** Resolves '/set(id)' (absolute or relative) to the id, checking the target row exists. */
	function resolveBind(/** @type {any} */ spec, /** @type {string} */ nav, /** @type {any} */ value) {
		if (value === null) return null;
		const m = /([A-Za-z_]+)\(([0-9a-fA-F-]{36})\)\s*$/.exec(String(value));
		const target = spec.binds[nav].target;
		if (!m || m[1] !== target) throw dvError(400, '0x80048d19', `Invalid value '${value}' for ${nav}@odata.bind; expected '/${target}(<guid>)'.`);
		if (!findRow(target, m[2])) notFound(TABLES[target], m[2]);
		return m[2].toLowerCase();
	}

	function validateRow(/** @type {string} */ set, /** @type {any} */ row) {
		const spec = TABLES[set];
		for (const [col, options] of Object.entries(spec.optionSets || {})) {
			if (row[col] !== undefined && row[col] !== null && !(row[col] in options)) {
				throw dvError(400, '0x8004431a', `${col} value ${row[col]} is not a valid option for ${spec.entity}.${col}.`);
			}
		}
		if (set === 'serviceendpoints' && row.contract === 8) {
			const refused = webhooks.portProblem(String(row.url ?? ''));
			// ASSUMPTION: refused when the row is written, as 0x80040203 (InvalidArgument): "Register a WebHook"
			// states the port rule, not when it is enforced; refusing at once is the stricter.
			if (refused) throw dvError(400, '0x80040203', refused);
		}
		if (set === 'msdyn_presences' && row.msdyn_basepresencestatus === undefined) {
			throw dvError(400, '0x80040203', 'msdyn_basepresencestatus is required.');
		}
	}
}

/** Splits 'msdyn_presences(guid)' into name and key (supports 'WhoAmI()'). */
function parseResource(/** @type {string} */ resource) {
	const m = /^([A-Za-z_][\w.]*)(?:\((.*)\))?$/.exec(resource);
	if (!m) throw dvError(400, '0x80060888', `Bad Request - Error in query syntax: '${resource}'.`);
	const key = m[2] === undefined || m[2] === '' ? undefined : m[2].replace(/^'|'$/g, '').replace(/^[a-z_]+id=/i, '');
	return { name: m[1], key };
}

/**
 * The parameters of a bound-less function call, `Name(P=@a)?@a='v'` or `Name(P='v')` ("Use Web API
 * functions"). A function is only addressed with its parameter list: the bare segment, or a list
 * missing a required parameter, matches no function overload.
 * "Create and use custom APIs": using a function Dataverse cannot resolve is the unknown-segment
 * 404 (0x8006088a, "Resource not found for the segment '<name>'.").
 */
function functionParameters(/** @type {any} */ rq, /** @type {string} */ name, /** @type {string[]} */ required) {
	const resource = decodeURIComponent(rq.params.resource);
	const m = /^[A-Za-z_][\w.]*\((.*)\)$/.exec(resource);
	const unknown = () => unknownSegment(name);
	if (!m) throw unknown();
	/** @type {Record<string, string>} */
	const out = {};
	for (const pair of m[1].split(',').map((p) => p.trim()).filter(Boolean)) {
		const eq = pair.indexOf('=');
		if (eq < 0) throw dvError(400, '0x80060888', `Bad Request - Error in query syntax: '${resource}'.`);
		let value = pair.slice(eq + 1).trim();
		if (value.startsWith('@')) {
			const aliased = rq.query[value];
			if (aliased === undefined) throw dvError(400, '0x80060888', `The parameter alias '${value}' has no value in the query string.`);
			value = String(aliased);
		}
		out[pair.slice(0, eq).trim()] = value.replace(/^'(.*)'$/, '$1');
	}
	for (const p of required) if (out[p] === undefined) throw unknown();
	return out;
}

function only(/** @type {any} */ rq, /** @type {string} */ method, /** @type {Function} */ fn) {
	if (rq.method !== method) throw dvError(405, '0x80060888', `The HTTP method '${rq.method}' is not allowed; use ${method}.`);
	return fn();
}

function notFound(/** @type {any} */ spec, /** @type {string} */ key) {
	throw dvError(404, '0x80040217', `${spec.entity} With Id = ${key} Does Not Exist`);
}

function parseSelect(/** @type {string|undefined} */ select, /** @type {any} */ spec) {
	if (!select) return null;
	const cols = select.split(',').map((c) => c.trim()).filter(Boolean);
	for (const c of cols) if (!spec.columns.includes(c)) throw odata.noProperty(c, spec.entity);
	return cols;
}

/** A row as the Web API returns it: etag, selected columns (+ primary key), optional annotations. */
function shape(/** @type {any} */ row, /** @type {any} */ spec, /** @type {string[]|null} */ select, /** @type {string} */ annotations) {
	/** @type {any} */
	const out = { '@odata.etag': `W/"${row.versionnumber}"` };
	const cols = select ? [...new Set([...select, spec.id])] : spec.columns;
	for (const c of cols) {
		if ((spec.hidden || []).includes(c)) continue;
		out[c] = row[c] === undefined ? null : row[c];
		if (annotations) annotate(out, c, row[c], spec);
	}
	return out;
}

function annotate(/** @type {any} */ out, /** @type {string} */ col, /** @type {any} */ value, /** @type {any} */ spec) {
	const options = spec.optionSets && spec.optionSets[col];
	if (options && value !== null && value !== undefined) out[`${col}@OData.Community.Display.V1.FormattedValue`] = options[value];
	const bind = Object.values(spec.binds || {}).find((b) => b.column === col);
	if (bind && value) out[`${col}@Microsoft.Dynamics.CRM.lookuplogicalname`] = TABLES[bind.target].entity;
}

/** '_msdyn_currentpresenceid_value' → 'msdyn_currentpresenceid' (webhook attribute names). */
const logicalName = (/** @type {string} */ col) => col.replace(/^_(.+)_value$/, '$1');

function defaultsFor(/** @type {string} */ set) {
	/** @type {Record<string, any>} */
	const d = {
		msdyn_presences: { statecode: 0, statuscode: 1, msdyn_canuserset: true },
		msdyn_agentstatuses: { statecode: 0, statuscode: 1, msdyn_isagentloggedin: false, msdyn_availableunitscapacity: 100, msdyn_isblockedbysomeprofile: false, timezoneruleversionnumber: 4, msdyn_presencemodifiedby: 'SYSTEM' },
		serviceendpoints: { connectionmode: 1, messageformat: 2 },
		sdkmessageprocessingsteps: { statecode: 0, statuscode: 1, rank: 1, supporteddeployment: 0, asyncautodelete: false, invocationsource: 0 },
	};
	return d[set] || {};
}

function checkScope(/** @type {string|undefined} */ scope, /** @type {string} */ env) {
	if (!scope) throw aadError(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'scope'.");
	const s = String(scope).trim();
	if (!/\/\.default$/.test(s)) {
		throw aadError(400, 'invalid_scope', 1002012, `The provided value for scope ${s} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`);
	}
	const resource = s.replace(/\/+\.default$/, '');
	if (!sameResource(resource, env)) {
		throw aadError(400, 'invalid_resource', 500011, `The resource principal named ${resource} was not found in the tenant named ${IDS.tenantId}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`);
	}
}

/** Same environment URL, allowing localhost for 127.0.0.1 and any letter case. */
function sameResource(/** @type {string} */ a, /** @type {string} */ b) {
	try {
		const norm = (/** @type {string} */ u) => {
			const x = new URL(u);
			const host = x.hostname === 'localhost' ? '127.0.0.1' : x.hostname;
			return `${x.protocol}//${host}:${x.port}${x.pathname.replace(/\/+$/, '')}`.toLowerCase();
		};
		return norm(a) === norm(b);
	} catch {
		return false;
	}
}

/** Azure AD's error body. Never echoes the secret. */
function aadError(/** @type {number} */ status, /** @type {string} */ error, /** @type {number} */ code, /** @type {string} */ text) {
	const traceId = uuid();
	const correlationId = uuid();
	const timestamp = new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
	return new HttpError(status, {
		error,
		error_description: `AADSTS${code}: ${text} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
		error_codes: [code],
		timestamp,
		trace_id: traceId,
		correlation_id: correlationId,
		error_uri: `https://login.microsoftonline.com/error?code=${code}`,
	});
}

module.exports = { createVendor, DEFAULT_CLIENT, IDS, errorBody };
