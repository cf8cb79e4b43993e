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
			// Sticky notes: the other nodes they cover, and whether their text fits (no hidden overflow).
			stickies: (() => {
				const boxes = [...document.querySelectorAll('[data-test-id="canvas-node"]')].map((el) => ({
					name: el.getAttribute('data-node-name'),
					sticky: /stickyNote/.test(el.getAttribute('data-node-type') ?? ''),
					el,
					rect: (el.closest('.vue-flow__node') ?? el).getBoundingClientRect(),
				}));
				const meet = (/** @type {DOMRect} */ a, /** @type {DOMRect} */ b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
				return boxes.filter((b) => b.sticky).map((b) => ({
					name: b.name,
					covers: boxes.filter((o) => !o.sticky && meet(b.rect, o.rect)).map((o) => o.name),
					overflows: [b.el, ...b.el.querySelectorAll('*')].some((e) => {
						const style = getComputedStyle(e);
						return e.scrollHeight - e.clientHeight > 4 && /hidden|auto|scroll/.test(style.overflowY) && e.clientHeight > 0;
					}),
				}));
			})(),
			// The subtitle n8n shows under each node's name (a CSS-module class "_subtitle_…").
			subtitles: [...document.querySelectorAll('[data-test-id="canvas-node"]')].map((el) => ({
				name: el.getAttribute('data-node-name'),
				type: el.getAttribute('data-node-type'),
				subtitle: (el.querySelector('[class*="_subtitle_"]')?.textContent ?? '').trim(),
			})),
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
	// Map Presence's subtitle names the systems in words, never the raw option value (`dataverse:genesys`).
	for (const node of seen.subtitles.filter((n) => /\.mapPresence$/.test(n.type ?? ''))) {
		if (!node.subtitle || RAW_SYSTEM.test(node.subtitle)) issues.push(`(subtitle) ${node.name} reads "${node.subtitle}"`);
	}
	subtitles.push(...seen.subtitles.filter((n) => !/stickyNote/.test(n.type ?? '')).map((n) => `${w.key} › ${n.name}: ${n.subtitle}`));
	for (const note of seen.stickies) {
		if (note.covers.length > 0) issues.push(`(sticky note) ${note.name} covers ${note.covers.join(', ')}`);
		if (note.overflows) issues.push(`(sticky note) ${note.name}: its text does not fit`);
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
	// The panels a user opens first: the mapping (Map Presence, or a Set node) and the Agent Presence Trigger.
	const panels = [
		seen.nodes.find((n) => n.type.endsWith('.mapPresence')) ?? seen.nodes.find((n) => n.type === 'n8n-nodes-base.set'),
		seen.nodes.find((n) => n.type.endsWith('.agentPresenceTrigger')),
	].filter((n) => n !== undefined);
	for (const panel of panels) {
		const el = await page.$(`[data-test-id="canvas-node"][data-node-name="${panel.name.replace(/"/g, '\\"')}"]`);
		if (!el) continue;
		await el.click({ count: 2 });
		await page.waitForSelector('[data-test-id="ndv"], [data-test-id="node-parameters"]', { timeout: 15000 }).catch(() => undefined);
		await sleep(800);
		await page.screenshot({ path: path.join(OUTPUT, `${w.key}--${slug(panel.name)}.png`) });
		if (panel.type.endsWith('.mapPresence')) {
			// Sync (which systems) must be in the panel: n8n hides a field it takes for an authentication choice.
			if (!(await page.$('[data-test-id="parameter-input-sync"]'))) issues.push(`(panel) ${panel.name}: no Sync field`);
			if (w.key === MAPPING_SHOWCASE) await mappingDropdown(page);
		}
		await page.keyboard.press('Escape');
		await sleep(300);
	}
	say(`${w.key}: ${issues.length} issue(s), ${placeholders.length} placeholder(s)`);
	return { key: w.key, issues: issues.sort(), placeholders: placeholders.sort() };
}

/** Map Presence's raw option values: a subtitle showing one is not in words. */
const RAW_SYSTEM = /\b(dataverse|genesys|vonage|teams)\b|^\S+:\S+$/;

/** Every node's canvas subtitle, printed after the table ("<template> › <node>: <subtitle>"). */
/** @type {string[]} */
const subtitles = [];

/** The template whose Map Presence panel (and its "To" dropdown) README shows. */
const MAPPING_SHOWCASE = 'dynamics-to-genesys';

/**
 * The Map Presence panel as README shows it: the mapping table, then the first row's "To" dropdown
 * opened, which lists the target system's presences by name (loaded live through its credential).
 * Saves both screenshots (also into docs/ with UI_UPDATE_DOCS=1) and records the names it listed.
 * @param {import('puppeteer-core').Page} page
 */
async function mappingDropdown(page) {
	// The template ships with no rows: add one, as a user would.
	const added = await page.evaluate(() => {
		const button = [...document.querySelectorAll('button')].find((b) => (b.textContent ?? '').trim() === 'Add Presence');
		button?.click();
		return Boolean(button);
	});
	if (added) await sleep(2500);
	const shots = [path.join(OUTPUT, 'map-presence.png')];
	if (env.UI_UPDATE_DOCS === '1') shots.push(path.join(DOCS, 'map-presence.png'));
	for (const file of shots) await page.screenshot({ path: file });
	const input = await page.$('[data-test-id="parameter-input-to"] input, [data-test-id="parameter-input-to"]');
	if (!input) {
		mappingOptions.push('(no "To" field found in the Map Presence panel)');
		return;
	}
	await input.click();
	await sleep(2500);
	const names = await page.$$eval('.el-select-dropdown__item, [role="option"]', (els) =>
		els.filter((e) => /** @type {HTMLElement} */ (e).offsetParent !== null).map((e) => (e.textContent ?? '').trim()).filter(Boolean),
	);
	mappingOptions.push(...names);
	const dropShots = [path.join(OUTPUT, 'map-presence-dropdown.png')];
	if (env.UI_UPDATE_DOCS === '1') dropShots.push(path.join(DOCS, 'map-presence-dropdown.png'));
	for (const file of dropShots) await page.screenshot({ path: file });
	await page.keyboard.press('Escape');
	await sleep(300);
}

/** What the Map Presence "To" dropdown listed. */
/** @type {string[]} */
const mappingOptions = [];

/**
 * What a user types into n8n's node panel, and the node it must find (the trigger panel lists the
 * Agent Presence Trigger as "Agent Presence": n8n drops "Trigger" from webhook triggers' names there).
 */
const SEARCHES = ['dynamics', 'dataverse', 'genesys', 'vonage'].map((term) => ({ term, node: 'Agent Presence' }));

/**
 * Each vendor as a user finds it in n8n's node panel: the search term, the app it lists, and what
 * clicking the app must show — its triggers (n8n lists them as "On …") beside its actions (the
 * app's operations, read from the built node). n8n groups a trigger with the app whose type name
 * is the trigger's own without "Trigger"; a trigger it cannot group leaves the app's page saying
 * "No … Triggers available".
 */
const VENDOR_PANELS = [
	{ term: 'Dynamics', app: 'Dynamics 365 Contact Center', file: 'DynamicsContactCenter', sharedKey: true },
	{ term: 'Genesys', app: 'Genesys Cloud', file: 'GenesysCloud' },
	{ term: 'Vonage', app: 'Vonage Contact Center', file: 'VonageContactCenter' },
	{ term: 'Teams', app: 'Microsoft Teams Presence', file: 'MicrosoftTeamsPresence' },
];

/** The action labels n8n shows for an app: each operation's `action`. */
function actionLabels(/** @type {string} */ file) {
	const mod = require(path.join(REPO, 'dist', 'nodes', file, `${file}.node.js`));
	const { description } = new mod[file]();
	return description.properties
		.filter((/** @type {any} */ p) => p.name === 'operation')
		.flatMap((/** @type {any} */ p) => p.options.map((/** @type {any} */ o) => o.action).filter(Boolean));
}

/**
 * A trigger added from the panel as a user adds it: a new trigger registers manually and has no
 * key yet, so the editor must flag its empty Shared Key (n8n 2.41 draws no "*" beside a node's
 * required field: the node's issue, the warning on the canvas, is the mark). Returns 1 when the
 * editor does not flag it.
 * @param {import('puppeteer-core').Page} page @param {string} action @param {string} app
 */
async function newTriggerPanel(page, action, app) {
	await page.evaluate((label) => {
		const item = [...document.querySelectorAll('[data-test-id="node-creator"] *')].find((e) => e.children.length === 0 && (e.textContent ?? '').trim() === label);
		/** @type {HTMLElement | undefined} */ (item)?.click();
	}, action);
	await page.waitForSelector('[data-test-id="parameter-input-sharedKey"]', { timeout: 30000 }).catch(() => undefined);
	await sleep(1500);
	await page.screenshot({ path: path.join(OUTPUT, `new-${slug(app)}-trigger.png`) });
	await page.keyboard.press('Escape');
	await sleep(1500);
	await page.screenshot({ path: path.join(OUTPUT, `new-${slug(app)}-trigger-canvas.png`) });
	const issues = await page.evaluate(() => {
		const pinia = /** @type {any} */ (document.querySelector('#app'))?.__vue_app__?.config?.globalProperties?.$pinia;
		const docs = [...(pinia?._s?.entries() ?? [])].filter(([id]) => String(id).startsWith('workflowDocuments/')).map(([, store]) => store);
		const node = docs.flatMap((d) => d.allNodes ?? []).find((n) => String(n.type).endsWith('.dynamicsContactCenterTrigger'));
		return node ? JSON.parse(JSON.stringify(node.issues ?? {})) : null;
	});
	const flagged = Boolean(issues?.parameters?.sharedKey);
	console.log(`  new ${app} Trigger ("${action}"): ${flagged ? `✓ empty Shared Key flagged (${issues.parameters.sharedKey.join(' ')})` : `✗ empty Shared Key not flagged (${issues ? JSON.stringify(issues) : 'no such node on the canvas'})`}`);
	return flagged ? 0 : 1;
}

/**
 * n8n's node panel (the "+" on an empty canvas: "What triggers this workflow?") searched the way a
 * user would; each term must list the node. Then each vendor's app clicked: its page must list its
 * triggers and its actions (screenshot per vendor). Also a dark-theme screenshot of the panel listing
 * the package's nodes (their dark icons on n8n's dark panel). Returns the number of failed checks.
 * @param {import('puppeteer-core').Page} page
 */
async function searchNodePanel(page, /** @type {string} */ base) {
	/** @param {string} term @param {string} [theme] */
	const search = async (term, theme) => {
		await page.goto(`${base}/workflow/new${theme ? `?theme=${theme}` : ''}`, { waitUntil: 'networkidle2' });
		await page.waitForSelector('[data-test-id="canvas-add-button"]', { timeout: 60000 });
		await page.click('[data-test-id="canvas-add-button"]');
		const input = await page.waitForSelector('[data-test-id="node-creator-search-bar"] input, input[data-test-id="node-creator-search-bar"]', { timeout: 15000 });
		await input?.type(term);
		await sleep(1000);
		return await page.$$eval('[data-test-id="node-creator-item-name"]', (els) => els.map((e) => (e.textContent ?? '').trim()));
	};
	let failed = 0;
	console.log('\nnode panel search');
	for (const { term, node } of SEARCHES) {
		const names = await search(term);
		const ok = names.includes(node);
		if (!ok) failed++;
		console.log(`  "${term}" → ${ok ? `✓ ${node}` : `✗ no ${node}`} (${names.join(', ') || 'nothing'})`);
	}
	console.log('\nnode panel: each vendor\'s triggers beside its actions');
	for (const v of VENDOR_PANELS) {
		const names = await search(v.term);
		const clicked = await page.evaluate((app) => {
			const item = [...document.querySelectorAll('[data-test-id="node-creator-item-name"]')].find((e) => (e.textContent ?? '').trim() === app);
			/** @type {HTMLElement | null | undefined} */ (item?.closest('[data-test-id="node-creator-node-item"]') ?? item)?.click();
			return Boolean(item);
		}, v.app);
		await sleep(1500);
		await page.screenshot({ path: path.join(OUTPUT, `node-panel-${slug(v.app)}.png`) });
		const text = await page.evaluate(() => /** @type {HTMLElement} */ (document.querySelector('[data-test-id="node-creator"]') ?? document.body).innerText);
		const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
		const triggers = lines.filter((l) => /^On /.test(l));
		// In the trigger panel n8n folds the actions under "Actions (n)"; listed, they read as the operations' labels.
		const folded = Number(lines.map((l) => /^Actions \((\d+)\)$/.exec(l)?.[1]).find(Boolean) ?? 0);
		const actions = Math.max(folded, actionLabels(v.file).filter((a) => lines.includes(a)).length);
		const none = lines.find((l) => /No .* Triggers available/i.test(l) || /actions yet/i.test(l));
		const ok = clicked && triggers.length > 0 && actions > 0 && !none;
		if (!ok) failed++;
		console.log(`  "${v.term}" → ${v.app}: ${ok ? '✓' : '✗'} triggers [${triggers.join(', ')}], ${actions} action(s)${none ? `, says "${none}"` : ''}${clicked ? '' : ` (not listed: ${names.join(', ')})`}`);
		if (v.sharedKey && triggers.length > 0) failed += await newTriggerPanel(page, triggers[0], v.app);
	}
	await search('presence', 'dark');
	await page.screenshot({ path: path.join(OUTPUT, 'node-panel-dark.png') });
	await page.goto(`${base}/workflow/new?theme=light`, { waitUntil: 'networkidle2' });
	return failed;
}

/**
 * The package's icons as n8n shows them: each node's light icon on a light panel, its dark icon on
 * n8n's dark panel, and both in greyscale (the icons must be told apart without colour).
 * @param {import('puppeteer-core').Page} page
 */
async function iconSheet(page) {
	const dir = path.join(REPO, 'icons');
	const names = fs.readdirSync(dir).filter((f) => f.endsWith('.svg') && !f.endsWith('.dark.svg')).map((f) => f.replace(/\.svg$/, ''));
	const uri = (/** @type {string} */ f) => `data:image/svg+xml;base64,${fs.readFileSync(path.join(dir, f)).toString('base64')}`;
	const cell = (/** @type {string} */ bg, /** @type {string} */ f, grey = false) =>
		`<td style="background:${bg};padding:16px"><img src="${uri(f)}" width="48" height="48" style="${grey ? 'filter:grayscale(1)' : ''}"></td>`;
	const rows = names.map((n) => `<tr><th style="font:14px sans-serif;text-align:left;padding:8px">${n}</th>${cell('#ffffff', `${n}.svg`)}${cell('#2b2b2b', `${n}.dark.svg`)}${cell('#ffffff', `${n}.svg`, true)}${cell('#2b2b2b', `${n}.dark.svg`, true)}</tr>`);
	await page.setViewport({ width: 520, height: 80 + 82 * names.length });
	await page.setContent(`<table style="border-collapse:collapse"><tr><th></th><th>light</th><th>dark</th><th>light, grey</th><th>dark, grey</th></tr>${rows.join('')}</table>`);
	await page.screenshot({ path: path.join(OUTPUT, 'icons.png') });
	await page.setViewport({ width: 1440, height: 900 });
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
	}, 'n8n\'s owner setup (POST /rest/owner/setup)', 180000).catch((e) => {
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
	let searchFailures = 0;
	try {
		const page = await browser.newPage();
		// Seven suites may share two cores: a page can take minutes to settle, not seconds.
		page.setDefaultNavigationTimeout(180000);
		await signIn(page, base);
		for (const w of stack.workflows) results.push(await openTemplate(page, base, w));
		searchFailures = await searchNodePanel(page, base);
		await iconSheet(page);
	} finally {
		await browser.close();
	}
	stack.stop();
	console.log('\ncanvas subtitles');
	for (const line of subtitles) console.log(`  ${line}`);
	console.log(`\nMap Presence "To" dropdown (${MAPPING_SHOWCASE}): ${mappingOptions.join(', ') || 'nothing listed'}`);
	// The dropdown lists the target system's presences by name (not IDs, not an error).
	const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
	const dropdownFailed = mappingOptions.length === 0 || mappingOptions.some((n) => GUID.test(n) || /^\(/.test(n)) ? 1 : 0;
	const failed = report(results) + searchFailures + dropdownFailed;
	console.log(`screenshots in ${OUTPUT}`);
	console.log(`ui took ${secs()}`);
	const checks = results.length + SEARCHES.length + VENDOR_PANELS.length + VENDOR_PANELS.filter((v) => v.sharedKey).length + 1;
	console.log(`${checks - failed} passed, ${failed} failed`);
	process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((error) => {
	console.error(error instanceof Error ? error.stack : error);
	stopAll();
	console.log('0 passed, 1 failed');
	process.exit(1);
});
