// @ts-check
/**
 * The Delegated (OAuth2) authentication: n8n's oAuth2Api path (requestOAuth2 signs with the stored
 * oauthTokenData). The harness does not know credential inheritance, so this file tells it that
 * the delegated type extends oAuth2Api, as n8n's CredentialTypes does from `extends`.
 */
const { startSimulator } = require('../simulator');
const { createHarness } = require('../harness');
const { nodeOf, GRAPH_DELEGATED_TYPE: OAUTH2, IDS, graphDelegatedCredentials, knowsDelegatedGraph } = require('../helpers/vendors');

const T = IDS.graph;
const teamsNode = (/** @type {Record<string, any>} */ parameters, /** @type {Record<string, any>} */ extra = {}) =>
	nodeOf('graph', { resource: 'agentPresence', ...parameters }, extra);

/** @type {any} */ let sim;
beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => sim.close());
beforeEach(() => sim.reset());

async function delegatedHarness(/** @type {string} */ userId) {
	const credentials = graphDelegatedCredentials(sim, { userId, scope: 'openid offline_access Presence.ReadWrite' });
	return knowsDelegatedGraph(await createHarness({ credentials }));
}

const node = (/** @type {Record<string, any>} */ parameters) =>
	teamsNode({ authentication: 'oAuth2', ...parameters }, { credentials: { [OAUTH2]: { id: '2', name: 'Teams delegated' } } });

describe('Delegated (OAuth2) authentication', () => {
	test('Set Status Message on behalf of the signed-in user: the message is in the presence read after', async () => {
		const h = await delegatedHarness(T.users.alex);
		const run = await h.runWorkflow({
			nodes: [node({ operation: 'setStatusMessage', agent: { __rl: true, mode: 'id', value: T.users.alex }, message: 'On a customer call', options: { expiryDateTime: '2026-10-18T17:05:33', timeZone: 'Pacific Standard Time' } })],
		});
		const calls = sim.requests.filter((/** @type {any} */ r) => r.mount === '/graph');
		expect(calls.map((/** @type {any} */ r) => ({ method: r.method, path: r.path, body: r.body }))).toEqual([
			{
				method: 'POST',
				path: `/v1.0/users/${T.users.alex}/presence/setStatusMessage`,
				body: {
					statusMessage: {
						message: { content: 'On a customer call', contentType: 'text' },
						expiryDateTime: { dateTime: '2026-10-18T17:05:33', timeZone: 'Pacific Standard Time' },
					},
				},
			},
			{ method: 'GET', path: `/v1.0/users/${T.users.alex}/presence`, body: undefined },
		]);
		expect(run.items('Teams')[0]).toMatchObject({
			agentId: T.users.alex,
			written: true,
			statusMessage: { message: { content: 'On a customer call', contentType: 'text' } },
		});
	});

	test("a delegated Set uses the app's client ID as session too", async () => {
		const h = await delegatedHarness(T.users.casey);
		const run = await h.runWorkflow({
			nodes: [node({ operation: 'set', agent: { __rl: true, mode: 'id', value: T.users.casey }, presenceBy: 'category', category: 'available', onlyIfDifferent: false })],
		});
		const write = sim.requests.find((/** @type {any} */ r) => r.path.endsWith('/setPresence'));
		expect(write.body).toEqual({ sessionId: sim.clients.graph.clientId, availability: 'Available', activity: 'Available' });
		expect(run.items('Teams')[0]).toMatchObject({ written: true, presenceId: 'Available/Available' });
	});
});
