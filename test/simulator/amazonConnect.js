// @ts-check
'use strict';
/**
 * Amazon Connect (REST-JSON, `connect.<region>.amazonaws.com`, mounted at /amazon-connect), one
 * instance in us-east-1. Every request must carry a valid AWS Signature Version 4 for the
 * `connect` service, checked here independently of the package's signer: the canonical request
 * (path segments encoded twice, sorted RFC 3986 query, signed headers, payload hash), the
 * credential scope (date, region, service), the 5-minute date window and, for temporary keys, the
 * session token. Failures answer as AWS does: 403 with x-amzn-ErrorType and `{ "message" }`.
 *
 * AWS STS (Query API, `sts.<region>.amazonaws.com`, mounted at /amazon-sts) answers AssumeRole for
 * one role, signed SigV4 for `sts` with the IAM user's keys: the role's trust policy trusts that
 * user and requires an External ID. It issues temporary keys (ASIA…, a session token, an
 * Expiration) that Amazon Connect then accepts until they expire; errors are STS's XML
 * `ErrorResponse` (AccessDenied, InvalidClientTokenId, SignatureDoesNotMatch, ExpiredToken, …).
 *
 * Modelled: agents (users), agent statuses (ROUTABLE / CUSTOM / OFFLINE, ENABLED / DISABLED),
 * routing profiles, queues, logged-in agents with contacts in progress (PutUserStatus then queues
 * NextStatus), NextToken paging and the filter limits of GetCurrentUserData. Service errors carry
 * x-amzn-ErrorType, x-amzn-RequestId and `{ "Message" }` (the API Reference's error members).
 */
const crypto = require('node:crypto');
const common = require('./common');
const { HttpError, guidFrom, clone } = common;

const REGION = 'us-east-1';
const ACCOUNT = '123456789012';
const INSTANCE_ID = guidFrom('connect-instance');
const INSTANCE_ARN = `arn:aws:connect:${REGION}:${ACCOUNT}:instance/${INSTANCE_ID}`;
const SEED_TIME = Date.parse('2024-05-01T08:00:00.000Z');

/** Access keys are uppercase letters and digits (AKIA… long-term, ASIA… temporary); no English words, for the secrets scan. */
const DEFAULT_CLIENT = {
	accessKeyId: 'AKIASIMCNCT7Q4XZ2W9K',
	secretAccessKey: 'sImCnCt7q4Xz2W9kPq8Rv3Lt6Yh1Bn5Mj0Dg4Fs2',
	/** A temporary key (STS) and its session token. */
	tempAccessKeyId: 'ASIASIMCNCT3H8JQ1V6N',
	tempSecretAccessKey: 'tMpCnCt3h8Jq1V6nXr2Kw9Zc4Pd7Gy5Lb0Sf3Qe8',
	sessionToken: 'FwoGZXIvYXdzEsimQ9x7Tk2Rz8Vb4Nc1Lm6Hp3Jd5Gf0Ws9Yq2Xe7Ua4Io1Kt8',
	/** The role the IAM user may assume (AssumeRole), and the External ID its trust policy requires. */
	roleArn: `arn:aws:iam::${ACCOUNT}:role/n8n-agent-presence`,
	externalId: 'Xq7Kp2Vw9Lz4Rt8Nb3Md',
	clientSecret: '',
	region: REGION,
	instanceId: INSTANCE_ID,
	instanceArn: INSTANCE_ARN,
};

const statusArn = (/** @type {string} */ id) => `${INSTANCE_ARN}/agent-state/${id}`;
const userArn = (/** @type {string} */ id) => `${INSTANCE_ARN}/agent/${id}`;
const profileArn = (/** @type {string} */ id) => `${INSTANCE_ARN}/routing-profile/${id}`;
const queueArn = (/** @type {string} */ id) => `${INSTANCE_ARN}/queue/${id}`;

const STATUS = {
	available: guidFrom('connect-status-available'),
	offline: guidFrom('connect-status-offline'),
	break: guidFrom('connect-status-break'),
	lunch: guidFrom('connect-status-lunch'),
	training: guidFrom('connect-status-training'),
	retired: guidFrom('connect-status-retired'),
};
/** [id, name, type, state, display order] — Available and Offline are every instance's defaults. */
const STATUSES = [
	[STATUS.available, 'Available', 'ROUTABLE', 'ENABLED', 1],
	[STATUS.offline, 'Offline', 'OFFLINE', 'ENABLED', 2],
	[STATUS.break, 'Break', 'CUSTOM', 'ENABLED', 3],
	[STATUS.lunch, 'Lunch', 'CUSTOM', 'ENABLED', 4],
	[STATUS.training, 'Training', 'CUSTOM', 'ENABLED', 5],
	[STATUS.retired, 'Retired', 'CUSTOM', 'DISABLED', 6],
];

const PROFILE = { basic: guidFrom('connect-profile-basic'), sales: guidFrom('connect-profile-sales') };
const QUEUE = { basic: guidFrom('connect-queue-basic'), sales: guidFrom('connect-queue-sales') };
const QUEUES_OF_PROFILE = { [PROFILE.basic]: [QUEUE.basic], [PROFILE.sales]: [QUEUE.basic, QUEUE.sales] };
const EXTRA_AGENTS = 30;

const userIdOf = (/** @type {string} */ key) => guidFrom(`connect-user-${key}`);
const IDS = {
	instanceId: INSTANCE_ID,
	instanceArn: INSTANCE_ARN,
	region: REGION,
	status: STATUS,
	statusArn,
	userArn,
	profile: PROFILE,
	queue: QUEUE,
	users: Object.fromEntries(common.PEOPLE.map((p) => [p.key, userIdOf(p.key)])),
	/** People and extra agents; the extra agents with an even number are logged in. */
	userCount: common.PEOPLE.length + EXTRA_AGENTS,
};

const epochSeconds = (/** @type {number} */ ms) => ms / 1000;

function seedUsers() {
	const people = common.PEOPLE.map((p) => ({ id: userIdOf(p.key), username: p.email, first: p.first, last: p.last, email: p.email, profile: PROFILE.basic }));
	const more = [];
	for (let i = 1; i <= EXTRA_AGENTS; i++) {
		const n = String(i).padStart(3, '0');
		more.push({ id: guidFrom(`connect-user-extra-${n}`), username: `cnagent${n}`, first: 'Connect', last: `Agent ${n}`, email: `cn.agent${n}@contoso.com`, profile: i % 3 === 0 ? PROFILE.sales : PROFILE.basic });
	}
	return [...people, ...more].map((u) => ({
		Id: u.id,
		Arn: userArn(u.id),
		Username: u.username,
		IdentityInfo: { FirstName: u.first, LastName: u.last, Email: u.email },
		PhoneConfig: { PhoneType: 'SOFT_PHONE', AutoAccept: false, AfterContactWorkTimeLimit: 0 },
		DirectoryUserId: guidFrom(`connect-directory-${u.id}`),
		SecurityProfileIds: [guidFrom('connect-security-agent')],
		RoutingProfileId: u.profile,
		Tags: {},
		LastModifiedTime: epochSeconds(SEED_TIME),
		LastModifiedRegion: REGION,
	}));
}

/** People are logged in and Available; even-numbered extra agents logged in and Offline; the rest logged out. */
function seedActivity(/** @type {any[]} */ users) {
	const people = new Set(Object.values(IDS.users));
	/** @type {Record<string, any>} */
	const activity = {};
	users.forEach((u, i) => {
		const person = people.has(u.Id);
		activity[u.Id] = {
			loggedIn: person || i % 2 === 0,
			statusId: person ? STATUS.available : STATUS.offline,
			since: SEED_TIME,
			nextStatusId: null,
			contacts: [],
		};
	});
	return activity;
}

function seedStatuses() {
	return STATUSES.map(([id, name, type, state, order]) => ({
		AgentStatusARN: statusArn(String(id)),
		AgentStatusId: id,
		Name: name,
		Description: `${name} (simulator)`,
		Type: type,
		DisplayOrder: order,
		State: state,
		Tags: {},
		LastModifiedTime: epochSeconds(SEED_TIME),
		LastModifiedRegion: REGION,
	}));
}

/** An AWS error: x-amzn-ErrorType names it; the body's member is `Message` (API Reference, each error's members). */
const awsError = (/** @type {number} */ status, /** @type {string} */ type, /** @type {string} */ message) =>
	new HttpError(status, { Message: message }, { 'x-amzn-ErrorType': type });
/** Authentication failures come from AWS's front end, whose body member is lower-case `message`. */
const authError = (/** @type {string} */ type, /** @type {string} */ message) =>
	new HttpError(403, { message }, { 'x-amzn-ErrorType': type });

// ---------------------------------------------------------------------------------------------
// Signature Version 4, verified.

const sha256Hex = (/** @type {string} */ s) => crypto.createHash('sha256').update(s, 'utf8').digest('hex');
const hmac = (/** @type {any} */ key, /** @type {string} */ s) => crypto.createHmac('sha256', key).update(s, 'utf8').digest();
const enc = (/** @type {string} */ s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const dec = (/** @type {string} */ s) => {
	try {
		return decodeURIComponent(s.replace(/\+/g, '%20'));
	} catch {
		return s;
	}
};

/** `20240501T080000Z` → ms, or NaN. */
function parseAmzDate(/** @type {string} */ v) {
	const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(v || '');
	return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : NaN;
}
const fmtAmzDate = (/** @type {number} */ ms) => new Date(ms).toISOString().replace(/[:-]|\.\d{3}/g, '');

/** The IAM user the long-term keys belong to (named in STS's AccessDenied). */
const IAM_USER_ARN = `arn:aws:iam::${ACCOUNT}:user/n8n-sync`;
/** The role's maximum session duration (IAM: 1 to 12 hours; AssumeRole may ask up to it). */
const ROLE_MAX_SESSION_SECONDS = 7200;

/**
 * @typedef {{ secretAccessKey: string, sessionToken: string, expiresAt: number }} StsSession
 * @typedef {{ now: () => number, expiredSessionTokens: Set<string>, sessions: Map<string, StsSession> }} Auth
 */

/**
 * Checks the request's signature for `service`; throws AWS's 403 when it does not hold.
 * @param {any} rq @param {any} client @param {Auth} auth @param {string} [expectedService]
 */
function verifySignature(rq, client, auth, expectedService = 'connect') {
	const header = String(rq.headers.authorization || '');
	if (!header) throw authError('MissingAuthenticationTokenException', 'Missing Authentication Token');
	const m = /^AWS4-HMAC-SHA256 Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/.exec(header);
	if (!m) throw authError('IncompleteSignatureException', `Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters. Authorization=${header.split(' ')[0]}`);
	const [accessKeyId, date, region, service, terminator] = m[1].split('/');
	const signedHeaders = m[2].split(';');
	const keys = keysOf(client, auth, accessKeyId);
	if (!keys) throw authError('UnrecognizedClientException', 'The security token included in the request is invalid.');
	if (keys.temporary) {
		const token = rq.headers['x-amz-security-token'];
		if (!token || token !== keys.sessionToken) throw authError('UnrecognizedClientException', 'The security token included in the request is invalid.');
		if (auth.expiredSessionTokens.has(token) || (keys.expiresAt !== undefined && auth.now() >= keys.expiresAt)) throw authError('ExpiredTokenException', 'The security token included in the request is expired');
		if (!signedHeaders.includes('x-amz-security-token')) throw authError('InvalidSignatureException', "'X-Amz-Security-Token' must be a signed header.");
	}
	if (terminator !== 'aws4_request') throw authError('InvalidSignatureException', "Credential should be scoped with a valid terminator: 'aws4_request'.");
	if (service !== expectedService) throw authError('InvalidSignatureException', `Credential should be scoped to correct service: '${expectedService}'. `);
	if (region !== REGION) throw authError('InvalidSignatureException', `Credential should be scoped to a valid region. `);
	const amzDate = String(rq.headers['x-amz-date'] || '');
	const at = parseAmzDate(amzDate);
	if (!Number.isFinite(at)) throw authError('IncompleteSignatureException', "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
	if (!signedHeaders.includes('host') || !signedHeaders.includes('x-amz-date')) {
		throw authError('InvalidSignatureException', "'Host' and 'X-Amz-Date' must be signed headers.");
	}
	if (date !== amzDate.slice(0, 8)) throw authError('InvalidSignatureException', `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${date}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`);
	const now = auth.now();
	const window = 5 * 60 * 1000;
	if (at < now - window) throw authError('InvalidSignatureException', `Signature expired: ${amzDate} is now earlier than ${fmtAmzDate(now - window)} (${fmtAmzDate(now)} - 5 min.)`);
	if (at > now + window) throw authError('InvalidSignatureException', `Signature not yet current: ${amzDate} is still later than ${fmtAmzDate(now + window)} (${fmtAmzDate(now)} + 5 min.)`);

	const pathname = rq.url.pathname;
	const canonicalPath = pathname.split('/').map((/** @type {string} */ s) => enc(s)).join('/') || '/';
	const search = String(rq.url.search || '').replace(/^\?/, '');
	const pairs = search === '' ? [] : search.split('&').map((/** @type {string} */ p) => {
		const i = p.indexOf('=');
		const k = i < 0 ? p : p.slice(0, i);
		const v = i < 0 ? '' : p.slice(i + 1);
		return [enc(dec(k)), enc(dec(v))];
	});
	pairs.sort((/** @type {string[]} */ a, /** @type {string[]} */ b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
	const canonicalHeaders = signedHeaders
		.map((h) => {
			const value = rq.headers[h];
			if (value === undefined) throw authError('InvalidSignatureException', `The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.`);
			return `${h}:${String(Array.isArray(value) ? value.join(',') : value).trim().replace(/\s+/g, ' ')}\n`;
		})
		.join('');
	const canonicalRequest = [rq.method, canonicalPath, pairs.map((p) => p.join('=')).join('&'), canonicalHeaders, signedHeaders.join(';'), sha256Hex(rq.raw || '')].join('\n');
	const scope = `${date}/${region}/${service}/aws4_request`;
	const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
	const key = hmac(hmac(hmac(hmac(`AWS4${keys.secretAccessKey}`, date), region), service), 'aws4_request');
	const expected = crypto.createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
	if (!crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(m[3]))) {
		throw authError('InvalidSignatureException', 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.');
	}
}

/** @returns {{ secretAccessKey: string, temporary: boolean, sessionToken?: string, expiresAt?: number } | null} */
function keysOf(/** @type {any} */ client, /** @type {Auth} */ auth, /** @type {string} */ accessKeyId) {
	if (accessKeyId === client.accessKeyId) return { secretAccessKey: client.secretAccessKey, temporary: false };
	if (accessKeyId === client.tempAccessKeyId) return { secretAccessKey: client.tempSecretAccessKey, temporary: true, sessionToken: client.sessionToken };
	const session = auth.sessions.get(accessKeyId);
	if (session) return { secretAccessKey: session.secretAccessKey, temporary: true, sessionToken: session.sessionToken, expiresAt: session.expiresAt };
	return null;
}

// ---------------------------------------------------------------------------------------------
// AWS STS AssumeRole (Query API, XML answers).

const xmlEscape = (/** @type {string} */ v) => String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** STS's error: `ErrorResponse/Error/{Type,Code,Message}` and `RequestId`, as text/xml. */
function stsError(/** @type {number} */ status, /** @type {string} */ code, /** @type {string} */ message) {
	const requestId = crypto.randomUUID();
	const type = status >= 500 ? 'Receiver' : 'Sender';
	const xml = `<ErrorResponse xmlns="${STS_NS}">\n  <Error>\n    <Type>${type}</Type>\n    <Code>${code}</Code>\n    <Message>${xmlEscape(message)}</Message>\n  </Error>\n  <RequestId>${requestId}</RequestId>\n</ErrorResponse>\n`;
	return new HttpError(status, xml, { 'Content-Type': 'text/xml', 'x-amzn-RequestId': requestId });
}

/** The signature front end's codes as STS (a Query API) names them. */
const STS_AUTH_CODES = {
	UnrecognizedClientException: 'InvalidClientTokenId',
	InvalidSignatureException: 'SignatureDoesNotMatch',
	ExpiredTokenException: 'ExpiredToken',
	IncompleteSignatureException: 'IncompleteSignature',
	MissingAuthenticationTokenException: 'MissingAuthenticationToken',
};

/** Uppercase letters and digits: access key IDs (and no English words for the secrets scan). */
const randomKeyChars = (/** @type {number} */ n) => Array.from(crypto.randomBytes(n), (b) => 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'[b % 32]).join('');

// ---------------------------------------------------------------------------------------------
// Paging: an opaque token bound to the operation and its input.

function pageToken(/** @type {string} */ op, /** @type {any} */ input, /** @type {number} */ offset) {
	return Buffer.from(JSON.stringify({ op, h: sha256Hex(JSON.stringify(input)).slice(0, 16), offset })).toString('base64');
}
function readToken(/** @type {string|undefined} */ token, /** @type {string} */ op, /** @type {any} */ input) {
	if (token === undefined || token === null || token === '') return 0;
	try {
		const t = JSON.parse(Buffer.from(String(token), 'base64').toString('utf8'));
		if (t.op === op && t.h === sha256Hex(JSON.stringify(input)).slice(0, 16) && Number.isInteger(t.offset)) return t.offset;
	} catch {
		// Falls through to the error below.
	}
	throw awsError(400, 'InvalidParameterException', 'The nextToken is not valid.');
}
function page(/** @type {any[]} */ items, /** @type {string} */ op, /** @type {any} */ input, /** @type {any} */ token, /** @type {number} */ size) {
	const offset = readToken(token, op, input);
	const slice = items.slice(offset, offset + size);
	const next = offset + size < items.length ? pageToken(op, input, offset + size) : undefined;
	return { slice, next };
}

/** `maxResults` within [1, max]; the default when absent. */
function maxResults(/** @type {any} */ value, /** @type {number} */ max, /** @type {number} */ def, /** @type {string} */ member) {
	if (value === undefined || value === null || value === '') return def;
	const n = Number(value);
	if (!Number.isInteger(n) || n < 1 || n > max) {
		throw awsError(400, 'InvalidParameterException', `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: Member must have value between 1 and ${max}`);
	}
	return n;
}

/** @param {any} ctx */
function createVendor(ctx) {
	const state = {
		statuses: /** @type {any[]} */ ([]),
		users: /** @type {any[]} */ ([]),
		activity: /** @type {Record<string, any>} */ ({}),
	};
	/** @type {Auth} */
	const auth = { now: () => Date.now(), expiredSessionTokens: new Set(), sessions: new Map() };
	const reset = () => {
		state.statuses = seedStatuses();
		state.users = seedUsers();
		if (ctx.seed && Array.isArray(ctx.seed.users)) state.users.push(...clone(ctx.seed.users));
		state.activity = seedActivity(state.users);
		auth.expiredSessionTokens.clear();
		auth.sessions.clear();
		auth.now = () => Date.now();
	};
	reset();
	const client = ctx.client;

	const instance = (/** @type {string} */ id) => {
		if (id !== INSTANCE_ID) throw awsError(404, 'ResourceNotFoundException', `Instance not found: ${id}`);
	};
	const userById = (/** @type {string} */ id) => state.users.find((u) => u.Id === id || u.Arn === id);
	const statusById = (/** @type {string} */ id) => state.statuses.find((s) => s.AgentStatusId === id || s.AgentStatusARN === id);
	const idOf = (/** @type {string} */ idOrArn) => String(idOrArn).split('/').pop();

	function userData(/** @type {any} */ user) {
		const a = state.activity[user.Id];
		const status = statusById(a.statusId);
		const next = a.nextStatusId ? statusById(a.nextStatusId) : null;
		const voice = a.contacts.filter((/** @type {any} */ c) => c.Channel === 'VOICE').length;
		/** @type {any} */
		const data = {
			User: { Id: user.Id, Arn: user.Arn },
			RoutingProfile: { Id: user.RoutingProfileId, Arn: profileArn(user.RoutingProfileId) },
			Status: { StatusStartTimestamp: epochSeconds(a.since), StatusArn: status.AgentStatusARN, StatusName: status.Name },
			AvailableSlotsByChannel: { VOICE: status.Type === 'ROUTABLE' ? 1 - voice : 0, CHAT: 0, TASK: 0 },
			MaxSlotsByChannel: { VOICE: 1, CHAT: 0, TASK: 0 },
			ActiveSlotsByChannel: { VOICE: voice, CHAT: 0, TASK: 0 },
			Contacts: a.contacts.map((/** @type {any} */ c) => clone(c)),
		};
		if (next) data.NextStatus = next.Name;
		return data;
	}

	/** GetCurrentUserData: one filter kind of Agents, RoutingProfiles, Queues or UserHierarchyGroups, within its limit. */
	function getCurrentUserData(/** @type {any} */ rq) {
		instance(rq.params.instanceId);
		const body = rq.body && typeof rq.body === 'object' ? rq.body : {};
		const filters = body.Filters;
		if (!filters || typeof filters !== 'object') throw awsError(400, 'InvalidParameterException', '1 validation error detected: Value null at \'filters\' failed to satisfy constraint: Member must not be null');
		const kinds = ['Agents', 'RoutingProfiles', 'Queues', 'UserHierarchyGroups'].filter((k) => filters[k] !== undefined);
		// ASSUMPTION: the Reference says "a maximum of one filter" of the four; with none the call has nothing to select, so it is refused too (the stricter reading).
		if (kinds.length !== 1) throw awsError(400, 'InvalidRequestException', 'A maximum of one filter can be passed from queues, routing profiles, agents, and user hierarchy groups.');
		const kind = kinds[0];
		const values = filters[kind];
		const limit = kind === 'UserHierarchyGroups' ? 1 : 100;
		if (!Array.isArray(values) || values.length < 1 || values.length > limit) {
			throw awsError(400, 'InvalidParameterException', `1 validation error detected: Value at 'filters.${kind[0].toLowerCase()}${kind.slice(1)}' failed to satisfy constraint: Member must have length ${kind === 'UserHierarchyGroups' ? 'equal to 1' : 'between 1 and 100'}`);
		}
		const contactStates = filters.ContactFilter?.ContactStates;
		if (contactStates !== undefined && (!Array.isArray(contactStates) || contactStates.length > 9)) {
			throw awsError(400, 'InvalidParameterException', "1 validation error detected: Value at 'filters.contactFilter.contactStates' failed to satisfy constraint: Member must have length less than or equal to 9");
		}
		const size = maxResults(body.MaxResults, 100, 100, 'maxResults');
		const wanted = new Set(values.map((/** @type {string} */ v) => idOf(v)));
		// Only agents logged in to the Contact Control Panel are "active user data".
		const selected = state.users.filter((u) => {
			if (!state.activity[u.Id].loggedIn) return false;
			if (kind === 'Agents') return wanted.has(u.Id);
			if (kind === 'RoutingProfiles') return wanted.has(u.RoutingProfileId);
			if (kind === 'Queues') return (/** @type {any} */ (QUEUES_OF_PROFILE)[u.RoutingProfileId] || []).some((/** @type {string} */ q) => wanted.has(q));
			return false;
		});
		const withContacts = contactStates
			? selected.filter((u) => state.activity[u.Id].contacts.some((/** @type {any} */ c) => contactStates.includes(c.AgentContactState)))
			: selected;
		const { slice, next } = page(withContacts, 'GetCurrentUserData', filters, body.NextToken, size);
		/** @type {any} */
		const out = { UserDataList: slice.map(userData), ApproximateTotalCount: withContacts.length };
		if (next) out.NextToken = next;
		return { status: 200, body: out };
	}

	function putUserStatus(/** @type {any} */ rq) {
		instance(rq.params.instanceId);
		const user = userById(rq.params.userId);
		if (!user) throw awsError(404, 'ResourceNotFoundException', `User not found: ${rq.params.userId}`);
		const id = rq.body && rq.body.AgentStatusId;
		if (typeof id !== 'string' || id === '') throw awsError(400, 'InvalidParameterException', "1 validation error detected: Value null at 'agentStatusId' failed to satisfy constraint: Member must not be null");
		const status = state.statuses.find((s) => s.AgentStatusId === id);
		if (!status) throw awsError(404, 'ResourceNotFoundException', `Agent status not found: ${id}`);
		// ASSUMPTION: a disabled status cannot be chosen in the Contact Control Panel, so the API refuses it too.
		if (status.State !== 'ENABLED') throw awsError(400, 'InvalidRequestException', `Agent status ${status.Name} is disabled.`);
		const a = state.activity[user.Id];
		// "If the agent is currently handling a contact, this sets the agent's next status."
		if (a.contacts.length) a.nextStatusId = status.AgentStatusId;
		else if (a.statusId !== status.AgentStatusId) Object.assign(a, { statusId: status.AgentStatusId, since: Date.now(), nextStatusId: null });
		return { status: 200, body: {} };
	}

	function listAgentStatuses(/** @type {any} */ rq) {
		instance(rq.params.instanceId);
		const url = rq.url;
		const types = url.searchParams.getAll('AgentStatusTypes');
		for (const t of types) if (!['ROUTABLE', 'CUSTOM', 'OFFLINE'].includes(t)) throw awsError(400, 'InvalidParameterException', `1 validation error detected: Value '[${t}]' at 'agentStatusTypes' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [ROUTABLE, CUSTOM, OFFLINE]]`);
		if (types.length > 3) throw awsError(400, 'InvalidParameterException', "1 validation error detected: Value at 'agentStatusTypes' failed to satisfy constraint: Member must have length less than or equal to 3");
		const size = maxResults(url.searchParams.get('maxResults') ?? undefined, 1000, 100, 'maxResults');
		const matching = state.statuses.filter((s) => !types.length || types.includes(s.Type));
		const { slice, next } = page(matching, 'ListAgentStatuses', types, url.searchParams.get('nextToken') ?? undefined, size);
		/** @type {any} */
		const out = { AgentStatusSummaryList: slice.map((s) => ({ Id: s.AgentStatusId, Arn: s.AgentStatusARN, Name: s.Name, Type: s.Type, LastModifiedTime: s.LastModifiedTime, LastModifiedRegion: s.LastModifiedRegion })) };
		if (next) out.NextToken = next;
		return { status: 200, body: out };
	}

	function describeAgentStatus(/** @type {any} */ rq) {
		instance(rq.params.instanceId);
		const status = state.statuses.find((s) => s.AgentStatusId === rq.params.statusId);
		if (!status) throw awsError(404, 'ResourceNotFoundException', `Agent status not found: ${rq.params.statusId}`);
		return { status: 200, body: { AgentStatus: clone(status) } };
	}

	function checkStatusFields(/** @type {any} */ body, /** @type {boolean} */ create) {
		if (create && (typeof body.Name !== 'string' || body.Name === '')) throw awsError(400, 'InvalidParameterException', "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null");
		if (create && !['ENABLED', 'DISABLED'].includes(body.State)) throw awsError(400, 'InvalidParameterException', "1 validation error detected: Value at 'state' failed to satisfy constraint: Member must satisfy enum value set: [DISABLED, ENABLED]");
		if (!create && body.State !== undefined && !['ENABLED', 'DISABLED'].includes(body.State)) throw awsError(400, 'InvalidParameterException', "1 validation error detected: Value at 'state' failed to satisfy constraint: Member must satisfy enum value set: [DISABLED, ENABLED]");
		if (body.Name !== undefined && (String(body.Name).length < 1 || String(body.Name).length > 127)) throw awsError(400, 'InvalidParameterException', "1 validation error detected: Value at 'name' failed to satisfy constraint: Member must have length between 1 and 127");
		if (body.Description !== undefined && String(body.Description).length > 250) throw awsError(400, 'InvalidParameterException', "1 validation error detected: Value at 'description' failed to satisfy constraint: Member must have length less than or equal to 250");
		if (body.DisplayOrder !== undefined && !(Number.isInteger(body.DisplayOrder) && body.DisplayOrder >= 1 && body.DisplayOrder <= 50)) throw awsError(400, 'InvalidParameterException', "1 validation error detected: Value at 'displayOrder' failed to satisfy constraint: Member must have value between 1 and 50");
	}

	function createAgentStatus(/** @type {any} */ rq) {
		instance(rq.params.instanceId);
		const body = rq.body || {};
		checkStatusFields(body, true);
		if (state.statuses.some((s) => s.Name.toLowerCase() === String(body.Name).toLowerCase())) throw awsError(409, 'DuplicateResourceException', `An agent status named ${body.Name} already exists.`);
		const id = crypto.randomUUID();
		state.statuses.push({
			AgentStatusARN: statusArn(id),
			AgentStatusId: id,
			Name: body.Name,
			Description: body.Description,
			Type: 'CUSTOM',
			DisplayOrder: body.DisplayOrder ?? state.statuses.length + 1,
			State: body.State,
			Tags: body.Tags || {},
			LastModifiedTime: epochSeconds(Date.now()),
			LastModifiedRegion: REGION,
		});
		return { status: 200, body: { AgentStatusARN: statusArn(id), AgentStatusId: id } };
	}

	function updateAgentStatus(/** @type {any} */ rq) {
		instance(rq.params.instanceId);
		const status = state.statuses.find((s) => s.AgentStatusId === rq.params.statusId);
		if (!status) throw awsError(404, 'ResourceNotFoundException', `Agent status not found: ${rq.params.statusId}`);
		const body = rq.body || {};
		checkStatusFields(body, false);
		// ASSUMPTION: the system statuses (Available, Offline) keep their type and name, as in the admin website.
		if (status.Type !== 'CUSTOM' && body.Name !== undefined && body.Name !== status.Name) throw awsError(400, 'InvalidRequestException', `The name of the ${status.Name} status cannot be changed.`);
		if (body.Name !== undefined && state.statuses.some((s) => s !== status && s.Name.toLowerCase() === String(body.Name).toLowerCase())) throw awsError(409, 'DuplicateResourceException', `An agent status named ${body.Name} already exists.`);
		for (const k of ['Name', 'Description', 'State', 'DisplayOrder']) if (body[k] !== undefined) status[k] = body[k];
		if (body.ResetOrderNumber === true) delete status.DisplayOrder;
		status.LastModifiedTime = epochSeconds(Date.now());
		return { status: 200, body: {} };
	}

	function describeUser(/** @type {any} */ rq) {
		instance(rq.params.instanceId);
		const user = state.users.find((u) => u.Id === rq.params.userId);
		if (!user) throw awsError(404, 'ResourceNotFoundException', `User not found: ${rq.params.userId}`);
		return { status: 200, body: { User: clone(user) } };
	}

	function listUsers(/** @type {any} */ rq) {
		instance(rq.params.instanceId);
		const size = maxResults(rq.url.searchParams.get('maxResults') ?? undefined, 1000, 100, 'maxResults');
		const { slice, next } = page(state.users, 'ListUsers', {}, rq.url.searchParams.get('nextToken') ?? undefined, size);
		/** @type {any} */
		const out = { UserSummaryList: slice.map((u) => ({ Id: u.Id, Arn: u.Arn, Username: u.Username, LastModifiedTime: u.LastModifiedTime, LastModifiedRegion: u.LastModifiedRegion })) };
		if (next) out.NextToken = next;
		return { status: 200, body: out };
	}

	/** SearchUsers with one StringCondition on Username, FirstName, LastName or ResourceId (the fields the Reference lists that a person is found by). */
	function searchUsers(/** @type {any} */ rq) {
		const body = rq.body || {};
		if (typeof body.InstanceId !== 'string') throw awsError(400, 'InvalidParameterException', "1 validation error detected: Value null at 'instanceId' failed to satisfy constraint: Member must not be null");
		instance(body.InstanceId);
		const size = maxResults(body.MaxResults, 100, 100, 'maxResults');
		const cond = body.SearchCriteria?.StringCondition;
		const FIELDS = { Username: (/** @type {any} */ u) => u.Username, FirstName: (/** @type {any} */ u) => u.IdentityInfo.FirstName, LastName: (/** @type {any} */ u) => u.IdentityInfo.LastName, ResourceId: (/** @type {any} */ u) => u.Id, RoutingProfileId: (/** @type {any} */ u) => u.RoutingProfileId };
		let matching = state.users;
		if (cond) {
			const field = Object.keys(FIELDS).find((f) => f.toLowerCase() === String(cond.FieldName).toLowerCase());
			if (!field) throw awsError(400, 'InvalidParameterException', `Field name ${cond.FieldName} is not supported.`);
			if (!['STARTS_WITH', 'CONTAINS', 'EXACT'].includes(cond.ComparisonType)) throw awsError(400, 'InvalidParameterException', "1 validation error detected: Value at 'searchCriteria.stringCondition.comparisonType' failed to satisfy constraint: Member must satisfy enum value set: [STARTS_WITH, CONTAINS, EXACT]");
			const value = String(cond.Value ?? '').toLowerCase();
			const get = /** @type {any} */ (FIELDS)[field];
			matching = state.users.filter((u) => {
				const v = String(get(u) ?? '').toLowerCase();
				return cond.ComparisonType === 'EXACT' ? v === value : cond.ComparisonType === 'STARTS_WITH' ? v.startsWith(value) : v.includes(value);
			});
		}
		const { slice, next } = page(matching, 'SearchUsers', body.SearchCriteria ?? null, body.NextToken, size);
		/** @type {any} */
		const out = {
			Users: slice.map((u) => ({ Arn: u.Arn, DirectoryUserId: u.DirectoryUserId, Id: u.Id, IdentityInfo: { FirstName: u.IdentityInfo.FirstName, LastName: u.IdentityInfo.LastName }, PhoneConfig: clone(u.PhoneConfig), RoutingProfileId: u.RoutingProfileId, SecurityProfileIds: clone(u.SecurityProfileIds), Tags: clone(u.Tags), Username: u.Username })),
			ApproximateTotalCount: matching.length,
		};
		if (next) out.NextToken = next;
		return { status: 200, body: out };
	}

	/**
	 * AssumeRole: the caller must be the IAM user the role trusts, with the External ID the trust
	 * policy requires; anything else is AccessDenied, as STS says it (one message for both).
	 */
	function assumeRole(/** @type {any} */ rq) {
		try {
			verifySignature(rq, client, auth, 'sts');
		} catch (error) {
			if (!(error instanceof HttpError)) throw error;
			const code = /** @type {any} */ (STS_AUTH_CODES)[error.headers['x-amzn-ErrorType']] || 'AccessDenied';
			throw stsError(403, code, error.body.message);
		}
		const p = rq.body && typeof rq.body === 'object' ? rq.body : {};
		if (p.Action !== 'AssumeRole' || p.Version !== '2011-06-15') throw stsError(400, 'InvalidAction', `Could not find operation ${p.Action} for version ${p.Version}`);
		if (!p.RoleArn) throw stsError(400, 'ValidationError', "1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null");
		if (!p.RoleSessionName) throw stsError(400, 'ValidationError', "1 validation error detected: Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null");
		if (!/^[\w+=,.@-]{2,64}$/.test(p.RoleSessionName)) throw stsError(400, 'ValidationError', `1 validation error detected: Value '${p.RoleSessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`);
		const duration = p.DurationSeconds === undefined ? 3600 : Number(p.DurationSeconds);
		if (!Number.isInteger(duration) || duration < 900 || duration > 43200) throw stsError(400, 'ValidationError', `1 validation error detected: Value '${p.DurationSeconds}' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200`);
		const keyId = String(rq.headers.authorization).split('Credential=')[1].split('/')[0];
		// ASSUMPTION: the role trusts only the IAM user; temporary keys (role chaining) are refused too.
		if (p.RoleArn !== client.roleArn || keyId !== client.accessKeyId || p.ExternalId !== client.externalId) {
			throw stsError(403, 'AccessDenied', `User: ${IAM_USER_ARN} is not authorized to perform: sts:AssumeRole on resource: ${p.RoleArn}`);
		}
		if (duration > ROLE_MAX_SESSION_SECONDS) throw stsError(400, 'ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
		const accessKeyId = `ASIA${randomKeyChars(16)}`;
		const session = { secretAccessKey: crypto.randomBytes(30).toString('base64'), sessionToken: crypto.randomBytes(96).toString('base64'), expiresAt: auth.now() + duration * 1000 };
		auth.sessions.set(accessKeyId, session);
		common.recordSecret('token', 'amazonConnect', session.secretAccessKey);
		common.recordSecret('token', 'amazonConnect', session.sessionToken);
		const requestId = crypto.randomUUID();
		const roleName = p.RoleArn.split('/').pop();
		const xml = [
			`<AssumeRoleResponse xmlns="${STS_NS}">`,
			'  <AssumeRoleResult>',
			'    <AssumedRoleUser>',
			`      <Arn>arn:aws:sts::${ACCOUNT}:assumed-role/${xmlEscape(roleName)}/${xmlEscape(p.RoleSessionName)}</Arn>`,
			`      <AssumedRoleId>AROA${randomKeyChars(17)}:${xmlEscape(p.RoleSessionName)}</AssumedRoleId>`,
			'    </AssumedRoleUser>',
			'    <Credentials>',
			`      <AccessKeyId>${accessKeyId}</AccessKeyId>`,
			`      <SecretAccessKey>${session.secretAccessKey}</SecretAccessKey>`,
			`      <SessionToken>${session.sessionToken}</SessionToken>`,
			`      <Expiration>${new Date(session.expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z')}</Expiration>`,
			'    </Credentials>',
			'  </AssumeRoleResult>',
			'  <ResponseMetadata>',
			`    <RequestId>${requestId}</RequestId>`,
			'  </ResponseMetadata>',
			'</AssumeRoleResponse>',
			'',
		].join('\n');
		return { status: 200, body: xml, headers: { 'Content-Type': 'text/xml', 'x-amzn-RequestId': requestId } };
	}
	const stsRouter = common.createRouter();
	stsRouter.add('POST', '/', assumeRole);

	const router = common.createRouter();
	const signed = (/** @type {Function} */ fn) => (/** @type {any} */ rq) => {
		verifySignature(rq, client, auth);
		if (rq.invalidJson) throw awsError(400, 'SerializationException', 'Unable to parse the request body as JSON.');
		return fn(rq);
	};
	router.add('POST', '/metrics/userdata/:instanceId', signed(getCurrentUserData));
	router.add('PUT', '/users/:instanceId/:userId/status', signed(putUserStatus));
	router.add('GET', '/users/:instanceId/:userId', signed(describeUser));
	router.add('GET', '/users-summary/:instanceId', signed(listUsers));
	router.add('POST', '/search-users', signed(searchUsers));
	router.add('GET', '/agent-status/:instanceId', signed(listAgentStatuses));
	router.add('PUT', '/agent-status/:instanceId', signed(createAgentStatus));
	router.add('GET', '/agent-status/:instanceId/:statusId', signed(describeAgentStatus));
	router.add('POST', '/agent-status/:instanceId/:statusId', signed(updateAgentStatus));

	const control = {
		/** The agent takes a voice contact (queued on `queueId`); a status set meanwhile becomes NextStatus. */
		startContact(/** @type {string} */ userId, /** @type {string} */ queueId = QUEUE.basic) {
			const a = state.activity[userId];
			if (!a) throw new Error(`No Amazon Connect user ${userId}`);
			const now = Date.now();
			const contactId = crypto.randomUUID();
			a.contacts.push({ ContactId: contactId, Channel: 'VOICE', InitiationMethod: 'INBOUND', AgentContactState: 'CONNECTED', StateStartTimestamp: epochSeconds(now), ConnectedToAgentTimestamp: epochSeconds(now), Queue: { Id: queueId, Arn: queueArn(queueId) } });
			return contactId;
		},
		/** The agent's contacts end; a queued NextStatus becomes the status. */
		endContacts(/** @type {string} */ userId) {
			const a = state.activity[userId];
			a.contacts = [];
			if (a.nextStatusId) Object.assign(a, { statusId: a.nextStatusId, since: Date.now(), nextStatusId: null });
		},
		/** The agent picks a status in the Contact Control Panel. */
		agentSets(/** @type {string} */ userId, /** @type {string} */ statusId) {
			const a = state.activity[userId];
			Object.assign(a, { statusId, since: Date.now(), nextStatusId: null, loggedIn: true });
		},
		logOut(/** @type {string} */ userId) {
			state.activity[userId].loggedIn = false;
		},
		/** The session token of the temporary key expires (STS): its calls answer ExpiredTokenException. */
		expireSessionToken() {
			auth.expiredSessionTokens.add(client.sessionToken);
		},
		/** Every session AssumeRole issued ends early (revoked, or its Expiration passed): Amazon Connect answers ExpiredTokenException. */
		expireAssumedSessions() {
			for (const [, session] of auth.sessions) auth.expiredSessionTokens.add(session.sessionToken);
		},
		/** The temporary keys AssumeRole issued, by access key ID. */
		assumedSessions() {
			return [...auth.sessions.keys()];
		},
		/** Shifts the simulator's clock (ms), to test the 5-minute signature window. */
		skewClock(/** @type {number} */ ms) {
			auth.now = () => Date.now() + ms;
		},
	};

	return {
		name: 'amazonConnect',
		client,
		state,
		reset,
		control,
		mounts: [
			{ prefix: '/amazon-connect', recordPrefix: '', router },
			{ prefix: '/amazon-sts', recordPrefix: '', router: stsRouter },
		],
		isTokenPath: () => false,
		decorate: (/** @type {Record<string,string>} */ h) => ({ 'x-amzn-RequestId': crypto.randomUUID(), ...h }),
		errorBody,
		faultHeaders,
		/** For the suite's secrets scan. */
		secrets: [client.secretAccessKey, client.tempSecretAccessKey, client.sessionToken],
	};
}

/** AWS's error for an injected fault: 429 is ThrottlingException ("Rate exceeded"), or the fault's `code`. */
function errorBody(/** @type {number} */ status, message = '', /** @type {any} */ fault = {}) {
	if (message) return { Message: message };
	if (status === 429) return { Message: fault.code === 'TooManyRequestsException' ? 'Too many requests' : 'Rate exceeded' };
	if (status >= 500) return { Message: 'Request processing failed because of an error or failure with the service.' };
	return { Message: `The request could not be completed (simulated HTTP ${status}).` };
}

function faultHeaders(/** @type {any} */ fault) {
	const type = fault.code || (fault.status === 429 ? 'ThrottlingException' : fault.status >= 500 ? 'InternalServiceException' : 'InvalidRequestException');
	return { 'x-amzn-ErrorType': type };
}

module.exports = { createVendor, DEFAULT_CLIENT, IDS };
