// @ts-check
/**
 * The suite-wide secrets scan must be able to fail. Here a token a simulator really issued is
 * planted in a console line, n8n's logger and a workflow's output item, and the capture of this
 * very file finds it in all three. The planting simulator records its secrets to a private file
 * (not the suite's SIM_SECRETS_FILE), so the suite's own scan at teardown does not count the plant.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { LoggerProxy } = require('n8n-workflow');

const { capture } = require('../helpers/secretScan');
const { createCapture, readSecrets, scan, describeFindings } = require('../helpers/secretScanCore');
const { createHarness } = require('../harness');
const { startSimulator, allCredentials } = require('../helpers/vendors');

describe('scan()', () => {
	const secrets = [
		{ kind: 'clientSecret', vendor: 'genesys', value: 'sim-genesys-client-secret' },
		{ kind: 'token', vendor: 'vonage', value: 'q0Jx7m5b2ZpT9rWcE1uYvLk8sNaHdGf3iOeR6tBwXyM' },
	];

	test('finds a secret in an error, a nested item field and a log line, and says where', () => {
		const c = createCapture();
		c.add('run data @ t1', { items: [{ json: { ok: 1, nested: { deeper: [`Bearer ${secrets[1].value}`] } } }] });
		c.add('thrown @ t2', new Error(`token request failed for secret ${secrets[0].value}`));
		c.addLog('console.log @ t3', ['auth %s', secrets[1].value]);
		const findings = scan([{ file: 'test/x.test.js', entries: c.toJSON() }], secrets);
		expect(findings.map((f) => [f.where, f.kind, f.excerpt])).toEqual([
			['run data @ t1', 'token', 'Bearer <token>'],
			['thrown @ t2', 'clientSecret', 'token request failed for secret <clientSecret>'],
			['console.log @ t3', 'token', 'auth <token>'],
		]);
		// The report names the secret only masked.
		const report = describeFindings(findings);
		expect(report).toContain('q0Jx…(43 chars)');
		expect(report).not.toContain(secrets[1].value);
	});

	test('finds nothing in clean output, and nothing hides behind an error’s non-enumerable message', () => {
		const c = createCapture();
		c.add('run data', { items: [{ json: { presenceId: '6a3af858-942f-489d-9700-5f9bcdcdae9b' } }] });
		expect(scan([{ file: 'f', entries: c.toJSON() }], secrets)).toEqual([]);
		const e = new Error('x');
		Object.defineProperty(e, 'description', { value: `cause: ${secrets[0].value}`, enumerable: false });
		c.add('error', { error: e });
		expect(scan([{ file: 'f', entries: c.toJSON() }], secrets)).toHaveLength(1);
	});
});

describe('the suite capture', () => {
	test('catches a planted, really issued token in a console line, the n8n logger and an output item', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planted-'));
		const privateFile = path.join(dir, 'secrets.jsonl');
		const suiteFile = process.env.SIM_SECRETS_FILE;
		process.env.SIM_SECRETS_FILE = privateFile;
		const sim = await startSimulator();
		try {
			const h = await createHarness({ credentials: allCredentials(sim) });
			await h.request('genesysCloudPresenceApi', { method: 'GET', url: `${sim.urls.genesysApi}/api/v2/systempresences`, json: true });
			expect(sim.issuedTokens).toHaveLength(1);
			const token = sim.issuedTokens[0];
			const secrets = readSecrets(privateFile);
			expect(secrets.filter((s) => s.kind === 'token').map((s) => s.value)).toEqual([token]);

			console.log(`(planted by the secrets-scan self-test) ${token}`);
			LoggerProxy.warn('planted', { token });
			await h.runWorkflow({ nodes: [], input: [{ planted: token }] });

			const mine = capture.toJSON().filter((e) => e.where.endsWith(` @ ${expect.getState().currentTestName}`));
			const channels = scan([{ file: 'this file', entries: mine }], secrets).map((f) => f.where.split(' @ ')[0]);
			// (Run in band, Jest's console also reaches process.stdout, which is captured too.)
			expect(channels).toEqual(expect.arrayContaining(['console.log', 'logger.warn', 'run data']));
		} finally {
			process.env.SIM_SECRETS_FILE = suiteFile;
			await sim.close();
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
