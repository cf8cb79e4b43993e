#!/usr/bin/env node
// Where each vendor is named outside its own folder: the measure of issue #22 ("a vendor is one
// folder"). For each vendor, the .ts files under nodes/ that are not in the vendor's folder and
// match its pattern (case-insensitive): as the grep counts them (its `grep -v '^nodes/<Folder>'`
// also leaves out sibling folders whose name starts the same, e.g. nodes/GenesysCloudTrigger), over
// the whole text with only the folder itself left out, and the same with comments removed (// line comments and /* */ blocks, outside string literals): a comment that
// names a vendor as an example is not knowledge of it. Run: node scripts/vendor-spread.mjs [--list]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const VENDORS = [
	{ name: 'Vonage', folder: 'nodes/VonageContactCenter', pattern: /vonage/i },
	{ name: 'Genesys', folder: 'nodes/GenesysCloud', pattern: /genesys/i },
	{ name: 'Dynamics/Dataverse', folder: 'nodes/DynamicsContactCenter', pattern: /dynamics|dataverse/i },
	{ name: 'Teams/Graph', folder: 'nodes/MicrosoftTeamsPresence', pattern: /teams|graph/i },
	// `amazon|connect` would match every NodeConnectionTypes, a socket's connect(), Amazon
	// EventBridge (Genesys' event bus) and Vonage's /Auth/connect/token: the product's name instead.
	{ name: 'Amazon Connect', folder: 'nodes/AmazonConnect', pattern: /amazon\s*connect/i },
];

function files(dir) {
	return readdirSync(dir).flatMap((entry) => {
		const path = join(dir, entry);
		if (statSync(path).isDirectory()) return files(path);
		return path.endsWith('.ts') ? [path] : [];
	});
}

/** The source without comments; string and template literals are kept as they are. */
function withoutComments(text) {
	let out = '';
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '"' || c === "'" || c === '`') {
			let j = i + 1;
			while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
			out += text.slice(i, j + 1);
			i = j;
		} else if (c === '/' && text[i + 1] === '/') {
			while (i < text.length && text[i] !== '\n') i++;
			out += '\n';
		} else if (c === '/' && text[i + 1] === '*') {
			const end = text.indexOf('*/', i + 2);
			i = end < 0 ? text.length : end + 1;
		} else out += c;
	}
	return out;
}

const root = process.cwd();
const all = files(join(root, 'nodes')).map((path) => {
	const text = readFileSync(path, 'utf8');
	return { path: relative(root, path), text, code: withoutComments(text) };
});
const list = process.argv.includes('--list');
console.log('| Vendor | issue\'s grep (folder prefix) | outside its folder | outside, comments excluded |');
console.log('|---|---:|---:|---:|');
const details = [];
for (const vendor of VENDORS) {
	const outside = all.filter((f) => !f.path.startsWith(`${vendor.folder}/`));
	const prefixed = all.filter((f) => !f.path.startsWith(vendor.folder) && vendor.pattern.test(f.text));
	const any = outside.filter((f) => vendor.pattern.test(f.text));
	const code = outside.filter((f) => vendor.pattern.test(f.code));
	console.log(`| ${vendor.name} | ${prefixed.length} | ${any.length} | ${code.length} |`);
	details.push(`${vendor.name}: ${code.map((f) => f.path).join(', ') || '—'}`);
}
if (list) console.log(`\nIn code (comments excluded):\n${details.join('\n')}`);
