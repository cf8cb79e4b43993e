/**
 * The layers point one way: operations use helpers and transport, never the other way round. A
 * helper that imports an `*.operation` module ties a trigger or a shared piece to one operation's
 * description and execute (the Teams triggers once read 650 from Get Many's file).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const NODES = path.join(__dirname, '..', '..', 'nodes');

const sources = (dir) =>
	fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const full = path.join(dir, e.name);
		return e.isDirectory() ? sources(full) : e.name.endsWith('.ts') ? [full] : [];
	});

/** The `*.operation` modules a file imports. */
const operationImports = (file) =>
	[...fs.readFileSync(file, 'utf8').matchAll(/from\s+['"]([^'"]+\.operation)['"]/g)].map((m) => m[1]);

test('only the operation lists of actions/ import an *.operation module', () => {
	const offenders = sources(NODES)
		.filter((file) => !path.relative(NODES, file).split(path.sep).includes('actions'))
		.flatMap((file) => operationImports(file).map((imported) => `${path.relative(NODES, file)} → ${imported}`));
	expect(offenders).toEqual([]);
});

test('inside actions/, an operation imports no other operation', () => {
	const offenders = sources(NODES)
		.filter((file) => file.endsWith('.operation.ts'))
		.flatMap((file) => operationImports(file).map((imported) => `${path.relative(NODES, file)} → ${imported}`));
	expect(offenders).toEqual([]);
});
