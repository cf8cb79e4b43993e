// @ts-check
/**
 * The secrets scan's pure parts: a capture (every string a test file's runs, items, errors and
 * log lines contained, grouped by where they were seen), and the scan of captures for the
 * secrets the simulator recorded (client secrets, every token it issued).
 */
const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');

/** Shorter strings cannot hold a secret or token (the shortest client secret has 24 characters). */
const MIN_LENGTH = 16;
const MAX_DEPTH = 24;

/** Strings seen, by where: `where` → Set of strings. */
function createCapture() {
	/** @type {Map<string, Set<string>>} */
	const seen = new Map();
	return {
		seen,
		/** Records every string inside `value` (objects walked, errors with message/stack/cause). */
		add(/** @type {string} */ where, /** @type {unknown} */ value) {
			let set = seen.get(where);
			if (!set) seen.set(where, (set = new Set()));
			collectStrings(value, set);
		},
		/** Log arguments as the console would print them, plus their parts. */
		addLog(/** @type {string} */ where, /** @type {unknown[]} */ args) {
			this.add(where, [safeFormat(args), ...args]);
		},
		toJSON() {
			return [...seen].map(([where, set]) => ({ where, strings: [...set] }));
		},
	};
}

function safeFormat(/** @type {unknown[]} */ args) {
	try {
		return util.format(...args);
	} catch {
		return '';
	}
}

/**
 * Every string of length ≥ MIN_LENGTH inside `value`. Plain data is walked by its enumerable
 * keys; errors also by message, stack, description, cause (non-enumerable on Error); functions
 * and class instances other than errors (Workflow, loaders) are skipped, they hold no output.
 * @param {unknown} value @param {Set<string>} into
 */
function collectStrings(value, into, depth = 0, seen = new Set()) {
	if (typeof value === 'string') {
		if (value.length >= MIN_LENGTH) into.add(value);
		return;
	}
	if (value === null || typeof value !== 'object' || depth > MAX_DEPTH || seen.has(value)) return;
	seen.add(value);
	if (Buffer.isBuffer(value)) return collectStrings(value.toString('utf8'), into);
	const isError = value instanceof Error;
	const proto = Object.getPrototypeOf(value);
	if (!isError && !Array.isArray(value) && proto !== Object.prototype && proto !== null) return;
	const keys = new Set(Object.keys(value));
	if (isError) for (const k of ['message', 'stack', 'description', 'cause', 'errors']) keys.add(k);
	for (const key of keys) {
		let child;
		try {
			child = /** @type {any} */ (value)[key];
		} catch {
			continue;
		}
		collectStrings(child, into, depth + 1, seen);
	}
}

/**
 * The secrets the simulator recorded (SIM_SECRETS_FILE: JSON lines `{ kind, vendor, value }`),
 * each also in its URL-encoded form when that differs.
 * @returns {Array<{ kind: string, vendor: string, value: string }>}
 */
function readSecrets(/** @type {string} */ file) {
	if (!fs.existsSync(file)) return [];
	const out = new Map();
	for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
		if (!line.trim()) continue;
		const secret = JSON.parse(line);
		out.set(secret.value, secret);
		const encoded = encodeURIComponent(secret.value);
		if (encoded !== secret.value) out.set(encoded, { ...secret, value: encoded });
	}
	return [...out.values()];
}

/** Enough of a secret to recognise it in a report, never the secret. */
const mask = (/** @type {string} */ value) => `${value.slice(0, 4)}…(${value.length} chars)`;

/**
 * Finds every secret inside the captured strings.
 * @param {Array<{ file: string, entries: Array<{ where: string, strings: string[] }> }>} captures
 * @param {Array<{ kind: string, vendor: string, value: string }>} secrets
 */
function scan(captures, secrets) {
	const findings = [];
	for (const { file, entries } of captures) {
		for (const { where, strings } of entries) {
			const text = strings.join('\n');
			for (const secret of secrets) {
				const at = text.indexOf(secret.value);
				if (at === -1) continue;
				const line = strings.find((s) => s.includes(secret.value)) ?? '';
				const excerpt = line.split(secret.value).join(`<${secret.kind}>`).slice(0, 160);
				findings.push({ file, where, kind: secret.kind, vendor: secret.vendor, secret: mask(secret.value), excerpt });
			}
		}
	}
	return findings;
}

/** Reads every per-file capture a test run left in `dir`. */
function readCaptures(/** @type {string} */ dir) {
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
}

function describeFindings(/** @type {ReturnType<typeof scan>} */ findings) {
	return findings
		.map((f) => `  ${f.file} — ${f.where}: ${f.vendor} ${f.kind} ${f.secret} in "${f.excerpt}"`)
		.join('\n');
}

module.exports = { createCapture, collectStrings, readSecrets, readCaptures, scan, describeFindings, mask };
