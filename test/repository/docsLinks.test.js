// @ts-check
/**
 * Every Docs link opens the right page: the Docs link of each node (its codex's primary and credential
 * documentation) and of each credential (`documentationUrl`) points at this repository's README or docs/,
 * at a file that exists and, when it names a section, at a heading that file has. The same check for
 * every link in README.md, CONTRIBUTING.md and docs/**.md that stays inside the repository.
 * Anchors follow GitHub's heading slugs (github-slugger): text content, lower case, punctuation
 * dropped, spaces to hyphens, "-1", "-2" … for repeated headings.
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');
const { n8n } = require(path.join(ROOT, 'package.json'));
const REPO_URL = 'https://github.com/agent-presence/n8n-nodes-agent-presence';
const BLOB = `${REPO_URL}/blob/main/`;

/** GitHub's slug of a heading's markdown text. */
function slug(markdown) {
	const text = markdown
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links and images: their text
		.replace(/<[^>]+>/g, '') // inline HTML
		.replace(/[`*]|(^|\s)_+|_+(\s|$)/g, '$1$2'); // code and emphasis marks
	return text
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
		.replace(/ /g, '-');
}

/** The anchors of a markdown file's headings (fenced code skipped), repeated ones numbered as GitHub does. */
function anchorsOf(file) {
	const seen = new Map();
	const anchors = new Set();
	let fenced = false;
	for (const line of fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n')) {
		if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
		const heading = !fenced && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
		if (!heading) continue;
		const base = slug(heading[1]);
		const n = seen.get(base) ?? 0;
		seen.set(base, n + 1);
		anchors.add(n === 0 ? base : `${base}-${n}`);
	}
	return anchors;
}

/**
 * What is wrong with a link to `target` (a repository path, maybe with #anchor), or '' when it opens.
 * @param {string} target @param {string} from the file the link is in (for relative paths and bare anchors)
 */
function brokenTarget(target, from) {
	const [rawPath, anchor] = target.split('#');
	const file = rawPath ? path.posix.normalize(path.posix.join(path.posix.dirname(from), decodeURI(rawPath))) : from;
	if (file.startsWith('..')) return `${file} is outside the repository`;
	if (!fs.existsSync(path.join(ROOT, file))) return `${file} does not exist`;
	if (!anchor) return '';
	if (!file.endsWith('.md')) return `${file} is not a markdown file, it has no #${anchor}`;
	return anchorsOf(file).has(anchor) ? '' : `${file} has no heading #${anchor}`;
}

/** A Docs link: it must be this repository's page, and open. */
function brokenDocsUrl(url) {
	if (url === `${REPO_URL}#readme`) return '';
	if (url.startsWith(`${REPO_URL}#`)) return brokenTarget(`README.md${url.slice(REPO_URL.length)}`, 'README.md');
	if (url.startsWith(BLOB)) return brokenTarget(url.slice(BLOB.length), 'README.md');
	return `${url} is not a page of this repository's documentation`;
}

const codexFile = (nodeFile) => nodeFile.replace(/^dist\//, '').replace(/\.js$/, '.json');

/** [where, url] for every Docs link a node or credential shows in n8n. */
const DOCS_LINKS = [
	...n8n.nodes.flatMap((/** @type {string} */ nodeFile) => {
		const file = codexFile(nodeFile);
		const { resources = {} } = JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
		return ['primaryDocumentation', 'credentialDocumentation'].flatMap((kind) =>
			(resources[kind] ?? []).map((/** @type {{url: string}} */ r) => [`${file} ${kind}`, r.url]),
		);
	}),
	...n8n.credentials.flatMap((/** @type {string} */ file) =>
		Object.values(require(path.join(ROOT, file)))
			.filter((C) => typeof C === 'function')
			.map((C) => [`${new C().name} documentationUrl`, new C().documentationUrl]),
	),
];

/** The markdown files users and contributors read. */
function markdownFiles() {
	const walk = (dir) =>
		fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
			const rel = path.posix.join(dir, e.name);
			return e.isDirectory() ? walk(rel) : e.name.endsWith('.md') ? [rel] : [];
		});
	return ['README.md', 'CONTRIBUTING.md'].filter((f) => fs.existsSync(path.join(ROOT, f))).concat(walk('docs'));
}

/** [where, target] for every link in a markdown file that stays in the repository. */
function repositoryLinks(file) {
	const out = [];
	let fenced = false;
	fs.readFileSync(path.join(ROOT, file), 'utf8')
		.split('\n')
		.forEach((line, i) => {
			if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
			if (fenced) return;
			const bare = line.replace(/`[^`]*`/g, '');
			for (const m of bare.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\)|^\s*\[[^\]]+\]:\s*(\S+)/g)) {
				const target = m[1] ?? m[2];
				const where = `${file}:${i + 1}`;
				if (target.startsWith(REPO_URL)) out.push([where, target, 'url']);
				else if (!/^[a-z][a-z0-9+.-]*:/i.test(target)) out.push([where, target, file]);
			}
		});
	return out;
}

describe('Docs links of nodes and credentials', () => {
	test('every node and credential has one', () => {
		const nodesWithout = n8n.nodes.map(codexFile).filter((f) => !DOCS_LINKS.some(([where, , ]) => where.startsWith(`${f} primary`)));
		expect(nodesWithout).toEqual([]);
		expect(DOCS_LINKS.filter(([where]) => where.endsWith('documentationUrl'))).toHaveLength(n8n.credentials.length);
	});

	test.each(DOCS_LINKS)('%s opens (%s)', (_where, url) => {
		expect(brokenDocsUrl(url)).toBe('');
	});
});

describe('links inside the documentation', () => {
	const files = markdownFiles();

	test('README, CONTRIBUTING and docs/ are read', () => {
		expect(files).toEqual(expect.arrayContaining(['README.md', 'CONTRIBUTING.md']));
		expect(files.filter((f) => f.startsWith('docs/setup/'))).toHaveLength(5);
	});

	test('every link to a file or section of the repository opens', () => {
		const links = files.flatMap((file) => repositoryLinks(file));
		expect(links.length).toBeGreaterThan(50);
		const broken = links.flatMap(([where, target, from]) => {
			const problem = from === 'url' ? brokenDocsUrl(target) : brokenTarget(target, from);
			return problem ? [`${where}: ${target}: ${problem}`] : [];
		});
		expect(broken).toEqual([]);
	});
});

describe('the slug rules', () => {
	test.each([
		['Installation', 'installation'],
		['Genesys Cloud (action node)', 'genesys-cloud-action-node'],
		['Dynamics 365 Contact Center → Genesys Cloud', 'dynamics-365-contact-center--genesys-cloud'],
		['`npm start`: the demo', 'npm-start-the-demo'],
		['5. Grant "Act on Behalf of Another User"', '5-grant-act-on-behalf-of-another-user'],
		['Queue mode: every process', 'queue-mode-every-process'],
	])('%s → #%s', (heading, expected) => {
		expect(slug(heading)).toBe(expected);
	});
});
