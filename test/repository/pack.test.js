/**
 * What npm publishes: the tarball `npm pack` would build from the current dist/ (npm test builds
 * first). A user's n8n installs exactly this, so it must hold every node, credential, icon and
 * template package.json names, and nothing else: n8n-node build copies every *.png and *.svg of
 * the project into dist/ (docs' screenshots, the UI test's output), so `files` names the built
 * folders one by one. Also the release metadata that goes with it: the version has a CHANGELOG
 * entry, the licence file matches package.json, and every link points at one repository.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const REPO = path.join(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));

function packedFiles() {
	const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
		cwd: REPO,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	return JSON.parse(out)[0].files.map((f) => f.path);
}

// The icon files a built node or credential names (`file:` paths, light and dark).
function iconsOf(entry) {
	const mod = require(path.join(REPO, entry));
	return Object.values(mod)
		.filter((Exported) => typeof Exported === 'function')
		.flatMap((Exported) => {
			const instance = new Exported();
			const icon = (instance.description ?? instance).icon;
			const icons = typeof icon === 'string' ? [icon] : [icon?.light, icon?.dark];
			return icons
				.filter((i) => typeof i === 'string' && i.startsWith('file:'))
				.map((i) => path.posix.normalize(path.posix.join(path.posix.dirname(entry), i.slice('file:'.length))));
		});
}

describe('the npm package', () => {
	let files;
	beforeAll(() => {
		files = packedFiles();
	});

	test('holds only the built code, README.md, LICENSE and package.json', () => {
		const strays = files.filter((f) => !['README.md', 'LICENSE', 'package.json'].includes(f) && !f.startsWith('dist/'));
		expect(strays).toEqual([]);
		expect(files).toEqual(expect.arrayContaining(['README.md', 'LICENSE', 'package.json']));
	});

	test('has no tests, fixtures, screenshots, docs, TypeScript sources or build caches', () => {
		const unwanted = files.filter(
			(f) =>
				/(^|\/)(test|tests|__tests__|fixtures|docs|test-output|simulator|bench|scripts)\//.test(f) ||
				/\.(png|jpe?g|gif|tgz|tsbuildinfo|log)$/.test(f) ||
				/\.test\.js$/.test(f) ||
				(f.endsWith('.ts') && !f.endsWith('.d.ts')),
		);
		expect(unwanted).toEqual([]);
	});

	test("holds every node and credential package.json's n8n section names, with their icons", () => {
		const entries = [...pkg.n8n.credentials, ...pkg.n8n.nodes];
		expect(entries.length).toBeGreaterThan(10);
		const missing = entries.flatMap((entry) => [entry, ...iconsOf(entry)]).filter((f) => !files.includes(f));
		expect(missing).toEqual([]);
	});

	test('ships every template', () => {
		const templates = fs.readdirSync(path.join(REPO, 'templates')).filter((f) => f.endsWith('.json'));
		expect(templates.length).toBeGreaterThan(0);
		expect(templates.map((t) => `dist/templates/${t}`).filter((f) => !files.includes(f))).toEqual([]);
	});
});

describe('the release metadata', () => {
	const REPO_URL = 'https://github.com/agent-presence/n8n-nodes-agent-presence';

	test("the version has a dated CHANGELOG entry", () => {
		const changelog = fs.readFileSync(path.join(REPO, 'CHANGELOG.md'), 'utf8');
		const escaped = pkg.version.replace(/\./g, '\\.');
		expect(changelog).toMatch(new RegExp(`^## \\[${escaped}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'));
	});

	test('LICENSE is the licence package.json names', () => {
		expect(pkg.license).toBe('MIT');
		const license = fs.readFileSync(path.join(REPO, 'LICENSE'), 'utf8');
		expect(license).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} \S/);
	});

	test('repository, bugs and homepage point at the same repository', () => {
		expect(pkg.repository).toEqual({ type: 'git', url: `${REPO_URL}.git` });
		expect(pkg.bugs).toEqual({ url: `${REPO_URL}/issues` });
		expect(pkg.homepage).toBe(`${REPO_URL}#readme`);
	});
});
