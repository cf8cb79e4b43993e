// @ts-check
/** The setup the Genesys Cloud Presence Trigger tests share: one simulator, a harness, triggers closed after each test. */
const { createHarness } = require('../harness');
const { runTrigger } = require('../harness/trigger');
const { startSimulator, allCredentials, credentialRef } = require('../helpers/vendors');

const CRED = 'genesysCloudPresenceApi';

const triggerNode = (/** @type {any} */ parameters) => ({
	type: 'genesysCloudPresenceTrigger',
	parameters,
	credentials: credentialRef(CRED),
});

/**
 * One simulator (notification heartbeats every 100 ms) and one harness per test file. `start`
 * runs the trigger (on another harness when given one); every trigger started is closed after
 * its test, and the simulator is reset.
 */
function useTriggerSimulator() {
	/** @type {{ sim: any, h: any, running: any[], start: (parameters: any, harness?: any) => Promise<any> }} */
	const ctx = {
		sim: undefined,
		h: undefined,
		running: [],
		async start(parameters, harness = ctx.h) {
			const t = await runTrigger(harness, triggerNode(parameters));
			ctx.running.push(t);
			return t;
		},
	};
	beforeAll(async () => {
		ctx.sim = await startSimulator({ genesysNotifications: { heartbeatMs: 100 } });
		ctx.h = await createHarness({ credentials: allCredentials(ctx.sim) });
	});
	afterEach(async () => {
		for (const t of ctx.running) await t.close().catch(() => undefined);
		ctx.running = [];
		ctx.sim.reset();
	});
	afterAll(async () => await ctx.sim.close());
	return ctx;
}

/**
 * A second simulator whose organization has `count` more users (for the paging and channel
 * limits), with a harness on it. The caller closes `big`.
 * @param {number} count
 */
async function startLargeOrganization(count) {
	const extra = Array.from({ length: count }, (_, i) => ({
		id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
		name: `Extra ${i}`,
		email: `extra${i}@contoso.com`,
		state: 'active',
	}));
	const big = await startSimulator({ seed: { genesys: { users: extra } }, genesysNotifications: { heartbeatMs: 100 } });
	try {
		return { extra, big, h2: await createHarness({ credentials: allCredentials(big) }) };
	} catch (error) {
		await big.close();
		throw error;
	}
}

module.exports = { CRED, triggerNode, useTriggerSimulator, startLargeOrganization };
