// @ts-check
/**
 * One category parser for the three action nodes: "Do Not Disturb" from an expression (as a
 * mapping hands it over), or any other spelling of it, sets each vendor's do-not-disturb presence.
 */
const { createHarness } = require('../harness');
const { startSimulator, IDS, allCredentials, nodeOf } = require('../helpers/vendors');

/** @type {any} */ let sim;
beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => sim.close());
beforeEach(() => sim.reset());

const rl = (/** @type {string} */ value) => ({ __rl: true, mode: 'id', value });
const setBy = { operation: 'set', presenceBy: 'category', category: '={{ $json.category }}', onlyIfDifferent: false };

/** Per node: its Set by category and the write its vendor must receive for do_not_disturb. */
const NODES = [
	{
		name: 'Dynamics 365 Contact Center',
		vendor: 'dataverse',
		node: nodeOf('dataverse', { resource: 'agentPresence', agent: rl(IDS.dataverse.agents.alex), ...setBy }),
		write: (/** @type {any} */ r) => r.method === 'POST' && r.path.endsWith('/CCaaS_ModifyAgentPresence'),
		// Busy - DND: the out-of-the-box presence of base status "Busy - DND".
		body: { ApiVersion: '1.0', AgentId: IDS.dataverse.agents.alex, PresenceId: IDS.dataverse.presences.busyDnd },
		category: 'do_not_disturb',
	},
	{
		name: 'Genesys Cloud',
		vendor: 'genesys',
		node: nodeOf('genesys', { resource: 'agentPresence', agent: rl(IDS.genesys.users.alex), ...setBy }),
		write: (/** @type {any} */ r) => r.method === 'PATCH',
		// Genesys has no DND system presence: do_not_disturb is the primary Busy definition.
		body: { presenceDefinition: { id: IDS.genesys.presence.Busy } },
		category: 'busy',
	},
	{
		name: 'Vonage Contact Center',
		vendor: 'vonage',
		node: nodeOf('vonage', { resource: 'agentPresence', agent: rl(IDS.vonage.users.alex), ...setBy }),
		write: (/** @type {any} */ r) => r.method === 'PATCH',
		// Vonage has no DND category type: do_not_disturb is the first selectable Away presence.
		body: { presenceId: IDS.vonage.presence.away },
		category: 'away',
	},
];

describe.each(NODES)('$name', ({ node, vendor, write, body, category: written }) => {
	test.each(['Do Not Disturb', 'do_not_disturb', 'DND', 'dnd', 'do-not-disturb', '  DO NOT DISTURB '])(
		'category "%s" from an expression sets the do-not-disturb presence',
		async (category) => {
			const h = await createHarness({ credentials: allCredentials(sim) });
			const run = await h.runWorkflow({ nodes: [{ ...node, name: 'Set' }], input: [{ category }] });
			const writes = sim.requests.filter((/** @type {any} */ r) => r.vendor === vendor && write(r));
			expect(writes.map((/** @type {any} */ r) => r.body)).toEqual([body]);
			// The item says the presence the vendor now holds, in the shared categories.
			expect(run.items('Set')).toEqual([expect.objectContaining({ written: true, category: written })]);
		},
	);

	test('an unknown category is a clear error naming the valid ones, and nothing is written', async () => {
		const h = await createHarness({ credentials: allCredentials(sim) });
		const run = await h.runWorkflow({ nodes: [{ ...node, name: 'Set' }], input: [{ category: 'Lunch' }] });
		const error = run.nodeError('Set');
		expect(error.message).toBe('Unknown presence category "Lunch"');
		expect(error.description).toBe('Use one of: available, busy, do_not_disturb, away, offline');
		expect(sim.requests.filter((/** @type {any} */ r) => r.vendor === vendor && write(r))).toEqual([]);
	});
});
