// @ts-check
'use strict';
/**
 * Shared plumbing for the vendor simulator: routing, body parsing, request
 * recording, fault injection and the token store. Vendor modules only describe
 * routes and state; everything cross-cutting lives here so all three vendors
 * behave the same way towards the tests.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');

/** An error a handler throws to answer with a vendor-shaped body. */
class HttpError extends Error {
	/**
	 * @param {number} status
	 * @param {any} body
	 * @param {Record<string,string>} [headers]
	 */
	constructor(status, body, headers = {}) {
		super(`HTTP ${status}`);
		this.status = status;
		this.body = body;
		this.headers = headers;
	}
}

const uuid = () => crypto.randomUUID();
const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isGuid = (/** @type {any} */ v) => typeof v === 'string' && GUID_RE.test(v);
const clone = (/** @type {any} */ v) => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

/**
 * Tiny router: patterns like '/api/v2/users/:userId/presences/:sourceId'.
 * A ':name' segment matches one path segment (decoded).
 */
function createRouter() {
	/** @type {{method:string, parts:string[], handler:Function}[]} */
	const routes = [];
	const add = (/** @type {string} */ method, /** @type {string} */ pattern, /** @type {Function} */ handler) => {
		routes.push({ method, parts: pattern.split('/').filter(Boolean), handler });
	};
	/** @param {string} method @param {string} path */
	const match = (method, path) => {
		const segs = path.split('/').filter(Boolean);
		let pathMatched = false;
		for (const r of routes) {
			const params = matchParts(r.parts, segs);
			if (!params) continue;
			if (r.method !== method) {
				pathMatched = true;
				continue;
			}
			return { handler: r.handler, params, pathMatched: true };
		}
		return { handler: null, params: {}, pathMatched };
	};
	return { add, match };
}

/** @param {string[]} parts @param {string[]} segs */
function matchParts(parts, segs) {
	if (parts.length !== segs.length) return null;
	/** @type {Record<string,string>} */
	const params = {};
	for (let i = 0; i < parts.length; i++) {
		const seg = safeDecode(segs[i]);
		if (parts[i].startsWith(':')) params[parts[i].slice(1)] = seg;
		else if (parts[i].toLowerCase() !== seg.toLowerCase()) return null;
	}
	return params;
}

const safeDecode = (/** @type {string} */ s) => {
	try {
		return decodeURIComponent(s);
	} catch {
		return s;
	}
};

/** Reads the whole request body as a string. */
function readBody(/** @type {import('node:http').IncomingMessage} */ req) {
	return new Promise((resolve, reject) => {
		/** @type {Buffer[]} */
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

/**
 * Parses JSON or x-www-form-urlencoded bodies; anything else stays a raw string.
 * Invalid JSON is kept raw and flagged so vendors can answer 400.
 * @param {string} raw @param {string|undefined} contentType
 */
function parseBody(raw, contentType = '') {
	if (!raw) return { body: undefined, invalidJson: false };
	const ct = contentType.toLowerCase();
	if (ct.includes('application/x-www-form-urlencoded')) {
		return { body: Object.fromEntries(new URLSearchParams(raw)), invalidJson: false };
	}
	if (ct.includes('json') || /^\s*[[{]/.test(raw)) {
		try {
			return { body: JSON.parse(raw), invalidJson: false };
		} catch {
			return { body: raw, invalidJson: ct.includes('json') };
		}
	}
	return { body: raw, invalidJson: false };
}

/** Writes a JSON (or empty) response. */
function send(
	/** @type {import('node:http').ServerResponse} */ res,
	/** @type {number} */ status,
	/** @type {any} */ body,
	/** @type {Record<string,string>} */ headers = {},
) {
	const h = { ...headers };
	let payload = '';
	if (body !== undefined && body !== null) {
		payload = typeof body === 'string' ? body : JSON.stringify(body);
		if (!Object.keys(h).some((k) => k.toLowerCase() === 'content-type')) {
			h['Content-Type'] = 'application/json; charset=utf-8';
		}
	}
	h['Content-Length'] = String(Buffer.byteLength(payload));
	res.writeHead(status, h);
	res.end(payload);
}

/**
 * Bearer tokens per vendor. Tokens are opaque random strings (Azure AD ones
 * look like JWTs) that remember vendor, client, scopes and expiry.
 */
function createTokenStore() {
	/** @type {Map<string, {vendor:string, clientId:string, scopes:string[], expiresAt:number}>} */
	const tokens = new Map();
	/** Every token ever issued (survives clear()), for the test suite's secrets scan. */
	const issued = /** @type {string[]} */ ([]);
	return {
		issued,
		/** @param {string} vendor @param {{clientId:string, scopes?:string[], ttlSeconds:number, jwtClaims?:object}} o */
		issue(vendor, o) {
			const random = crypto.randomBytes(32).toString('base64url');
			const token = o.jwtClaims ? fakeJwt(o.jwtClaims, o.ttlSeconds) : random;
			tokens.set(token, {
				vendor,
				clientId: o.clientId,
				scopes: o.scopes || [],
				expiresAt: Date.now() + o.ttlSeconds * 1000,
			});
			issued.push(token);
			recordSecret('token', vendor, token);
			return token;
		},
		/** Returns the token record, or a reason why it is not usable. */
		check(/** @type {string} */ vendor, /** @type {string|undefined} */ token) {
			if (!token) return { ok: false, reason: 'missing' };
			const t = tokens.get(token);
			if (!t || t.vendor !== vendor) return { ok: false, reason: 'unknown' };
			if (t.expiresAt <= Date.now()) return { ok: false, reason: 'expired' };
			return { ok: true, token: t };
		},
		expire(/** @type {string|undefined} */ vendor) {
			for (const t of tokens.values()) if (!vendor || t.vendor === vendor) t.expiresAt = 0;
		},
		clear() {
			tokens.clear();
		},
		count: () => tokens.size,
	};
}

/**
 * Appends a secret the simulator knows (an issued token, a client secret) to the file named by
 * SIM_SECRETS_FILE, one JSON line each, so the suite's secrets scan can look for it in every
 * output item, error and log line (test/helpers/secretScan.js).
 * @param {'token' | 'clientSecret'} kind @param {string} vendor @param {string} value
 */
function recordSecret(kind, vendor, value) {
	const file = process.env.SIM_SECRETS_FILE;
	if (file && value) fs.appendFileSync(file, `${JSON.stringify({ kind, vendor, value })}\n`);
}

/** A JWT-shaped token (unsigned) so clients that peek at `exp` see sane values. */
function fakeJwt(/** @type {object} */ claims, /** @type {number} */ ttl) {
	const now = Math.floor(Date.now() / 1000);
	const enc = (/** @type {object} */ o) => Buffer.from(JSON.stringify(o)).toString('base64url');
	const header = enc({ typ: 'JWT', alg: 'RS256', kid: 'simulator' });
	const payload = enc({ ...claims, iat: now, nbf: now, exp: now + ttl, jti: uuid() });
	return `${header}.${payload}.${crypto.randomBytes(32).toString('base64url')}`;
}

/** Extracts the bearer token from an Authorization header. */
function bearerOf(/** @type {Record<string, any>} */ headers) {
	const m = /^Bearer\s+(.+)$/i.exec(String(headers.authorization || ''));
	return m ? m[1].trim() : undefined;
}

/**
 * Fault injection. A fault matches on vendor, method and path (vendor-relative,
 * no query): a RegExp is tested, a string matches when equal to the path or
 * contained in it. `times` limits how often it fires (default 1; unlimited when
 * only `everyNth` is given); `everyNth` fires on every Nth matching request.
 */
function createFaultStore() {
	/** @type {any[]} */
	let faults = [];
	return {
		add(/** @type {any} */ f) {
			if (!f || typeof f.status !== 'number') throw new Error('fault needs a numeric status');
			const times = f.times ?? (f.everyNth ? Infinity : 1);
			const path = f.pathRegex ? new RegExp(f.pathRegex) : f.path;
			faults.push({ ...f, path, times, seen: 0, fired: 0 });
		},
		/** Returns the fault to apply to this request, if any. */
		take(/** @type {string} */ vendor, /** @type {string} */ method, /** @type {string} */ path) {
			for (const f of faults) {
				if (!faultMatches(f, vendor, method, path)) continue;
				f.seen++;
				if (f.everyNth && f.seen % f.everyNth !== 0) continue;
				f.fired++;
				if (f.fired >= f.times) faults = faults.filter((x) => x !== f);
				return f;
			}
			return null;
		},
		clear() {
			faults = [];
		},
		list: () => faults.map((f) => ({ ...f, path: f.path instanceof RegExp ? String(f.path) : f.path })),
	};
}

function faultMatches(/** @type {any} */ f, /** @type {string} */ vendor, /** @type {string} */ method, /** @type {string} */ path) {
	if (f.vendor && f.vendor !== vendor) return false;
	if (f.method && f.method.toUpperCase() !== method) return false;
	if (f.path instanceof RegExp) return f.path.test(path);
	if (typeof f.path === 'string' && f.path) return path === f.path || path.includes(f.path);
	return true;
}

/** Paginates an array (1-based page numbers). */
function pageOf(/** @type {any[]} */ items, /** @type {number} */ pageNumber, /** @type {number} */ pageSize) {
	const start = (pageNumber - 1) * pageSize;
	return items.slice(start, start + pageSize);
}

/** Parses a positive integer query value, or returns the default. */
function intParam(/** @type {any} */ v, /** @type {number} */ def) {
	if (v === undefined || v === '') return def;
	const n = Number(v);
	return Number.isInteger(n) ? n : NaN;
}

const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/** A stable GUID derived from a string, so seeded IDs never change between runs. */
function guidFrom(/** @type {string} */ seed) {
	const h = crypto.createHash('sha1').update(seed).digest('hex');
	const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The people who exist at all three vendors (same e-mail everywhere) so that
 * cross-vendor "find agent by e-mail" works. `dataverseId` values of the first
 * two are the agents of test/fixtures/dataverse.
 */
const PEOPLE = [
	{ key: 'alex', first: 'Alex', last: 'Agent', email: 'alex.agent@contoso.com', dataverseId: '97c90b02-4e38-ef11-a315-000d3a5a54dc' },
	{ key: 'blake', first: 'Blake', last: 'Baker', email: 'blake.baker@contoso.com', dataverseId: 'a7f9a9ed-b311-ef11-9f89-000d3a544b4c' },
	{ key: 'casey', first: 'Casey', last: 'Chen', email: 'casey.chen@contoso.com', dataverseId: guidFrom('dv-user-casey') },
	{ key: 'dana', first: 'Dana', last: 'Diaz', email: 'dana.diaz@contoso.com', dataverseId: guidFrom('dv-user-dana') },
	{ key: 'eli', first: 'Eli', last: 'Evans', email: 'eli.evans@contoso.com', dataverseId: guidFrom('dv-user-eli') },
];

module.exports = {
	HttpError,
	uuid,
	isGuid,
	clone,
	createRouter,
	readBody,
	parseBody,
	send,
	createTokenStore,
	recordSecret,
	bearerOf,
	createFaultStore,
	faultMatches,
	pageOf,
	intParam,
	sleep,
	guidFrom,
	PEOPLE,
};
