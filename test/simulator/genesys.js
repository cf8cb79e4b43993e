// @ts-check
'use strict';
/**
 * Genesys Cloud: login host (/genesys-login, OAuth client credentials with HTTP
 * Basic) and API host (/genesys/api/v2: presence definitions old and new,
 * system presences, user presences, bulk, users, user search).
 * Shapes follow the Platform API SDK models (OrganizationPresence(EntityListing),
 * OrganizationPresenceDefinition(EntityListing), SystemPresence, UserPresence,
 * UcUserPresence, ErrorBody, UserEntityListing, UsersSearchResponse); the
 * permission each endpoint needs is the one the SDK's PresenceApi/UsersApi/SearchApi
 * references name ("Requires ALL/ANY permissions").
 */
const common = require('./common');
const { createNotifications } = require('./genesys-notifications');
const { HttpError, uuid, guidFrom, clone } = common;

/** Every permission the package's Genesys operations need (a client's role can lack any of them). */
const PACKAGE_PERMISSIONS = [
	'presence:presenceDefinition:view',
	'presence:presenceDefinition:add',
	'presence:presenceDefinition:edit',
	'presence:presenceDefinition:delete',
	'presence:userPresence:edit',
	'presence:source:view',
	'presence:source:add',
	'presence:userPrimarySource:view',
	'presence:userPrimarySource:edit',
	'presence:settings:view',
	'directory:user:view',
];

const DEFAULT_CLIENT = {
	clientId: 'b7f1c2d4-5e6f-4a8b-9c0d-1e2f3a4b5c6d',
	clientSecret: 'sim-genesys-client-secret',
	permissions: PACKAGE_PERMISSIONS,
};

/**
 * System presences as the legacy definitions API (OrganizationPresence) and GET /systempresences
 * spell them. ASSUMPTION: the SystemPresence id is the upper-case constant (ON_QUEUE); the SDK's
 * SystemPresence model types it as a plain string. Nothing in the package matches on it.
 */
const SYSTEM_PRESENCES = ['Available', 'Away', 'Break', 'Busy', 'Idle', 'Meal', 'Meeting', 'Offline', 'On Queue', 'Training'];
const systemId = (/** @type {string} */ name) => name.toUpperCase().replace(/ /g, '_');
/**
 * The current definitions API (OrganizationPresenceDefinition.systemPresence) spells them
 * Available, Away, Busy, Offline, Idle, OnQueue, Meal, Training, Meeting, Break.
 */
const CURRENT_SPELLING = Object.fromEntries(SYSTEM_PRESENCES.map((n) => [n, n.replace(/ /g, '')]));
const LEGACY_BY_CURRENT = Object.fromEntries(SYSTEM_PRESENCES.map((n) => [n.replace(/ /g, ''), n]));

/** Primary definition ids as a real org returns them from /api/v2/presencedefinitions. */
const PRIMARY_IDS = {
	Available: '6a3af858-942f-489d-9700-5f9bcdcdae9b',
	Away: '5e5c5c66-ea97-4e7f-ac41-6424784829f2',
	Break: '227b37e2-f1d0-4dd0-8f50-badd7cf6d158',
	Busy: '31fe3bac-dea6-44b7-bed7-47f91660a1a0',
	Idle: '7ffa01cd-7866-4ad7-8faa-31e11b42f51f',
	Meal: '3fd96123-badb-4f69-bc03-1b1ccc6d8014',
	Meeting: 'bbdff279-7ae1-48ea-bade-7831d7234c64',
	Offline: 'ccf3c10a-aa2c-4845-8e8d-f59fa48c58e5',
	'On Queue': 'e08eaf1b-ee47-4fa9-a231-1200e284798f',
	Training: 'd2390a99-8546-bad9-8f0a-219548e8aeb0',
};

const CUSTOM_IDS = {
	busyDnd: guidFrom('gc-def-Busy - DND'),
	lunch: guidFrom('gc-def-Lunch'),
	deactivated: guidFrom('gc-def-Old Break (retired) 1'),
};

const ADMIN_USER_ID = guidFrom('gc-user-admin');
const SEED_DATE = '2024-05-01T08:00:00.000Z';
const USER_COUNT = 125;
const BULK_LIMIT = 50;
// ASSUMPTION: the id of the built-in PURECLOUD source (the SDK's PresenceApi names the source, not its
// id): a GUID unrelated to the user's, so a client cannot confuse the two.
const PURECLOUD_SOURCE_ID = guidFrom('gc-source-PURECLOUD');

const IDS = {
	presence: PRIMARY_IDS,
	custom: CUSTOM_IDS,
	users: Object.fromEntries(common.PEOPLE.map((p) => [p.key, guidFrom(`gc-user-${p.key}`)])),
	userCount: USER_COUNT,
	bulkLimit: BULK_LIMIT,
};

/** Custom definitions: [label, systemPresence]. 50 active ones make 3+ pages of 25. */
function customDefinitionSeeds() {
	/** @type {[string,string,boolean][]} */
	const out = [
		['Busy - DND', 'Busy', false],
		['Lunch', 'Meal', false],
	];
	const topics = ['Coaching', 'Back Office', 'Project Work', 'Email Catch-up', 'Team Huddle', 'Quality Review', 'Admin Time', 'Callback Work', 'Escalations', 'Onboarding'];
	const kinds = [['Meeting', 'Meeting'], ['Busy', 'Busy'], ['Away', 'Away'], ['Training', 'Training'], ['Break', 'Break']];
	for (const t of topics) for (const [suffix, sys] of kinds) if (out.length < 50) out.push([`${t} - ${suffix}`, sys, false]);
	for (let i = 1; i <= 5; i++) out.push([`Old Break (retired) ${i}`, 'Break', true]);
	return out;
}

function seedDefinitions() {
	const createdBy = { id: ADMIN_USER_ID, selfUri: `/api/v2/users/${ADMIN_USER_ID}` };
	const base = { createdBy, createdDate: SEED_DATE, modifiedBy: createdBy, modifiedDate: SEED_DATE, divisionId: '*' };
	const primary = SYSTEM_PRESENCES.map((sys) => ({
		...base,
		id: /** @type {any} */ (PRIMARY_IDS)[sys],
		languageLabels: { en_US: sys },
		systemPresence: sys,
		deactivated: false,
		primary: true,
		type: 'System',
	}));
	const custom = customDefinitionSeeds().map(([label, sys, deactivated]) => ({
		...base,
		id: guidFrom(`gc-def-${label}`),
		name: label,
		languageLabels: { en_US: label },
		systemPresence: sys,
		deactivated,
		primary: false,
		type: 'User',
	}));
	return [...primary, ...custom];
}

function seedUsers() {
	const people = common.PEOPLE.map((p) => ({ id: guidFrom(`gc-user-${p.key}`), name: `${p.first} ${p.last}`, email: p.email }));
	const more = [];
	for (let i = people.length + 1; i <= USER_COUNT; i++) {
		const n = String(i).padStart(3, '0');
		more.push({ id: guidFrom(`gc-user-${n}`), name: `Agent ${n}`, email: `agent${n}@contoso.com` });
	}
	return [...people, ...more].map((u, i) => ({
		id: u.id,
		name: u.name,
		division: { id: guidFrom('gc-division-home'), name: 'Home', selfUri: `/api/v2/authorization/divisions/${guidFrom('gc-division-home')}` },
		chat: { jabberId: `${u.id.slice(0, 8)}@simulator.orgspan.com` },
		email: u.email,
		primaryContactInfo: [{ address: u.email, mediaType: 'EMAIL', type: 'PRIMARY' }],
		addresses: [],
		state: 'active',
		title: i < 5 ? 'Contact Centre Agent' : 'Agent',
		username: u.email,
		version: 1,
		acdAutoAnswer: false,
		selfUri: `/api/v2/users/${u.id}`,
	}));
}

/** Every user starts Offline on PURECLOUD; the cross-vendor people start Available. */
function seedPresences(/** @type {any[]} */ users) {
	const people = new Set(Object.values(IDS.users));
	return Object.fromEntries(
		users.map((u) => [
			u.id,
			{
				sources: {
					PURECLOUD: {
						presenceDefinitionId: people.has(u.id) ? PRIMARY_IDS.Available : PRIMARY_IDS.Offline,
						message: '',
						modifiedDate: SEED_DATE,
					},
				},
			},
		]),
	);
}

/** @param {any} ctx */
function createVendor(ctx) {
	const state = {
		definitions: [],
		users: [],
		presences: /** @type {Record<string, any>} */ ({}),
		/** Presence sources (PresenceApi "Source": id, name, description, deactivated, selfUri). */
		sources: /** @type {any[]} */ ([]),
		/** The permissions of the client's role; tests narrow it to see Genesys' 403s. */
		permissions: /** @type {string[]} */ ([]),
		/**
		 * The organization's presence settings (SDK model PresenceSettings): "The default primary presence
		 * registered source ID for the organization" is each user's primary source until one is set for them.
		 */
		settings: /** @type {{ requestingOffQueueEnabled: boolean, defaultPrimaryPresenceRegisteredSourceId?: string }} */ ({ requestingOffQueueEnabled: false }),
	};
	// Notification channels + WebSocket (genesys-notifications.js); presence changes are published there.
	const notifications = createNotifications({ root: ctx.root, tokens: ctx.tokens, fail, options: ctx.notifications });
	const reset = () => {
		notifications.reset();
		state.definitions = seedDefinitions();
		state.users = seedUsers();
		state.presences = seedPresences(state.users);
		// ASSUMPTION: a new organization has no custom presence sources.
		state.sources = [];
		state.settings = { requestingOffQueueEnabled: false };
		state.permissions = [...(ctx.client.permissions || PACKAGE_PERMISSIONS)];
		if (ctx.seed) applySeed(state, ctx.seed);
	};
	reset();

	const api = common.createRouter();
	const login = common.createRouter();
	const h = handlers(ctx, state, notifications.publishPresence);
	login.add('POST', '/oauth/token', h.token);
	/** @param {Function} fn @param {Permissions} [needs] */
	const authed = (fn, needs = NONE) => (/** @type {any} */ rq) => (h.authenticate(rq), checkPermissions(state.permissions, needs), fn(rq));
	const VIEW = all('presence:presenceDefinition:view');
	// "Permission Change: Update to User Presence Requires presence:userPresence:edit" (Genesys Developer
	// Announcements, effective 20 July 2025): PATCH of another user's presence, PURECLOUD or another source.
	// A client-credentials token acts for no user, so every user is another user.
	const EDIT_PRESENCE = all('presence:userPresence:edit');
	/** @type {[string, string, Function, Permissions?][]} */
	const routes = [
		// Deprecated definitions API: listing needs no permission, a single GET needs view.
		['GET', '/api/v2/presencedefinitions', h.listDefinitionsV1],
		['POST', '/api/v2/presencedefinitions', h.createDefinitionV1, all('presence:presenceDefinition:add')],
		['GET', '/api/v2/presencedefinitions/:id', h.getDefinitionV1, VIEW],
		['PUT', '/api/v2/presencedefinitions/:id', h.updateDefinitionV1, all('presence:presenceDefinition:edit')],
		['DELETE', '/api/v2/presencedefinitions/:id', h.deleteDefinition, all('presence:presenceDefinition:delete')],
		['GET', '/api/v2/presence/definitions', h.listDefinitionsV2, VIEW],
		['POST', '/api/v2/presence/definitions', h.createDefinitionV2, all('presence:presenceDefinition:add')],
		['GET', '/api/v2/presence/definitions/:id', h.getDefinitionV2, VIEW],
		['PUT', '/api/v2/presence/definitions/:id', h.updateDefinitionV2, all('presence:presenceDefinition:edit')],
		['DELETE', '/api/v2/presence/definitions/:id', h.deleteDefinition, any('presence:presenceDefinition:delete', 'presence:presenceDefinition:edit')],
		['GET', '/api/v2/systempresences', h.systemPresences],
		// Presence sources: list "Requires ALL permissions: presence:source:view", create presence:source:add.
		['GET', '/api/v2/presence/sources', h.listSources, all('presence:source:view')],
		['POST', '/api/v2/presence/sources', h.createSource, all('presence:source:add')],
		['PUT', '/api/v2/users/presences/bulk', h.bulk, any('presence:userPresence:edit')],
		// The bulk reads "Require NO permissions" in the SDK's reference: PURECLOUD (literal, so first), then
		// one registered source (getUsersPresenceBulk).
		['GET', '/api/v2/users/presences/purecloud/bulk', bulkPresenceRead(state, notifications)],
		['GET', '/api/v2/users/presences/:sourceId/bulk', bulkSourceRead(state)],
		// GET one user's presence: "Requires NO permissions"; PATCH: see EDIT_PRESENCE.
		['GET', '/api/v2/users/:userId/presences/:sourceId', h.getUserPresence],
		['PATCH', '/api/v2/users/:userId/presences/:sourceId', h.patchUserPresence, EDIT_PRESENCE],
		// Primary presence source and presence settings (PresenceApi; permissions from its reference).
		['GET', '/api/v2/presence/users/:userId/primarysource', h.getPrimarySource, all('presence:userPrimarySource:view')],
		['PUT', '/api/v2/presence/users/:userId/primarysource', h.putPrimarySource, all('presence:userPrimarySource:edit')],
		['GET', '/api/v2/presence/settings', h.getSettings, all('presence:settings:view')],
		// GET /api/v2/users: "Requires NO permissions" (the SDK's UsersApi reference, getUsers).
		['GET', '/api/v2/users', h.listUsers],
		['POST', '/api/v2/users/search', h.searchUsers, any('directory:user:view')],
		['GET', '/api/v2/users/:userId', h.getUser],
		...notifications.routes,
	];
	for (const [m, p, fn, needs] of routes) api.add(m, p, authed(fn, needs));

	return {
		name: 'genesys',
		client: ctx.client,
		state,
		reset,
		notifications,
		upgrade: notifications.upgrade,
		close: notifications.close,
		mounts: [
			{ prefix: '/genesys-login', recordPrefix: '', router: login },
			{ prefix: '/genesys', recordPrefix: '', router: api },
		],
		isTokenPath: (/** @type {string} */ p) => p === '/oauth/token',
		/** Every Genesys response carries a correlation id. */
		decorate: (/** @type {Record<string,string>} */ headers) => ({ 'ININ-Correlation-Id': uuid(), ...headers }),
		errorBody,
	};
}

/** @typedef {{ mode: 'all' | 'any', names: string[] }} Permissions */
const NONE = /** @type {Permissions} */ ({ mode: 'all', names: [] });
const all = (/** @type {string[]} */ ...names) => /** @type {Permissions} */ ({ mode: 'all', names });
const any = (/** @type {string[]} */ ...names) => /** @type {Permissions} */ ({ mode: 'any', names });

/**
 * 403 the Platform API way (ErrorBody with messageWithParams/messageParams).
 * ASSUMPTION: the codes, wording and bracketed list; the SDK's ErrorBody model documents only the
 * fields, and its reference the ALL/ANY lists. The ANY wording follows an independent Go client's
 * table of Genesys errors; the package's messages only repeat the text, never parse it.
 */
function checkPermissions(/** @type {string[]} */ held, /** @type {Permissions} */ needs) {
	if (needs.names.length === 0) return;
	const has = (/** @type {string} */ p) => held.includes(p);
	const ok = needs.mode === 'all' ? needs.names.every(has) : needs.names.some(has);
	if (ok) return;
	const missing = needs.mode === 'all' ? needs.names.filter((p) => !has(p)) : needs.names;
	const permissions = `[${missing.join(', ')}]`;
	const text =
		needs.mode === 'all'
			? 'Unable to perform the requested action. You are missing the following permission(s): '
			: 'Unable to perform the requested action. You must have at least one of the following permissions assigned: ';
	const body = errorBody(403, `${text}${permissions}`);
	body.code = needs.mode === 'all' ? 'missing.permissions' : 'missing.any.permissions';
	Object.assign(body, { messageWithParams: `${text}{permissions}`, messageParams: { permissions } });
	throw new HttpError(403, body);
}

/** Seed overrides: `{ users?: [...], definitions?: [...] }` replace/extend the defaults. */
function applySeed(/** @type {any} */ state, /** @type {any} */ seed) {
	if (Array.isArray(seed.definitions)) state.definitions.push(...clone(seed.definitions));
	if (Array.isArray(seed.users)) {
		state.users.push(...clone(seed.users));
		Object.assign(state.presences, seedPresences(seed.users));
	}
}

const ERROR_CODES = {
	400: 'bad.request',
	401: 'bad.credentials',
	403: 'missing.permissions',
	404: 'not.found',
	405: 'method.not.allowed',
	406: 'not.acceptable',
	409: 'conflict',
	415: 'unsupported.media.type',
	429: 'too.many.requests',
	500: 'internal.server.error',
	502: 'bad.gateway',
	503: 'service.unavailable',
	504: 'gateway.timeout',
};

/**
 * ErrorBody as the Platform API returns it. The 429 message mirrors Genesys'
 * wording; for other injected faults a generic message is used.
 * @param {number} status
 */
function errorBody(status, message = '', fault = /** @type {any} */ (null)) {
	const code = /** @type {any} */ (ERROR_CODES)[status] || 'error';
	const retry = fault && fault.retryAfter !== undefined ? fault.retryAfter : 60;
	const msg =
		message ||
		(status === 429
			? `Rate limit exceeded the maximum. Retry the request in [${retry}] seconds`
			: `The request could not be completed (simulated HTTP ${status}).`);
	return /** @type {any} */ ({ message: msg, code, status, contextId: uuid(), details: [], errors: [] });
}

const fail = (/** @type {number} */ status, /** @type {string} */ message, code = '') => {
	const body = errorBody(status, message);
	if (code) body.code = code;
	return new HttpError(status, body);
};

/** @param {any} ctx @param {any} state @param {(userId: string, presence: any) => void} publishPresence */
function handlers(ctx, state, publishPresence) {
	const findDef = (/** @type {string} */ id) => state.definitions.find((/** @type {any} */ d) => d.id === id);
	const findUser = (/** @type {string} */ id) => state.users.find((/** @type {any} */ u) => u.id === id);
	const requireUser = (/** @type {string} */ id) => findUser(id) || throwIt(fail(404, `User not found: ${id}`, 'not.found'));
	const requireDef = (/** @type {string} */ id) => findDef(id) || throwIt(fail(404, `Presence definition not found: ${id}`, 'not.found'));

	return {
		/** POST /oauth/token on the login host: Basic client auth + client_credentials. */
		token(/** @type {any} */ rq) {
			const basic = parseBasic(rq.headers.authorization);
			const grant = rq.body && rq.body.grant_type;
			if (!basic) throw oauthError(401, 'invalid_client', 'client authentication required (HTTP Basic)');
			if (basic.id !== ctx.client.clientId) throw oauthError(401, 'invalid_client', 'client not found');
			if (basic.secret !== ctx.client.clientSecret) throw oauthError(401, 'invalid_client', 'authentication failed');
			if (grant !== 'client_credentials') throw oauthError(400, 'unsupported_grant_type', 'grant type not supported');
			const access_token = ctx.tokens.issue('genesys', { clientId: basic.id, ttlSeconds: ctx.ttlSeconds });
			return { status: 200, body: { access_token, token_type: 'bearer', expires_in: ctx.ttlSeconds } };
		},

		authenticate(/** @type {any} */ rq) {
			const check = ctx.tokens.check('genesys', common.bearerOf(rq.headers));
			if (check.ok) return;
			if (check.reason === 'missing') {
				throw fail(401, 'No authentication bearer token specified in authorization header.', 'authentication.required');
			}
			throw fail(401, 'Invalid login credentials.', 'bad.credentials');
		},

		listDefinitionsV1(/** @type {any} */ rq) {
			const { pageNumber, pageSize } = paging(rq.query, 25);
			const deleted = String(rq.query.deleted || 'false').toLowerCase();
			if (!['true', 'false', 'all'].includes(deleted)) throw fail(400, `Invalid value for deleted: ${rq.query.deleted}. Use TRUE, FALSE or ALL.`);
			const all = state.definitions.filter((/** @type {any} */ d) => deleted === 'all' || d.deactivated === (deleted === 'true'));
			const entities = common.pageOf(all, pageNumber, pageSize).map((/** @type {any} */ d) => toOrgPresence(d, rq.query.localeCode));
			return { status: 200, body: listing('/api/v2/presencedefinitions', entities, all.length, pageNumber, pageSize, { deleted: rq.query.deleted, localeCode: rq.query.localeCode }) };
		},
		getDefinitionV1: (/** @type {any} */ rq) => ({ status: 200, body: toOrgPresence(requireDef(rq.params.id), rq.query.localeCode) }),
		createDefinitionV1: (/** @type {any} */ rq) => ({ status: 200, body: toOrgPresence(createDefinition(state, rq.body, 'legacy')) }),
		updateDefinitionV1: (/** @type {any} */ rq) => ({ status: 200, body: toOrgPresence(updateDefinition(requireDef(rq.params.id), rq.body, 'legacy')) }),

		listDefinitionsV2(/** @type {any} */ rq) {
			// TRUE or FALSE, default false (the SDK's reference). ASSUMPTION: true lists active and
			// deactivated definitions, false only active ones (the reference does not say); the default
			// hides deactivated ones, so a client cannot select them by accident.
			const deactivated = String(rq.query.deactivated || 'false').toLowerCase();
			if (!['true', 'false'].includes(deactivated)) throw fail(400, `Invalid value for deactivated: ${rq.query.deactivated}. Use TRUE or FALSE.`);
			// divisionId: repeated or comma-separated (the SDK joins the list with commas).
			// ASSUMPTION: definitions of division '*' (the whole organization) are in every division's list; the
			// reference only says no divisionId lists the caller's divisions. The package sends none.
			const divisions = rq.url.searchParams.getAll('divisionId').flatMap((/** @type {string} */ v) => v.split(',')).filter(Boolean);
			const inDivision = (/** @type {any} */ d) => divisions.length === 0 || d.divisionId === '*' || divisions.includes(d.divisionId);
			const all = state.definitions.filter((/** @type {any} */ d) => (deactivated === 'true' || !d.deactivated) && inDivision(d));
			return {
				status: 200,
				body: { total: all.length, entities: all.map((/** @type {any} */ d) => toDefinitionV2(d, rq.query.localeCode)), selfUri: '/api/v2/presence/definitions' },
			};
		},
		getDefinitionV2: (/** @type {any} */ rq) => ({ status: 200, body: toDefinitionV2(requireDef(rq.params.id), rq.query.localeCode) }),
		createDefinitionV2: (/** @type {any} */ rq) => ({ status: 200, body: toDefinitionV2(createDefinition(state, rq.body, 'current')) }),
		updateDefinitionV2: (/** @type {any} */ rq) => ({ status: 200, body: toDefinitionV2(updateDefinition(requireDef(rq.params.id), rq.body, 'current')) }),

		/** DELETE (both APIs): primary definitions stay; others are deactivated (soft delete, as `deleted=` shows). */
		deleteDefinition(/** @type {any} */ rq) {
			const def = requireDef(rq.params.id);
			if (def.primary) throw fail(400, 'Primary (system) presence definitions cannot be deleted.');
			def.deactivated = true;
			def.modifiedDate = new Date().toISOString();
			return { status: 204 };
		},

		/** GET /api/v2/presence/sources: a SourceEntityListing; `deactivated` (TRUE/FALSE) defaults to false. */
		listSources(/** @type {any} */ rq) {
			const deactivated = String(rq.query.deactivated ?? 'false').toLowerCase();
			if (deactivated !== 'true' && deactivated !== 'false') throw fail(400, 'deactivated must be TRUE or FALSE');
			const entities = state.sources.filter((/** @type {any} */ x) => x.deactivated === (deactivated === 'true'));
			return { status: 200, body: { total: entities.length, entities: clone(entities), selfUri: '/api/v2/presence/sources' } };
		},

		/** POST /api/v2/presence/sources: the Source model's `name` is required. */
		createSource(/** @type {any} */ rq) {
			const name = typeof rq.body?.name === 'string' ? rq.body.name.trim() : '';
			if (!name) throw fail(400, 'name is required', 'bad.request');
			// ASSUMPTION: an organization's active presence sources have distinct names (the SDK's
			// Source model does not say); the stricter answer refuses a second one with the same name.
			if (state.sources.some((/** @type {any} */ x) => !x.deactivated && x.name.toLowerCase() === name.toLowerCase())) {
				throw fail(400, `A presence source named "${name}" already exists`, 'bad.request');
			}
			const id = uuid();
			const source = {
				id,
				name,
				...(typeof rq.body.description === 'string' ? { description: rq.body.description } : {}),
				deactivated: false,
				selfUri: `/api/v2/presence/sources/${id}`,
			};
			state.sources.push(source);
			return { status: 200, body: clone(source) };
		},

		systemPresences: () => ({
			status: 200,
			body: SYSTEM_PRESENCES.map((name) => ({ id: systemId(name), name, selfUri: `/api/v2/systempresences/${systemId(name)}` })),
		}),

		getUserPresence(/** @type {any} */ rq) {
			requireUser(rq.params.userId);
			refuseRegistered(rq.params.sourceId);
			return { status: 200, body: userPresence(state, rq.params.userId, sourceKey(rq.params.sourceId)) };
		},

		patchUserPresence(/** @type {any} */ rq) {
			requireUser(rq.params.userId);
			refuseRegistered(rq.params.sourceId);
			const body = rq.body;
			if (!body || typeof body !== 'object' || Array.isArray(body)) throw fail(400, 'A UserPresence body is required.');
			if (!body.presenceDefinition && body.message === undefined && body.primary === undefined) {
				throw fail(400, 'Provide at least one of presenceDefinition, message or primary.');
			}
			if (body.presenceDefinition) checkDefinitionId(body.presenceDefinition.id);
			const source = sourceKey(rq.params.sourceId);
			setPresence(state, rq.params.userId, source, body);
			publishPresence(rq.params.userId, userPresence(state, rq.params.userId, source));
			return { status: 200, body: userPresence(state, rq.params.userId, source) };
		},

		bulk(/** @type {any} */ rq) {
			const list = rq.body;
			if (!Array.isArray(list)) throw fail(400, 'The request body must be a list of UserPresence objects.');
			if (list.length > BULK_LIMIT) {
				throw fail(400, `Too many user presences in one request: ${list.length}. The maximum is ${BULK_LIMIT} per call.`);
			}
			// ASSUMPTION: the whole batch is validated first and rejected on the first bad entry (the SDK's
			// putUsersPresencesBulk says nothing on partial failure); all-or-nothing is the stricter.
			list.forEach((item, i) => {
				if (!item || !item.id) throw fail(400, `Entry ${i}: id (the user id) is required.`);
				if (!findUser(item.id)) throw fail(400, `Entry ${i}: user not found: ${item.id}`);
				if (!item.presenceDefinition || !item.presenceDefinition.id) throw fail(400, `Entry ${i}: presenceDefinition.id is required.`);
				checkDefinitionId(item.presenceDefinition.id, i);
				// MutableUserPresence.sourceId "Represents the ID of a registered source". ASSUMPTION: an id that
				// names no active registered source is refused (400) rather than ignored; the stricter.
				if (item.sourceId !== undefined && !activeSource(item.sourceId)) throw fail(400, `Entry ${i}: ${item.sourceId} is not an active registered presence source.`);
			});
			const out = list.map((item) => {
				const source = bulkSource(item);
				// MutableUserPresence.primary: "whether or not to set this presence source as the primary on a
				// PATCH" — the bulk PUT is no PATCH, so it is not read here.
				setPresence(state, item.id, source, { presenceDefinition: item.presenceDefinition, message: item.message });
				publishPresence(item.id, userPresence(state, item.id, source));
				// ASSUMPTION: each answer's id is the user's id, as in the MutableUserPresence sent (the
				// UserPresence model leaves id unexplained); selfUri names the user too, for clients that match on it.
				return { id: item.id, ...userPresence(state, item.id, source) };
			});
			return { status: 200, body: out };
		},

		/** GET /api/v2/presence/users/{userId}/primarysource: UserPrimarySource { id, name, sourceId, registered, selfUri }. */
		getPrimarySource(/** @type {any} */ rq) {
			requireUser(rq.params.userId);
			return { status: 200, body: primarySourceBody(state, rq.params.userId) };
		},

		/**
		 * PUT /api/v2/presence/users/{userId}/primarysource, body UserPrimarySource: its `sourceId` ("The id of
		 * the source") becomes the user's primary. ASSUMPTION: PURECLOUD is named by the id the bulk read
		 * answers for it (or the word PURECLOUD); an unknown or deactivated source is 400.
		 */
		putPrimarySource(/** @type {any} */ rq) {
			requireUser(rq.params.userId);
			const sourceId = rq.body && typeof rq.body.sourceId === 'string' ? rq.body.sourceId : '';
			if (!sourceId) throw fail(400, 'sourceId is required.', 'bad.request');
			const isPurecloud = sourceId === PURECLOUD_SOURCE_ID || sourceKey(sourceId) === 'PURECLOUD';
			if (!isPurecloud && !activeSource(sourceId)) throw fail(400, `${sourceId} is not an active presence source.`, 'bad.request');
			const p = state.presences[rq.params.userId] || (state.presences[rq.params.userId] = { sources: {} });
			p.primarySource = isPurecloud ? 'PURECLOUD' : sourceId;
			return { status: 200, body: primarySourceBody(state, rq.params.userId) };
		},

		/** GET /api/v2/presence/settings: PresenceSettings. */
		getSettings: () => ({
			status: 200,
			body: {
				id: guidFrom('gc-presence-settings'),
				requestingOffQueueEnabled: state.settings.requestingOffQueueEnabled,
				...(state.settings.defaultPrimaryPresenceRegisteredSourceId ? { defaultPrimaryPresenceRegisteredSourceId: state.settings.defaultPrimaryPresenceRegisteredSourceId } : {}),
				selfUri: '/api/v2/presence/settings',
			},
		}),

		listUsers(/** @type {any} */ rq) {
			const { pageNumber, pageSize } = paging(rq.query, 25, 500);
			const all = state.users.filter((/** @type {any} */ u) => u.state === (rq.query.state || 'active'));
			const entities = common.pageOf(all, pageNumber, pageSize).map((/** @type {any} */ u) => withExpand(state, u, rq.query.expand));
			return { status: 200, body: listing('/api/v2/users', entities, all.length, pageNumber, pageSize, {}) };
		},
		getUser: (/** @type {any} */ rq) => ({ status: 200, body: withExpand(state, requireUser(rq.params.userId), rq.query.expand) }),

		/** POST /users/search: EXACT / CONTAINS / STARTS_WITH on email, name, id, username. */
		searchUsers(/** @type {any} */ rq) {
			const body = rq.body || {};
			if (!Array.isArray(body.query) || body.query.length === 0) throw fail(400, 'query is required and must contain at least one criterion.');
			const pageSize = body.pageSize ?? 25;
			const pageNumber = body.pageNumber ?? 1;
			if (!(pageSize >= 1 && pageSize <= 100) || !(pageNumber >= 1)) throw fail(400, 'pageSize must be 1..100 and pageNumber >= 1.');
			const hits = state.users.filter((/** @type {any} */ u) => body.query.every((/** @type {any} */ c) => criterionMatches(u, c)));
			const results = common.pageOf(hits, pageNumber, pageSize).map((/** @type {any} */ u) => withExpand(state, u, body.expand));
			return {
				status: 200,
				body: { total: hits.length, pageCount: Math.ceil(hits.length / pageSize), pageSize, pageNumber, types: ['users'], results },
			};
		},
	};

	function activeSource(/** @type {string} */ id) {
		return state.sources.find((/** @type {any} */ x) => x.id === id && !x.deactivated);
	}

	/**
	 * getUserPresence / patchUserPresence: "This endpoint does not support registered presence sources"
	 * (the SDK's PresenceApi reference). ASSUMPTION: Genesys refuses such a call with 400 bad.request (the
	 * reference lists no error answers); refusing is the stricter. A registered source is written with the
	 * bulk PUT (`sourceId`) and read with GET /api/v2/users/presences/{sourceId}/bulk.
	 */
	function refuseRegistered(/** @type {string} */ sourceId) {
		if (!state.sources.some((/** @type {any} */ x) => x.id === sourceId)) return;
		throw fail(400, `Presence source ${sourceId} is a registered presence source: this endpoint does not support registered presence sources.`, 'bad.request');
	}

	/**
	 * The source a MutableUserPresence writes: its `sourceId` (a registered source). Its `source` is
	 * "Deprecated - The sourceID field should be used as a replacement"; ASSUMPTION: only the word PURECLOUD
	 * is still read from it, any other value (a registered source's id included) is ignored, and an entry
	 * naming no source writes the PURECLOUD source.
	 */
	function bulkSource(/** @type {any} */ item) {
		if (item.sourceId !== undefined) return item.sourceId;
		return 'PURECLOUD';
	}

	function checkDefinitionId(/** @type {string} */ id, /** @type {number|undefined} */ entry = undefined) {
		const def = findDef(id);
		const where = entry === undefined ? '' : `Entry ${entry}: `;
		// ASSUMPTION: an unknown or deactivated definition is 400 bad.request (the id is in the body, not the URL;
		// the SDK lists no error answers). Refusing a deactivated one is the stricter.
		if (!def) throw fail(400, `${where}Invalid presence definition id: ${id}`);
		if (def.deactivated) throw fail(400, `${where}Presence definition ${id} is deactivated.`);
	}
}

const throwIt = (/** @type {Error} */ e) => {
	throw e;
};

/** OAuth error as the Genesys login service answers it. */
function oauthError(/** @type {number} */ status, /** @type {string} */ error, /** @type {string} */ description) {
	// ASSUMPTION: login errors carry both `description` and `error_description` with the same text, as a
	// third-party record of real answers shows (no Genesys page documents the body).
	return new HttpError(status, { error, description, error_description: description });
}

function parseBasic(/** @type {string|undefined} */ header) {
	const m = /^Basic\s+(.+)$/i.exec(header || '');
	if (!m) return null;
	const decoded = Buffer.from(m[1], 'base64').toString('utf8');
	const i = decoded.indexOf(':');
	return i < 0 ? null : { id: decoded.slice(0, i), secret: decoded.slice(i + 1) };
}

/**
 * GET /api/v2/users/presences/purecloud/bulk (PresenceApi getUsersPresencesPurecloudBulk, no
 * permission needed): the PURECLOUD presence of up to 50 users as UcUserPresence
 * `{ id, name, userId, source, sourceId, presenceDefinition, message, modifiedDate, selfUri }`.
 * `id` is declared multi-valued: the API takes `id=a&id=b`, the JavaScript SDK sends `id=a,b`;
 * both are read. Before answering it runs the notification simulator's one-shot read hook, so a
 * test can change a presence exactly between subscribing and the baseline read.
 * @param {any} state @param {{ takeReadHook: () => (() => any) | undefined }} notifications
 */
function bulkPresenceRead(state, notifications) {
	return async (/** @type {any} */ rq) => {
		const ids = [...new Set(rq.url.searchParams.getAll('id').flatMap((/** @type {string} */ v) => v.split(',')).map((/** @type {string} */ v) => v.trim()).filter(Boolean))];
		// The SDK's getUsersPresencesPurecloudBulk: "A comma separated list of user IDs ... Limit 50".
		// ASSUMPTION: the 400 wording; none is documented.
		if (ids.length === 0) throw fail(400, 'At least one user id (id) is required.', 'bad.request');
		if (ids.length > BULK_LIMIT) throw fail(400, `Too many user ids: ${ids.length}. The limit is ${BULK_LIMIT} per request.`, 'bad.request');
		const hook = notifications.takeReadHook();
		if (hook) await hook();
		// ASSUMPTION: ids of unknown users are left out of the answer rather than failing the batch
		// (undocumented); the stricter for a client, which must notice the missing entries.
		const known = ids.filter((id) => state.users.some((/** @type {any} */ u) => u.id === id));
		const body = known.map((userId) => {
			const p = userPresence(state, userId, 'PURECLOUD');
			// ASSUMPTION: `source` (optional in the SDK's UcUserPresence) is left out and `id` is the presence's
			// own id, not the user's: a client must match on userId, the one field meant for it.
			return {
				id: guidFrom(`gc-presence-${userId}-PURECLOUD`),
				name: p.name,
				userId,
				sourceId: PURECLOUD_SOURCE_ID,
				presenceDefinition: p.presenceDefinition,
				message: p.message,
				modifiedDate: p.modifiedDate,
				selfUri: `/api/v2/users/${userId}/presences/PURECLOUD`,
			};
		});
		return { status: 200, body };
	};
}

/**
 * GET /api/v2/users/presences/{sourceId}/bulk (PresenceApi getUsersPresenceBulk, "Get bulk user presences
 * for a single presence source", no permission needed): UcUserPresence of up to 50 users for a registered
 * source. ASSUMPTION: an id that names no registered source is 404 not.found; the rest as the PURECLOUD read.
 * @param {any} state
 */
function bulkSourceRead(state) {
	return (/** @type {any} */ rq) => {
		const sourceId = rq.params.sourceId;
		if (!state.sources.some((/** @type {any} */ x) => x.id === sourceId)) throw fail(404, `Presence source not found: ${sourceId}`, 'not.found');
		const ids = [...new Set(rq.url.searchParams.getAll('id').flatMap((/** @type {string} */ v) => v.split(',')).map((/** @type {string} */ v) => v.trim()).filter(Boolean))];
		if (ids.length === 0) throw fail(400, 'At least one user id (id) is required.', 'bad.request');
		if (ids.length > BULK_LIMIT) throw fail(400, `Too many user ids: ${ids.length}. The limit is ${BULK_LIMIT} per request.`, 'bad.request');
		const known = ids.filter((id) => state.users.some((/** @type {any} */ u) => u.id === id));
		const body = known.map((userId) => {
			const p = userPresence(state, userId, sourceId);
			return {
				id: guidFrom(`gc-presence-${userId}-${sourceId}`),
				name: p.name,
				userId,
				sourceId,
				presenceDefinition: p.presenceDefinition,
				message: p.message,
				modifiedDate: p.modifiedDate,
				selfUri: p.selfUri,
			};
		});
		return { status: 200, body };
	};
}

/**
 * The user's primary presence source: the one set for them, else the organization's default primary
 * registered source (PresenceSettings), else PURECLOUD. What the user shows, and is routed on, is the
 * presence of this source (PresenceApi: primary source; UserPresence.primary).
 */
function primaryOf(/** @type {any} */ state, /** @type {string} */ userId) {
	const p = state.presences[userId];
	if (p && p.primarySource) return p.primarySource;
	return state.settings.defaultPrimaryPresenceRegisteredSourceId || 'PURECLOUD';
}

/** UserPrimarySource for a user. ASSUMPTION: PURECLOUD is named by the id the bulk read answers for it. */
function primarySourceBody(/** @type {any} */ state, /** @type {string} */ userId) {
	const primary = primaryOf(state, userId);
	const registered = state.sources.find((/** @type {any} */ x) => x.id === primary);
	return {
		id: userId,
		...(registered ? { name: registered.name } : { name: 'PURECLOUD' }),
		sourceId: registered ? primary : PURECLOUD_SOURCE_ID,
		registered: Boolean(registered),
		selfUri: `/api/v2/presence/users/${userId}/primarysource`,
	};
}

/** `purecloud` (any case) is the PURECLOUD source; other source ids are kept as given. */
const sourceKey = (/** @type {string} */ s) => (String(s).toUpperCase() === 'PURECLOUD' ? 'PURECLOUD' : s);

function paging(/** @type {any} */ q, /** @type {number} */ defSize, /** @type {number} */ maxSize = 100) {
	const pageNumber = common.intParam(q.pageNumber, 1);
	const pageSize = common.intParam(q.pageSize, defSize);
	if (!(pageNumber >= 1)) throw fail(400, `Invalid pageNumber: ${q.pageNumber}`);
	if (!(pageSize >= 1 && pageSize <= maxSize)) throw fail(400, `Invalid pageSize: ${q.pageSize}. Must be between 1 and ${maxSize}.`);
	return { pageNumber, pageSize };
}

/** The entity listing envelope with Genesys' relative URIs (absent when not applicable). */
function listing(/** @type {string} */ base, /** @type {any[]} */ entities, /** @type {number} */ total, /** @type {number} */ pageNumber, /** @type {number} */ pageSize, /** @type {any} */ extra) {
	const pageCount = Math.max(1, Math.ceil(total / pageSize));
	const uri = (/** @type {number} */ n) => {
		const q = new URLSearchParams({ pageSize: String(pageSize), pageNumber: String(n) });
		for (const [k, v] of Object.entries(extra)) if (v !== undefined) q.set(k, String(v));
		return `${base}?${q}`;
	};
	/** @type {any} */
	const out = { entities, pageSize, pageNumber, total, firstUri: uri(1), selfUri: uri(pageNumber), lastUri: uri(pageCount), pageCount };
	if (pageNumber < pageCount) out.nextUri = uri(pageNumber + 1);
	if (pageNumber > 1) out.previousUri = uri(pageNumber - 1);
	return out;
}

function labelsFor(/** @type {any} */ def, /** @type {string|undefined} */ localeCode) {
	if (!localeCode || localeCode.toUpperCase() === 'ALL') return { ...def.languageLabels };
	const key = Object.keys(def.languageLabels).find((k) => k.toLowerCase() === localeCode.toLowerCase());
	return key ? { [key]: def.languageLabels[key] } : { ...def.languageLabels };
}

/** OrganizationPresence (the /presencedefinitions model). */
function toOrgPresence(/** @type {any} */ d, /** @type {string|undefined} */ localeCode = undefined) {
	/** @type {any} */
	const out = { id: d.id };
	if (d.name) out.name = d.name;
	Object.assign(out, {
		languageLabels: labelsFor(d, localeCode),
		systemPresence: d.systemPresence,
		deactivated: d.deactivated,
		primary: d.primary,
		createdBy: d.createdBy,
		createdDate: d.createdDate,
		modifiedBy: d.modifiedBy,
		modifiedDate: d.modifiedDate,
		selfUri: `/api/v2/presencedefinitions/${d.id}`,
	});
	return out;
}

/** OrganizationPresenceDefinition (the /presence/definitions model). */
function toDefinitionV2(/** @type {any} */ d, /** @type {string|undefined} */ localeCode = undefined) {
	/** @type {any} */
	const out = { id: d.id };
	if (d.name) out.name = d.name;
	Object.assign(out, {
		type: d.type,
		languageLabels: labelsFor(d, localeCode),
		systemPresence: CURRENT_SPELLING[d.systemPresence],
		divisionId: d.divisionId,
		deactivated: d.deactivated,
		selfUri: `/api/v2/presence/definitions/${d.id}`,
	});
	return out;
}

/** @typedef {'legacy' | 'current'} DefinitionApi */

/** The body's systemPresence in the API's own spelling, as the stored (legacy) name. */
function systemPresenceOf(/** @type {any} */ value, /** @type {DefinitionApi} */ api) {
	const names = api === 'current' ? Object.keys(LEGACY_BY_CURRENT) : SYSTEM_PRESENCES;
	if (!names.includes(value)) throw fail(400, `Invalid systemPresence: ${value}. Valid values: ${names.join(', ')}.`);
	return api === 'current' ? LEGACY_BY_CURRENT[value] : value;
}

function validateDefinitionBody(/** @type {any} */ body, /** @type {boolean} */ creating, /** @type {DefinitionApi} */ api) {
	if (!body || typeof body !== 'object') throw fail(400, 'A presence definition body is required.');
	const labels = body.languageLabels;
	if (creating && (!labels || typeof labels !== 'object' || Object.keys(labels).length === 0)) {
		throw fail(400, 'languageLabels is required and must contain at least one label.');
	}
	if (creating && !body.systemPresence) throw fail(400, 'systemPresence is required.');
	return body.systemPresence === undefined ? undefined : systemPresenceOf(body.systemPresence, api);
}

function createDefinition(/** @type {any} */ state, /** @type {any} */ body, /** @type {DefinitionApi} */ api) {
	const systemPresence = validateDefinitionBody(body, true, api);
	const now = new Date().toISOString();
	const by = { id: guidFrom('gc-oauth-client'), selfUri: `/api/v2/users/${guidFrom('gc-oauth-client')}` };
	const def = {
		id: uuid(),
		name: body.name || Object.values(body.languageLabels)[0],
		languageLabels: { ...body.languageLabels },
		systemPresence,
		deactivated: Boolean(body.deactivated),
		primary: false,
		type: 'User',
		divisionId: body.divisionId || '*',
		createdBy: by,
		createdDate: now,
		modifiedBy: by,
		modifiedDate: now,
	};
	state.definitions.push(def);
	return def;
}

function updateDefinition(/** @type {any} */ def, /** @type {any} */ body, /** @type {DefinitionApi} */ api) {
	const systemPresence = validateDefinitionBody(body, false, api);
	if (def.primary && systemPresence && systemPresence !== def.systemPresence) {
		throw fail(400, 'The systemPresence of a primary presence definition cannot be changed.');
	}
	if (body.languageLabels) def.languageLabels = { ...body.languageLabels };
	if (systemPresence) def.systemPresence = systemPresence;
	if (typeof body.deactivated === 'boolean' && !def.primary) def.deactivated = body.deactivated;
	if (body.name) def.name = body.name;
	def.modifiedDate = new Date().toISOString();
	return def;
}

function setPresence(/** @type {any} */ state, /** @type {string} */ userId, /** @type {string} */ source, /** @type {any} */ body) {
	const p = state.presences[userId] || (state.presences[userId] = { sources: {} });
	const current = p.sources[source] || { presenceDefinitionId: PRIMARY_IDS.Offline, message: '' };
	p.sources[source] = {
		presenceDefinitionId: body.presenceDefinition ? body.presenceDefinition.id : current.presenceDefinitionId,
		message: body.message !== undefined ? body.message : current.message,
		modifiedDate: new Date().toISOString(),
	};
	if (body.primary === true) p.primarySource = source;
}

/**
 * UserPresence for one user and source (no `user`: the model has none). ASSUMPTION: the
 * definition's systemPresence is spelled as the legacy definitions API spells it ("On Queue"), and
 * its selfUri points there; the SDK's PresenceDefinition types it as a plain string, so a client must
 * accept either spelling.
 */
function userPresence(/** @type {any} */ state, /** @type {string} */ userId, /** @type {string} */ source) {
	const p = state.presences[userId] || { sources: {} };
	const s = p.sources[source] || { presenceDefinitionId: PRIMARY_IDS.Offline, message: '', modifiedDate: SEED_DATE };
	const def = state.definitions.find((/** @type {any} */ d) => d.id === s.presenceDefinitionId);
	// A registered source is named in `sourceId` ("Represents the ID of a registered source"); PURECLOUD
	// and other sources in the deprecated `source`.
	const registered = state.sources.some((/** @type {any} */ x) => x.id === source);
	return {
		name: def ? def.languageLabels.en_US || Object.values(def.languageLabels)[0] : undefined,
		...(registered ? { sourceId: source } : { source }),
		presenceDefinition: {
			id: s.presenceDefinitionId,
			systemPresence: def ? def.systemPresence : 'Offline',
			selfUri: `/api/v2/presencedefinitions/${s.presenceDefinitionId}`,
		},
		message: s.message,
		modifiedDate: s.modifiedDate,
		primary: primaryOf(state, userId) === source,
		selfUri: `/api/v2/users/${userId}/presences/${source}`,
	};
}

function withExpand(/** @type {any} */ state, /** @type {any} */ user, /** @type {any} */ expand) {
	const list = Array.isArray(expand) ? expand : String(expand || '').split(',');
	if (!list.includes('presence')) return user;
	return { ...user, presence: userPresence(state, user.id, primaryOf(state, user.id)) };
}

/** One UsersSearch criterion: `{ type, fields, value | values }`. */
function criterionMatches(/** @type {any} */ user, /** @type {any} */ c) {
	const values = (c.values || (c.value !== undefined ? [c.value] : [])).map((/** @type {any} */ v) => String(v).toLowerCase());
	const fields = c.fields || (c.field ? [c.field] : []);
	const type = String(c.type || 'EXACT').toUpperCase();
	return fields.some((/** @type {string} */ f) => {
		const actual = String(user[f] ?? '').toLowerCase();
		return values.some((/** @type {string} */ v) => {
			if (type === 'EXACT') return actual === v;
			if (type === 'CONTAINS' || type === 'QUERY_STRING') return actual.includes(v);
			if (type === 'STARTS_WITH') return actual.startsWith(v);
			throw fail(400, `Unsupported search type: ${c.type}`);
		});
	});
}

module.exports = { createVendor, DEFAULT_CLIENT, IDS, SYSTEM_PRESENCES };
