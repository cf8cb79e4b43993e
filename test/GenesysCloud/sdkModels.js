// @ts-check
'use strict';
/**
 * The models of Genesys' Platform API SDK (purecloud-platform-client-v2), read from its type
 * declarations (index.d.ts, namespace Models), and a checker that says where a JSON value leaves
 * a model: a field the model does not declare, a required field missing, or a wrong type.
 */
const fs = require('node:fs');
const path = require('node:path');

const SDK_DIR = path.dirname(require.resolve('purecloud-platform-client-v2/package.json'));

/** @typedef {{ type: string, required: boolean }} Field */
/** @type {Map<string, Map<string, Field>> | undefined} */
let models;

/** Every `export interface X { "field"?: type; }` of `declare namespace Models`. */
function loadModels() {
	if (models) return models;
	const lines = fs.readFileSync(path.join(SDK_DIR, 'index.d.ts'), 'utf8').split('\n');
	const start = lines.findIndex((l) => /^declare namespace Models \{/.test(l));
	if (start < 0) throw new Error('SDK index.d.ts has no Models namespace');
	models = new Map();
	/** @type {Map<string, Field> | undefined} */
	let current;
	for (let i = start + 1; i < lines.length; i++) {
		const line = lines[i];
		if (/^\}/.test(line)) break;
		const head = /^\texport interface (\w+) \{/.exec(line);
		if (head) {
			current = new Map();
			models.set(head[1], current);
			continue;
		}
		if (/^\t\}/.test(line)) {
			current = undefined;
			continue;
		}
		const field = /^\t\t"([^"]+)"(\?)?: (.+);\s*$/.exec(line);
		if (field && current) current.set(field[1], { type: field[3].trim(), required: field[2] !== '?' });
	}
	return models;
}

/** @param {string} name */
function model(name) {
	const m = loadModels().get(name);
	if (!m) throw new Error(`The SDK has no model ${name}`);
	return m;
}

/**
 * Problems of `value` against an SDK type (`Models.UserPresence`, `Array<Models.X>`, `string`, ...).
 * @param {any} value @param {string} type @param {string} [at]
 * @returns {string[]}
 */
function check(value, type, at = '$') {
	const t = type.trim();
	if (value === undefined || value === null) return [];
	const arr = /^Array<(.+)>$/.exec(t);
	if (arr) {
		if (!Array.isArray(value)) return [`${at}: expected an array (${t})`];
		return value.flatMap((v, i) => check(v, arr[1], `${at}[${i}]`));
	}
	const map = /^\{ \[key: string\]: (.+?); \}$/.exec(t);
	if (map) {
		if (typeof value !== 'object' || Array.isArray(value)) return [`${at}: expected an object (${t})`];
		return Object.entries(value).flatMap(([k, v]) => check(v, map[1], `${at}.${k}`));
	}
	const ref = /^Models\.(\w+)$/.exec(t);
	if (ref) return checkModel(value, ref[1], at);
	if (t === 'string' || /^"/.test(t)) return typeof value === 'string' ? [] : [`${at}: expected a string, got ${JSON.stringify(value)}`];
	if (t === 'number') return typeof value === 'number' ? [] : [`${at}: expected a number, got ${JSON.stringify(value)}`];
	if (t === 'boolean') return typeof value === 'boolean' ? [] : [`${at}: expected a boolean, got ${JSON.stringify(value)}`];
	// object / any / unions the declarations leave open.
	return [];
}

/** @param {any} value @param {string} name @param {string} at */
function checkModel(value, name, at) {
	if (typeof value !== 'object' || Array.isArray(value)) return [`${at}: expected a ${name} object`];
	const fields = model(name);
	const out = [];
	for (const key of Object.keys(value)) {
		if (!fields.has(key)) out.push(`${at}.${key}: not a field of ${name}`);
	}
	// Genesys embeds related entities (createdBy, division, ...) as references `{ id, selfUri }`:
	// the full model's required fields apply to the entity, not to a reference to it.
	const reference = at !== '$' && Object.keys(value).every((k) => k === 'id' || k === 'selfUri' || k === 'name');
	for (const [key, f] of fields) {
		if (f.required && value[key] === undefined) {
			if (!reference) out.push(`${at}.${key}: required by ${name}, missing`);
		} else out.push(...check(value[key], f.type, `${at}.${key}`));
	}
	return out;
}

/** @type {Map<string, { params: Record<string, string>, returns: string }> | undefined} */
let methods;

/**
 * An API method's declaration (`declare class PresenceApi { getX(a: string, body: Models.Y, ...): Promise<Models.Z>; }`):
 * its parameter types and what its promise resolves to.
 * @param {string} api e.g. 'PresenceApi' @param {string} name e.g. 'putUsersPresencesBulk'
 */
function signature(api, name) {
	if (!methods) {
		methods = new Map();
		let cls = '';
		for (const line of fs.readFileSync(path.join(SDK_DIR, 'index.d.ts'), 'utf8').split('\n')) {
			const head = /^declare class (\w+) \{/.exec(line);
			if (head) cls = head[1];
			else if (/^\}/.test(line)) cls = '';
			const m = cls && /^\s+(\w+)\((.*)\): Promise<(.+)>;\s*$/.exec(line);
			if (!m) continue;
			/** @type {Record<string, string>} */
			const params = {};
			for (const p of m[2].split(/, (?=\w+\??:)/)) {
				const [k, ...t] = p.split(':');
				if (k) params[k.replace('?', '').trim()] = t.join(':').trim();
			}
			methods.set(`${cls}.${m[1]}`, { params, returns: m[3] });
		}
	}
	const sig = methods.get(`${api}.${name}`);
	if (!sig) throw new Error(`The SDK has no ${api}.${name}`);
	return sig;
}

/** The fields a model declares (for assertions that name them). */
const fieldsOf = (/** @type {string} */ name) => [...model(name).keys()];

module.exports = { check, fieldsOf, signature, SDK_DIR };
