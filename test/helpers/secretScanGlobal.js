// @ts-check
/**
 * Jest globalSetup / globalTeardown of the secrets scan. Setup: a fresh directory for the per-file
 * captures (SECRET_SCAN_DIR) and a fresh file where every simulator records its client secrets
 * and issued tokens (SIM_SECRETS_FILE); the workers inherit both. Teardown: scan every capture for
 * every recorded secret and fail the run, listing where each one appeared.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { readSecrets, readCaptures, scan, describeFindings } = require('./secretScanCore');

async function setup() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-scan-'));
	process.env.SECRET_SCAN_DIR = path.join(dir, 'captures');
	process.env.SIM_SECRETS_FILE = path.join(dir, 'secrets.jsonl');
	fs.mkdirSync(process.env.SECRET_SCAN_DIR);
}

async function teardown() {
	const dir = process.env.SECRET_SCAN_DIR;
	const file = process.env.SIM_SECRETS_FILE;
	if (!dir || !file) return;
	const secrets = readSecrets(file);
	const captures = readCaptures(dir);
	const findings = scan(captures, secrets);
	const tokens = secrets.filter((s) => s.kind === 'token').length;
	const summary = `secrets scan: ${captures.length} test files, ${secrets.length - tokens} client secrets and ${tokens} issued tokens looked for`;
	fs.rmSync(path.dirname(dir), { recursive: true, force: true });
	if (findings.length > 0) {
		throw new Error(`${summary}: ${findings.length} found\n${describeFindings(findings)}`);
	}
	process.stdout.write(`${summary}: none found\n`);
}

module.exports = { setup, teardown };
