// @ts-check
/**
 * What CCaaS_GetPresence and CCaaS_ModifyAgentPresence need besides a token (issue 21, points 2 and 3):
 * - impersonation (MSCRMCallerID): the application user needs Act on Behalf of Another User
 *   (prvActOnBehalfOfAnotherUser; "Impersonate another user"); Dataverse refuses with 403 PrivilegeDenied
 *   0x80040220 otherwise;
 * - "You must have the Omnichannel Agent or Omnichannel Supervisor role to call this API";
 * - the two documented call forms of CCaaS_GetPresence: the Dataverse CLI's ApiVersion parameter and the
 *   reference page's plain GET; the one an environment refuses is answered as any function called with
 *   parameters it does not have (404 0x8006088a "Resource not found for the segment").
 */
const { useSimulator, rl, CREDENTIAL_TYPE } = require('../helpers/vendors');
const { DV, NODE, calls } = require('./dataverse');

const t = useSimulator({ vendor: 'dataverse' });
const ALEX = DV.agents.alex;
const CASEY = DV.agents.casey;
const P = DV.presences;
const PARAMETER_FORM = { method: 'GET', path: '/CCaaS_GetPresence(ApiVersion=@v)', query: { '@v': "'1.0'" } };
const PLAIN_FORM = { method: 'GET', path: '/CCaaS_GetPresence', query: {} };

/** A credential of its own per test: the call form an environment accepts is remembered per credential. */
let credentialNumber = 0;
const ownCredential = () => ({ credentials: { [CREDENTIAL_TYPE.dataverse]: { id: `presence-apis-${++credentialNumber}`, name: 'Dataverse' } } });
const getPresence = (/** @type {any} */ extra = ownCredential()) => t.run({ resource: 'agentPresence', operation: 'get', agent: rl('id', ALEX) }, [{}], extra);
const setPresence = (/** @type {string} */ agentId, /** @type {string} */ presenceId) =>
	t.run({ resource: 'agentPresence', operation: 'set', agent: rl('id', agentId), presenceBy: 'presence', presence: rl('id', presenceId), onlyIfDifferent: false }, [{}], ownCredential());
const statusOf = (/** @type {string} */ agentId) =>
	t.sim.state.dataverse.tables.msdyn_agentstatuses.find((/** @type {any} */ r) => r._msdyn_agentid_value === agentId);
const shape = () => calls(t.sim).map((/** @type {any} */ c) => ({ method: c.method, path: c.path, query: c.query }));

describe('impersonation: Act on Behalf of Another User (point 2)', () => {
	const withoutPrivilege = () => {
		t.sim.state.dataverse.applicationUserPrivileges = [];
	};

	test('Get without it: Dataverse\'s PrivilegeDenied, and the error says in plain words which privilege the application user lacks', async () => {
		withoutPrivilege();
		const run = await getPresence();
		expect(run.error.httpCode).toBe('403');
		expect(run.error.message).toMatch(/^Dynamics 365 Contact Center \(Dataverse\) returned 403: Principal user \(Id=[0-9a-f-]{36}, type=8, .*\), is missing prvActOnBehalfOfAnotherUser privilege \(Id=[0-9a-f-]{36}\)\. .* \[0x80040220\]$/);
		expect(run.error.description).toMatch(/^The credential's application user lacks the privilege Act on Behalf of Another User \(prvActOnBehalfOfAnotherUser\)/);
	});

	test('Set without it: refused the same way, the agent\'s presence unchanged', async () => {
		withoutPrivilege();
		const before = statusOf(CASEY)._msdyn_currentpresenceid_value;
		const run = await setPresence(CASEY, P.away);
		expect(run.error.httpCode).toBe('403');
		expect(run.error.description).toContain('Act on Behalf of Another User (prvActOnBehalfOfAnotherUser)');
		expect(statusOf(CASEY)._msdyn_currentpresenceid_value).toBe(before);
	});

	test('the simulator refuses any impersonated call with Dataverse\'s error shape, and not the application user\'s own calls', async () => {
		withoutPrivilege();
		const base = `${t.sim.urls.dataverse}/api/data/v9.2`;
		const ask = async (/** @type {Record<string, string>} */ headers) =>
			await t.h.request(CREDENTIAL_TYPE.dataverse, { method: 'GET', url: `${base}/msdyn_presences?$top=1`, headers, json: true, returnFullResponse: true, ignoreHttpStatusErrors: true });
		const refused = await ask({ MSCRMCallerID: ALEX });
		expect(refused.statusCode).toBe(403);
		expect(refused.body.error).toMatchObject({
			code: '0x80040220',
			message: expect.stringContaining('is missing prvActOnBehalfOfAnotherUser privilege'),
			'@Microsoft.PowerApps.CDS.ErrorDetails.ApiExceptionMessageName': 'PrivilegeDenied',
			'@Microsoft.PowerApps.CDS.ErrorDetails.ApiExceptionHttpStatusCode': '403',
		});
		expect((await ask({})).statusCode).toBe(200);
	});
});

describe('the Omnichannel Agent or Omnichannel Supervisor role (point 2)', () => {
	test('an agent without either: refused, and the error names the roles', async () => {
		t.sim.state.dataverse.roles[ALEX] = ['Basic User'];
		const run = await getPresence();
		expect(run.error.httpCode).toBe('401');
		expect(run.error.description).toMatch(/^The presence APIs need the agent to have the Omnichannel Agent or Omnichannel Supervisor security role/);
		const set = await setPresence(ALEX, P.away);
		expect(set.error.description).toContain('Omnichannel Agent or Omnichannel Supervisor');
	});

	test('a supervisor is enough', async () => {
		t.sim.state.dataverse.roles[ALEX] = ['Omnichannel Supervisor'];
		const run = await getPresence();
		expect(run.items(NODE)[0]).toMatchObject({ AgentId: ALEX, presenceId: P.busy });
	});
});

describe('CCaaS_GetPresence: both documented call forms (point 3)', () => {
	test('an environment that takes the ApiVersion parameter: that form, once', async () => {
		const run = await getPresence();
		expect(shape()).toEqual([PARAMETER_FORM]);
		expect(run.items(NODE)[0]).toMatchObject({ AgentId: ALEX, PresenceId: P.busy });
	});

	test('an environment that takes the plain GET: the parameter form is refused as an unknown function form, the plain one answers, and is remembered for the credential', async () => {
		t.sim.state.dataverse.getPresenceForm = 'plain';
		const credential = ownCredential();
		const run = await getPresence(credential);
		expect(calls(t.sim).map((/** @type {any} */ c) => [c.path, c.status])).toEqual([
			[PARAMETER_FORM.path, 404],
			[PLAIN_FORM.path, 200],
		]);
		expect(run.items(NODE)[0]).toMatchObject({ AgentId: ALEX, PresenceId: P.busy, presenceName: 'Busy', category: 'busy' });

		t.sim.requests.length = 0;
		await getPresence(credential);
		expect(shape()).toEqual([PLAIN_FORM]);
		// Another credential (another environment, perhaps) learns its own.
		t.sim.requests.length = 0;
		await getPresence();
		expect(shape()).toEqual([PARAMETER_FORM, PLAIN_FORM]);
	});

	test('remembered plain, the environment changes back: the parameter form again, remembered', async () => {
		t.sim.state.dataverse.getPresenceForm = 'plain';
		const credential = ownCredential();
		await getPresence(credential);
		t.sim.state.dataverse.getPresenceForm = 'parameter';
		t.sim.requests.length = 0;
		const run = await getPresence(credential);
		expect(shape()).toEqual([PLAIN_FORM, PARAMETER_FORM]);
		expect(run.items(NODE)[0]).toMatchObject({ PresenceId: P.busy });
	});

	test('the simulator\'s switch: each environment answers its form and refuses the other as Dataverse does', async () => {
		const base = `${t.sim.urls.dataverse}/api/data/v9.2`;
		const ask = async (/** @type {string} */ path) =>
			await t.h.request(CREDENTIAL_TYPE.dataverse, { method: 'GET', url: `${base}${path}`, headers: { MSCRMCallerID: ALEX }, json: true, returnFullResponse: true, ignoreHttpStatusErrors: true });
		const parameter = "/CCaaS_GetPresence(ApiVersion=@v)?@v='1.0'";
		expect((await ask(parameter)).statusCode).toBe(200);
		const bare = await ask('/CCaaS_GetPresence');
		expect([bare.statusCode, bare.body]).toEqual([404, { error: { code: '0x8006088a', message: "Resource not found for the segment 'CCaaS_GetPresence'." } }]);
		t.sim.state.dataverse.getPresenceForm = 'plain';
		expect((await ask('/CCaaS_GetPresence')).statusCode).toBe(200);
		expect((await ask(parameter)).statusCode).toBe(404);
	});

	test('another failure is no reason to try the other form', async () => {
		t.sim.inject({ vendor: 'dataverse', method: 'GET', pathRegex: 'CCaaS_GetPresence\\(', status: 404 });
		const run = await getPresence();
		expect(run.error.httpCode).toBe('404');
		expect(calls(t.sim).map((/** @type {any} */ c) => c.path)).toEqual([PARAMETER_FORM.path]);
	});
});
