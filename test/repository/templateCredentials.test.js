// @ts-check
/**
 * After a template is imported, n8n fills a credential slot only where the template's credential
 * name matches a credential the user has; a user's first credential of a type gets n8n's default
 * name, "<credential display name> account" with the words API, OAuth1, OAuth2 and MCP left out
 * (editor-ui's credentials store, n8n 2.41). So every template names each credential that way,
 * read from the built credential, and a user who made one credential per vendor finds every slot filled.
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');
const { n8n } = require(path.join(ROOT, 'package.json'));

/** n8n's name for a new credential of this display name. */
const defaultName = (/** @type {string} */ displayName) =>
	`${displayName.split(' ').filter((w) => !['API', 'OAuth1', 'OAuth2', 'MCP'].includes(w)).join(' ')} account`;

/** Credential type name → its display name, as built into dist/. */
const DISPLAY_NAMES = Object.fromEntries(
	n8n.credentials.flatMap((/** @type {string} */ file) =>
		Object.values(require(path.join(ROOT, file)))
			.filter((C) => typeof C === 'function')
			.map((C) => {
				const c = new C();
				return [c.name, c.displayName];
			}),
	),
);

/** n8n's own credentials the templates use (n8n-nodes-base 2.41: HttpHeaderAuth.credentials). */
const N8N_DISPLAY_NAMES = { httpHeaderAuth: 'Header Auth' };

const TEMPLATES = fs.readdirSync(path.join(ROOT, 'templates')).filter((f) => f.endsWith('.json'));

test.each(TEMPLATES)('%s names every credential as n8n names a new one', (file) => {
	const w = JSON.parse(fs.readFileSync(path.join(ROOT, 'templates', file), 'utf8'));
	const slots = w.nodes.flatMap((/** @type {any} */ n) =>
		Object.entries(n.credentials ?? {}).map(([type, c]) => ({ node: n.name, type, name: /** @type {any} */ (c).name })),
	);
	const names = { ...DISPLAY_NAMES, ...N8N_DISPLAY_NAMES };
	for (const slot of slots) {
		expect(names[slot.type]).toBeDefined();
		expect(slot).toEqual({ ...slot, name: defaultName(names[slot.type]) });
	}
});

test('the default name drops only the words n8n drops', () => {
	expect(defaultName('Dynamics 365 Contact Center (Dataverse) API')).toBe('Dynamics 365 Contact Center (Dataverse) account');
	expect(defaultName('Microsoft Teams Presence (Delegated) OAuth2 API')).toBe('Microsoft Teams Presence (Delegated) account');
});
