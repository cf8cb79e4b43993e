// @ts-check
/**
 * Registered presence sources, primary sources and the presence:userPresence:edit permission, as
 * Genesys' SDK documents them (issue 21, points 1, 11 and 12):
 * - MutableUserPresence: `source` is "Deprecated - The sourceID field should be used as a
 *   replacement", `sourceId` "Represents the ID of a registered source";
 * - getUserPresence / patchUserPresence: "This endpoint does not support registered presence sources";
 * - a user shows, and is routed on, their primary source (GET/PUT /api/v2/presence/users/{userId}/primarysource,
 *   PresenceSettings.defaultPrimaryPresenceRegisteredSourceId);
 * - "Permission Change: Update to User Presence Requires presence:userPresence:edit" (20 July 2025).
 */
const { useSimulator, byId } = require('../helpers/vendors');
const { apiCalls, registerSource, G } = require('./genesys');

const t = useSimulator({ vendor: 'genesys' });
const ALEX = G.users.alex;
const CASEY = G.users.casey;
const BULK = '/api/v2/users/presences/bulk';
const presences = () => t.sim.state.genesys.presences;
const api = async (/** @type {string} */ method, /** @type {string} */ path, /** @type {any} */ body = undefined) =>
	await t.h.request('genesysCloudPresenceApi', { method, url: `${t.sim.urls.genesysApi}${path}`, body, json: true, returnFullResponse: true, ignoreHttpStatusErrors: true });
const setOn = (/** @type {Record<string, any>} */ extra) => ({
	resource: 'agentPresence',
	operation: 'set',
	agent: byId(CASEY),
	presenceBy: 'presence',
	presence: byId(G.presence.Busy),
	onlyIfDifferent: false,
	...extra,
});

describe('Bulk Set: a registered source goes in sourceId (point 1)', () => {
	test('the entry names the source in sourceId, never in the deprecated source; the source holds the presence', async () => {
		const source = registerSource(t.sim, 'Teams sync');
		await t.run({ resource: 'agentPresence', operation: 'bulkSet', agent: byId(CASEY), source: 'other', sourceId: source, presenceBy: 'presence', presence: byId(G.custom.lunch) });
		const [put] = apiCalls(t.sim).filter((c) => c.path === BULK);
		expect(put.body).toEqual([{ id: CASEY, sourceId: source, presenceDefinition: { id: G.custom.lunch } }]);
		expect(presences()[CASEY].sources[source].presenceDefinitionId).toBe(G.custom.lunch);
		// PURECLOUD untouched.
		expect(presences()[CASEY].sources.PURECLOUD.presenceDefinitionId).toBe(G.presence.Available);
	});

	test('the simulator, as the model says: a registered source\'s ID in the deprecated source writes nothing to that source', async () => {
		const source = registerSource(t.sim, 'Teams sync');
		const answer = await api('PUT', BULK, [{ id: CASEY, source, presenceDefinition: { id: G.custom.lunch } }]);
		expect(answer.statusCode).toBe(200);
		expect(presences()[CASEY].sources[source]).toBeUndefined();
	});

	test('a sourceId that names no active registered source: Genesys refuses the batch (400)', async () => {
		const answer = await api('PUT', BULK, [{ id: CASEY, sourceId: 'teams-sync', presenceDefinition: { id: G.custom.lunch } }]);
		expect(answer.statusCode).toBe(400);
		expect(answer.body.message).toBe('Entry 0: teams-sync is not an active registered presence source.');
	});
});

describe('presence:userPresence:edit for changing another user\'s presence (point 11)', () => {
	const withoutEdit = () => {
		t.sim.state.genesys.permissions = t.sim.state.genesys.permissions.filter((/** @type {string} */ p) => p !== 'presence:userPresence:edit');
	};

	test('Set on PURECLOUD without it: Genesys\' 403 naming the permission, and the package says the call needs it', async () => {
		withoutEdit();
		const run = await t.run(setOn({}));
		expect(run.error.message).toBe('Genesys Cloud returned 403: Unable to perform the requested action. You are missing the following permission(s): [presence:userPresence:edit]');
		expect(run.error.description).toMatch(/this call needs the permission presence:userPresence:edit in a role of the credential's OAuth client$/);
		expect(presences()[CASEY].sources.PURECLOUD.presenceDefinitionId).toBe(G.presence.Available);
	});

	test('the simulator enforces it on PATCH of PURECLOUD and of another source; reading needs none', async () => {
		withoutEdit();
		expect((await api('PATCH', `/api/v2/users/${ALEX}/presences/purecloud`, { presenceDefinition: { id: G.presence.Busy } })).statusCode).toBe(403);
		expect((await api('PATCH', `/api/v2/users/${ALEX}/presences/teams-sync`, { presenceDefinition: { id: G.presence.Busy } })).statusCode).toBe(403);
		expect((await api('GET', `/api/v2/users/${ALEX}/presences/purecloud`)).statusCode).toBe(200);
	});

	test('the credential names it', () => {
		const { GenesysCloudPresenceApi } = require('../../dist/credentials/GenesysCloudPresenceApi.credentials');
		const notice = new GenesysCloudPresenceApi().properties.find((/** @type {any} */ p) => p.type === 'notice');
		expect(notice.displayName).toContain('presence:userPresence:edit');
		expect(notice.displayName).toContain('presence:userPrimarySource:edit');
	});
});

describe('registered sources and the primary source (point 12)', () => {
	test('the simulator refuses GET and PATCH of one user\'s presence on a registered source, as the SDK says', async () => {
		const source = registerSource(t.sim, 'n8n presence sync');
		const patch = await api('PATCH', `/api/v2/users/${CASEY}/presences/${source}`, { presenceDefinition: { id: G.presence.Busy } });
		expect(patch.statusCode).toBe(400);
		expect(patch.body.message).toMatch(/does not support registered presence sources/);
		expect((await api('GET', `/api/v2/users/${CASEY}/presences/${source}`)).statusCode).toBe(400);
		expect(presences()[CASEY].sources[source]).toBeUndefined();
	});

	test('Set on a registered source that is not the user\'s primary: written through the bulk PUT, reported written false', async () => {
		const source = registerSource(t.sim, 'n8n presence sync');
		const run = await t.run(setOn({ source: 'other', sourceId: source }));
		expect(apiCalls(t.sim).map((c) => [c.method, c.path])).toEqual([
			['GET', '/api/v2/presence/sources'],
			['PUT', BULK],
		]);
		expect(run.items('Genesys')[0]).toMatchObject({ sourceId: source, primary: false, written: false, skippedReason: 'sourceNotPrimary', presenceId: G.presence.Busy });
		expect(presences()[CASEY].sources[source].presenceDefinitionId).toBe(G.presence.Busy);
		// What the agent shows (and is routed on) did not change.
		const user = await api('GET', `/api/v2/users/${CASEY}?expand=presence`);
		expect(user.body.presence.presenceDefinition.id).toBe(G.presence.Available);
	});

	test('Make Primary Source on a registered source: the bulk PUT, then PUT …/primarysource; the agent shows it; written true', async () => {
		const source = registerSource(t.sim, 'n8n presence sync');
		const run = await t.run(setOn({ source: 'other', sourceId: source, options: { primary: true } }));
		expect(apiCalls(t.sim).filter((c) => c.method === 'PUT').map((c) => [c.path, c.body])).toEqual([
			[BULK, [{ id: CASEY, sourceId: source, presenceDefinition: { id: G.presence.Busy } }]],
			[`/api/v2/presence/users/${CASEY}/primarysource`, { sourceId: source }],
		]);
		expect(run.items('Genesys')[0]).toMatchObject({ sourceId: source, primary: true, written: true });
		const primary = await api('GET', `/api/v2/presence/users/${CASEY}/primarysource`);
		expect(primary.body).toMatchObject({ sourceId: source, registered: true, name: 'n8n presence sync' });
		const user = await api('GET', `/api/v2/users/${CASEY}?expand=presence`);
		expect(user.body.presence.presenceDefinition.id).toBe(G.presence.Busy);

		// Only If Different, same presence, already primary: the source's bulk read and the primary source, no write.
		t.sim.requests.length = 0;
		const again = await t.run(setOn({ source: 'other', sourceId: source, onlyIfDifferent: true, options: { primary: true, cacheTtl: 0 } }));
		expect(apiCalls(t.sim).map((c) => [c.method, c.path])).toEqual([
			['GET', '/api/v2/presence/sources'],
			['GET', `/api/v2/users/presences/${source}/bulk`],
			['GET', `/api/v2/presence/users/${CASEY}/primarysource`],
		]);
		expect(again.items('Genesys')[0]).toMatchObject({ written: false, skippedReason: 'same' });
	});

	test('the organization\'s default primary registered source (presence settings): a write there is seen without more', async () => {
		const source = registerSource(t.sim, 'n8n presence sync');
		t.sim.state.genesys.settings.defaultPrimaryPresenceRegisteredSourceId = source;
		const settings = await api('GET', '/api/v2/presence/settings');
		expect(settings.body).toMatchObject({ defaultPrimaryPresenceRegisteredSourceId: source });
		const run = await t.run(setOn({ source: 'name', sourceName: 'n8n presence sync' }));
		expect(run.items('Genesys')[0]).toMatchObject({ sourceId: source, primary: true, written: true });
		expect(apiCalls(t.sim).some((c) => c.path.endsWith('/primarysource'))).toBe(false);
	});

	test('PURECLOUD while another source is the user\'s primary: written false, nothing anyone sees changed', async () => {
		const source = registerSource(t.sim, 'n8n presence sync');
		t.sim.state.genesys.presences[CASEY].primarySource = source;
		const run = await t.run(setOn({}));
		expect(run.items('Genesys')[0]).toMatchObject({ sourceId: 'PURECLOUD', primary: false, written: false, skippedReason: 'sourceNotPrimary' });
	});

	test('Get on a registered source reads it with GET /api/v2/users/presences/{sourceId}/bulk', async () => {
		const source = registerSource(t.sim, 'n8n presence sync');
		await api('PUT', BULK, [{ id: CASEY, sourceId: source, presenceDefinition: { id: G.custom.lunch } }]);
		t.sim.requests.length = 0;
		const run = await t.run({ resource: 'agentPresence', operation: 'get', agent: byId(CASEY), source: 'other', sourceId: source });
		expect(apiCalls(t.sim).map((c) => [c.method, c.path, c.query])).toEqual([
			['GET', '/api/v2/presence/sources', { deactivated: 'false' }],
			['GET', `/api/v2/users/presences/${source}/bulk`, { id: CASEY }],
		]);
		expect(run.items('Genesys')[0]).toMatchObject({ userId: CASEY, sourceId: source, presenceId: G.custom.lunch, category: 'away' });
	});

	test('the primary source endpoints need their permissions', async () => {
		t.sim.state.genesys.permissions = t.sim.state.genesys.permissions.filter((/** @type {string} */ p) => !p.startsWith('presence:userPrimarySource:'));
		const source = registerSource(t.sim, 'n8n presence sync');
		const run = await t.run(setOn({ source: 'other', sourceId: source, options: { primary: true } }));
		expect(run.error.message).toMatch(/Genesys Cloud returned 403: .*\[presence:userPrimarySource:edit\]/);
		expect(run.error.description).toMatch(/this call needs the permission presence:userPrimarySource:edit/);
		expect((await api('GET', `/api/v2/presence/users/${CASEY}/primarysource`)).statusCode).toBe(403);
	});
});
