#!/usr/bin/env node
/**
 * Prints, as one JSON document, what n8n's loader reads from the built package: every node's
 * `description` and every credential's fields, keyed by the dist/ file they come from. Run it
 * before and after a refactor of node or credential boilerplate and compare the two outputs
 * (`node test/helpers/describeBuild.js > before.json` … `diff before.json after.json`): saved
 * workflows keep loading only if these stay the same to the byte.
 */
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const pkg = require(path.join(root, 'package.json'));

/** The instance's own fields (methods and functions dropped: they are not JSON). */
const fieldsOf = (instance) => JSON.parse(JSON.stringify(instance));

function describeBuild() {
	const out = {};
	for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
		const exports = require(path.join(root, file));
		for (const [name, Exported] of Object.entries(exports)) {
			if (typeof Exported !== 'function') continue;
			const instance = new Exported();
			out[`${file}#${name}`] = instance.description ? fieldsOf(instance.description) : fieldsOf(instance);
		}
	}
	return out;
}

if (require.main === module) process.stdout.write(`${JSON.stringify(describeBuild(), null, 1)}\n`);

module.exports = { describeBuild };
