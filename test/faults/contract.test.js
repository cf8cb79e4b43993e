// @ts-check
/**
 * The fault tests' contract check must be able to fail: fed a simulated run that wrote a change
 * twice, dropped an item, or reported success without writing, it throws.
 */
const { OPERATIONS, expectEveryChangeAccountedFor } = require('./faults');

const op = OPERATIONS.vonageSet;
const [A, B] = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'];

/** A fake simulator and run: `presence` is the simulator's state, `requests` what it received. */
function fixture({ requests, items, presence }) {
	const sim = { requests, state: { vonage: { presence } } };
	const run = { error: undefined, rawItems: () => items.map((json, item) => ({ json, pairedItem: { item } })) };
	return { sim, result: { op, agents: [A, B], before: { [A]: 'old', [B]: 'old' }, run } };
}
const patch = (id, status = 200) => ({ vendor: 'vonage', method: 'PATCH', path: `/agents/${id}/presence`, status });
const done = { [A]: { presenceId: op.target }, [B]: { presenceId: op.target } };

test('passes when each change is written once', () => {
	const { sim, result } = fixture({ requests: [patch(A), patch(B)], items: [{ agentId: A }, { agentId: B }], presence: done });
	expect(expectEveryChangeAccountedFor(sim, result)).toEqual({ written: [A, B], failed: [], errors: [] });
});

test('fails on a change written twice', () => {
	const { sim, result } = fixture({ requests: [patch(A), patch(A), patch(B)], items: [{ agentId: A }, { agentId: B }], presence: done });
	expect(() => expectEveryChangeAccountedFor(sim, result)).toThrow();
});

test('fails on a dropped item', () => {
	const { sim, result } = fixture({ requests: [patch(A), patch(B)], items: [{ agentId: A }], presence: done });
	expect(() => expectEveryChangeAccountedFor(sim, result)).toThrow();
});

test('fails on success claimed without a write, and on an error item whose change was written', () => {
	const unwritten = fixture({ requests: [patch(A), patch(B, 503)], items: [{ agentId: A }, { agentId: B }], presence: done });
	expect(() => expectEveryChangeAccountedFor(unwritten.sim, unwritten.result)).toThrow();
	const writtenAnyway = fixture({ requests: [patch(A), patch(B)], items: [{ agentId: A }, { error: 'x' }], presence: done });
	expect(() => expectEveryChangeAccountedFor(writtenAnyway.sim, writtenAnyway.result)).toThrow();
});
