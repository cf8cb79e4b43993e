/**
 * The repository stands alone: a user's clone has nothing beside it, so no test, benchmark or
 * script may read a path outside the repository (a sibling folder or an absolute path of some
 * development machine). The vendors' sample payloads live in test/fixtures/.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const REPO = path.join(__dirname, '..', '..');

function trackedFiles() {
	try {
		const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: REPO, encoding: 'utf8' });
		return out.split('\n').filter(Boolean);
	} catch {
		// Not a git checkout (a packed copy): walk the folders that hold code.
		const walk = (dir) =>
			fs.readdirSync(path.join(REPO, dir), { withFileTypes: true }).flatMap((e) => {
				const rel = path.join(dir, e.name);
				if (e.name === 'node_modules' || e.name === 'dist') return [];
				return e.isDirectory() ? walk(rel) : [rel];
			});
		return ['test', 'bench', 'scripts', 'nodes', 'credentials'].flatMap(walk);
	}
}

const CODE = /\.(js|ts|mjs|cjs|sh)$/;
// A path that leaves the repository: a sibling folder beside the clone, or an absolute path of a machine's
// work folders. Module paths inside the repo and system binaries are fine.
const OUTSIDE = [/['"`]\.\.['"`],\s*['"`]shared['"`]/, /['"`]\/(work|home|Users|root)\//];
// A relative path literal ('../x', "../../y") that resolves to a place above the repository root.
const RELATIVE = /['"`]((?:\.\.\/)+)[^'"`]*['"`]/g;
const leavesRepo = (file, line) =>
	[...line.matchAll(RELATIVE)].some((m) => !path.resolve(REPO, path.dirname(file), m[1]).startsWith(REPO));

describe('the repository stands alone', () => {
	const files = trackedFiles().filter((f) => CODE.test(f) && !f.startsWith('node_modules/') && f !== 'test/repository/standalone.test.js');

	test('there is code to check', () => {
		expect(files.length).toBeGreaterThan(50);
	});

	test('no code reads a path outside the repository', () => {
		const offenders = [];
		for (const f of files) {
			const lines = fs.readFileSync(path.join(REPO, f), 'utf8').split('\n');
			lines.forEach((line, i) => {
				if (OUTSIDE.some((re) => re.test(line)) || leavesRepo(f, line)) offenders.push(`${f}:${i + 1}: ${line.trim()}`);
			});
		}
		expect(offenders).toEqual([]);
	});

	test("the vendors' sample payloads are in the repository", () => {
		const dir = path.join(REPO, 'test', 'fixtures', 'dataverse');
		const names = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
		expect(names.sort()).toEqual(['agentstatus-create.json', 'agentstatus-update.json']);
		for (const n of names) expect(JSON.parse(fs.readFileSync(path.join(dir, n), 'utf8'))).toHaveProperty('MessageName');
	});
});
