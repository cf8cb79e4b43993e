// @ts-check
/**
 * The editor speaks the user's language: no text a user reads in a node's or credential's panel
 * (labels, descriptions, hints, notices, placeholders, option names, action names, validation
 * messages) names an API function, a table or column, a query syntax, an HTTP verb and path or a
 * status code. Every node and credential the package lists is read as built into dist/.
 */
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');
const { n8n } = require(path.join(ROOT, 'package.json'));

/** Developer jargon that once reached the editor, each with what it was. */
const JARGON = [
	[/CCaaS_/, 'a Dataverse function name'],
	[/msdyn_|\bsystemuserid\b|internalemailaddress|PrimaryEntityId/, 'a Dataverse table or column name'],
	[/\$filter|\$select|\bOData\b/, 'OData query syntax'],
	[/constant time/i, 'how a comparison is implemented'],
	[/\bupTo\b|include=/, 'a raw API field or query'],
	[/\b(GET|POST|PUT|PATCH|DELETE) \//, 'an HTTP verb and path'],
	[/\/api\/v\d/, 'an API path'],
	[/\bv2\.users\.|\{userId\}/, 'a raw Genesys Cloud topic or path'],
	[/\b2xx\b|\b(400|401|403|404|409|429|500|502|503|504)\b/, 'an HTTP status code'],
	[/=true\b|\bcategoryType\b|\bmodifiedDate\b/, 'a raw API parameter or field'],
	[/\bTime in ms\b/, 'an abbreviated unit'],
];

/** Keys whose string value a user reads in the editor. */
const SHOWN = new Set(['displayName', 'description', 'hint', 'placeholder', 'action', 'errorMessage']);

/**
 * Every string a user reads, with where it sits ("GenesysCloud.properties[3].options[1].description").
 * An option's `name` is shown (its `value` is stored); a parameter's `name` is not.
 * @param {unknown} value @param {string} where @returns {Array<[string, string]>}
 */
function shownStrings(value, where) {
	if (Array.isArray(value)) return value.flatMap((v, i) => shownStrings(v, `${where}[${i}]`));
	if (!value || typeof value !== 'object') return [];
	/** @type {Array<[string, string]>} */
	const out = [];
	const isOption = 'value' in value && !('type' in value);
	for (const [key, v] of Object.entries(value)) {
		if (typeof v === 'string') {
			if (SHOWN.has(key) || (key === 'name' && isOption)) out.push([`${where}.${key}`, v]);
		} else {
			out.push(...shownStrings(v, `${where}.${key}`));
		}
	}
	return out;
}

/** Each node's and credential's description, as n8n loads it. */
const DESCRIPTIONS = [...n8n.nodes, ...n8n.credentials].flatMap((file) =>
	Object.values(require(path.join(ROOT, file)))
		.filter((C) => typeof C === 'function')
		.map((C) => {
			const instance = new C();
			return /** @type {[string, any]} */ ([path.basename(file).replace(/\.(node|credentials)\.js$/, ''), instance.description ?? instance]);
		}),
);

test('every node and credential of the package is read', () => {
	expect(DESCRIPTIONS.map(([name]) => name)).toHaveLength(n8n.nodes.length + n8n.credentials.length);
	expect(DESCRIPTIONS.every(([, d]) => Array.isArray(d.properties) && d.properties.length > 0)).toBe(true);
});

describe.each(DESCRIPTIONS)('%s', (name, description) => {
	const strings = shownStrings(description, name);

	test.each(JARGON)('no %p in what the editor shows (%s)', (pattern) => {
		const found = strings.filter(([, text]) => pattern.test(text)).map(([where, text]) => `${where}: ${text}`);
		expect(found).toEqual([]);
	});
});

describe.each(DESCRIPTIONS.filter(([name]) => !/Api$/.test(name)))('%s: every choice is explained', (name, description) => {
	/**
	 * The switches and choices a user decides on without a word of explanation: a switch needs a
	 * description; a choice needs one, or one on each of its options. Resource and Operation are
	 * explained by their options' actions.
	 * @param {any[]} properties @returns {string[]}
	 */
	const unexplained = (properties, where = name) =>
		properties.flatMap((p) => {
			const at = `${where} › ${p.displayName ?? p.name}`;
			if (p.type === 'collection' || p.type === 'fixedCollection') {
				return (p.options ?? []).flatMap((/** @type {any} */ o) => unexplained(o.values ?? [o], at));
			}
			if (p.type === 'boolean') return p.description ? [] : [at];
			const choice = (p.type === 'options' || p.type === 'multiOptions') && Array.isArray(p.options);
			if (!choice || ['resource', 'operation'].includes(p.name) || p.description) return [];
			return p.options.every((/** @type {any} */ o) => o.description) ? [] : [at];
		});

	test('each option or switch a user must decide on has a description', () => {
		expect(unexplained(description.properties)).toEqual([]);
	});
});

describe.each(DESCRIPTIONS.filter(([name]) => !/Api$/.test(name)))('%s: fields read apart', (name, description) => {
	/**
	 * Side-by-side fields whose labels differ only by "Names or IDs" (n8n's required ending for a
	 * list loaded from the vendor) read as the same field twice. Fields sharing a parameter name
	 * are one field shown in different situations.
	 * @param {any[]} properties @returns {string[]}
	 */
	const lookAlike = (properties) => {
		const stem = (/** @type {string} */ label) => label.replace(/\s+or IDs$/, '').replace(/\s+Names?$/, '');
		const seen = new Map();
		const clashes = [];
		for (const p of properties) {
			if (p.type === 'collection' || p.type === 'fixedCollection') clashes.push(...lookAlike((p.options ?? []).flatMap((/** @type {any} */ o) => o.values ?? [o])));
			if (!p.displayName || p.type === 'notice') continue;
			const other = seen.get(stem(p.displayName));
			if (other && other.name !== p.name) clashes.push(`${other.displayName} / ${p.displayName}`);
			seen.set(stem(p.displayName), p);
		}
		return clashes;
	};

	test('no two fields side by side read alike', () => {
		expect(lookAlike(description.properties)).toEqual([]);
	});

	test('no text says the credential is above or below: n8n decides where its selector goes', () => {
		const placed = shownStrings(description.properties, name).filter(([, text]) => /credential[^.:]*\b(above|below)\b/i.test(text));
		expect(placed).toEqual([]);
	});
});
