// @ts-check
'use strict';
/**
 * Microsoft Graph's presence API with its Microsoft Entra ID token endpoint, on two mounts as
 * Microsoft runs them: the authority (`login.microsoftonline.com`, mounted at /graph-login:
 * POST /{tenant}/oauth2/v2.0/token) and Graph (`graph.microsoft.com`, mounted at /graph:
 * /v1.0/users/{id}/presence[/setPresence|clearPresence|setUserPreferredPresence|
 * clearUserPreferredPresence|setStatusMessage], /v1.0/communications/getPresencesByUserId,
 * /v1.0/users[/{id|upn}], /v1.0/groups[/{id}/members/microsoft.graph.user], /v1.0/me/presence).
 *
 * Presence follows "presence: setPresence": each user has sessions (a signed-in Teams client, one
 * per app that called setPresence); the presence shown is the preferred presence if one is set
 * and a session exists, else a user-configured state, else the strongest app/client state
 * (DoNotDisturb > Busy > Available > Away); no session at all shows Offline/Offline. An app
 * session fades (Available → Available/AvailableInactive after 5 minutes, Away/Away after 10)
 * unless renewed, and ends at its expirationDuration. The clock can be advanced by tests.
 */
const common = require('./common');
const { HttpError, guidFrom, uuid, clone } = common;
const { createSubscriptions } = require('./graph-subscriptions');

const DEFAULT_CLIENT = {
	tenantId: guidFrom('graph-tenant'),
	clientId: guidFrom('graph-app'),
	clientSecret: 'sim-graph-client-secret',
	/** Application permissions granted with admin consent (the token's `roles`). */
	roles: ['Presence.ReadWrite.All', 'User.Read.All', 'GroupMember.Read.All'],
};

const GRAPH_RESOURCE = 'https://graph.microsoft.com';
const SEED_TIME = Date.parse('2024-05-01T08:00:00.000Z');

const IDS = {
	users: Object.fromEntries(common.PEOPLE.map((p) => [p.key, guidFrom(`graph-user-${p.key}`)])),
	tenantId: DEFAULT_CLIENT.tenantId,
	groups: { agents: guidFrom('graph-group-agents') },
};
/** "List group members": 100 a page by default, $top up to 999. */
const MEMBERS_PAGE = 100;

/** "presence: setPresence", Supported combinations of availability and activity. */
const SESSION_PAIRS = ['Available/Available', 'Busy/InACall', 'Busy/InAConferenceCall', 'Away/Away', 'DoNotDisturb/Presenting'];
/** "presence: setUserPreferredPresence" supported pairs. */
const PREFERRED_PAIRS = ['Available/Available', 'Busy/Busy', 'DoNotDisturb/DoNotDisturb', 'BeRightBack/BeRightBack', 'Away/Away', 'Offline/OffWork'];
const RANK = { DoNotDisturb: 4, Busy: 3, BusyIdle: 3, Available: 2, AvailableIdle: 2, Away: 1, BeRightBack: 1 };
/** "cloudCommunications: getPresencesByUserId": 650 IDs a request, 1500 requests per 30 s per app and tenant. */
const MAX_IDS = 650;
const RATE = { requests: 1500, windowMs: 30_000 };
const FADE_MS = 5 * 60_000;
const DEFAULT_SESSION_MS = 5 * 60_000;

/** Graph's error body ("Microsoft Graph error responses and resource types"). */
function graphError(/** @type {number} */ status, /** @type {string} */ code, /** @type {string} */ message, /** @type {Record<string,string>} */ headers = {}) {
	const requestId = uuid();
	return new HttpError(
		status,
		{ error: { code, message, innerError: { date: new Date().toISOString().replace(/\.\d+Z$/, ''), 'request-id': requestId, 'client-request-id': requestId } } },
		{ 'request-id': requestId, 'client-request-id': requestId, ...headers },
	);
}

function errorBody(/** @type {number} */ status, message = '') {
	const code = { 400: 'BadRequest', 401: 'InvalidAuthenticationToken', 403: 'Forbidden', 404: 'NotFound', 405: 'MethodNotAllowed', 429: 'TooManyRequests' }[status] || 'InternalServerError';
	return graphError(status, /** @type {string} */ (code), message || (status === 429 ? 'Too many requests.' : 'An error occurred.')).body;
}

/** Azure AD's token error body. Never echoes the secret. */
function aadError(/** @type {number} */ status, /** @type {string} */ error, /** @type {number} */ code, /** @type {string} */ text) {
	const traceId = uuid();
	const correlationId = uuid();
	return new HttpError(status, {
		error,
		error_description: `AADSTS${code}: ${text} Trace ID: ${traceId} Correlation ID: ${correlationId}`,
		error_codes: [code],
		trace_id: traceId,
		correlation_id: correlationId,
	});
}

/** @param {any} ctx */
function createVendor(ctx) {
	const client = ctx.client;
	/** @type {any} */
	const state = {};
	const reset = () => {
		state.clockOffsetMs = 0;
		state.users = common.PEOPLE.map((p) => ({
			id: IDS.users[p.key],
			displayName: `${p.first} ${p.last}`,
			mail: p.email,
			userPrincipalName: p.email,
			accountEnabled: true,
		}));
		/** Per user: the Teams client's session (null: not signed in), app sessions by app ID, preferred presence, status message. */
		state.presence = {
			[IDS.users.alex]: { client: { availability: 'Available', activity: 'Available', userConfigured: false }, apps: {}, preferred: null, statusMessage: null },
			[IDS.users.blake]: { client: { availability: 'Busy', activity: 'InAMeeting', userConfigured: false }, apps: {}, preferred: null, statusMessage: null },
			[IDS.users.casey]: { client: null, apps: {}, preferred: null, statusMessage: null },
			[IDS.users.dana]: { client: { availability: 'DoNotDisturb', activity: 'Presenting', userConfigured: true }, apps: {}, preferred: null, statusMessage: null },
			[IDS.users.eli]: { client: { availability: 'Away', activity: 'Away', userConfigured: false }, apps: {}, preferred: null, statusMessage: null },
		};
		state.rate = { windowStart: 0, count: 0 };
		state.delegated = {};
		state.groups = { [IDS.groups.agents]: { id: IDS.groups.agents, displayName: 'Contact centre agents', members: [IDS.users.alex, IDS.users.blake, IDS.users.casey] } };
		state.nextLinkOrigin = undefined;
		if (subs) subs.reset();
		if (ctx.seed) Object.assign(state, clone(ctx.seed));
	};
	/** @type {any} */
	let subs = null;
	reset();
	const now = () => Date.now() + state.clockOffsetMs;
	subs = createSubscriptions({ now, graphError, presenceOf: (id) => presenceBody(id), tenantId: client.tenantId, requirePermission: (/** @type {any[]} */ ...a) => requirePermission(a[0], a[1], a[2]) });

	const login = common.createRouter();
	login.add('POST', '/:tenant/oauth2/v2.0/token', (/** @type {any} */ rq) => token(rq));

	const api = common.createRouter();
	/** @type {Array<[string, string, Function]>} */
	const routes = [
		['GET', '/v1.0/users/:id/presence', getPresence],
		['POST', '/v1.0/users/:id/presence/setPresence', setPresence],
		['POST', '/v1.0/users/:id/presence/clearPresence', clearPresence],
		['POST', '/v1.0/users/:id/presence/setUserPreferredPresence', setPreferred],
		['POST', '/v1.0/users/:id/presence/clearUserPreferredPresence', clearPreferred],
		['POST', '/v1.0/users/:id/presence/setStatusMessage', setStatusMessage],
		['POST', '/v1.0/communications/getPresencesByUserId', getPresencesByUserId],
		['GET', '/v1.0/me/presence', (/** @type {any} */ rq, /** @type {any} */ caller) => getPresence({ ...rq, params: { id: caller.userId } }, caller)],
		['GET', '/v1.0/users', listUsers],
		['GET', '/v1.0/users/:id', getUser],
		['GET', '/v1.0/groups', listGroups],
		['GET', '/v1.0/groups/:id/members/microsoft.graph.user', groupMembers],
		['POST', '/v1.0/subscriptions', (/** @type {any} */ rq, /** @type {any} */ c) => subs.create(rq, c)],
		['GET', '/v1.0/subscriptions/:id', (/** @type {any} */ rq, /** @type {any} */ c) => subs.get(rq, c)],
		['PATCH', '/v1.0/subscriptions/:id', (/** @type {any} */ rq, /** @type {any} */ c) => subs.update(rq, c)],
		['DELETE', '/v1.0/subscriptions/:id', (/** @type {any} */ rq, /** @type {any} */ c) => subs.remove(rq, c)],
	];
	// Any request may change a watched presence (a write, or time passing): subscribers hear of it.
	for (const [m, p, fn] of routes) {
		api.add(m, p, async (/** @type {any} */ rq) => {
			try {
				return await fn(rq, authenticate(rq));
			} finally {
				subs.scan();
			}
		});
	}

	function token(/** @type {any} */ rq) {
		const b = rq.body && typeof rq.body === 'object' ? rq.body : {};
		if (rq.params.tenant !== client.tenantId) {
			throw aadError(400, 'invalid_request', 90002, `Tenant '${rq.params.tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`);
		}
		if (b.grant_type !== 'client_credentials') throw aadError(400, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type.');
		if (b.client_id !== client.clientId) {
			throw aadError(400, 'unauthorized_client', 700016, `Application with identifier '${b.client_id}' was not found in the directory '${client.tenantId}'.`);
		}
		if (b.client_secret !== client.clientSecret) throw aadError(401, 'invalid_client', 7000215, 'Invalid client secret provided.');
		// "Access national cloud deployments with the Microsoft Graph SDKs": the scope names the cloud's own Graph host.
		if (b.scope !== `${GRAPH_RESOURCE}/.default`) {
			throw aadError(400, 'invalid_scope', 1002012, `The provided value for scope ${b.scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`);
		}
		const access_token = ctx.tokens.issue('graph', {
			clientId: client.clientId,
			scopes: [...client.roles],
			ttlSeconds: ctx.ttlSeconds,
			jwtClaims: { aud: GRAPH_RESOURCE, iss: `https://sts.windows.net/${client.tenantId}/`, appid: client.clientId, tid: client.tenantId, roles: client.roles },
		});
		return { status: 200, body: { token_type: 'Bearer', expires_in: ctx.ttlSeconds, ext_expires_in: ctx.ttlSeconds, access_token } };
	}

	/** The caller: an application (roles) or, with a delegated token, a user (scopes). */
	function authenticate(/** @type {any} */ rq) {
		const bearer = common.bearerOf(rq.headers);
		const check = ctx.tokens.check('graph', bearer);
		if (!check.ok) {
			throw graphError(401, 'InvalidAuthenticationToken', check.reason === 'missing' ? 'Access token is empty.' : 'Lifetime validation failed, the token is expired.');
		}
		const delegated = state.delegated[/** @type {string} */ (bearer)];
		return delegated
			? { kind: 'delegated', userId: delegated.userId, scopes: check.token.scopes, appId: check.token.clientId }
			: { kind: 'application', roles: check.token.scopes, appId: check.token.clientId };
	}

	/** @param {any} caller @param {string|null} role application permission @param {string|null} scope delegated permission; `.All` roles include the narrower read */
	function requirePermission(caller, role, scope) {
		const granted = caller.kind === 'application' ? caller.roles : caller.scopes;
		const needed = caller.kind === 'application' ? role : scope;
		const wider = needed === 'Presence.Read.All' ? ['Presence.ReadWrite.All'] : needed === 'User.ReadBasic.All' ? ['User.Read.All'] : needed === 'GroupMember.Read.All' ? ['Group.Read.All', 'Directory.Read.All'] : [];
		if (needed && (granted.includes(needed) || wider.some((w) => granted.includes(w)))) return;
		throw graphError(403, 'Forbidden', needed ? 'Insufficient privileges to complete the operation.' : `This operation is not supported with ${caller.kind} permissions.`);
	}

	function rateLimit() {
		const t = now();
		if (t - state.rate.windowStart >= RATE.windowMs) state.rate = { windowStart: t, count: 0 };
		state.rate.count++;
		if (state.rate.count > RATE.requests) {
			const retryAfter = Math.ceil((state.rate.windowStart + RATE.windowMs - t) / 1000);
			throw graphError(429, 'TooManyRequests', 'Too many requests.', { 'Retry-After': String(Math.max(1, retryAfter)) });
		}
	}

	const userOf = (/** @type {string} */ idOrUpn) =>
		state.users.find((/** @type {any} */ u) => u.id === String(idOrUpn).toLowerCase() || u.userPrincipalName.toLowerCase() === String(idOrUpn).toLowerCase());

	function recordOf(/** @type {string} */ id) {
		const user = userOf(id);
		if (!user || user.id !== id) {
			// ASSUMPTION: presence of an unknown user ID (or a UPN: presence takes object IDs) is a 404.
			throw graphError(404, 'NotFound', `User ${id} not found.`);
		}
		return state.presence[id];
	}

	/** An app session as it stands now: faded after 5 and 10 minutes without renewal when Available; gone after expiry. */
	function liveApps(/** @type {any} */ rec) {
		const t = now();
		/** @type {any[]} */
		const out = [];
		for (const [appId, s] of Object.entries(rec.apps)) {
			const session = /** @type {any} */ (s);
			if (session.expiresAt <= t) {
				delete rec.apps[appId];
				continue;
			}
			const idle = t - session.setAt;
			if (session.availability === 'Available' && idle >= 2 * FADE_MS) out.push({ availability: 'Away', activity: 'Away' });
			else if (session.availability === 'Available' && idle >= FADE_MS) out.push({ availability: 'Available', activity: 'AvailableInactive' });
			else out.push({ availability: session.availability, activity: session.activity });
		}
		return out;
	}

	function aggregate(/** @type {string} */ id) {
		const rec = state.presence[id];
		if (!rec) return { availability: 'PresenceUnknown', activity: 'PresenceUnknown' };
		const apps = liveApps(rec);
		const sessions = rec.client ? [rec.client, ...apps] : apps;
		if (rec.preferred && rec.preferred.expiresAt <= now()) rec.preferred = null;
		if (sessions.length === 0) return { availability: 'Offline', activity: 'Offline' };
		if (rec.preferred) return { availability: rec.preferred.availability, activity: rec.preferred.activity };
		if (rec.client && rec.client.userConfigured) return { availability: rec.client.availability, activity: rec.client.activity };
		const best = sessions.reduce((a, b) => (((/** @type {any} */ (RANK))[b.availability] ?? 0) > ((/** @type {any} */ (RANK))[a.availability] ?? 0) ? b : a));
		return { availability: best.availability, activity: best.activity };
	}

	function presenceBody(/** @type {string} */ id) {
		const rec = state.presence[id];
		return {
			id,
			...aggregate(id),
			statusMessage: rec && rec.statusMessage ? clone(rec.statusMessage) : null,
			outOfOfficeSettings: { message: null, isOutOfOffice: false },
		};
	}

	function getPresence(/** @type {any} */ rq, /** @type {any} */ caller) {
		requirePermission(caller, 'Presence.Read.All', 'Presence.Read.All');
		recordOf(rq.params.id);
		return { status: 200, body: { '@odata.context': `${GRAPH_RESOURCE}/v1.0/$metadata#users('${rq.params.id}')/presence/$entity`, ...presenceBody(rq.params.id) } };
	}

	function getPresencesByUserId(/** @type {any} */ rq, /** @type {any} */ caller) {
		requirePermission(caller, 'Presence.Read.All', 'Presence.Read.All');
		rateLimit();
		const ids = rq.body && rq.body.ids;
		if (!Array.isArray(ids) || ids.length === 0) throw graphError(400, 'BadRequest', "The 'ids' parameter is required and must not be empty.");
		if (ids.length > MAX_IDS) throw graphError(400, 'BadRequest', `A maximum of ${MAX_IDS} user IDs is supported per request.`);
		// ASSUMPTION: an ID of no user comes back as PresenceUnknown (Graph's availability for it) rather than failing the batch.
		return { status: 200, body: { '@odata.context': `${GRAPH_RESOURCE}/v1.0/$metadata#Collection(presence)`, value: ids.map((id) => presenceBody(String(id))) } };
	}

	/** A delegated caller may write only their own presence. `emptyBody`: the action takes `{}` and nothing else. */
	function writable(/** @type {any} */ rq, /** @type {any} */ caller, /** @type {string|null} */ role, emptyBody = false) {
		requirePermission(caller, role, 'Presence.ReadWrite');
		if (caller.kind === 'delegated' && caller.userId !== rq.params.id) {
			// ASSUMPTION: delegated writes are limited to the signed-in user (Presence.ReadWrite, not .All).
			throw graphError(403, 'Forbidden', 'The signed-in user can only change their own presence.');
		}
		if (!rq.body || typeof rq.body !== 'object' || Array.isArray(rq.body)) {
			// ASSUMPTION: a missing body is refused as OData refuses it for an action; "presence:
			// clearUserPreferredPresence" says to supply `{}`, the other writes document their parameters.
			throw graphError(400, 'BadRequest', 'Empty Payload. JSON content expected.');
		}
		const extra = emptyBody ? Object.keys(rq.body)[0] : undefined;
		if (extra !== undefined) {
			// OData refuses a parameter the action does not declare; this one declares none.
			throw graphError(400, 'BadRequest', `The parameter '${extra}' in the request payload is not a valid parameter for the operation '${String(rq.path).split('/').pop()}'.`);
		}
		return recordOf(rq.params.id);
	}

	function checkPair(/** @type {any} */ body, /** @type {string[]} */ allowed) {
		const pair = `${body.availability}/${body.activity}`;
		if (!allowed.includes(pair)) {
			// ASSUMPTION: Graph documents only the supported pairs; any other is a 400 BadRequest.
			throw graphError(400, 'BadRequest', `The availability '${body.availability}' and activity '${body.activity}' combination is not supported.`);
		}
	}

	/** ISO 8601 duration in ms, or NaN. */
	function durationMs(/** @type {any} */ v) {
		const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(String(v));
		if (!m || !(m[1] || m[2] || m[3])) return NaN;
		return ((Number(m[1] || 0) * 60 + Number(m[2] || 0)) * 60 + Number(m[3] || 0)) * 1000;
	}

	function setPresence(/** @type {any} */ rq, /** @type {any} */ caller) {
		const rec = writable(rq, caller, 'Presence.ReadWrite.All');
		const b = rq.body;
		// "Provide the ID of the application as sessionId in the request."
		if (b.sessionId !== caller.appId) throw graphError(400, 'BadRequest', 'The sessionId must be the ID of the calling application.');
		checkPair(b, SESSION_PAIRS);
		let ttl = DEFAULT_SESSION_MS;
		if (b.expirationDuration !== undefined) {
			ttl = durationMs(b.expirationDuration);
			if (!(ttl >= 5 * 60_000 && ttl <= 240 * 60_000)) throw graphError(400, 'BadRequest', 'The expirationDuration must be between PT5M and PT4H.');
		}
		rec.apps[b.sessionId] = { availability: b.availability, activity: b.activity, setAt: now(), expiresAt: now() + ttl };
		return { status: 200 };
	}

	function clearPresence(/** @type {any} */ rq, /** @type {any} */ caller) {
		const rec = writable(rq, caller, 'Presence.ReadWrite.All');
		if (rq.body.sessionId !== caller.appId) throw graphError(400, 'BadRequest', 'The sessionId must be the ID of the calling application.');
		liveApps(rec);
		// "If the presence session doesn't exist, this method returns a 404 NotFound response code."
		if (!rec.apps[rq.body.sessionId]) throw graphError(404, 'NotFound', 'The presence session does not exist.');
		delete rec.apps[rq.body.sessionId];
		return { status: 200 };
	}

	function setPreferred(/** @type {any} */ rq, /** @type {any} */ caller) {
		const rec = writable(rq, caller, 'Presence.ReadWrite.All');
		const b = rq.body;
		checkPair(b, PREFERRED_PAIRS);
		// Default expiry: 1 day for DoNotDisturb and Busy, 7 days otherwise.
		let ttl = ['DoNotDisturb', 'Busy'].includes(b.availability) ? 86_400_000 : 7 * 86_400_000;
		if (b.expirationDuration !== undefined) {
			ttl = durationMs(b.expirationDuration);
			if (!(ttl > 0)) throw graphError(400, 'BadRequest', 'The expirationDuration is not a valid ISO 8601 duration.');
		}
		rec.preferred = { availability: b.availability, activity: b.activity, expiresAt: now() + ttl };
		return { status: 200 };
	}

	function clearPreferred(/** @type {any} */ rq, /** @type {any} */ caller) {
		const rec = writable(rq, caller, 'Presence.ReadWrite.All', true);
		rec.preferred = null;
		return { status: 200 };
	}

	function setStatusMessage(/** @type {any} */ rq, /** @type {any} */ caller) {
		// "presence: setStatusMessage" permissions: delegated Presence.ReadWrite, application Presence.ReadWrite.All.
		const rec = writable(rq, caller, 'Presence.ReadWrite.All');
		const sm = rq.body.statusMessage;
		if (!sm || !sm.message || typeof sm.message.content !== 'string') throw graphError(400, 'BadRequest', 'statusMessage.message is required.');
		if (sm.message.contentType !== undefined && sm.message.contentType !== 'text') {
			throw graphError(400, 'BadRequest', "The only supported contentType is 'text'.");
		}
		rec.statusMessage = { message: { content: sm.message.content, contentType: 'text' }, publishedDateTime: new Date(now()).toISOString() };
		if (sm.expiryDateTime) rec.statusMessage.expiryDateTime = clone(sm.expiryDateTime);
		return { status: 200 };
	}

	/**
	 * "Paging Microsoft Graph data in your app": directory listings page 100 by default, `$top`
	 * 1–999 (outside that, Graph's 400 "Invalid page size specified"), the rest by @odata.nextLink.
	 */
	function pageSize(/** @type {any} */ q, fallback = 100) {
		const top = q.$top === undefined ? fallback : Number(q.$top);
		if (!(Number.isInteger(top) && top >= 1 && top <= 999)) throw graphError(400, 'Request_BadRequest', `Invalid page size specified: '${q.$top}'. Must be between 1 and 999 inclusive.`);
		return top;
	}

	/** One page of `all` for the request, with the nextLink (on `state.nextLinkOrigin` when set: a hostile page). */
	function listPage(/** @type {any} */ rq, /** @type {any[]} */ all, /** @type {number} */ top, /** @type {(o: any) => any} */ shape) {
		const skip = rq.query.$skiptoken ? Number(Buffer.from(rq.query.$skiptoken, 'base64url').toString()) : 0;
		const select = rq.query.$select ? String(rq.query.$select).split(',') : null;
		/** @type {any} */
		const body = {
			'@odata.context': `${GRAPH_RESOURCE}/v1.0/$metadata#${rq.path.split('/')[2]}`,
			value: all.slice(skip, skip + top).map((o) => shape(select ? Object.fromEntries(select.map((k) => [k, o[k] ?? null])) : clone(o))),
		};
		if (skip + top < all.length) {
			const next = new URL(rq.url.href);
			next.searchParams.set('$skiptoken', Buffer.from(String(skip + top)).toString('base64url'));
			body['@odata.nextLink'] = (state.nextLinkOrigin ?? ctx.root()) + next.pathname + next.search;
		}
		return { status: 200, body };
	}

	/** `$search="prop:text" OR …`: an advanced query, only with ConsistencyLevel: eventual. */
	function searchFilter(/** @type {any} */ rq) {
		if (rq.query.$search === undefined) return () => true;
		// "Advanced query capabilities on Microsoft Entra ID objects": $search needs ConsistencyLevel: eventual.
		if (String(rq.headers.consistencylevel || '').toLowerCase() !== 'eventual') {
			throw graphError(400, 'Request_UnsupportedQuery', "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'");
		}
		const terms = [...String(rq.query.$search).matchAll(/"(\w+):([^"]*)"/g)].map((m) => [m[1], m[2].toLowerCase()]);
		if (terms.length === 0) throw graphError(400, 'Request_UnsupportedQuery', 'Syntax error: the $search value must be "property:value" clauses.');
		return (/** @type {any} */ o) => terms.some(([prop, text]) => String(o[prop] || '').toLowerCase().split(/[\s@.]+/).some((w) => w.startsWith(text)) || String(o[prop] || '').toLowerCase().startsWith(text));
	}

	/** "List users" (User.Read.All; delegated User.ReadBasic.All). */
	function listUsers(/** @type {any} */ rq, /** @type {any} */ caller) {
		requirePermission(caller, 'User.Read.All', 'User.ReadBasic.All');
		const top = pageSize(rq.query);
		let users = state.users.filter(searchFilter(rq));
		if (rq.query.$filter !== undefined) {
			// "Advanced query capabilities": `accountEnabled eq …` works by default.
			const m = /^accountEnabled eq (true|false)$/.exec(String(rq.query.$filter));
			// ASSUMPTION: any other $filter (none of our nodes sends one) is refused, the stricter choice.
			if (!m) throw graphError(400, 'Request_UnsupportedQuery', 'Unsupported Query.');
			users = users.filter((/** @type {any} */ u) => u.accountEnabled === (m[1] === 'true'));
		}
		return listPage(rq, users, top, (u) => u);
	}

	/** "List groups" (GroupMember.Read.All is the least privileged, application and delegated). */
	function listGroups(/** @type {any} */ rq, /** @type {any} */ caller) {
		requirePermission(caller, 'GroupMember.Read.All', 'GroupMember.Read.All');
		const top = pageSize(rq.query);
		const groups = Object.values(state.groups).map((/** @type {any} */ g) => ({ id: g.id, displayName: g.displayName, mail: g.mail ?? null }));
		return listPage(rq, groups.filter(searchFilter(rq)), top, (g) => g);
	}

	function getUser(/** @type {any} */ rq, /** @type {any} */ caller) {
		requirePermission(caller, 'User.Read.All', 'User.ReadBasic.All');
		const user = userOf(rq.params.id);
		if (!user) throw graphError(404, 'Request_ResourceNotFound', `Resource '${rq.params.id}' does not exist or one of its queried reference-property objects are not present.`);
		const select = rq.query.$select ? String(rq.query.$select).split(',') : null;
		return { status: 200, body: select ? Object.fromEntries(select.map((k) => [k, user[k] ?? null])) : clone(user) };
	}

	/**
	 * "Advanced query capabilities on Microsoft Entra ID objects": an OData cast on a directory
	 * relationship is an advanced query, so it needs the ConsistencyLevel: eventual header and
	 * $count=true. Without them Graph answers its documented Request_UnsupportedQuery error
	 * ("If a property or query parameter in the URL is supported only in advanced queries but
	 * either the ConsistencyLevel header or the $count=true query string is missing").
	 */
	function requireAdvancedQuery(/** @type {any} */ rq, /** @type {string} */ what) {
		const eventual = String(rq.headers.consistencylevel || '').toLowerCase() === 'eventual';
		if (eventual && String(rq.query.$count).toLowerCase() === 'true') return;
		// ASSUMPTION: the page shows this message for an operator ('endsWith'); the cast's is worded the same way.
		throw graphError(
			400,
			'Request_UnsupportedQuery',
			`${what} is not supported because the required parameters might be missing. Try adding $count=true query parameter and ConsistencyLevel:eventual header. Refer to https://aka.ms/graph-docs/advanced-queries for more information`,
		);
	}

	/** "List group members" cast to users (an advanced query): `id` and what $select names, @odata.count, paged with @odata.nextLink. */
	function groupMembers(/** @type {any} */ rq, /** @type {any} */ caller) {
		requirePermission(caller, 'GroupMember.Read.All', 'GroupMember.Read.All');
		requireAdvancedQuery(rq, "OData cast 'microsoft.graph.user'");
		const group = state.groups[String(rq.params.id).toLowerCase()];
		if (!group) throw graphError(404, 'Request_ResourceNotFound', `Resource '${rq.params.id}' does not exist or one of its queried reference-property objects are not present.`);
		const top = pageSize(rq.query, MEMBERS_PAGE);
		const members = group.members.map((/** @type {string} */ id) => userOf(id)).filter(Boolean);
		const page = listPage(rq, members, top, (u) => ({ '@odata.type': '#microsoft.graph.user', ...u }));
		page.body = { ...page.body, '@odata.context': `${GRAPH_RESOURCE}/v1.0/$metadata#users`, '@odata.count': members.length };
		return page;
	}

	const control = {
		/** Moves the simulator's clock forward (session fading and expiry). */
		advance(/** @type {number} */ ms) {
			state.clockOffsetMs += ms;
			subs.scan();
		},
		/** The user changes their own state in Teams (user-configured overrides app sessions). */
		userSets(/** @type {string} */ userId, /** @type {string} */ availability, /** @type {string} */ activity, userConfigured = true) {
			state.presence[userId].client = { availability, activity, userConfigured };
			subs.scan();
		},
		signOut(/** @type {string} */ userId) {
			state.presence[userId].client = null;
			subs.scan();
		},
		/** Adds people (more user IDs) to a group, creating users as needed. */
		setGroupMembers(/** @type {string} */ groupId, /** @type {string[]} */ members) {
			for (const id of members) {
				if (!userOf(id)) {
					state.users.push({ id, displayName: `User ${id.slice(0, 8)}`, mail: null, userPrincipalName: `${id.slice(0, 8)}@contoso.com`, accountEnabled: true });
					state.presence[id] = { client: null, apps: {}, preferred: null, statusMessage: null };
				}
			}
			state.groups[groupId] = { id: groupId, displayName: 'Group', members: [...members] };
		},
		/** More directory users (`accountEnabled` false: a disabled account), each with a presence record. */
		addUsers(/** @type {Array<{ id: string, displayName?: string, accountEnabled?: boolean }>} */ users) {
			for (const u of users) {
				state.users.push({ id: u.id, displayName: u.displayName ?? `User ${u.id.slice(0, 8)}`, mail: null, userPrincipalName: `${u.id.slice(0, 8)}@contoso.com`, accountEnabled: u.accountEnabled ?? true });
				state.presence[u.id] = { client: null, apps: {}, preferred: null, statusMessage: null };
			}
		},
		/** A hostile page: next links of directory listings point at another origin. */
		setNextLinkOrigin(/** @type {string|undefined} */ origin) {
			state.nextLinkOrigin = origin;
		},
		/** Change-notification subscriptions: list, deliveries, network, lifecycle events. */
		subscriptions: subs.control,
		/** A delegated (authorization-code) token for a user, as n8n's OAuth2 credential would hold. */
		delegatedToken(/** @type {string} */ userId, scopes = ['Presence.ReadWrite', 'Presence.Read.All', 'User.ReadBasic.All']) {
			const t = ctx.tokens.issue('graph', { clientId: client.clientId, scopes, ttlSeconds: ctx.ttlSeconds });
			state.delegated[t] = { userId };
			return t;
		},
		presenceOf: (/** @type {string} */ userId) => presenceBody(userId),
	};

	return {
		name: 'graph',
		client,
		state,
		reset,
		control,
		mounts: [
			{ prefix: '/graph-login', recordPrefix: '', router: login },
			{ prefix: '/graph', recordPrefix: '', router: api },
		],
		isTokenPath: (/** @type {string} */ p) => /^\/[^/]+\/oauth2\/v2\.0\/token$/.test(p),
		decorate: (/** @type {Record<string,string>} */ headers) => headers,
		errorBody,
	};
}

module.exports = { createVendor, DEFAULT_CLIENT, IDS, errorBody, SESSION_PAIRS, PREFERRED_PAIRS };
