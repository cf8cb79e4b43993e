/**
 * Node versions, honestly: .nvmrc names the Node a developer (and GitHub's CI) uses, and every
 * package `npm ci` installs must accept it, or npm prints EBADENGINE warnings (n8n 2.41's own
 * packages want Node 24: isolated-vm 7 under n8n-workflow, and puppeteer-core 25 wants 22.12).
 * package.json's engines is what users of the published package need: Node 22 or later, for the
 * global WebSocket the Genesys Cloud Presence Trigger uses; the pinned runtime's Node must meet it.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const semver = require('semver');

const REPO = path.join(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const lock = JSON.parse(fs.readFileSync(path.join(REPO, 'package-lock.json'), 'utf8'));
const nvmrc = fs.readFileSync(path.join(REPO, '.nvmrc'), 'utf8').trim();
const runtimeNode = fs.readFileSync(path.join(REPO, 'scripts', 'lib', 'runtime-env.sh'), 'utf8').match(/^RUNTIME_NODE_VERSION=(\S+)/m)[1];

describe('Node versions', () => {
	test('.nvmrc names a Node major', () => {
		expect(nvmrc).toMatch(/^\d+$/);
	});

	test('every package npm ci installs accepts the Node .nvmrc names (no EBADENGINE)', () => {
		const refused = Object.entries(lock.packages)
			.filter(([, p]) => typeof p.engines?.node === 'string' && !semver.satisfies(`${nvmrc}.0.0`, p.engines.node))
			.map(([where, p]) => `${where || pkg.name}@${p.version}: node ${p.engines.node}`);
		expect(refused).toEqual([]);
	});

	test("package.json's engines (what users need) is the lock's, and the pinned runtime's Node meets it", () => {
		expect(pkg.engines.node).toBe('>=22');
		expect(lock.packages[''].engines).toEqual(pkg.engines);
		expect(semver.satisfies(runtimeNode, pkg.engines.node)).toBe(true);
		expect(semver.satisfies(`${nvmrc}.0.0`, pkg.engines.node)).toBe(true);
	});

	test('the GitHub workflows set Node up from .nvmrc', () => {
		for (const f of ['ci.yml', 'publish.yml']) {
			const text = fs.readFileSync(path.join(REPO, '.github', 'workflows', f), 'utf8');
			expect(text).not.toMatch(/node-version:/);
			expect(text).toMatch(/node-version-file: \.nvmrc/);
		}
	});
});
