// @ts-check
/**
 * Every action node's router runs exactly the resources and operations its fields offer: an
 * operation the panel offers but the router lacks would fail at run time, one the router has but
 * the panel hides is dead. (The router's map is also typed by the node's actions/node.type.ts.)
 */
const fs = require('node:fs');
const path = require('node:path');

const DIST = path.join(__dirname, '..', '..', 'dist', 'nodes');

/** Each node folder with an actions/router.js: its router's map and its action node's fields. */
function actionNodes() {
	return fs
		.readdirSync(DIST, { withFileTypes: true })
		.filter((e) => e.isDirectory() && fs.existsSync(path.join(DIST, e.name, 'actions', 'router.js')))
		.map((e) => {
			const dir = path.join(DIST, e.name);
			const { operations } = require(path.join(dir, 'actions', 'router.js'));
			const nodes = fs
				.readdirSync(dir)
				.filter((f) => f.endsWith('.node.js'))
				.flatMap((f) => Object.values(require(path.join(dir, f))).filter((v) => typeof v === 'function').map((Node) => new Node()));
			const node = nodes.find((n) => n.description.properties.some((/** @type {any} */ p) => p.name === 'resource'));
			return { folder: e.name, operations, properties: node.description.properties };
		});
}

/** resource → its operations, as the Resource and Operation fields offer them. */
function offered(/** @type {any[]} */ properties) {
	const resource = properties.find((p) => p.name === 'resource');
	return Object.fromEntries(
		resource.options.map((/** @type {any} */ r) => {
			const selectors = properties.filter((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(r.value));
			return [r.value, selectors.flatMap((p) => p.options.map((/** @type {any} */ o) => o.value)).sort()];
		}),
	);
}

const nodes = actionNodes();

test('there are action nodes to check', () => {
	expect(nodes.map((n) => n.folder).length).toBeGreaterThanOrEqual(4);
});

test.each(nodes.map((n) => [n.folder, n]))('%s: the router runs what the fields offer, no more, no less', (_folder, node) => {
	const routed = Object.fromEntries(Object.entries(node.operations).map(([r, ops]) => [r, Object.keys(ops).sort()]));
	expect(routed).toEqual(offered(node.properties));
});
