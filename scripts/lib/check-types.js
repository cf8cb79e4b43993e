// Used by `scripts/start.sh --check`; run with the runtime's Node 24 and NODE_PATH set to n8n's
// node_modules (as n8n itself does for community packages).
//
//   node check-types.js <installed package dir> <nodes.json from `n8n export:nodes`> [<credentials.json>]
//
// Works out which node and credential types the package declares (by loading the files listed in
// its package.json `n8n` section, as n8n's package loader does), then reports which of them n8n
// actually loaded: node types `<package>.<name>` in export:nodes' output, credential types in the
// types/credentials.json that `n8n start` writes for the editor. Exits 1 if any is missing.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const [pkgDir, nodesFile, credentialsFile] = process.argv.slice(2);
const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
const section = pkg.n8n ?? {};

function declared(files, nameOf) {
	const names = [];
	const problems = [];
	for (const file of files ?? []) {
		try {
			const mod = require(path.resolve(pkgDir, file));
			const found = Object.values(mod)
				.filter((v) => typeof v === 'function')
				.map((Cls) => nameOf(new Cls()))
				.filter(Boolean);
			if (found.length === 0) problems.push(`${file}: exports no type`);
			names.push(...found);
		} catch (error) {
			problems.push(`${file}: ${error.message.split('\n')[0]}`);
		}
	}
	return { names: [...new Set(names)], problems };
}

const nodes = declared(section.nodes, (n) => n.description?.name);
const credentials = declared(section.credentials, (c) => c.name);

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const loadedNodes = new Set(readJson(nodesFile).map((t) => t.name));
const loadedCredentials = credentialsFile ? new Set(readJson(credentialsFile).map((t) => t.name)) : null;

let ok = true;
const line = (mark, kind, name) => console.log(`  ${mark} ${kind.padEnd(10)} ${name}`);
console.log(`${pkg.name}@${pkg.version}: ${section.nodes?.length ?? 0} node file(s), ${section.credentials?.length ?? 0} credential file(s) declared`);
for (const p of [...nodes.problems, ...credentials.problems]) {
	ok = false;
	console.log(`  ✗ cannot load ${p}`);
}
if (!section.nodes?.length) {
	ok = false;
	console.log('  ✗ package.json has no n8n.nodes');
}
for (const name of nodes.names) {
	const type = `${pkg.name}.${name}`;
	const has = loadedNodes.has(type);
	ok &&= has;
	line(has ? '✓' : '✗', 'node', type + (has ? '' : '  (not loaded by n8n)'));
}
// Anything n8n loaded under our name that we did not expect (fine, but worth seeing).
for (const type of loadedNodes) {
	if (type.startsWith(`${pkg.name}.`) && !nodes.names.includes(type.slice(pkg.name.length + 1)))
		line('+', 'node', type + (type.endsWith('Tool') ? '  (n8n-generated AI tool variant)' : ''));
}
if ([...loadedNodes].some((t) => t.startsWith('CUSTOM.'))) {
	console.log('  ! some nodes are loaded as CUSTOM.* (N8N_CUSTOM_EXTENSIONS?)');
}
for (const name of credentials.names) {
	if (!loadedCredentials) {
		line('?', 'credential', `${name}  (not checked)`);
		continue;
	}
	const has = loadedCredentials.has(name);
	ok &&= has;
	line(has ? '✓' : '✗', 'credential', name + (has ? '' : '  (not loaded by n8n)'));
}
console.log(ok ? 'check: OK' : 'check: FAILED');
process.exit(ok ? 0 : 1);
