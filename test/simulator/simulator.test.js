'use strict';
/** Tests of the vendor simulator itself (real HTTP against 127.0.0.1). */
const http = require('node:http');
const { startSimulator, IDS } = require('./index');

/** @type {any} */
let sim;
beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => {
	await sim.close();
});
beforeEach(() => sim.reset());

/** fetch + parsed JSON body. */
async function call(/** @type {string} */ url, /** @type {any} */ init = {}) {
	const res = await fetch(url, init);
	const text = await res.text();
	let body = text;
	try {
		body = text ? JSON.parse(text) : undefined;
	} catch {}
	return { status: res.status, headers: res.headers, body };
}

const form = (/** @type {Record<string,string>} */ o) => ({
	method: 'POST',
	headers: { 'content-type': 'application/x-www-form-urlencoded' },
	body: new URLSearchParams(o).toString(),
});

// ---------------------------------------------------------------- tokens
async function dataverseToken(overrides = {}) {
	const c = sim.clients.dataverse;
	return call(sim.urls.dataverseLogin(), form({ grant_type: 'client_credentials', client_id: c.clientId, client_secret: c.clientSecret, scope: `${sim.urls.dataverse}/.default`, ...overrides }));
}
async function genesysToken(id = sim.clients.genesys.clientId, secret = sim.clients.genesys.clientSecret) {
	return call(`${sim.urls.genesysLogin}/oauth/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` },
		body: 'grant_type=client_credentials',
	});
}
async function vonageToken(scope = 'users:read users:write stats', overrides = {}) {
	const c = sim.clients.vonage;
	return call(sim.urls.vonageToken, form({ grant_type: 'client_credentials', client_id: c.clientId, client_secret: c.clientSecret, scope, ...overrides }));
}

const dv = async (/** @type {string} */ path, /** @type {any} */ init = {}, token) => {
	const t = token || (await dataverseToken()).body.access_token;
	return call(`${sim.urls.dataverse}/api/data/v9.2/${path}`, { ...init, headers: { authorization: `Bearer ${t}`, accept: 'application/json', ...(init.headers || {}) } });
};
const gc = async (/** @type {string} */ path, /** @type {any} */ init = {}, token) => {
	const t = token || (await genesysToken()).body.access_token;
	return call(`${sim.urls.genesysApi}/api/v2${path}`, { ...init, headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json', ...(init.headers || {}) } });
};
const VCC_ACCEPT = 'application/vnd.newvoicemedia.v1+json';
const vcc = async (/** @type {string} */ path, /** @type {any} */ init = {}, token) => {
	const t = token || (await vonageToken()).body.access_token;
	return call(`${sim.urls.vonage}${path}`, { ...init, headers: { authorization: `Bearer ${t}`, accept: VCC_ACCEPT, 'content-type': 'application/json', ...(init.headers || {}) } });
};

describe('Azure AD token endpoint (Dataverse)', () => {
	test('issues a bearer token for <environment URL>/.default', async () => {
		const r = await dataverseToken();
		expect(r.status).toBe(200);
		expect(r.body).toMatchObject({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599 });
		expect(r.body.access_token.split('.')).toHaveLength(3);
	});
	test('wrong secret: 401 invalid_client AADSTS7000215 without echoing the secret', async () => {
		const r = await dataverseToken({ client_secret: 'very-wrong-secret' });
		expect(r.status).toBe(401);
		expect(r.body).toMatchObject({ error: 'invalid_client', error_codes: [7000215] });
		expect(r.body.error_description).toMatch(/^AADSTS7000215: Invalid client secret provided/);
		expect(JSON.stringify(r.body)).not.toContain('very-wrong-secret');
		expect(r.body).toHaveProperty('trace_id');
		expect(r.body).toHaveProperty('correlation_id');
	});
	test('scope must be the environment URL with /.default', async () => {
		expect((await dataverseToken({ scope: sim.urls.dataverse })).body.error).toBe('invalid_scope');
		expect((await dataverseToken({ scope: 'https://other.crm.dynamics.com/.default' })).body).toMatchObject({ error: 'invalid_resource', error_codes: [500011] });
		expect((await dataverseToken({ scope: `${sim.urls.dataverse.replace('127.0.0.1', 'localhost')}//.default` })).status).toBe(200);
	});
	test('unknown tenant, client and grant type', async () => {
		const bad = await call(sim.urls.dataverseLogin('00000000-0000-0000-0000-000000000000'), form({ grant_type: 'client_credentials' }));
		expect(bad.body.error_codes).toEqual([90002]);
		expect((await dataverseToken({ client_id: 'nope' })).body).toMatchObject({ error: 'unauthorized_client', error_codes: [700016] });
		expect((await dataverseToken({ grant_type: 'password' })).body.error).toBe('unsupported_grant_type');
	});
});

describe('Genesys login', () => {
	test('client credentials with HTTP Basic', async () => {
		const r = await genesysToken();
		expect(r.status).toBe(200);
		expect(r.body).toMatchObject({ token_type: 'bearer', expires_in: 86399 });
		expect(typeof r.body.access_token).toBe('string');
	});
	test('bad client: invalid_client with description and error_description', async () => {
		const r = await genesysToken(sim.clients.genesys.clientId, 'wrong-secret-xyz');
		expect(r.status).toBe(401);
		expect(r.body).toMatchObject({ error: 'invalid_client' });
		expect(r.body.description).toBeTruthy();
		expect(r.body.error_description).toBe(r.body.description);
		expect(JSON.stringify(r.body)).not.toContain('wrong-secret-xyz');
	});
});

describe('Vonage token', () => {
	test('credentials in the body, scopes remembered', async () => {
		const r = await vonageToken('users:read');
		expect(r.status).toBe(200);
		expect(r.body).toEqual({ access_token: expect.any(String), expires_in: 7200, token_type: 'Bearer' });
	});
	test('bad secret / grant type / missing or unknown scope answer the documented OAuth errors', async () => {
		expect((await vonageToken('users:read', { client_secret: 'x' })).body).toEqual({ error: 'invalid_client' });
		expect((await vonageToken('users:read', { grant_type: 'password' })).body).toEqual({ error: 'unsupported_grant_type', error_description: 'Invalid grant_type' });
		expect((await vonageToken('')).body).toEqual({ error: 'invalid_scope', error_description: 'You must specify a scope' });
		expect((await vonageToken('users:read admin:everything')).body).toEqual({ error: 'invalid_scope', error_description: '"admin:everything" is an invalid scope' });
	});
});

describe('401 on missing, expired, foreign or unknown tokens', () => {
	test('Dataverse', async () => {
		const none = await call(`${sim.urls.dataverse}/api/data/v9.2/WhoAmI`);
		expect(none.status).toBe(401);
		expect(none.headers.get('www-authenticate')).toMatch(/^Bearer authorization_uri=/);
		expect([none.body, none.headers.get('content-length')]).toEqual([undefined, '0']);
		const t = (await dataverseToken()).body.access_token;
		sim.expireTokens('dataverse');
		expect((await dv('WhoAmI', {}, t)).status).toBe(401);
		const g = (await genesysToken()).body.access_token;
		expect((await dv('WhoAmI', {}, g)).status).toBe(401);
	});
	test('Genesys ErrorBody', async () => {
		const none = await call(`${sim.urls.genesysApi}/api/v2/systempresences`);
		expect(none.status).toBe(401);
		expect(none.body).toMatchObject({ code: 'authentication.required', status: 401, details: [], errors: [] });
		expect(none.headers.get('inin-correlation-id')).toBeTruthy();
		const bad = await gc('/systempresences', {}, 'not-a-token');
		expect(bad.body).toMatchObject({ code: 'bad.credentials', message: 'Invalid login credentials.' });
		expect(JSON.stringify(bad.body)).not.toContain('not-a-token');
		const t = (await genesysToken()).body.access_token;
		sim.expireTokens('genesys');
		expect((await gc('/systempresences', {}, t)).status).toBe(401);
	});
	test('Vonage', async () => {
		const g = (await genesysToken()).body.access_token;
		const r = await vcc('/agents/presence-definitions', {}, g);
		expect(r.status).toBe(401);
		expect(r.body).toEqual({ message: 'Authorization has been denied for this request.' });
		const t = (await vonageToken()).body.access_token;
		sim.expireTokens();
		expect((await vcc('/agents/presence-definitions', {}, t)).status).toBe(401);
	});
});

// ---------------------------------------------------------------- Dataverse
describe('Dataverse Web API', () => {
	const P = IDS.dataverse.presences;
	const A = IDS.dataverse.agents;

	test('WhoAmI', async () => {
		const r = await dv('WhoAmI');
		expect(r.status).toBe(200);
		expect(r.body).toMatchObject({ BusinessUnitId: IDS.dataverse.businessUnitId, UserId: IDS.dataverse.applicationUserId, OrganizationId: IDS.dataverse.organizationId });
		expect(r.headers.get('odata-version')).toBe('4.0');
	});

	const GET_PRESENCE = "CCaaS_GetPresence(ApiVersion=@v)?@v='1.0'";
	test('CCaaS_GetPresence returns exactly the documented keys', async () => {
		const r = await dv(GET_PRESENCE, { headers: { MSCRMCallerID: A.alex } });
		expect(r.status).toBe(200);
		expect(Object.keys(r.body).sort()).toEqual(
			['ActiveBrowserSessions', 'AgentId', 'AgentName', 'AllowedChannels', 'CurrentPresenceStatusInfo', 'DisabledChannels', 'PresenceId', 'Timestamp'].sort(),
		);
		expect(r.body).toMatchObject({ AgentId: A.alex, AgentName: 'Alex Agent', PresenceId: P.busy, CurrentPresenceStatusInfo: 'Busy' });
		expect(Number.isInteger(r.body.Timestamp)).toBe(true);
		expect((await dv(GET_PRESENCE)).status).toBe(400);
		expect((await dv(GET_PRESENCE, { headers: { MSCRMCallerID: IDS.dataverse.nonAgentUserId } })).status).toBe(404);
	});

	test('CCaaS_GetPresence is a function: the bare segment or a missing ApiVersion is an unknown segment', async () => {
		const unknown = { error: { code: '0x8006088a', message: "Resource not found for the segment 'CCaaS_GetPresence'." } };
		for (const form of ['CCaaS_GetPresence', 'CCaaS_GetPresence()', 'CCaaS_GetPresence(ApiVersion=@v)'.replace('@v', "@w")]) {
			const r = await dv(form, { headers: { MSCRMCallerID: A.alex } });
			expect([form, r.status]).toEqual([form, form.endsWith('@w)') ? 400 : 404]);
			if (r.status === 404) expect(r.body).toEqual(unknown);
		}
		const inline = await dv("CCaaS_GetPresence(ApiVersion='1.0')", { headers: { MSCRMCallerID: A.alex } });
		expect(inline.status).toBe(200);
		const wrong = await dv("CCaaS_GetPresence(ApiVersion=@v)?@v='2.0'", { headers: { MSCRMCallerID: A.alex } });
		expect(wrong.status).toBe(400);
	});

	test('POST /__sim/dataverse/agents provisions further agents (system user + logged-in Available agent status), once per e-mail; a bad body is 400', async () => {
		const post = (/** @type {any} */ body) => call(`${sim.url}/__sim/dataverse/agents`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
		const made = await post({ agents: [{ email: 'agent006@contoso.com', first: 'Agent', last: '006' }] });
		expect(made.status).toBe(200);
		const [{ agentId, agentStatusId }] = made.body.agents;
		const user = await dv(`systemusers(${agentId})?$select=internalemailaddress,fullname`);
		expect(user.body).toMatchObject({ internalemailaddress: 'agent006@contoso.com', fullname: 'Agent 006' });
		const status = await dv(`msdyn_agentstatuses(${agentStatusId})?$select=_msdyn_agentid_value,_msdyn_currentpresenceid_value,msdyn_isagentloggedin`);
		expect(status.body).toMatchObject({ _msdyn_agentid_value: agentId, _msdyn_currentpresenceid_value: P.available, msdyn_isagentloggedin: true });
		const presence = await dv(GET_PRESENCE, { headers: { MSCRMCallerID: agentId } });
		expect([presence.status, presence.body.PresenceId]).toEqual([200, P.available]);
		expect((await post({ agents: [{ email: 'AGENT006@contoso.com', first: 'Agent', last: '006' }] })).body.agents).toEqual([{ agentId, agentStatusId }]);
		expect((await post({ agents: [{ email: 'agent007@contoso.com' }] })).status).toBe(400);
	});

	test('CCaaS_ModifyAgentPresence updates msdyn_agentstatus', async () => {
		const body = { ApiVersion: '1.0', AgentId: A.alex, PresenceId: P.available };
		const r = await dv('CCaaS_ModifyAgentPresence', { method: 'POST', headers: { MSCRMCallerID: A.alex, 'content-type': 'application/json' }, body: JSON.stringify(body) });
		expect(r.status).toBe(200);
		const row = sim.state.dataverse.tables.msdyn_agentstatuses.find((/** @type {any} */ x) => x._msdyn_agentid_value === A.alex);
		expect(row).toMatchObject({ _msdyn_currentpresenceid_value: P.available, msdyn_presencemodifiedby: 'AGENT', msdyn_isagentloggedin: true });
		const bySupervisor = await dv('CCaaS_ModifyAgentPresence', { method: 'POST', headers: { MSCRMCallerID: A.casey }, body: JSON.stringify({ ...body, PresenceId: P.away }) });
		expect(bySupervisor.status).toBe(200);
		expect(row.msdyn_presencemodifiedby).toBe('SYSTEM');
		const got = await dv(GET_PRESENCE, { headers: { MSCRMCallerID: A.alex } });
		expect(got.body.PresenceId).toBe(P.away);
	});

	test('CCaaS_ModifyAgentPresence validation', async () => {
		const post = (/** @type {any} */ b, caller = A.alex) => dv('CCaaS_ModifyAgentPresence', { method: 'POST', headers: { MSCRMCallerID: caller, 'content-type': 'application/json' }, body: JSON.stringify(b) });
		expect((await post({ AgentId: A.alex, PresenceId: P.busy })).body.error.message).toMatch(/ApiVersion/);
		expect((await post({ ApiVersion: '1.0', PresenceId: P.busy })).body.error.message).toMatch(/AgentId/);
		expect((await post({ ApiVersion: '1.0', AgentId: A.alex })).body.error.message).toMatch(/PresenceId/);
		expect((await post({ ApiVersion: '1.0', AgentId: A.alex, PresenceId: 'nope' })).status).toBe(400);
		expect((await post({ ApiVersion: '1.0', AgentId: A.alex, PresenceId: '11111111-1111-1111-1111-111111111111' })).status).toBe(404);
		expect((await post({ ApiVersion: '1.0', AgentId: IDS.dataverse.nonAgentUserId, PresenceId: P.busy })).status).toBe(404);
		expect((await post({ ApiVersion: '1.0', AgentId: A.alex, PresenceId: P.inactive })).status).toBe(400);
		const noCaller = await dv('CCaaS_ModifyAgentPresence', { method: 'POST', body: '{}' });
		expect(noCaller.status).toBe(400);
	});

	test('msdyn_presences: OOTB ids, base status values, $select/$filter', async () => {
		const r = await dv('msdyn_presences?$select=msdyn_name,msdyn_basepresencestatus&$filter=statecode eq 0&$orderby=msdyn_name');
		expect(r.status).toBe(200);
		expect(r.body['@odata.context']).toMatch(/\$metadata#msdyn_presences\(msdyn_name,msdyn_basepresencestatus\)$/);
		const byName = Object.fromEntries(r.body.value.map((/** @type {any} */ v) => [v.msdyn_name, v]));
		expect(byName.Available).toMatchObject({ msdyn_presenceid: P.available, msdyn_basepresencestatus: 192360000 });
		expect(byName.Busy).toMatchObject({ msdyn_presenceid: P.busy, msdyn_basepresencestatus: 192360001 });
		expect(byName['Busy - DND']).toMatchObject({ msdyn_presenceid: P.busyDnd, msdyn_basepresencestatus: 192360002 });
		expect(byName.Away).toMatchObject({ msdyn_presenceid: P.away, msdyn_basepresencestatus: 192360003 });
		expect(byName.Offline).toMatchObject({ msdyn_presenceid: P.offline, msdyn_basepresencestatus: 192360004 });
		expect(byName.Lunch).toMatchObject({ msdyn_basepresencestatus: 192360003 });
		expect(Object.keys(byName.Available).sort()).toEqual(['@odata.etag', 'msdyn_basepresencestatus', 'msdyn_name', 'msdyn_presenceid']);
		const and = await dv(`msdyn_presences?$filter=msdyn_basepresencestatus eq 192360003 and msdyn_name eq 'lunch'`);
		expect(and.body.value.map((/** @type {any} */ v) => v.msdyn_presenceid)).toEqual([P.lunch]);
		const guid = await dv(`msdyn_presences?$filter=msdyn_presenceid eq ${P.busy}`);
		expect(guid.body.value).toHaveLength(1);
		const contains = await dv(`msdyn_presences?$filter=contains(msdyn_name,'busy')`);
		expect(contains.body.value).toHaveLength(2);
		const bad = await dv('msdyn_presences?$select=nope');
		expect(bad.status).toBe(400);
		expect(bad.body.error).toMatchObject({ code: '0x80060888' });
	});

	test('server-driven paging with Prefer: odata.maxpagesize', async () => {
		const first = await dv('msdyn_presences?$select=msdyn_name', { headers: { Prefer: 'odata.maxpagesize=3' } });
		expect(first.headers.get('preference-applied')).toBe('odata.maxpagesize=3');
		expect(first.body.value).toHaveLength(3);
		const names = first.body.value.map((/** @type {any} */ v) => v.msdyn_name);
		let next = first.body['@odata.nextLink'];
		expect(next).toMatch(/\$skiptoken=/);
		const t = (await dataverseToken()).body.access_token;
		while (next) {
			const page = await call(next, { headers: { authorization: `Bearer ${t}`, Prefer: 'odata.maxpagesize=3' } });
			names.push(...page.body.value.map((/** @type {any} */ v) => v.msdyn_name));
			next = page.body['@odata.nextLink'];
		}
		expect(names).toHaveLength(sim.state.dataverse.tables.msdyn_presences.length);
		const top = await dv('msdyn_presences?$top=2', { headers: { Prefer: 'odata.maxpagesize=1' } });
		expect(top.body.value).toHaveLength(2);
		expect(top.body['@odata.nextLink']).toBeUndefined();
	});

	test('msdyn_presences CRUD', async () => {
		const created = await dv('msdyn_presences', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ msdyn_name: 'Coffee', msdyn_presencestatustext: 'Coffee', msdyn_basepresencestatus: 192360003 }),
		});
		expect(created.status).toBe(204);
		const entityUrl = created.headers.get('odata-entityid');
		expect(entityUrl).toMatch(/msdyn_presences\([0-9a-f-]{36}\)$/);
		const id = /\(([^)]+)\)$/.exec(entityUrl)[1];
		expect((await dv(`msdyn_presences(${id})`)).body).toMatchObject({ msdyn_name: 'Coffee', '@odata.context': expect.stringMatching(/\/\$entity$/) });
		expect((await dv(`msdyn_presences(${id})`, { method: 'PATCH', body: JSON.stringify({ msdyn_name: 'Coffee break' }), headers: { 'content-type': 'application/json' } })).status).toBe(204);
		expect((await dv(`msdyn_presences(${id})?$select=msdyn_name`)).body.msdyn_name).toBe('Coffee break');
		expect((await dv(`msdyn_presences(${id})`, { method: 'DELETE' })).status).toBe(204);
		const gone = await dv(`msdyn_presences(${id})`);
		expect(gone.status).toBe(404);
		expect(gone.body.error.code).toBe('0x80040217');
		const repr = await dv('msdyn_presences', { method: 'POST', headers: { Prefer: 'return=representation', 'content-type': 'application/json' }, body: JSON.stringify({ msdyn_name: 'Tea', msdyn_basepresencestatus: 192360001 }) });
		expect(repr.status).toBe(201);
		expect(repr.body).toMatchObject({ msdyn_name: 'Tea', msdyn_basepresencestatus: 192360001 });
		const badOption = await dv('msdyn_presences', { method: 'POST', body: JSON.stringify({ msdyn_name: 'X', msdyn_basepresencestatus: 7 }), headers: { 'content-type': 'application/json' } });
		expect(badOption.status).toBe(400);
		const badProp = await dv('msdyn_presences', { method: 'POST', body: JSON.stringify({ nope: 1 }), headers: { 'content-type': 'application/json' } });
		expect(badProp.status).toBe(400);
	});

	test('msdyn_agentstatuses and systemusers lookups', async () => {
		const s = await dv(`msdyn_agentstatuses?$filter=_msdyn_agentid_value eq ${A.alex}`);
		expect(s.body.value[0]).toMatchObject({
			msdyn_agentstatusid: IDS.dataverse.agentStatuses.alex,
			_msdyn_currentpresenceid_value: P.busy,
			msdyn_isagentloggedin: true,
			msdyn_availableunitscapacity: 100,
			msdyn_presencemodifiedby: 'AGENT',
		});
		const byId = await dv(`msdyn_agentstatuses(${IDS.dataverse.agentStatuses.blake})`);
		expect(byId.body._msdyn_currentpresenceid_value).toBe(P.offline);
		const u = await dv(`systemusers?$select=fullname,internalemailaddress&$filter=internalemailaddress eq 'ALEX.AGENT@contoso.com'`);
		expect(u.body.value).toEqual([expect.objectContaining({ systemuserid: A.alex, fullname: 'Alex Agent' })]);
		const aad = sim.state.dataverse.tables.systemusers.find((/** @type {any} */ x) => x.systemuserid === A.blake).azureactivedirectoryobjectid;
		const byAad = await dv(`systemusers?$filter=azureactivedirectoryobjectid eq ${aad}`);
		expect(byAad.body.value[0].systemuserid).toBe(A.blake);
	});

	test('unknown segment and API version', async () => {
		expect((await dv('nopes')).status).toBe(404);
		expect((await dv('nopes')).body.error.message).toMatch(/segment 'nopes'/);
	});
});

// ---------------------------------------------------------------- webhooks

/**
 * Runs `fn` with a webhook receiver answering `status`, and closes it however `fn` ends.
 * @param {number} status @param {(hook: any) => Promise<void>} fn
 */
async function withReceiver(status, fn) {
	const hook = await receiver(status);
	try {
		await fn(hook);
	} finally {
		await hook.close();
	}
}

/**
 * Starts a receiver that records webhook posts (answering `status`). Dataverse only calls ports
 * 80/443, so it is registered as https://receiver.sim.test/hook and the simulator's network table
 * routes that host to the local port.
 */
async function receiver(status = 200) {
	/** @type {any[]} */
	const got = [];
	const server = http.createServer((req, res) => {
		let raw = '';
		req.on('data', (c) => (raw += c));
		req.on('end', () => {
			got.push({ url: req.url, headers: req.headers, body: JSON.parse(raw) });
			res.writeHead(status).end();
		});
	});
	await new Promise((r) => server.listen(0, '127.0.0.1', () => r(undefined)));
	const port = /** @type {any} */ (server.address()).port;
	sim.dataverseWebhooks.configure({ network: { ...sim.dataverseWebhooks.config.network, 'receiver.sim.test:443': `http://127.0.0.1:${port}` } });
	return { got, url: 'https://receiver.sim.test/hook', close: () => new Promise((r) => server.close(r)) };
}

/** An origin on 127.0.0.1 where nothing listens (connection refused). */
async function closedOrigin() {
	const server = http.createServer();
	await new Promise((r) => server.listen(0, '127.0.0.1', () => r(undefined)));
	const port = /** @type {any} */ (server.address()).port;
	await new Promise((r) => server.close(r));
	return `http://127.0.0.1:${port}`;
}

/** A Webhook serviceendpoint and an Update step on msdyn_agentstatus, straight into the tables. */
function registerStep(/** @type {string} */ url, /** @type {number} */ mode, i = 1) {
	const t = sim.state.dataverse.tables;
	const ep = `aaaaaaaa-0000-4000-8000-00000000010${i}`;
	t.serviceendpoints.push({ serviceendpointid: ep, name: `ep${i}`, url, contract: 8, authtype: 4, authvalue: 'k', messageformat: 2 });
	t.sdkmessageprocessingsteps.push({ sdkmessageprocessingstepid: `bbbbbbbb-0000-4000-8000-00000000010${i}`, name: `s${i}`, mode, stage: 40, rank: i, statecode: 0, filteringattributes: null, _eventhandler_value: ep, _sdkmessageid_value: IDS.dataverse.sdkMessages.update, _sdkmessagefilterid_value: IDS.dataverse.sdkMessageFilters.agentStatusUpdate });
}

describe('plug-in registration and webhook delivery', () => {
	test('registering a webhook step on msdyn_agentstatus Update delivers a RemoteExecutionContext', async () => {
		await withReceiver(200, async (hook) => {
			const ep = await dv('serviceendpoints', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ name: 'n8n', url: hook.url, contract: 8, authtype: 4, authvalue: 'sekret', messageformat: 2, namespaceaddress: hook.url }),
			});
			expect(ep.status).toBe(204);
			const epId = /\(([^)]+)\)$/.exec(ep.headers.get('odata-entityid'))[1];
			expect((await dv(`serviceendpoints(${epId})`)).body).not.toHaveProperty('authvalue');
			const filters = await dv(`sdkmessagefilters?$filter=primaryobjecttypecode eq 'msdyn_agentstatus' and _sdkmessageid_value eq ${IDS.dataverse.sdkMessages.update}`);
			expect(filters.body.value).toHaveLength(1);
			const msgs = await dv(`sdkmessages?$filter=name eq 'Update'`);
			expect(msgs.body.value[0].sdkmessageid).toBe(IDS.dataverse.sdkMessages.update);
			const step = await dv('sdkmessageprocessingsteps', {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({
					name: 'n8n: Update of msdyn_agentstatus',
					mode: 1,
					stage: 40,
					rank: 1,
					supporteddeployment: 0,
					asyncautodelete: true,
					filteringattributes: 'msdyn_currentpresenceid',
					'eventhandler_serviceendpoint@odata.bind': `/serviceendpoints(${epId})`,
					'sdkmessageid@odata.bind': `/sdkmessages(${IDS.dataverse.sdkMessages.update})`,
					'sdkmessagefilterid@odata.bind': `/sdkmessagefilters(${filters.body.value[0].sdkmessagefilterid})`,
				}),
			});
			expect(step.status).toBe(204);
			const steps = await dv(`sdkmessageprocessingsteps?$filter=_eventhandler_value eq ${epId}`);
			expect(steps.body.value).toHaveLength(1);

			await dv('CCaaS_ModifyAgentPresence', {
				method: 'POST',
				headers: { MSCRMCallerID: IDS.dataverse.agents.alex, 'content-type': 'application/json' },
				body: JSON.stringify({ ApiVersion: '1.0', AgentId: IDS.dataverse.agents.alex, PresenceId: IDS.dataverse.presences.available }),
			});
			await sim.settle();
			expect(sim.webhookDeliveries).toHaveLength(1);
			expect(sim.webhookDeliveries[0]).toMatchObject({ status: 200, messageName: 'Update', error: null });
			expect(hook.got).toHaveLength(1);
			expect(hook.got[0].url).toBe('/hook?code=sekret');
			const ctx = hook.got[0].body;
			expect(ctx).toMatchObject({ MessageName: 'Update', PrimaryEntityName: 'msdyn_agentstatus', Stage: 40, Mode: 1, PrimaryEntityId: IDS.dataverse.agentStatuses.alex });
			const attrs = Object.fromEntries(ctx.InputParameters[0].value.Attributes.map((/** @type {any} */ a) => [a.key, a.value]));
			expect(attrs.msdyn_currentpresenceid.Id).toBe(IDS.dataverse.presences.available);
			expect(attrs.msdyn_agentid.Id).toBe(IDS.dataverse.agents.alex);
			expect(attrs.msdyn_presencemodifiedon).toMatch(/^\/Date\(\d+\)\/$/);
			expect(ctx.OperationCreatedOn).toMatch(/^\/Date\(\d+\+0000\)\/$/);

			// Same presence again: no change, no delivery. Disabled step: no delivery.
			await dv('CCaaS_ModifyAgentPresence', {
				method: 'POST',
				headers: { MSCRMCallerID: IDS.dataverse.agents.alex },
				body: JSON.stringify({ ApiVersion: '1.0', AgentId: IDS.dataverse.agents.alex, PresenceId: IDS.dataverse.presences.available }),
			});
			await sim.settle();
			expect(hook.got).toHaveLength(1);
			const stepId = steps.body.value[0].sdkmessageprocessingstepid;
			expect((await dv(`sdkmessageprocessingsteps(${stepId})`, { method: 'DELETE' })).status).toBe(204);
		});
	});

	test('HttpHeader auth and unreachable endpoints never crash the server', async () => {
		await withReceiver(200, async (hook) => {
			const t = sim.state.dataverse.tables;
			t.serviceendpoints.push({ serviceendpointid: 'aaaaaaaa-0000-4000-8000-000000000001', name: 'hdr', url: hook.url, contract: 8, authtype: 5, authvalue: '<settings><setting name="x-api-key" value="k1" /></settings>', messageformat: 2 });
			t.serviceendpoints.push({ serviceendpointid: 'aaaaaaaa-0000-4000-8000-000000000002', name: 'dead', url: 'https://dead.sim.test/nothing', contract: 8, authtype: 4, authvalue: 'x', messageformat: 2 });
			sim.dataverseWebhooks.configure({ network: { ...sim.dataverseWebhooks.config.network, 'dead.sim.test:443': await closedOrigin() }, retryDelayMs: 5 });
			for (const [i, ep] of [[1, 'aaaaaaaa-0000-4000-8000-000000000001'], [2, 'aaaaaaaa-0000-4000-8000-000000000002']]) {
				// Asynchronous: the dead endpoint cannot fail the write.
				t.sdkmessageprocessingsteps.push({ sdkmessageprocessingstepid: `bbbbbbbb-0000-4000-8000-00000000000${i}`, name: `s${i}`, mode: 1, stage: 40, rank: i, statecode: 0, filteringattributes: null, _eventhandler_value: ep, _sdkmessageid_value: IDS.dataverse.sdkMessages.update, _sdkmessagefilterid_value: IDS.dataverse.sdkMessageFilters.agentStatusUpdate });
			}
			const r = await dv(`msdyn_agentstatuses(${IDS.dataverse.agentStatuses.dana})`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ msdyn_availableunitscapacity: 50 }) });
			expect(r.status).toBe(204);
			await sim.settle();
			expect(hook.got).toHaveLength(1);
			expect(hook.got[0].headers['x-api-key']).toBe('k1');
			const dead = sim.webhookDeliveries.filter((/** @type {any} */ d) => d.url.includes('dead.sim.test'));
			// Refused connection: no answer is a failure with no second attempt ("Use webhooks").
			expect(dead.map((/** @type {any} */ d) => [d.attempt, d.status, d.error])).toEqual([[1, null, 'ECONNREFUSED']]);
			expect((await dv('WhoAmI')).status).toBe(200);
		});
	});

	const patchDana = (/** @type {any} */ body) =>
		dv(`msdyn_agentstatuses(${IDS.dataverse.agentStatuses.dana})`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	const dana = () => sim.state.dataverse.tables.msdyn_agentstatuses.find((/** @type {any} */ r) => r.msdyn_agentstatusid === IDS.dataverse.agentStatuses.dana);

	test('only ports 80 and 443: a Webhook serviceendpoint on another port is refused, and never called', async () => {
		const post = (/** @type {string} */ url) =>
			dv('serviceendpoints', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'x', url, contract: 8, authtype: 4, authvalue: 'k', messageformat: 2 }) });
		for (const url of ['http://127.0.0.1:5678/webhook/x', 'https://n8n.example.com:8443/webhook/x', 'http://n8n.example.com:443/x']) {
			const r = await post(url);
			expect([url, r.status, r.body.error.code]).toEqual([url, 400, '0x80040203']);
			expect(r.body.error.message).toMatch(/support only port 80 for HTTP and port 443 for HTTPS/);
		}
		expect((await post('https://n8n.example.com/webhook/x')).status).toBe(204);
		expect((await post('http://n8n.example.com:80/webhook/x')).status).toBe(204);
		// A row that bypassed the check (written by hand) is still never called on its port.
		registerStep('http://127.0.0.1:5678/hook', 1);
		expect((await patchDana({ msdyn_availableunitscapacity: 40 })).status).toBe(204);
		await sim.settle();
		expect(sim.webhookDeliveries.map((/** @type {any} */ d) => d.error)).toEqual([expect.stringMatching(/support only port 80/)]);
	});

	test('a synchronous step that gets no 2xx fails the originating call and rolls it back', async () => {
		await withReceiver(401, async (hook) => {
			registerStep(hook.url, 0);
			const before = { ...dana() };
			const r = await patchDana({ msdyn_availableunitscapacity: 10 });
			expect(r.status).toBe(500);
			expect(r.body).toEqual({ error: { code: '0x80040216', message: 'An unexpected error occurred.' } });
			expect(dana()).toEqual(before);
			expect(sim.webhookDeliveries).toHaveLength(1);
			// Through CCaaS_ModifyAgentPresence too.
			const m = await dv('CCaaS_ModifyAgentPresence', {
				method: 'POST',
				headers: { MSCRMCallerID: IDS.dataverse.agents.dana, 'content-type': 'application/json' },
				body: JSON.stringify({ ApiVersion: '1.0', AgentId: IDS.dataverse.agents.dana, PresenceId: before._msdyn_currentpresenceid_value === IDS.dataverse.presences.busy ? IDS.dataverse.presences.available : IDS.dataverse.presences.busy }),
			});
			expect(m.status).toBe(500);
			expect(dana()._msdyn_currentpresenceid_value).toBe(before._msdyn_currentpresenceid_value);
		});
	});

	test('a synchronous step times out (configurable; Dataverse waits 60 s) and fails the call; connection refused too', async () => {
		const sockets = new Set();
		const silent = http.createServer(() => {});
		silent.on('connection', (s) => sockets.add(s));
		await new Promise((r) => silent.listen(0, '127.0.0.1', () => r(undefined)));
		try {
			expect(sim.dataverseWebhooks.config.timeoutMs).toBe(60000);
			sim.dataverseWebhooks.configure({ timeoutMs: 300, network: { 'slow.sim.test:443': `http://127.0.0.1:${/** @type {any} */ (silent.address()).port}`, 'down.sim.test:443': await closedOrigin() } });
			registerStep('https://slow.sim.test/hook', 0);
			const r = await patchDana({ msdyn_availableunitscapacity: 11 });
			expect(r.status).toBe(500);
			sim.state.dataverse.tables.serviceendpoints[0].url = 'https://down.sim.test/hook';
			const down = await patchDana({ msdyn_availableunitscapacity: 12 });
			expect(down.status).toBe(500);
			// Neither gets a second attempt: only 502/503/504 do.
			expect(sim.webhookDeliveries.map((/** @type {any} */ d) => [d.attempt, d.status, d.error])).toEqual([
				[1, null, 'The webhook did not answer within 300 ms.'],
				[1, null, 'ECONNREFUSED'],
			]);
		} finally {
			for (const s of sockets) /** @type {any} */ (s).destroy();
			await new Promise((r) => silent.close(r));
		}
	});

	test('an asynchronous step answers the call at once, makes one more attempt after a 503, and adds AsynchronousStepPrimaryName', async () => {
		await withReceiver(503, async (hook) => {
			sim.dataverseWebhooks.configure({ retryDelayMs: 5 });
			registerStep(hook.url, 1);
			expect((await patchDana({ msdyn_availableunitscapacity: 20 })).status).toBe(204);
			expect(dana().msdyn_availableunitscapacity).toBe(20);
			await sim.settle();
			expect(sim.webhookDeliveries.map((/** @type {any} */ d) => [d.attempt, d.status])).toEqual([[1, 503], [2, 503]]);
			const ctx = hook.got[0].body;
			expect(ctx).toMatchObject({ Mode: 1, IsInTransaction: false });
			expect(ctx.PostEntityImages).toEqual([
				{ key: 'AsynchronousStepPrimaryName', value: expect.objectContaining({ LogicalName: 'msdyn_agentstatus', Id: IDS.dataverse.agentStatuses.dana }) },
			]);
			// The table's primary name and key, as in "Use webhooks"' example (fullname, contactid).
			expect(ctx.PostEntityImages[0].value.Attributes.map((/** @type {any} */ a) => a.key)).toEqual(['msdyn_name', 'msdyn_agentstatusid']);
		});
	});

	test('a synchronous step also gets one more attempt after a 502 (the 401 above got none)', async () => {
		await withReceiver(502, async (hook) => {
			sim.dataverseWebhooks.configure({ retryDelayMs: 5 });
			registerStep(hook.url, 0);
			expect((await patchDana({ msdyn_availableunitscapacity: 21 })).status).toBe(500);
			expect(sim.webhookDeliveries.map((/** @type {any} */ d) => [d.mode, d.attempt, d.status])).toEqual([[0, 1, 502], [0, 2, 502]]);
		});
	});

	test('a context over 256 KB (or on demand) arrives with x-ms-dynamics-msg-size-exceeded and without InputParameters, ParentContext and images', async () => {
		await withReceiver(200, async (hook) => {
			registerStep(hook.url, 1);
			expect(sim.dataverseWebhooks.config.maxPayloadBytes).toBe(256 * 1024);
			sim.dataverseWebhooks.configure({ sizeExceeded: true });
			await patchDana({ msdyn_availableunitscapacity: 30 });
			sim.dataverseWebhooks.configure({ sizeExceeded: false, maxPayloadBytes: 1000 });
			await patchDana({ msdyn_availableunitscapacity: 31 });
			await sim.settle();
			expect(hook.got).toHaveLength(2);
			for (const got of hook.got) {
				expect(got.headers['x-ms-dynamics-msg-size-exceeded']).toBe('true');
				expect(got.body).toMatchObject({ InputParameters: [], ParentContext: null, PreEntityImages: [], PostEntityImages: [], PrimaryEntityId: IDS.dataverse.agentStatuses.dana, MessageName: 'Update' });
			}
		});
	});
});

// ---------------------------------------------------------------- Genesys
describe('Genesys presence API', () => {
	const G = IDS.genesys;
	test('presencedefinitions: paging, deleted filter, primary ids', async () => {
		const p1 = await gc('/presencedefinitions');
		expect(p1.status).toBe(200);
		expect(p1.body).toMatchObject({ pageSize: 25, pageNumber: 1, pageCount: 3 });
		expect(p1.body.total).toBeGreaterThanOrEqual(51);
		expect(p1.body.nextUri).toBe('/api/v2/presencedefinitions?pageSize=25&pageNumber=2');
		expect(p1.body.previousUri).toBeUndefined();
		const avail = p1.body.entities.find((/** @type {any} */ e) => e.id === G.presence.Available);
		expect(avail).toMatchObject({ languageLabels: { en_US: 'Available' }, systemPresence: 'Available', primary: true, deactivated: false, selfUri: `/api/v2/presencedefinitions/${G.presence.Available}` });
		const p3 = await gc('/presencedefinitions?pageNumber=3');
		expect(p3.body.nextUri).toBeUndefined();
		expect(p3.body.previousUri).toBeTruthy();
		const deleted = await gc('/presencedefinitions?deleted=true&pageSize=100');
		expect(deleted.body.entities.every((/** @type {any} */ e) => e.deactivated)).toBe(true);
		expect(deleted.body.entities.length).toBeGreaterThan(0);
		const all = await gc('/presencedefinitions?deleted=all&pageSize=100');
		expect(all.body.total).toBe(p1.body.total + deleted.body.total);
		const dnd = await gc(`/presencedefinitions/${G.custom.busyDnd}`);
		expect(dnd.body).toMatchObject({ systemPresence: 'Busy', primary: false, languageLabels: { en_US: 'Busy - DND' } });
		expect((await gc('/presencedefinitions/11111111-2222-4333-8444-555555555555')).status).toBe(404);
	});

	test('presencedefinitions create / update / delete', async () => {
		const c = await gc('/presencedefinitions', { method: 'POST', body: JSON.stringify({ languageLabels: { en_US: 'Focus' }, systemPresence: 'Busy' }) });
		expect(c.status).toBe(200);
		expect(c.body).toMatchObject({ systemPresence: 'Busy', primary: false, deactivated: false });
		const u = await gc(`/presencedefinitions/${c.body.id}`, { method: 'PUT', body: JSON.stringify({ languageLabels: { en_US: 'Deep focus' }, systemPresence: 'Busy' }) });
		expect(u.body.languageLabels.en_US).toBe('Deep focus');
		expect((await gc(`/presencedefinitions/${c.body.id}`, { method: 'DELETE' })).status).toBe(204);
		expect((await gc(`/presencedefinitions/${c.body.id}`)).body.deactivated).toBe(true);
		expect((await gc(`/presencedefinitions/${G.presence.Available}`, { method: 'DELETE' })).status).toBe(400);
		const bad = await gc('/presencedefinitions', { method: 'POST', body: JSON.stringify({ languageLabels: { en_US: 'X' }, systemPresence: 'Sleeping' }) });
		expect(bad.status).toBe(400);
		expect(bad.body).toMatchObject({ code: 'bad.request', status: 400 });
	});

	test('presence/definitions (new API) over the same store', async () => {
		const list = await gc('/presence/definitions');
		expect(list.body).toMatchObject({ selfUri: '/api/v2/presence/definitions' });
		expect(list.body.entities.every((/** @type {any} */ e) => !e.deactivated)).toBe(true);
		const withDeact = await gc('/presence/definitions?deactivated=true');
		expect(withDeact.body.total).toBeGreaterThan(list.body.total);
		const one = await gc(`/presence/definitions/${G.presence['On Queue']}`);
		expect(one.body).toMatchObject({ type: 'System', systemPresence: 'OnQueue', divisionId: '*', selfUri: `/api/v2/presence/definitions/${G.presence['On Queue']}` });
		const c = await gc('/presence/definitions', { method: 'POST', body: JSON.stringify({ languageLabels: { en_US: 'Mentoring' }, systemPresence: 'Meeting' }) });
		expect(c.body.type).toBe('User');
		expect((await gc(`/presencedefinitions/${c.body.id}`)).body.languageLabels.en_US).toBe('Mentoring');
		expect((await gc(`/presence/definitions/${c.body.id}`, { method: 'PUT', body: JSON.stringify({ languageLabels: { en_US: 'Mentor' }, systemPresence: 'Meeting' }) })).body.languageLabels.en_US).toBe('Mentor');
		expect((await gc(`/presence/definitions/${c.body.id}`, { method: 'DELETE' })).status).toBe(204);
	});

	test('systempresences', async () => {
		const r = await gc('/systempresences');
		expect(r.body).toContainEqual({ id: 'ON_QUEUE', name: 'On Queue', selfUri: '/api/v2/systempresences/ON_QUEUE' });
		expect(r.body).toHaveLength(10);
	});

	test('user presence get/patch (purecloud and by source)', async () => {
		const uid = G.users.alex;
		const g = await gc(`/users/${uid}/presences/purecloud`);
		expect(g.body).toMatchObject({ source: 'PURECLOUD', primary: true, presenceDefinition: { id: G.presence.Available, systemPresence: 'Available' } });
		expect(g.body).not.toHaveProperty('user');
		const p = await gc(`/users/${uid}/presences/purecloud`, { method: 'PATCH', body: JSON.stringify({ presenceDefinition: { id: G.custom.busyDnd }, message: 'heads down' }) });
		expect(p.status).toBe(200);
		expect(p.body).toMatchObject({ presenceDefinition: { id: G.custom.busyDnd, systemPresence: 'Busy' }, message: 'heads down' });
		expect(Date.parse(p.body.modifiedDate)).toBeGreaterThan(Date.parse(g.body.modifiedDate));
		expect((await gc(`/users/${uid}/presences/PURECLOUD`)).body.presenceDefinition.id).toBe(G.custom.busyDnd);
		const badDef = await gc(`/users/${uid}/presences/purecloud`, { method: 'PATCH', body: JSON.stringify({ presenceDefinition: { id: 'not-there' } }) });
		expect(badDef.status).toBe(400);
		expect(badDef.body.message).toMatch(/presence definition/i);
		expect((await gc(`/users/nobody/presences/purecloud`)).status).toBe(404);
		expect((await gc(`/users/nobody/presences/purecloud`, { method: 'PATCH', body: JSON.stringify({ presenceDefinition: { id: G.presence.Away } }) })).status).toBe(404);
	});

	test('bulk presence update, limit 50', async () => {
		const users = (await gc('/users?pageSize=60')).body.entities;
		const body = users.slice(0, 50).map((/** @type {any} */ u) => ({ id: u.id, source: 'PURECLOUD', presenceDefinition: { id: G.presence.Meal } }));
		const ok = await gc('/users/presences/bulk', { method: 'PUT', body: JSON.stringify(body) });
		expect(ok.status).toBe(200);
		expect(ok.body).toHaveLength(50);
		expect(ok.body[0]).toMatchObject({ id: users[0].id, presenceDefinition: { id: G.presence.Meal, systemPresence: 'Meal' } });
		const tooMany = users.map((/** @type {any} */ u) => ({ id: u.id, source: 'PURECLOUD', presenceDefinition: { id: G.presence.Meal } }));
		const r = await gc('/users/presences/bulk', { method: 'PUT', body: JSON.stringify(tooMany) });
		expect(r.status).toBe(400);
		expect(r.body.message).toMatch(/50/);
	});

	test('users list, get and search by email', async () => {
		const p1 = await gc('/users?pageSize=50');
		expect(p1.body.total).toBeGreaterThanOrEqual(120);
		expect(p1.body.pageCount).toBe(Math.ceil(p1.body.total / 50));
		expect(p1.body.nextUri).toBe('/api/v2/users?pageSize=50&pageNumber=2');
		const one = await gc(`/users/${IDS.genesys.users.blake}?expand=presence`);
		expect(one.body).toMatchObject({ email: 'blake.baker@contoso.com', presence: { source: 'PURECLOUD' } });
		const s = await gc('/users/search', { method: 'POST', body: JSON.stringify({ query: [{ type: 'EXACT', fields: ['email'], value: 'alex.agent@contoso.com' }], pageSize: 25, pageNumber: 1 }) });
		expect(s.body).toMatchObject({ total: 1, pageCount: 1, pageSize: 25, pageNumber: 1 });
		expect(s.body.results[0].id).toBe(IDS.genesys.users.alex);
		const none = await gc('/users/search', { method: 'POST', body: JSON.stringify({ query: [{ type: 'EXACT', fields: ['email'], value: 'no@where' }] }) });
		expect(none.body).toMatchObject({ total: 0, results: [] });
		expect((await gc('/users/search', { method: 'POST', body: '{}' })).status).toBe(400);
	});

	test('permissions: GET /users needs none (SDK reference); the search\'s ANY list answers missing.any.permissions', async () => {
		const held = sim.state.genesys.permissions;
		sim.state.genesys.permissions = held.filter((/** @type {string} */ p) => p !== 'directory:user:view');
		try {
			expect((await gc('/users?pageSize=1')).status).toBe(200);
			const s = await gc('/users/search', { method: 'POST', body: JSON.stringify({ query: [{ type: 'EXACT', fields: ['email'], value: 'alex.agent@contoso.com' }] }) });
			expect([s.status, s.body.code, s.body.message]).toEqual([
				403,
				'missing.any.permissions',
				'Unable to perform the requested action. You must have at least one of the following permissions assigned: [directory:user:view]',
			]);
		} finally {
			sim.state.genesys.permissions = held;
		}
	});
});

// ---------------------------------------------------------------- Vonage
describe('Vonage Agents, User Admin and Insights Stats', () => {
	const V = IDS.vonage;
	test('presence definitions', async () => {
		const r = await vcc('/agents/presence-definitions');
		expect(r.status).toBe(200);
		const ready = r.body.presenceDefinitions.find((/** @type {any} */ d) => d.presenceId === V.presence.ready);
		expect(ready).toEqual({ presenceId: V.presence.ready, selectable: true, category: { categoryType: 'Ready', description: 'Ready', subCategory: 'Ready' }, description: 'Ready' });
		const types = new Set(r.body.presenceDefinitions.map((/** @type {any} */ d) => d.category.categoryType));
		expect([...types].sort()).toEqual(['Away', 'ExtendedAway', 'LoggedOut', 'Ready']);
	});

	test('get and set agent presence (the seed example)', async () => {
		const uid = 'daab05ec-ba50-45af-a6fd-3b01cdc6f39b';
		const p = await vcc(`/agents/${uid}/presence`, { method: 'PATCH', body: JSON.stringify({ presenceId: 'eaed6862-14fa-4114-be62-b8709b5d4a49' }) });
		expect(p.status).toBe(200);
		expect(p.body).toEqual({
			userId: uid,
			updated: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
			presence: { presenceId: 'eaed6862-14fa-4114-be62-b8709b5d4a49', selectable: true, category: { categoryType: 'LoggedOut', description: 'Logged Out' }, description: 'Logged Out' },
		});
		expect((await vcc(`/agents/${uid}/presence`)).body.presence.presenceId).toBe('eaed6862-14fa-4114-be62-b8709b5d4a49');
	});

	test('errors: validation, unknown user/presence, Accept header, scopes', async () => {
		const uid = V.users.casey;
		const missing = await vcc(`/agents/${uid}/presence`, { method: 'PATCH', body: '{}' });
		expect(missing.body).toEqual({ status: 400, title: 'One or more validation errors occurred.', errors: [{ message: 'The PresenceId field is required.', path: 'presenceId' }] });
		expect((await vcc(`/agents/${uid}/presence`, { method: 'PATCH', body: JSON.stringify({ presenceId: '11111111-2222-4333-8444-555555555555' }) })).status).toBe(400);
		expect((await vcc('/agents/11111111-2222-4333-8444-555555555555/presence')).status).toBe(404);
		expect((await vcc('/agents/not-a-guid/presence')).body).toEqual({ message: 'The request is invalid.' });
		const noAccept = await vcc(`/agents/${uid}/presence`, { headers: { accept: 'application/json' } });
		expect(noAccept.status).toBe(400);
		expect(noAccept.body).toEqual({ error: { code: 'ApiVersionUnspecified', message: 'An API version is required, but was not specified.' } });
		const v2 = await vcc(`/agents/${uid}/presence`, { headers: { accept: 'application/vnd.newvoicemedia.v2+json' } });
		expect(v2.body).toEqual({
			error: { code: 'UnsupportedApiVersion', message: `The HTTP resource that matches the request URI '${sim.urls.vonage}/agents/${uid}/presence' does not support the API version '2'.` },
		});
		const readOnly = (await vonageToken('users:read')).body.access_token;
		expect((await vcc(`/agents/${uid}/presence`, {}, readOnly)).status).toBe(200);
		const forbidden = await vcc(`/agents/${uid}/presence`, { method: 'PATCH', body: JSON.stringify({ presenceId: V.presence.away }) }, readOnly);
		expect(forbidden.status).toBe(403);
		const statsOnly = (await vonageToken('stats')).body.access_token;
		expect((await vcc('/agents/presence-definitions', {}, statsOnly)).status).toBe(403);
	});

	test('User Admin users: paging, include, find by email', async () => {
		const acc = { headers: { accept: 'application/vnd.newvoicemedia.v4+json' } };
		const p1 = await vcc('/useradmin/users?limit=10', acc);
		expect(p1.status).toBe(200);
		expect(p1.body.meta).toMatchObject({ page: 1, count: 10 });
		expect(p1.body.meta.pageCount).toBe(Math.ceil(p1.body.meta.totalCount / 10));
		const all = await vcc('/useradmin/users?limit=5000&include=All', acc);
		expect(all.body.users.length).toBe(p1.body.meta.totalCount + 1);
		const alex = all.body.users.find((/** @type {any} */ u) => u.email === 'alex.agent@contoso.com');
		expect(alex.userId).toBe(V.users.alex);
		expect((await vcc(`/useradmin/users/${V.users.dana}`, acc)).body.email).toBe('dana.diaz@contoso.com');
	});

	test('presence activities: include=Processed polling returns each change once', async () => {
		const acc = { headers: { accept: 'application/vnd.newvoicemedia.v2+json' } };
		const first = await vcc(`/stats/agent-activities/presence?start=${encodeURIComponent(new Date(Date.now() - 3600e3).toISOString())}&include=Processed`, acc);
		expect(first.status).toBe(200);
		expect(first.body).toMatchObject({ meta: { page: 1 }, items: [] });
		expect(first.headers.get('cache-control')).toBe('max-age=5, must-revalidate, private');
		await vcc(`/agents/${V.users.eli}/presence`, { method: 'PATCH', body: JSON.stringify({ presenceId: V.presence.lunch }) });
		const second = await vcc(`/agent-activities/presence?start=${encodeURIComponent(first.body.upTo)}&include=Processed`, acc);
		expect(second.body.items).toHaveLength(2);
		const started = second.body.items.find((/** @type {any} */ a) => a.duration === null);
		expect(started).toMatchObject({ agentId: V.agentDisplayIds.eli, type: 'Presence', category: 'ExtendedAway', name: 'Lunch' });
		const ended = second.body.items.find((/** @type {any} */ a) => a.duration !== null);
		expect(ended).toMatchObject({ agentId: V.agentDisplayIds.eli, category: 'Ready' });
		const third = await vcc(`/stats/agent-activities/presence?start=${encodeURIComponent(second.body.upTo)}&include=Processed`, acc);
		expect(third.body.items).toHaveLength(0);
		expect((await vcc('/stats/agent-activities/presence', acc)).status).toBe(400);
		const tooWide = await vcc('/stats/agent-activities/presence?start=2024-01-01T00:00:00Z&end=2024-03-01T00:00:00Z', acc);
		expect(tooWide.body).toEqual({ message: 'Request window size limit exceeded 31 days' });
		const usersScope = (await vonageToken('users:read')).body.access_token;
		expect((await vcc(`/stats/agent-activities/presence?start=${encodeURIComponent(first.body.upTo)}`, acc, usersScope)).status).toBe(403);
	});
});

// ---------------------------------------------------------------- control
describe('control: recording, faults, reset', () => {
	test('records vendor-relative path, query, lower-cased headers, parsed body and status', async () => {
		await genesysToken();
		sim.clearRequests();
		const t = (await genesysToken()).body.access_token;
		await gc(`/users/${IDS.genesys.users.alex}/presences/purecloud?x=1`, { method: 'PATCH', body: JSON.stringify({ message: 'hi' }) }, t);
		expect(sim.tokenRequests('genesys')).toBe(1);
		const rec = sim.requests.find((/** @type {any} */ r) => r.method === 'PATCH');
		expect(rec).toMatchObject({ vendor: 'genesys', path: `/api/v2/users/${IDS.genesys.users.alex}/presences/purecloud`, query: { x: '1' }, body: { message: 'hi' }, status: 200 });
		expect(rec.headers['content-type']).toBe('application/json');
		const tok = sim.requests.find((/** @type {any} */ r) => r.path === '/oauth/token');
		expect(tok.body).toEqual({ grant_type: 'client_credentials' });
		await dataverseToken();
		expect(sim.requests.at(-1)).toMatchObject({ vendor: 'dataverse', path: `/login/${sim.clients.dataverse.tenantId}/oauth2/v2.0/token`, body: expect.objectContaining({ grant_type: 'client_credentials' }) });
	});

	test('faults: status, Retry-After, times, vendor error shape, still recorded', async () => {
		const t = (await genesysToken()).body.access_token;
		sim.inject({ vendor: 'genesys', method: 'GET', path: '/api/v2/systempresences', status: 429, retryAfter: 3, times: 2 });
		const a = await gc('/systempresences', {}, t);
		expect(a.status).toBe(429);
		expect(a.headers.get('retry-after')).toBe('3');
		expect(a.body).toMatchObject({ code: 'too.many.requests', status: 429 });
		expect((await gc('/systempresences', {}, t)).status).toBe(429);
		expect((await gc('/systempresences', {}, t)).status).toBe(200);
		expect(sim.requests.filter((/** @type {any} */ r) => r.path === '/api/v2/systempresences').map((/** @type {any} */ r) => r.status)).toEqual([429, 429, 200]);

		sim.inject({ vendor: 'dataverse', path: /WhoAmI$/, status: 429, retryAfter: 1 });
		const d = await dv('WhoAmI');
		expect(d.status).toBe(429);
		expect(d.body.error.code).toBe('0x80072322');

		sim.inject({ vendor: 'vonage', path: 'presence-definitions', status: 503, everyNth: 2 });
		expect((await vcc('/agents/presence-definitions')).status).toBe(200);
		expect((await vcc('/agents/presence-definitions')).status).toBe(503);
		expect((await vcc('/agents/presence-definitions')).status).toBe(200);
		expect((await vcc('/agents/presence-definitions')).status).toBe(503);

		sim.inject({ path: '/api/v2/users', status: 500, body: { custom: true }, delayMs: 20 });
		expect((await gc('/users', {}, t)).body).toEqual({ custom: true });
	});

	test('reset restores seed state and forgets tokens', async () => {
		const t = (await genesysToken()).body.access_token;
		await gc(`/users/${IDS.genesys.users.alex}/presences/purecloud`, { method: 'PATCH', body: JSON.stringify({ presenceDefinition: { id: IDS.genesys.presence.Away } }) }, t);
		sim.reset();
		expect(sim.requests).toHaveLength(0);
		expect((await gc('/systempresences', {}, t)).status).toBe(401);
		expect((await gc(`/users/${IDS.genesys.users.alex}/presences/purecloud`)).body.presenceDefinition.id).toBe(IDS.genesys.presence.Available);
	});

	test('the same over HTTP at /__sim/, never recorded', async () => {
		const ctl = (/** @type {string} */ p, /** @type {any} */ init) => call(`${sim.url}/__sim/${p}`, init);
		expect((await ctl('faults', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ vendor: 'vonage', pathRegex: '^/agents/.+/presence$', status: 500 }) })).status).toBe(201);
		expect((await vcc(`/agents/${IDS.vonage.users.alex}/presence`)).status).toBe(500);
		const reqs = await ctl('requests?vendor=vonage');
		expect(reqs.body.map((/** @type {any} */ r) => r.status)).toEqual([200, 500]);
		expect((await ctl('requests', { method: 'DELETE' })).status).toBe(204);
		expect((await ctl('requests')).body).toEqual([]);
		const t = (await vonageToken()).body.access_token;
		expect((await ctl('expire-tokens', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ vendor: 'vonage' }) })).status).toBe(204);
		expect((await vcc('/agents/presence-definitions', {}, t)).status).toBe(401);
		const state = await ctl('state');
		expect(state.body.genesys.definitions.length).toBeGreaterThanOrEqual(60);
		expect((await ctl('webhook-deliveries')).body).toEqual([]);
		expect((await ctl('reset', { method: 'POST' })).status).toBe(204);
		expect(sim.requests.some((/** @type {any} */ r) => r.path.includes('__sim'))).toBe(false);
	});
});

describe('options', () => {
	test('tokenTtlSeconds and client overrides', async () => {
		// A secret no English text contains: the secrets scan looks for every client secret in all run output.
		const secret = 'sim-override-7f3a9c';
		const other = await startSimulator({ tokenTtlSeconds: { genesys: 1 }, clients: { genesys: { clientSecret: secret } } });
		try {
			const basic = Buffer.from(`${other.clients.genesys.clientId}:${secret}`).toString('base64');
			const r = await call(`${other.urls.genesysLogin}/oauth/token`, { method: 'POST', headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials' });
			expect(r.body.expires_in).toBe(1);
			const ok = await call(`${other.urls.genesysApi}/api/v2/systempresences`, { headers: { authorization: `Bearer ${r.body.access_token}` } });
			expect(ok.status).toBe(200);
			await new Promise((res) => setTimeout(res, 1100));
			const expired = await call(`${other.urls.genesysApi}/api/v2/systempresences`, { headers: { authorization: `Bearer ${r.body.access_token}` } });
			expect(expired.status).toBe(401);
		} finally {
			await other.close();
		}
	});
});
