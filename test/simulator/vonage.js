// @ts-check
'use strict';
/**
 * Vonage Contact Center, on two hosts as Vonage runs it: the authentication host
 * (`<region>.cc.vonage.com`, mounted at /vonage-auth) serves only the token endpoint
 * /Auth/connect/token (credentials and scope in the form body, scoped tokens); the API
 * gateway (`<region>.api.cc.vonage.com`, mounted at /vonage) serves only the APIs: Agents
 * API (presence get/set, presence definitions), User Admin API (/useradmin/users) and
 * Insights Stats presence activities (/stats/agent-activities/presence, also served
 * without the /stats prefix). Each answers 404 for the other's paths. Each API checks
 * its own Accept version. signWebhook() signs an agent.presencechanged CloudEvent as
 * Vonage's webhooks do.
 *
 * API credentials are user-level ("Agents API" overview): tied to an active user and limited by
 * that user's rights. By default the client belongs to an administrator, who reaches every agent;
 * control.credentialOfSupervisor(agentIds) makes it a supervisor's, whose Agents API calls reach
 * only the agents in their groups.
 */
const crypto = require('node:crypto');
const common = require('./common');
const { HttpError, guidFrom, clone } = common;

const DEFAULT_CLIENT = {
	clientId: 'sim-vonage-client',
	clientSecret: 'sim-vonage-client-secret',
	/** Scopes this client is granted; a token request naming any other scope fails as a whole. */
	scopes: ['users:read', 'users:write', 'stats', 'agents-availability:read'],
};

const AGENTS_MEDIA_TYPE = 'application/vnd.newvoicemedia.v1+json';
const USER_ADMIN_MEDIA_TYPE = 'application/vnd.newvoicemedia.v4+json';
const STATS_MEDIA_TYPE = 'application/vnd.newvoicemedia.v2+json';
const CATEGORY_LABEL = { Ready: 'Ready', Away: 'Away', ExtendedAway: 'Extended Away', LoggedOut: 'Logged Out' };
const SEED_TIME = '2024-05-01T08:00:00.000Z';
const MAX_WINDOW_MS = 31 * 24 * 3600 * 1000;

/** Presence definitions; the first five ids are the ones in Vonage's own examples. */
const PRESENCE = {
	extendedAway: '4060362d-1ab1-11ec-a0c4-066a9ef411a8',
	ready: '734966bb-e646-46c3-a122-617765e92f89',
	away: '501ba176-4f62-4cbd-aa4d-dbaa4ed5411e',
	break: '6bbbebbd-f160-4d8d-96db-411b755a18a4',
	loggedOut: 'eaed6862-14fa-4114-be62-b8709b5d4a49',
	lunch: guidFrom('vcc-presence-lunch'),
	meeting: guidFrom('vcc-presence-meeting'),
	training: guidFrom('vcc-presence-training'),
};

const DEFINITIONS = [
	[PRESENCE.extendedAway, 'ExtendedAway', 'Extended away', false],
	[PRESENCE.ready, 'Ready', 'Ready', true],
	[PRESENCE.away, 'Away', 'Away', true],
	[PRESENCE.break, 'Away', 'Break', true],
	[PRESENCE.loggedOut, 'LoggedOut', 'Logged Out', true],
	[PRESENCE.lunch, 'ExtendedAway', 'Lunch', true],
	[PRESENCE.meeting, 'ExtendedAway', 'Meeting', true],
	[PRESENCE.training, 'ExtendedAway', 'Training', true],
];

/** Alex's user id is the one in Vonage's "Set agent's presence" example. */
const userIdOf = (/** @type {string} */ key) => (key === 'alex' ? 'daab05ec-ba50-45af-a6fd-3b01cdc6f39b' : guidFrom(`vcc-user-${key}`));
const EXTRA_AGENTS = 25;

const IDS = {
	presence: PRESENCE,
	users: Object.fromEntries(common.PEOPLE.map((p) => [p.key, userIdOf(p.key)])),
	agentDisplayIds: Object.fromEntries(common.PEOPLE.map((p, i) => [p.key, String(101 + i)])),
	userCount: common.PEOPLE.length + EXTRA_AGENTS + 1,
};

function seedDefinitions() {
	return DEFINITIONS.map(([presenceId, categoryType, description, selectable]) => ({
		presenceId,
		selectable,
		category: { categoryType, description: /** @type {any} */ (CATEGORY_LABEL)[/** @type {string} */ (categoryType)], subCategory: categoryType },
		description,
	}));
}

function userRecord(/** @type {string} */ userId, /** @type {string} */ username, /** @type {string} */ name, /** @type {string} */ email, /** @type {string} */ role, /** @type {string} */ displayId) {
	return {
		userId,
		username,
		name,
		email,
		lastLoginTime: SEED_TIME,
		active: true,
		locked: false,
		ssoExternalId: email,
		userAccountConfiguration: {
			role,
			chargeable: true,
			actAsAgent: role === 'Agent',
			agentConfiguration: { agentDisplayId: displayId, webrtc: true, handleMultipleInteractions: true },
		},
	};
}

function seedUsers() {
	const people = common.PEOPLE.map((p, i) =>
		userRecord(userIdOf(p.key), `${p.first}.${p.last}`.toLowerCase(), `${p.first} ${p.last}`, p.email, 'Agent', String(101 + i)),
	);
	const more = [];
	for (let i = 1; i <= EXTRA_AGENTS; i++) {
		const n = String(i).padStart(3, '0');
		more.push(userRecord(guidFrom(`vcc-user-extra-${n}`), `vccagent${n}`, `VCC Agent ${n}`, `vcc.agent${n}@contoso.com`, 'Agent', String(200 + i)));
	}
	const supervisor = userRecord(guidFrom('vcc-user-supervisor'), 'supervisor', 'Supervisor', 'supervisor@contoso.com', 'Supervisor', '900');
	const archived = { ...more[more.length - 1], active: false };
	return [...people, ...more.slice(0, -1), archived, supervisor];
}

/** Cross-vendor people start Ready, everyone else Logged Out; each has one open activity. */
function seedPresence(/** @type {any[]} */ users) {
	const people = new Set(Object.values(IDS.users));
	/** @type {Record<string, {presenceId:string, updated:string}>} */
	const presence = {};
	for (const u of users) presence[u.userId] = { presenceId: people.has(u.userId) ? PRESENCE.ready : PRESENCE.loggedOut, updated: SEED_TIME };
	return presence;
}

/** @param {any} ctx */
function createVendor(ctx) {
	const state = {
		definitions: /** @type {any[]} */ ([]),
		users: /** @type {any[]} */ ([]),
		presence: /** @type {any} */ ({}),
		activities: /** @type {any[]} */ ([]),
		/** The user the API credentials belong to: an administrator (all agents) or a supervisor (`agents`: their groups' agents). */
		apiUser: /** @type {{ role: 'Administrator' } | { role: 'Supervisor', agents: string[] }} */ ({ role: 'Administrator' }),
	};
	const reset = () => {
		state.apiUser = { role: 'Administrator' };
		state.definitions = seedDefinitions();
		state.users = seedUsers();
		if (ctx.seed && Array.isArray(ctx.seed.users)) state.users.push(...clone(ctx.seed.users));
		if (ctx.seed && Array.isArray(ctx.seed.definitions)) state.definitions.push(...clone(ctx.seed.definitions));
		state.presence = seedPresence(state.users);
		state.activities = state.users.map((u) => openActivity(state, u, state.presence[u.userId].presenceId, Date.parse(SEED_TIME)));
	};
	reset();

	const h = handlers(ctx, state);
	const auth = common.createRouter();
	auth.add('POST', '/Auth/connect/token', h.token);
	const router = common.createRouter();
	const guard = (/** @type {string[]} */ scopes, /** @type {'agents'|'useradmin'|'stats'} */ media, /** @type {Function} */ fn) => (/** @type {any} */ rq) => {
		h.authenticate(rq, scopes);
		checkAccept(rq, media);
		return fn(rq);
	};
	const read = ['users:read', 'users:write'];
	router.add('GET', '/agents/presence-definitions', guard(read, 'agents', h.definitions));
	router.add('GET', '/agents/presences/users', guard(read, 'agents', h.getPresences));
	router.add('GET', '/agents/:userId/presence', guard(read, 'agents', h.getPresence));
	router.add('PATCH', '/agents/:userId/presence', guard(['users:write'], 'agents', h.setPresence));
	router.add('GET', '/useradmin/users', guard(read, 'useradmin', h.listUsers));
	router.add('GET', '/useradmin/users/:userId', guard(read, 'useradmin', h.getUser));
	router.add('GET', '/stats/agent-activities/presence', guard(['stats'], 'stats', h.presenceActivities));
	router.add('GET', '/agent-activities/presence', guard(['stats'], 'stats', h.presenceActivities));

	const control = {
		/** The API credentials belong to a supervisor whose groups hold these users (the Agents API reaches only them). */
		credentialOfSupervisor(/** @type {string[]} */ agents) {
			state.apiUser = { role: 'Supervisor', agents: agents.map((id) => id.toLowerCase()) };
		},
		/** The agent changes their own presence in Vonage (as the webhook that follows reports). */
		agentSets(/** @type {string} */ userId, /** @type {string} */ presenceId) {
			const user = state.users.find((/** @type {any} */ u) => u.userId.toLowerCase() === String(userId).toLowerCase());
			if (!user) throw new Error(`No Vonage user ${userId}`);
			if (state.presence[user.userId].presenceId !== presenceId) recordChange(state, user, presenceId);
		},
	};

	return {
		name: 'vonage',
		client: ctx.client,
		state,
		reset,
		control,
		mounts: [
			{ prefix: '/vonage-auth', recordPrefix: '', router: auth },
			{ prefix: '/vonage', recordPrefix: '', router },
		],
		isTokenPath: (/** @type {string} */ p) => p.toLowerCase() === '/auth/connect/token',
		decorate: (/** @type {Record<string,string>} */ h) => h,
		errorBody,
	};
}

/** Generic Vonage error body (`{ message }`, as the Insights Stats and 401 examples show). */
function errorBody(/** @type {number} */ status, message = '') {
	if (message) return { message };
	if (status === 429) return { message: 'Too many requests. Please retry later.' };
	return { message: `The request could not be completed (simulated HTTP ${status}).` };
}

const fail = (/** @type {number} */ status, /** @type {any} */ body) => new HttpError(status, typeof body === 'string' ? { message: body } : body);
const problem = (/** @type {number} */ status, /** @type {string} */ title, /** @type {any} */ extra) => fail(status, { status, title, ...extra });

/**
 * Every call names its API version in Accept, per API:
 * - Agents API: v1 only ("Versioning (Agents API)"); a missing version is a 400 there. The
 *   bodies are those of "Responses (Agents API)".
 * - User Admin API: v4 only; bodies from "Versioning (User Admin API)".
 * - Insights Stats API: v2 or v3; bodies from "Versioning (Insights Stats API)".
 * @param {any} rq @param {'agents'|'useradmin'|'stats'} media
 */
function checkAccept(rq, media) {
	const accept = String(rq.headers.accept || '');
	const m = /application\/vnd\.newvoicemedia\.v(\d+)\+json/i.exec(accept);
	const version = m ? m[1] : undefined;
	const statusBody = (/** @type {string} */ message) => fail(400, { statusCode: 400, error: 'Bad Request', message });
	if (media === 'stats') {
		if (!version) throw statusBody('Invalid Accept header!');
		if (!['2', '3'].includes(version)) throw statusBody('Invalid api-version! Valid values: 2,3');
		return;
	}
	if (media === 'useradmin') {
		if (!version) throw statusBody('Version missing from Accept header!');
		if (version !== '4') throw statusBody('Invalid api-version! Valid values: 4');
		return;
	}
	// "Responses (Agents API)", Missing API version / Invalid API version: both 400, with these bodies
	// (the request URI quoted in full, as in the page's example).
	if (!version) {
		throw fail(400, { error: { code: 'ApiVersionUnspecified', message: 'An API version is required, but was not specified.' } });
	}
	if (version !== '1') {
		throw fail(400, {
			error: {
				code: 'UnsupportedApiVersion',
				message: `The HTTP resource that matches the request URI '${rq.url.origin}${rq.url.pathname}' does not support the API version '${version}'.`,
			},
		});
	}
}

/** @param {any} ctx @param {any} state */
function handlers(ctx, state) {
	const findUser = (/** @type {string} */ id) => state.users.find((/** @type {any} */ u) => u.userId.toLowerCase() === String(id).toLowerCase());
	const findDef = (/** @type {string} */ id) => state.definitions.find((/** @type {any} */ d) => d.presenceId.toLowerCase() === String(id).toLowerCase());
	/** Whether the credentials' user may see this agent: a supervisor only their groups' agents. */
	const reaches = (/** @type {any} */ u) => state.apiUser.role !== 'Supervisor' || state.apiUser.agents.includes(u.userId.toLowerCase());
	const requireUser = (/** @type {string} */ id) => {
		if (!common.isGuid(id)) throw fail(400, 'The request is invalid.');
		const u = findUser(id);
		// ASSUMPTION: an unknown user is 404 in the problem-details shape the page uses for its other 400s;
		// "Responses (Agents API)" lists 400/401/403 bodies only. A 404 (not an empty 200) is the stricter.
		if (!u) throw problem(404, 'Not Found', { detail: `User ${id} was not found.` });
		// ASSUMPTION: an agent outside a supervisor's groups is the documented 403 ("a request that is not
		// authorized"); the overview says the credentials are limited by the user's rights, not how.
		if (!reaches(u)) throw fail(403, 'Authorization has been denied for this request.');
		return u;
	};
	const presenceOf = (/** @type {any} */ u) => {
		const p = state.presence[u.userId];
		const def = findDef(p.presenceId);
		const { subCategory, ...category } = def.category;
		return { userId: u.userId, updated: p.updated, presence: { presenceId: def.presenceId, selectable: def.selectable, category, description: def.description } };
	};

	return {
		/** POST /Auth/connect/token (client credentials in the form body). */
		token(/** @type {any} */ rq) {
			const b = rq.body && typeof rq.body === 'object' ? rq.body : {};
			// "Responses (Authentication API)", Error code 400: a missing or invalid grant_type, and a missing
			// or invalid scope, with these bodies.
			if (b.grant_type !== 'client_credentials') throw fail(400, { error: 'unsupported_grant_type', error_description: 'Invalid grant_type' });
			// ASSUMPTION: a wrong client id or secret is 400 `invalid_client` (OAuth 2.0's code; the page's readable part stops after scopes).
			if (b.client_id !== ctx.client.clientId || b.client_secret !== ctx.client.clientSecret) throw fail(400, { error: 'invalid_client' });
			const requested = String(b.scope || '').split(/\s+/).filter(Boolean);
			if (requested.length === 0) throw fail(400, { error: 'invalid_scope', error_description: 'You must specify a scope' });
			// One scope the client is not granted fails the whole request, named as the page's example names it.
			const refused = requested.find((s) => !ctx.client.scopes.includes(s));
			if (refused) throw fail(400, { error: 'invalid_scope', error_description: `"${refused}" is an invalid scope` });
			const access_token = ctx.tokens.issue('vonage', { clientId: b.client_id, scopes: requested, ttlSeconds: ctx.ttlSeconds });
			// The answer "Requests (Authentication API)" shows: no scope echoed.
			return { status: 200, body: { access_token, expires_in: ctx.ttlSeconds, token_type: 'Bearer' } };
		},

		/** 401 for missing/unknown/expired tokens, 403 when none of `scopes` was granted. */
		authenticate(/** @type {any} */ rq, /** @type {string[]} */ scopes) {
			const check = ctx.tokens.check('vonage', common.bearerOf(rq.headers));
			if (!check.ok) throw fail(401, 'Authorization has been denied for this request.');
			if (!scopes.some((s) => check.token.scopes.includes(s))) {
				// ASSUMPTION: the 403 body's wording; "Responses (Agents API)" documents the 403 ("a request that is
				// not authorized") but no body, so clients must not depend on this text.
				throw fail(403, `The access token does not grant the scope required for this endpoint (${scopes.join(' or ')}).`);
			}
		},

		definitions: () => ({ status: 200, body: { presenceDefinitions: clone(state.definitions) } }),

		getPresence: (/** @type {any} */ rq) => ({ status: 200, body: presenceOf(requireUser(rq.params.userId)) }),

		/**
		 * GET /agents/presences/users?userId=a,b ("Get presences of users", Agents API): "Comma-separated
		 * list of user IDs. The maximum number of user IDs is 50 in one query"; the answer is a list of
		 * the per-agent shape whose category carries `subCategory`, as that page's example shows.
		 */
		getPresences(/** @type {any} */ rq) {
			const ids = [...new Set(rq.url.searchParams.getAll('userId').flatMap((/** @type {string} */ v) => v.split(',')).map((/** @type {string} */ v) => v.trim()).filter(Boolean))];
			// ASSUMPTION: a missing userId, more than 50 or a malformed one is a 400 in the validation-problem
			// shape "Responses (Agents API)" shows for its other 400s (the page names the limit, not the answer).
			const invalid = (/** @type {string} */ message) => problem(400, 'One or more validation errors occurred.', { errors: [{ message, path: 'userId' }] });
			if (ids.length === 0) throw invalid('The userId field is required.');
			if (ids.length > 50) throw invalid(`The maximum number of user IDs is 50, not ${ids.length}.`);
			const bad = ids.find((id) => !common.isGuid(id));
			if (bad) throw invalid(`${bad} is not a valid user ID.`);
			// ASSUMPTION: unknown users, and users outside a supervisor's groups, are left out of the answer
			// rather than failing the query (undocumented); the stricter for a client, which must notice the
			// missing entries.
			const body = ids.map(findUser).filter((/** @type {any} */ u) => u && reaches(u)).map((/** @type {any} */ u) => {
				const one = presenceOf(u);
				const def = findDef(one.presence.presenceId);
				return { ...one, presence: { ...one.presence, category: { ...one.presence.category, subCategory: def.category.subCategory } } };
			});
			return { status: 200, body };
		},

		setPresence(/** @type {any} */ rq) {
			const user = requireUser(rq.params.userId);
			const presenceId = rq.body && typeof rq.body === 'object' ? rq.body.presenceId : undefined;
			if (!presenceId) {
				throw problem(400, 'One or more validation errors occurred.', { errors: [{ message: 'The PresenceId field is required.', path: 'presenceId' }] });
			}
			if (!common.isGuid(presenceId)) throw fail(400, 'The request is invalid.');
			const def = findDef(presenceId);
			if (!def) {
				// ASSUMPTION: an unknown presence is a 400 validation error on presenceId, shaped like "Responses
				// (Agents API)"' PresenceId-missing body (the page has no unknown-presence case); never accepted.
				throw problem(400, 'One or more validation errors occurred.', {
					errors: [{ message: `Presence definition ${presenceId} does not exist.`, path: 'presenceId' }],
				});
			}
			if (state.presence[user.userId].presenceId !== def.presenceId) recordChange(state, user, def.presenceId);
			return { status: 200, body: presenceOf(user) };
		},

		listUsers(/** @type {any} */ rq) {
			const include = String(rq.query.include || 'Active');
			if (!['Active', 'Archived', 'All'].includes(include)) throw fail(400, `Invalid include: ${include}. Use Active, Archived or All.`);
			const limit = common.intParam(rq.query.limit, 25);
			const page = common.intParam(rq.query.page, 1);
			if (!(limit >= 1 && limit <= 5000)) throw fail(400, 'limit must be between 1 and 5000.');
			if (!(page >= 1 && page <= 1000000000)) throw fail(400, 'page must be between 1 and 1000000000.');
			const all = state.users.filter((/** @type {any} */ u) => include === 'All' || u.active === (include === 'Active'));
			const users = common.pageOf(all, page, limit);
			// "Requests (User Admin API)": include, page and limit (default 25, at most 5000), and list responses
			// carry page metadata. ASSUMPTION: it sits in a `meta` item ({page, count, pageCount, totalCount})
			// exactly as "Responses (Insights Stats API)" shows it for that API.
			return { status: 200, body: { meta: meta(page, users.length, all.length, limit), users: clone(users) } };
		},

		getUser(/** @type {any} */ rq) {
			const u = findUser(rq.params.userId);
			if (!u) throw problem(404, 'Not Found', { detail: `User ${rq.params.userId} was not found.` });
			return { status: 200, body: clone(u) };
		},

		presenceActivities: (/** @type {any} */ rq) => presenceActivities(state, rq.query),
	};
}

function meta(/** @type {number} */ page, /** @type {number} */ count, /** @type {number} */ total, /** @type {number} */ limit) {
	return { page, count, pageCount: Math.ceil(total / limit), totalCount: total };
}

/** A new open activity (no duration yet) for the user entering `presenceId`. */
function openActivity(/** @type {any} */ state, /** @type {any} */ user, /** @type {string} */ presenceId, /** @type {number} */ at) {
	const def = state.definitions.find((/** @type {any} */ d) => d.presenceId === presenceId);
	return {
		agentId: user.userAccountConfiguration.agentConfiguration.agentDisplayId,
		type: 'Presence',
		category: def.category.categoryType,
		name: def.description,
		// "Presence activities (Insights Stats API)" example: Ready true, Logged Out false; "Agent states": Ready
		// means "ready to receive inbound calls", Ready for Outbound "cannot receive any inbound calls".
		eligibleForRouting: def.category.categoryType === 'Ready' && String(def.category.subCategory).toLowerCase() !== 'readyoutbound',
		start: new Date(at).toISOString(),
		duration: null,
		reason: null,
		// Internal: when the activity was last processed (started or ended); drives include=Processed.
		processed: at,
	};
}

/** A presence change ends the agent's open activity and starts a new one (both count as processed now). */
function recordChange(/** @type {any} */ state, /** @type {any} */ user, /** @type {string} */ presenceId) {
	const now = Date.now();
	const agentId = user.userAccountConfiguration.agentConfiguration.agentDisplayId;
	const open = state.activities.find((/** @type {any} */ a) => a.agentId === agentId && a.duration === null);
	if (open) {
		open.duration = now - Date.parse(open.start);
		open.processed = now;
	}
	state.activities.push(openActivity(state, user, presenceId, now));
	state.presence[user.userId] = { presenceId, updated: new Date(now).toISOString() };
}

/**
 * GET /agent-activities/presence. Windows are half-open [start, end), and upTo
 * is min(end, now): polling with start=<previous upTo>&include=Processed sees
 * every started or ended activity exactly once per change.
 */
function presenceActivities(/** @type {any} */ state, /** @type {any} */ q) {
	const now = Date.now();
	if (!q.start) throw fail(400, 'The start parameter is required.');
	const start = Date.parse(q.start);
	const end = q.end ? Date.parse(q.end) : now;
	if (Number.isNaN(start) || Number.isNaN(end)) throw fail(400, 'start and end must be ISO 8601 date-times.');
	if (end - start > MAX_WINDOW_MS) throw fail(400, 'Request window size limit exceeded 31 days');
	const include = q.include || 'Started';
	if (!['Started', 'StartedOrEnded', 'Processed'].includes(include)) throw fail(400, `Invalid include: ${include}. Use Started, StartedOrEnded or Processed.`);
	const page = common.intParam(q.page, 1);
	// ASSUMPTION: default limit 25. "Get agent presence activities" does not state one; "Responses (Insights
	// Stats API)" pages its example by 25 and User Admin documents 25. The small default is the stricter:
	// a client that omits limit must follow meta.pageCount.
	const limit = common.intParam(q.limit, 25);
	if (!(page >= 1) || !(limit >= 1 && limit <= 5000)) throw fail(400, 'page must be >= 1 and limit between 1 and 5000.');
	const inWindow = (/** @type {number} */ t) => t >= start && t < end;
	const hits = state.activities.filter((/** @type {any} */ a) => {
		if (q.agentId && a.agentId !== String(q.agentId)) return false;
		const s = Date.parse(a.start);
		if (include === 'Started') return inWindow(s);
		if (include === 'StartedOrEnded') return inWindow(s) || (a.duration !== null && inWindow(s + a.duration));
		return inWindow(a.processed);
	});
	const items = common.pageOf(hits, page, limit).map(({ processed, ...a }) => a);
	return {
		status: 200,
		headers: { 'Cache-Control': 'max-age=5, must-revalidate, private' },
		body: { meta: meta(page, items.length, hits.length, limit), items, upTo: new Date(Math.min(end, now)).toISOString() },
	};
}

const b64url = (/** @type {Buffer|string} */ v) => Buffer.from(v).toString('base64url');

/**
 * Signs a webhook notification as Vonage does ("Verifying and responding to a signed webhook
 * notification" and its Node.js consumer example): a JWT in the `Vonage-Signature` header
 * ("Bearer <jwt>"), HS256 keyed with the base64-decoded subscription secret, whose
 * `payload_hash` claim is the hex SHA-256 of the raw body, expiring 5 minutes after issue.
 * ASSUMPTION: the claims are exactly iat, exp and payload_hash (the page shows payload_hash and the
 * 5-minute expiry, no claim list); the fewest claims is the stricter: a verifier may rely on no others.
 * Options let tests forge what a real sender must not get through (another alg, times, claims).
 * @param {any} event @param {string} secretBase64
 * @param {{ now?: number, ttlSeconds?: number, alg?: string, claims?: Record<string, any>, body?: string }} [options]
 */
function signWebhook(event, secretBase64, options = {}) {
	const body = options.body ?? JSON.stringify(event);
	const iat = Math.floor((options.now ?? Date.now()) / 1000);
	const header = { alg: options.alg ?? 'HS256', typ: 'JWT' };
	const claims = {
		iat,
		exp: iat + (options.ttlSeconds ?? 300),
		payload_hash: crypto.createHash('sha256').update(body, 'utf8').digest('hex'),
		...options.claims,
	};
	const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
	const signature = header.alg === 'none' ? '' : b64url(crypto.createHmac('sha256', Buffer.from(secretBase64, 'base64')).update(signingInput).digest());
	return { body, headers: { 'content-type': 'application/cloudevents+json', 'vonage-signature': `Bearer ${signingInput}.${signature}` } };
}

module.exports = { createVendor, DEFAULT_CLIENT, IDS, AGENTS_MEDIA_TYPE, USER_ADMIN_MEDIA_TYPE, STATS_MEDIA_TYPE, signWebhook };
