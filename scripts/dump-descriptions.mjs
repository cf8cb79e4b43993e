#!/usr/bin/env node
// Every node's description as built (dist/), as JSON sorted by node name: diff two dumps to prove a
// refactor left what n8n loads byte for byte the same. Run after `npm run build`:
//   node scripts/dump-descriptions.mjs > before.json
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);

function nodeFiles(dir) {
	return readdirSync(dir).flatMap((entry) => {
		const path = join(dir, entry);
		if (statSync(path).isDirectory()) return nodeFiles(path);
		return path.endsWith('.node.js') ? [path] : [];
	});
}

const descriptions = {};
for (const file of nodeFiles(resolve('dist/nodes'))) {
	for (const [name, Node] of Object.entries(require(file))) {
		if (typeof Node !== 'function') continue;
		const node = new Node();
		if (!node.description) continue;
		descriptions[`${node.description.name} (${name})`] = {
			description: node.description,
			credentialTests: Object.keys(node.methods?.credentialTest ?? {}),
		};
	}
}
const sorted = Object.fromEntries(Object.keys(descriptions).sort().map((key) => [key, descriptions[key]]));
process.stdout.write(`${JSON.stringify(sorted, null, '\t')}\n`);
