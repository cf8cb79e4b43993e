// @ts-check
/**
 * The editor as a user sees it (npm run test:ui, started by scripts/test-ui.sh with the runtime's
 * Node 24 and the environment scripts/lib/e2e.sh exported): the simulator and a real n8n with the
 * package installed (test/e2e/stack.js), the owner account created through n8n's REST API, headless
 * Debian Chromium signed in through n8n's sign-in form, each template imported exactly as shipped
 * (only its credentials pointed at the simulator's), opened in the editor, and the fields n8n marks
 * with its "issues" warning read from the canvas. Credentials issues are left out: choosing a
 * credential is the one thing a user must do. The remaining issues per template must be exactly
 * those in expected-issues.json (so a regression fails, and progress shows as a shorter list).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { startStack, until, sleep, say, secs, stopAll, REPO, WORK } = require('../e2e/stack');

const env = process.env;
const OUTPUT = env.UI_OUTPUT_DIR || path.join(REPO, 'test-output', 'ui');
const DOCS = path.join(REPO, 'docs');
const EXPECTED_FILE = path.join(__dirname, 'expected-issues.json');
const CHROMIUM = '/usr/bin/chromium';
const OWNER = { email: 'owner@agent-presence.test', firstName: 'Test', lastName: 'Owner', password: 'UiTest-owner-pass-1' };

/** Each template as shipped, with its credentials pointed at the simulator's. */
function templateWorkflows(/** @type {any[]} */ credentials) {
	const byType = Object.fromEntries(credentials.map((c) => [c.type, { id: c.id, name: c.name }]));
	const dir = path.join(REPO, 'templates');
	return fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((file, i) => {
		const key = path.basename(file, '.json');
		const json = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
		json.id = `uiTemplate${String(i + 1).padStart(6, '0')}`;
		for (const node of json.nodes) {
			for (const type of Object.keys(node.credentials ?? {})) {
				if (!byType[type]) throw new Error(`${file}: node "${node.name}" uses unknown credential type ${type}`);
				node.credentials[type] = byType[type];
			}
		}
		return { key, json, publish: false };
	});
}

/** n8n's sign-in form, as a user fills it in. */
async function signIn(/** @type {import('puppeteer-core').Page} */ page, /** @type {string} */ base) {
	await page.goto(`${base}/signin`, { waitUntil: 'networkidle2' });
	await page.type('#emailOrLdapLoginId', OWNER.email);
	await page.type('#password', OWNER.password);
	await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle2' }), page.click('[data-test-id="form-submit-button"]')]);
	say(`signed in (${page.url()})`);
}

/**
 * Opens one template in the editor and reads what n8n marks: the node issues the editor computed
 * (the same ones behind the canvas' warning icon, [data-test-id="node-issues"], and the Publish
 * button's "node issues" state), credentials aside, as "<node> › <parameter>: <message>"; and the
 * REPLACE_… placeholders still in node parameters and the Set nodes' JSON objects typed by hand (fields
 * n8n accepts, but a user must still fill in or edit).
 * @param {import('puppeteer-core').Page} page
 */
async function openTemplate(page, /** @type {string} */ base, /** @type {any} */ w) {
	await page.goto(`${base}/workflow/${w.json.id}`, { waitUntil: 'networkidle2' });
	await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60000 });
	// The editor computes node issues right after it renders the canvas.
	await sleep(1500);
	const seen = await page.evaluate((/** @type {string} */ id) => {
		const pinia = /** @type {any} */ (document.querySelector('#app'))?.__vue_app__?.config?.globalProperties?.$pinia;
		const doc = pinia?._s.get(`workflowDocuments/${id}@latest`);
		if (!doc) return { error: `no workflow document store for ${id} (n8n's editor changed?)` };
		return {
			nodes: doc.allNodes.map((/** @type {any} */ n) => ({ name: n.name, type: n.type, parameters: JSON.parse(JSON.stringify(n.parameters ?? {})), issues: JSON.parse(JSON.stringify(n.issues ?? {})) })),
			flagged: [...document.querySelectorAll('[data-test-id="canvas-node"]')]
				.filter((el) => el.querySelector('[data-test-id="node-issues"]'))
				.map((el) => el.getAttribute('data-node-name')),
		};
	}, w.json.id);
	if ('error' in seen) throw new Error(String(seen.error));
	/** @type {string[]} */
	const issues = [];
	/** @type {string[]} */
	const placeholders = [];
	for (const node of seen.nodes) {
		for (const [kind, byField] of Object.entries(node.issues)) {
			if (kind === 'credentials') continue;
			if (byField && typeof byField === 'object' && !Array.isArray(byField)) {
				for (const [field, messages] of Object.entries(byField)) issues.push(`${node.name} › ${field}: ${[].concat(messages).join(' ')}`);
			} else {
				issues.push(`${node.name} › (${kind}): ${JSON.stringify(byField)}`);
			}
		}
		// A Set node's Object field holding a JSON object literal (the presence mapping): typed by hand.
		if (node.type === 'n8n-nodes-base.set') {
			for (const a of node.parameters.assignments?.assignments ?? []) {
				if (a.type === 'object' && /^\s*\{/.test(String(a.value))) placeholders.push(`${node.name} › ${a.name}: JSON typed by hand`);
			}
		}
		if (!/stickyNote/.test(node.type)) {
			for (const [field, value] of leaves(node.parameters)) if (/REPLACE_[A-Z_]+/.test(String(value))) placeholders.push(`${node.name} › ${field}: ${/REPLACE_[A-Z_]+/.exec(String(value))?.[0]}`);
		}
	}
	// The canvas must show the warning on exactly the nodes that have issues.
	const withIssues = seen.nodes.filter((n) => Object.keys(n.issues).length > 0).map((n) => n.name).sort();
	const flagged = seen.flagged.map(String).sort();
	if (JSON.stringify(withIssues) !== JSON.stringify(flagged)) {
		issues.push(`(canvas) warning icon on ${JSON.stringify(flagged)}, issues on ${JSON.stringify(withIssues)}`);
	}
	await page.screenshot({ path: path.join(OUTPUT, `${w.key}.png`) });
	if (env.UI_UPDATE_DOCS === '1') {
		fs.mkdirSync(path.join(DOCS, 'templates'), { recursive: true });
		await page.screenshot({ path: path.join(DOCS, 'templates', `${w.key}.png`) });
	}
	const mapping = seen.nodes.find((n) => n.type === 'n8n-nodes-base.set');
	if (mapping) {
		const el = await page.$(`[data-test-id="canvas-node"][data-node-name="${mapping.name.replace(/"/g, '\\"')}"]`);
		if (el) {
			await el.click({ count: 2 });
			await page.waitForSelector('[data-test-id="ndv"], [data-test-id="node-parameters"]', { timeout: 15000 }).catch(() => undefined);
			await sleep(800);
			await page.screenshot({ path: path.join(OUTPUT, `${w.key}--${slug(mapping.name)}.png`) });
			await page.keyboard.press('Escape');
		}
	}
	say(`${w.key}: ${issues.length} issue(s), ${placeholders.length} placeholder(s)`);
	return { key: w.key, issues: issues.sort(), placeholders: placeholders.sort() };
}

/** [path, value] of every leaf of a parameters object. */
function leaves(/** @type {any} */ value, prefix = '') {
	/** @type {[string, unknown][]} */
	const out = [];
	if (value && typeof value === 'object') {
		for (const [k, v] of Object.entries(value)) out.push(...leaves(v, prefix ? `${prefix}.${k}` : k));
	} else {
		out.push([prefix, value]);
	}
	return out;
}

const slug = (/** @type {string} */ s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Prints the table and compares with expected-issues.json; returns the number of templates that differ. */
function report(/** @type {{ key: string, issues: string[], placeholders: string[] }[]} */ results) {
	/** @type {Record<string, { issues: string[], placeholders: string[] }>} */
	const expected = JSON.parse(fs.readFileSync(EXPECTED_FILE, 'utf8'));
	const actual = Object.fromEntries(results.map((r) => [r.key, { issues: r.issues, placeholders: r.placeholders }]));
	fs.writeFileSync(path.join(OUTPUT, 'issues.json'), `${JSON.stringify(actual, null, '\t')}\n`);
	const width = Math.max(8, ...results.map((r) => r.key.length));
	console.log(`\n${'template'.padEnd(width)}  to fill in  (issues + placeholders)`);
	let failed = 0;
	for (const r of results) {
		const want = expected[r.key];
		const same = want && JSON.stringify([...want.issues].sort()) === JSON.stringify(r.issues) && JSON.stringify([...want.placeholders].sort()) === JSON.stringify(r.placeholders);
		if (!same) failed++;
		console.log(`${r.key.padEnd(width)}  ${String(r.issues.length + r.placeholders.length).padStart(10)}  (${r.issues.length} + ${r.placeholders.length})  ${same ? '✓ as expected' : '✗ differs from expected-issues.json'}`);
		for (const line of [...r.issues, ...r.placeholders]) console.log(`${' '.repeat(width + 4)}${line}`);
		if (!same) console.log(`${' '.repeat(width + 4)}expected: ${JSON.stringify(want ?? 'no entry')}`);
	}
	for (const key of Object.keys(expected).filter((k) => !actual[k])) {
		failed++;
		console.log(`${key.padEnd(width)}  ✗ in expected-issues.json but no such template`);
	}
	if (failed > 0) console.log(`\nWhat this run saw is in ${path.join(OUTPUT, 'issues.json')} (the form of expected-issues.json).`);
	return failed;
}

async function main() {
	fs.mkdirSync(OUTPUT, { recursive: true });
	const stack = await startStack({ logs: WORK, workflows: (_sim, credentials) => templateWorkflows(credentials) });
	const base = stack.main;
	// /healthz answers before n8n has mounted its REST routes: retry while they are not there yet.
	let last = '';
	await until(async () => {
		const r = await fetch(`${base}/rest/owner/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(OWNER) });
		last = `${r.status}: ${(await r.text()).slice(0, 300)}`;
		if (r.status !== 404 && !r.ok) throw new Error(`owner setup answered ${last}`);
		return r.ok;
	}, 'n8n\'s owner setup (POST /rest/owner/setup)', 60000).catch((e) => {
		throw new Error(`${e.message}; last answer ${last}`);
	});
	say('owner account created');

	const puppeteer = require('puppeteer-core');
	const browser = await puppeteer.launch({
		executablePath: CHROMIUM,
		headless: true,
		userDataDir: fs.mkdtempSync(path.join(WORK, 'chromium-profile-')),
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
		defaultViewport: { width: 1440, height: 900 },
	});
	/** @type {{ key: string, issues: string[], placeholders: string[] }[]} */
	const results = [];
	try {
		const page = await browser.newPage();
		await signIn(page, base);
		for (const w of stack.workflows) results.push(await openTemplate(page, base, w));
	} finally {
		await browser.close();
	}
	stack.stop();
	const failed = report(results);
	console.log(`screenshots in ${OUTPUT}`);
	console.log(`ui took ${secs()}`);
	console.log(`${results.length - failed} passed, ${failed} failed`);
	process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((error) => {
	console.error(error instanceof Error ? error.stack : error);
	stopAll();
	console.log('0 passed, 1 failed');
	process.exit(1);
});
