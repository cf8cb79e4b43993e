// @ts-check
/** Runs one Agent Presence Event node through n8n's engine over input items. */
const { createHarness } = require('../harness');

/**
 * Both outputs (Event, Rejected) and the run; fails when any of `secrets` reached an item.
 * @param {any} node @param {any[]} items @param {string[]} secrets @param {Record<string, any>} [credentials]
 */
async function runEventNode(node, items, secrets, credentials = {}) {
	const harness = await createHarness({ credentials });
	const result = await harness.runWorkflow({ nodes: [node], inputItems: items });
	const out = { events: result.items(node.name, 0), rejected: result.items(node.name, 1), result };
	const text = JSON.stringify([out.events, out.rejected]);
	for (const secret of secrets) expect(text).not.toContain(secret);
	return out;
}

module.exports = { runEventNode };
