// n8n's own gate for community packages, run locally (npm run scan, after npm run build):
// @n8n/scan-community-package lints the package's source and its published tarball with n8n's
// community-node rules. Its CLI only takes a published package name (it checks the npm provenance,
// downloads the attested GitHub source and the tarball); here its analysis runs on this checkout
// instead, with the file sets the CLI uses: the source's nodes/, credentials/ and package.json,
// and the packed tarball's compiled .js and package.json. Provenance is a publishing step
// (npm publish --provenance from CI) and cannot be checked before a release.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function run(command, args, cwd) {
	const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
	return result.stdout;
}

/** npm pack of the built checkout, unpacked into a temp folder (the published package's files). */
function packed(work) {
	const name = run('npm', ['pack', '--silent', '--pack-destination', work], repo).trim().split('\n').pop();
	const dir = path.join(work, 'package');
	run('tar', ['-xzf', path.join(work, name), '-C', work], repo);
	return { name, dir };
}

function report(label, result) {
	console.log(`${result.passed ? 'passed' : 'FAILED'}: ${label}${result.message ? ` (${result.message})` : ''}`);
	if (result.details) console.log(result.details);
	return result.passed;
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'agent-presence-scan-'));
try {
	if (!fs.existsSync(path.join(repo, 'dist'))) throw new Error('no dist/: run npm run build first');
	const source = await analyzePackage(repo, SOURCE_FILE_PATTERNS);
	const tarball = packed(work);
	const dist = await analyzePackage(tarball.dir, ['**/*.js', 'package.json']);
	const ok = [report(`source (${SOURCE_FILE_PATTERNS.join(', ')})`, source), report(`tarball ${tarball.name} (**/*.js, package.json)`, dist)];
	process.exitCode = ok.every(Boolean) ? 0 : 1;
} finally {
	fs.rmSync(work, { recursive: true, force: true });
}
