// @ts-check
'use strict';
/**
 * The OData subset of the Dataverse Web API the simulator needs: $select,
 * $filter (eq/ne/gt/ge/lt/le, and/or/not, contains/startswith/endswith),
 * $orderby, $top, $count and server-driven paging (Prefer: odata.maxpagesize
 * -> @odata.nextLink with a $skiptoken paging cookie).
 */
const { HttpError } = require('./common');

/** Dataverse's own error body. */
const dvError = (/** @type {number} */ status, /** @type {string} */ code, /** @type {string} */ message) =>
	new HttpError(status, { error: { code, message } });

const syntaxError = (/** @type {string} */ msg) => dvError(400, '0x80060888', msg);
const noProperty = (/** @type {string} */ col, /** @type {string} */ entity) =>
	dvError(400, '0x80060888', `Could not find a property named '${col}' on type 'Microsoft.Dynamics.CRM.${entity}'.`);

/** Splits `expr` on a keyword (and/or) outside quotes and parentheses. */
function splitTop(/** @type {string} */ expr, /** @type {string} */ word) {
	const parts = [];
	let depth = 0;
	let quoted = false;
	let last = 0;
	const re = new RegExp(`^\\s+${word}\\s+`, 'i');
	for (let i = 0; i < expr.length; i++) {
		const c = expr[i];
		if (c === "'") quoted = !quoted;
		else if (!quoted && c === '(') depth++;
		else if (!quoted && c === ')') depth--;
		else if (!quoted && depth === 0 && /\s/.test(c)) {
			const m = re.exec(expr.slice(i));
			if (m) {
				parts.push(expr.slice(last, i));
				i += m[0].length - 1;
				last = i + 1;
			}
		}
	}
	parts.push(expr.slice(last));
	return parts.map((p) => p.trim());
}

/** True when the outer parentheses enclose the whole expression. */
function wrapped(/** @type {string} */ e) {
	if (!e.startsWith('(') || !e.endsWith(')')) return false;
	let depth = 0;
	let quoted = false;
	for (let i = 0; i < e.length; i++) {
		if (e[i] === "'") quoted = !quoted;
		if (quoted) continue;
		if (e[i] === '(') depth++;
		if (e[i] === ')') depth--;
		if (depth === 0 && i < e.length - 1) return false;
	}
	return true;
}

/** Parses an OData literal. */
function literal(/** @type {string} */ raw) {
	const v = raw.trim();
	if (/^'.*'$/s.test(v)) return v.slice(1, -1).replace(/''/g, "'");
	if (v === 'null') return null;
	if (v === 'true' || v === 'false') return v === 'true';
	if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
	if (/^[0-9a-f-]{36}$/i.test(v) || /^\d{4}-\d{2}-\d{2}/.test(v)) return v;
	throw syntaxError(`Syntax error: character '${v[0]}' is not valid at position 0 in '${v}'.`);
}

/** Compares a row value with a literal the way Dataverse does (strings case-insensitive). */
function compare(/** @type {any} */ a, /** @type {any} */ b) {
	if (a === null || a === undefined || b === null) return a === b || (a == null && b == null) ? 0 : NaN;
	if (typeof a === 'string' && typeof b === 'string') {
		const da = Date.parse(a);
		const db = Date.parse(b);
		if (/^\d{4}-\d{2}-\d{2}/.test(a) && !Number.isNaN(da) && !Number.isNaN(db)) return da - db;
		return a.toLowerCase().localeCompare(b.toLowerCase());
	}
	if (typeof a === 'boolean' || typeof b === 'boolean') return a === b ? 0 : NaN;
	return Number(a) - Number(b);
}

const OPS = {
	eq: (/** @type {number} */ c) => c === 0,
	ne: (/** @type {number} */ c) => c !== 0,
	gt: (/** @type {number} */ c) => c > 0,
	ge: (/** @type {number} */ c) => c >= 0,
	lt: (/** @type {number} */ c) => c < 0,
	le: (/** @type {number} */ c) => c <= 0,
};

/**
 * Compiles a $filter into a row predicate.
 * @param {string} expr @param {{entity:string, has:(col:string)=>boolean}} table
 * @returns {(row:any)=>boolean}
 */
function compileFilter(expr, table) {
	const e = expr.trim();
	if (!e) throw syntaxError('The $filter expression is empty.');
	if (wrapped(e)) return compileFilter(e.slice(1, -1), table);
	const ors = splitTop(e, 'or');
	if (ors.length > 1) {
		const preds = ors.map((p) => compileFilter(p, table));
		return (row) => preds.some((p) => p(row));
	}
	const ands = splitTop(e, 'and');
	if (ands.length > 1) {
		const preds = ands.map((p) => compileFilter(p, table));
		return (row) => preds.every((p) => p(row));
	}
	if (/^not\s+/i.test(e)) {
		const inner = compileFilter(e.replace(/^not\s+/i, ''), table);
		return (row) => !inner(row);
	}
	return compileClause(e, table);
}

function compileClause(/** @type {string} */ e, /** @type {any} */ table) {
	const fn = /^(contains|startswith|endswith)\(\s*(\w+)\s*,\s*('(?:[^']|'')*')\s*\)$/i.exec(e);
	if (fn) {
		const [, name, col, lit] = fn;
		if (!table.has(col)) throw noProperty(col, table.entity);
		const needle = String(literal(lit)).toLowerCase();
		const test = { contains: 'includes', startswith: 'startsWith', endswith: 'endsWith' }[name.toLowerCase()];
		return (/** @type {any} */ row) => typeof row[col] === 'string' && /** @type {any} */ (row[col].toLowerCase())[/** @type {string} */ (test)](needle);
	}
	const cmp = /^(\w+)\s+(eq|ne|gt|ge|lt|le)\s+(.+)$/i.exec(e);
	if (!cmp) throw syntaxError(`Syntax error in $filter near '${e}'.`);
	const [, col, op, lit] = cmp;
	if (!table.has(col)) throw noProperty(col, table.entity);
	const value = literal(lit);
	const test = /** @type {any} */ (OPS)[op.toLowerCase()];
	return (/** @type {any} */ row) => {
		const c = compare(row[col] ?? null, value);
		return Number.isNaN(c) ? op.toLowerCase() === 'ne' : test(c);
	};
}

/** Applies $orderby (`col [asc|desc], ...`). */
function orderRows(/** @type {any[]} */ rows, /** @type {string|undefined} */ orderby, /** @type {any} */ table) {
	if (!orderby) return rows;
	const keys = orderby.split(',').map((k) => {
		const [col, dir = 'asc'] = k.trim().split(/\s+/);
		if (!table.has(col)) throw noProperty(col, table.entity);
		return { col, sign: dir.toLowerCase() === 'desc' ? -1 : 1 };
	});
	return [...rows].sort((a, b) => {
		for (const { col, sign } of keys) {
			const c = compare(a[col] ?? '', b[col] ?? '');
			if (c) return sign * (Number.isNaN(c) ? 0 : c);
		}
		return 0;
	});
}

/** Reads `Prefer` preferences (odata.maxpagesize, return=representation, include-annotations). */
function preferences(/** @type {string|undefined} */ header) {
	const out = { maxPageSize: 0, representation: false, annotations: '' };
	for (const part of String(header || '').split(',')) {
		const p = part.trim();
		const m = /^odata\.maxpagesize\s*=\s*(\d+)$/i.exec(p);
		if (m) out.maxPageSize = Number(m[1]);
		if (/^return\s*=\s*representation$/i.test(p)) out.representation = true;
		const a = /^odata\.include-annotations\s*=\s*"?([^"]*)"?$/i.exec(p);
		if (a) out.annotations = a[1];
	}
	return out;
}

/** The paging cookie Dataverse puts in $skiptoken; only `pagenumber` matters here. */
const skipToken = (/** @type {number} */ page) =>
	`<cookie pagenumber="${page}" pagingcookie="%253ccookie%2520page%253d%2522${page - 1}%2522%253e%253c%252fcookie%253e" istracking="False" />`;

function pageFromSkipToken(/** @type {string|undefined} */ token) {
	if (!token) return 1;
	const m = /pagenumber="(\d+)"/.exec(token);
	if (!m) throw syntaxError(`Invalid $skiptoken '${token}'.`);
	return Number(m[1]);
}

module.exports = { compileFilter, orderRows, preferences, skipToken, pageFromSkipToken, dvError, noProperty, syntaxError };
