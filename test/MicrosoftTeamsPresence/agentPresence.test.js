// @ts-check
const { useSimulator, apiCalls: vendorCalls, byId, byEmail, graphPresenceItem: presenceItem, IDS } = require('../helpers/vendors');

const T = IDS.graph;
/** Graph's calls as `{ method, path, query, body }` (the answer's status is asserted where it matters). */
const apiCalls = (/** @type {any} */ sim) => vendorCalls(sim, 'graph').map(({ status: _status, ...call }) => call);

const t = useSimulator({ vendor: 'graph' });
const ALEX = T.users.alex;
const BLAKE = T.users.blake;
const CASEY = T.users.casey;
const DANA = T.users.dana;
const presencePath = (/** @type {string} */ id) => `/v1.0/users/${id}/presence`;
const read = (/** @type {string} */ id) => ({ method: 'GET', path: presencePath(id), query: {}, body: undefined });
const write = (/** @type {string} */ id, /** @type {string} */ action, /** @type {any} */ body) => ({ method: 'POST', path: `${presencePath(id)}/${action}`, query: {}, body });
/** A Set's calls: the current presence, the write, the presence read back. */
const readWriteRead = (/** @type {string} */ id, /** @type {string} */ action, /** @type {any} */ body) => [read(id), write(id, action, body), read(id)];
const appId = () => t.sim.clients.graph.clientId;
/**
 * A Set's item: agent `id` now at `presenceId` (availability/activity), with the Set's own fields.
 * @param {string} id @param {string} presenceId @param {string} category @param {Record<string, any>} extra
 */
const setItem = (id, presenceId, category, extra) => {
	const [availability, activity] = presenceId.split('/');
	return presenceItem({ id, availability, activity, category, event: 'presence_set', extra });
};

describe('Agent Presence: Get', () => {
	test('by ID: GET /users/{id}/presence, normalized item', async () => {
		const run = await t.run({ operation: 'get', agent: byId(BLAKE) });
		expect(apiCalls(t.sim)).toEqual([read(BLAKE)]);
		expect(run.rawItems('Teams')).toEqual([
			{ json: presenceItem({ id: BLAKE, availability: 'Busy', activity: 'InAMeeting', category: 'busy', event: 'presence_read' }), pairedItem: { item: 0 } },
		]);
	});

	test('by e-mail: GET /users/{upn} once for repeated agents, then the presence', async () => {
		const run = await t.run({ operation: 'get', agent: byEmail('={{ $json.email }}') }, [
			{ email: 'Alex.Agent@contoso.com' },
			{ email: 'alex.agent@contoso.com' },
		]);
		expect(apiCalls(t.sim)).toEqual([
			{ method: 'GET', path: '/v1.0/users/Alex.Agent%40contoso.com', query: { $select: 'id' }, body: undefined },
			read(ALEX),
			read(ALEX),
		]);
		expect(run.items('Teams').map((/** @type {any} */ i) => i.agentId)).toEqual([ALEX, ALEX]);
	});

	test('an unknown e-mail is a clear error naming it', async () => {
		const run = await t.run({ operation: 'get', agent: byEmail('nobody@contoso.com') });
		expect(run.error.message).toBe('No Microsoft Teams user has the e-mail or UPN "nobody@contoso.com"');
	});

	test('no agent: input error before any request', async () => {
		const run = await t.run({ operation: 'get', agent: byId('={{ $json.id }}') }, [{ id: ' ' }]);
		expect(run.error.message).toBe('No agent given');
		expect(t.sim.requests).toEqual([]);
	});
});

describe('Agent Presence: Get Many', () => {
	test('one POST getPresencesByUserId, one item per user', async () => {
		const run = await t.run({ operation: 'getAll', agentIds: `${ALEX}, ${DANA}`, returnAll: true });
		expect(apiCalls(t.sim)).toEqual([
			{ method: 'POST', path: '/v1.0/communications/getPresencesByUserId', query: {}, body: { ids: [ALEX, DANA] } },
		]);
		expect(run.items('Teams')).toEqual([
			presenceItem({ id: ALEX, availability: 'Available', activity: 'Available', category: 'available', event: 'presence_read' }),
			presenceItem({ id: DANA, availability: 'DoNotDisturb', activity: 'Presenting', category: 'do_not_disturb', event: 'presence_read' }),
		]);
	});

	test('more than 650 IDs are split into requests of at most 650', async () => {
		const ids = Array.from({ length: 1301 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
		const run = await t.run({ operation: 'getAll', agentIds: `={{ ${JSON.stringify(ids)} }}`, returnAll: true });
		const calls = apiCalls(t.sim);
		expect(calls.map((c) => c.body.ids.length)).toEqual([650, 650, 1]);
		expect(calls.flatMap((c) => c.body.ids)).toEqual(ids);
		expect(run.items('Teams')).toHaveLength(1301);
		expect(run.items('Teams')[0]).toMatchObject({ presenceId: null, category: null, availability: 'PresenceUnknown' });
	});

	test('limit reads only as many IDs as it returns', async () => {
		const run = await t.run({ operation: 'getAll', agentIds: `${ALEX},${BLAKE},${CASEY}`, returnAll: false, limit: 2 });
		expect(apiCalls(t.sim)[0].body).toEqual({ ids: [ALEX, BLAKE] });
		expect(run.items('Teams')).toHaveLength(2);
	});

	test('a value that is no object ID is an input error before any request', async () => {
		const run = await t.run({ operation: 'getAll', agentIds: `${ALEX}, alex.agent@contoso.com`, returnAll: true });
		expect(run.error.message).toBe('Not a Microsoft Entra user object ID: "alex.agent@contoso.com"');
		expect(t.sim.requests).toEqual([]);
	});
});

describe('Agent Presence: Set (app session)', () => {
	test('by category busy: setPresence Busy/InACall with the app ID as session, presence read after', async () => {
		const run = await t.run({ operation: 'set', agent: byId(CASEY), presenceBy: 'category', category: 'busy', onlyIfDifferent: false, options: { expirationDuration: 'PT1H' } });
		expect(apiCalls(t.sim)).toEqual([
			write(CASEY, 'setPresence', { sessionId: appId(), availability: 'Busy', activity: 'InACall', expirationDuration: 'PT1H' }),
			read(CASEY),
		]);
		expect(run.items('Teams')).toEqual([
			setItem(CASEY, 'Busy/InACall', 'busy', { written: true, previousPresenceId: null, previousCategory: null, requestedPresenceId: 'Busy/InACall' }),
		]);
	});

	test('Only If Different: same presence → no write, skippedReason same', async () => {
		const run = await t.run({ operation: 'set', agent: byId(ALEX), presenceBy: 'presence', presence: byId('Available/Available'), onlyIfDifferent: true });
		expect(apiCalls(t.sim)).toEqual([read(ALEX)]);
		expect(run.items('Teams')).toEqual([
			setItem(ALEX, 'Available/Available', 'available', { written: false, skippedReason: 'same', previousPresenceId: 'Available/Available', previousCategory: 'available' }),
		]);
	});

	test('Only If Different: different presence → read, write, read', async () => {
		const run = await t.run({ operation: 'set', agent: byId(ALEX), presenceBy: 'presence', presence: byId('Busy/InAConferenceCall') });
		expect(apiCalls(t.sim)).toEqual(readWriteRead(ALEX, 'setPresence', { sessionId: appId(), availability: 'Busy', activity: 'InAConferenceCall' }));
		expect(run.items('Teams')[0]).toMatchObject({ written: true, presenceId: 'Busy/InAConferenceCall', previousPresenceId: 'Available/Available', previousCategory: 'available' });
	});

	test("a user's own state wins over the app session: the item shows what Teams shows", async () => {
		const run = await t.run({ operation: 'set', agent: byId(DANA), presenceBy: 'category', category: 'available', onlyIfDifferent: false });
		expect(run.items('Teams')[0]).toMatchObject({ written: true, requestedPresenceId: 'Available/Available', presenceId: 'DoNotDisturb/Presenting', category: 'do_not_disturb' });
	});

	test('the session expires unless renewed: Offline after its expiration', async () => {
		await t.run({ operation: 'set', agent: byId(CASEY), presenceBy: 'category', category: 'away', onlyIfDifferent: false, options: { expirationDuration: 'PT5M' } });
		expect(t.sim.graph.presenceOf(CASEY)).toMatchObject({ availability: 'Away', activity: 'Away' });
		t.sim.graph.advance(5 * 60_000 + 1);
		expect(t.sim.graph.presenceOf(CASEY)).toMatchObject({ availability: 'Offline', activity: 'Offline' });
	});

	test('Do Not Disturb by category: the session pair DoNotDisturb/Presenting ("presence: setPresence", Supported combinations)', async () => {
		const run = await t.run({ operation: 'set', agent: byId(ALEX), presenceBy: 'category', category: 'DND' });
		expect(apiCalls(t.sim)).toEqual(readWriteRead(ALEX, 'setPresence', { sessionId: appId(), availability: 'DoNotDisturb', activity: 'Presenting' }));
		// Among app sessions DoNotDisturb wins over the client's Available.
		expect(run.items('Teams')[0]).toMatchObject({ written: true, requestedPresenceId: 'DoNotDisturb/Presenting', presenceId: 'DoNotDisturb/Presenting', category: 'do_not_disturb' });
	});

	test('DoNotDisturb/Presenting given as a presence is a Set pair; Offline by category is refused, pointing at Clear', async () => {
		const pair = await t.run({ operation: 'set', agent: byId(CASEY), presenceBy: 'presence', presence: byId('DoNotDisturb/Presenting'), onlyIfDifferent: false });
		expect(pair.items('Teams')[0]).toMatchObject({ written: true, presenceId: 'DoNotDisturb/Presenting' });
		t.sim.clearRequests();
		const run = await t.run({ operation: 'set', agent: byId(ALEX), presenceBy: 'category', category: 'offline' });
		expect(run.error.message).toBe('An app presence session cannot show "offline" in Microsoft Teams');
		expect(run.error.description).toContain('Clear');
		expect(t.sim.requests).toEqual([]);
	});

	test('a pair Graph does not accept for a session is refused before any request', async () => {
		const run = await t.run({ operation: 'set', agent: byId(ALEX), presenceBy: 'presence', presence: byId('Busy/Busy') });
		expect(run.error.message).toBe('Microsoft Graph does not accept "Busy/Busy" for Set');
		expect(t.sim.requests).toEqual([]);
	});

	test('an expiration outside PT5M–PT4H is refused before any request', async () => {
		const run = await t.run({ operation: 'set', agent: byId(ALEX), presenceBy: 'category', category: 'busy', options: { expirationDuration: 'PT5H' } });
		expect(run.error.message).toBe('Expiration "PT5H" is not an ISO 8601 duration from PT5M to PT4H');
		expect(t.sim.requests).toEqual([]);
	});

	test('Continue On Fail: a bad item fails alone, the next is written', async () => {
		const run = await t.run(
			{ operation: 'set', agent: byId('={{ $json.id }}'), presenceBy: 'category', category: '={{ $json.category }}', onlyIfDifferent: false },
			[{ id: ALEX, category: 'sleeping' }, { id: CASEY, category: 'available' }],
			{ onError: 'continueRegularOutput' },
		);
		const items = run.items('Teams');
		expect(items[0]).toEqual({ error: 'Unknown presence category "sleeping"', errorDescription: 'Use one of: available, busy, do_not_disturb, away, offline' });
		expect(items[1]).toMatchObject({ agentId: CASEY, written: true, presenceId: 'Available/Available' });
	});

	test('missing Presence.ReadWrite.All: 403 names Graph, the status and the permission', async () => {
		t.sim.clients.graph.roles.splice(0, t.sim.clients.graph.roles.length, 'Presence.Read.All', 'User.Read.All');
		try {
			const run = await t.run({ operation: 'set', agent: byId(CASEY), presenceBy: 'category', category: 'busy', onlyIfDifferent: false });
			expect(run.error.message).toBe('Microsoft Teams (Graph) returned 403: Forbidden: Insufficient privileges to complete the operation.');
			expect(run.error.description).toMatch(/this call needs the application permission Presence\.ReadWrite\.All with admin consent$/);
		} finally {
			t.sim.clients.graph.roles.splice(0, t.sim.clients.graph.roles.length, 'Presence.ReadWrite.All', 'User.Read.All');
		}
	});

	test('429 with Retry-After is waited out and the write retried once', async () => {
		t.sim.inject({ vendor: 'graph', method: 'POST', path: '/setPresence', status: 429, retryAfter: 0 });
		const run = await t.run({ operation: 'set', agent: byId(CASEY), presenceBy: 'category', category: 'available', onlyIfDifferent: false });
		expect(apiCalls(t.sim).map((c) => `${c.method} ${c.path}`)).toEqual([
			`POST ${presencePath(CASEY)}/setPresence`,
			`POST ${presencePath(CASEY)}/setPresence`,
			`GET ${presencePath(CASEY)}`,
		]);
		expect(run.items('Teams')[0]).toMatchObject({ written: true, presenceId: 'Available/Available' });
	});
});

describe('Agent Presence: Set Preferred', () => {
	test('by category do_not_disturb: DoNotDisturb/DoNotDisturb wins over every session', async () => {
		const run = await t.run({ operation: 'setPreferred', agent: byId(ALEX), presenceBy: 'category', category: 'Do Not Disturb', options: { expirationDuration: 'PT8H' } });
		expect(apiCalls(t.sim)).toEqual(readWriteRead(ALEX, 'setUserPreferredPresence', { availability: 'DoNotDisturb', activity: 'DoNotDisturb', expirationDuration: 'PT8H' }));
		expect(run.items('Teams')).toEqual([
			setItem(ALEX, 'DoNotDisturb/DoNotDisturb', 'do_not_disturb', { written: true, previousPresenceId: 'Available/Available', previousCategory: 'available', requestedPresenceId: 'DoNotDisturb/DoNotDisturb' }),
		]);
	});

	test('offline by category is Offline/OffWork', async () => {
		const run = await t.run({ operation: 'setPreferred', agent: byId(ALEX), presenceBy: 'category', category: 'offline', onlyIfDifferent: false });
		expect(apiCalls(t.sim)[0]).toEqual(write(ALEX, 'setUserPreferredPresence', { availability: 'Offline', activity: 'OffWork' }));
		expect(run.items('Teams')[0]).toMatchObject({ presenceId: 'Offline/OffWork', category: 'offline' });
	});

	test('without any session the preferred presence does not show: Offline', async () => {
		const run = await t.run({ operation: 'setPreferred', agent: byId(CASEY), presenceBy: 'presence', presence: byId('BeRightBack/BeRightBack'), onlyIfDifferent: false });
		expect(run.items('Teams')[0]).toMatchObject({ written: true, requestedPresenceId: 'BeRightBack/BeRightBack', presenceId: 'Offline/Offline' });
	});

	test('Busy/InACall is a session pair, not a preferred one', async () => {
		const run = await t.run({ operation: 'setPreferred', agent: byId(ALEX), presenceBy: 'presence', presence: byId('Busy/InACall') });
		expect(run.error.message).toBe('Microsoft Graph does not accept "Busy/InACall" for Set Preferred');
	});
});

describe('Agent Presence: Clear and Clear Preferred', () => {
	test('Clear ends the app session: Offline when it was the only one', async () => {
		await t.run({ operation: 'set', agent: byId(CASEY), presenceBy: 'category', category: 'busy', onlyIfDifferent: false });
		t.sim.clearRequests();
		const run = await t.run({ operation: 'clear', agent: byId(CASEY) });
		expect(apiCalls(t.sim)).toEqual([write(CASEY, 'clearPresence', { sessionId: appId() }), read(CASEY)]);
		expect(run.items('Teams')).toEqual([
			setItem(CASEY, 'Offline/Offline', 'offline', { written: true, previousPresenceId: null, previousCategory: null }),
		]);
	});

	test('Clear without a session: Graph 404 → written false, no error', async () => {
		const run = await t.run({ operation: 'clear', agent: byId(ALEX) });
		expect(run.items('Teams')[0]).toMatchObject({ written: false, skippedReason: 'no_session', presenceId: 'Available/Available' });
	});

	test('Clear Preferred: the sessions show again', async () => {
		await t.run({ operation: 'setPreferred', agent: byId(ALEX), presenceBy: 'category', category: 'away', onlyIfDifferent: false });
		t.sim.clearRequests();
		const run = await t.run({ operation: 'clearPreferred', agent: byId(ALEX) });
		// "supply an empty JSON object `{}`"; the simulator refuses a missing body as Graph's docs ask for one.
		expect(apiCalls(t.sim)).toEqual([write(ALEX, 'clearUserPreferredPresence', {}), read(ALEX)]);
		expect(run.items('Teams')[0]).toMatchObject({ written: true, presenceId: 'Available/Available', category: 'available' });
	});
});

describe('Agent Presence: Set Status Message', () => {
	test('with the application credential (Presence.ReadWrite.All, as Graph v1.0 lists it): written, the message in the presence read after', async () => {
		const run = await t.run({ operation: 'setStatusMessage', agent: byId(BLAKE), message: 'On a call' });
		expect(apiCalls(t.sim)).toEqual([
			write(BLAKE, 'setStatusMessage', { statusMessage: { message: { content: 'On a call', contentType: 'text' } } }),
			read(BLAKE),
		]);
		expect(run.items('Teams')[0]).toMatchObject({ agentId: BLAKE, written: true, statusMessage: { message: { content: 'On a call', contentType: 'text' } } });
	});

	test('without Presence.ReadWrite.All the 403 names that application permission (it exists)', async () => {
		const roles = t.sim.clients.graph.roles;
		roles.splice(0, roles.length, 'Presence.Read.All', 'User.Read.All', 'GroupMember.Read.All');
		try {
			const run = await t.run({ operation: 'setStatusMessage', agent: byId(ALEX), message: 'On a call' });
			expect(run.error.message).toMatch(/^Microsoft Teams \(Graph\) returned 403: /);
			expect(run.error.description).toMatch(/this call needs the application permission Presence\.ReadWrite\.All with admin consent$/);
			expect(run.error.description).not.toMatch(/no application permission/);
		} finally {
			roles.splice(0, roles.length, 'Presence.ReadWrite.All', 'User.Read.All', 'GroupMember.Read.All');
		}
	});

	test('an expiry with an offset is refused before any request', async () => {
		const run = await t.run({ operation: 'setStatusMessage', agent: byId(ALEX), message: 'x', options: { expiryDateTime: '2026-10-18T17:05:33Z' } });
		expect(run.error.message).toBe('Expires At "2026-10-18T17:05:33Z" is not a local date and time');
		expect(t.sim.requests).toEqual([]);
	});
});

describe('the simulated Graph on the points the package once read differently', () => {
	/** One POST to a presence action with the application credential, answered in full. */
	const post = async (/** @type {string} */ id, /** @type {string} */ action, /** @type {any} */ body) =>
		await t.h.request('microsoftTeamsPresenceGraphApi', {
			method: 'POST',
			url: `${t.sim.urls.graph}/users/${id}/presence/${action}`,
			headers: { 'Content-Type': 'application/json' },
			...(body === undefined ? {} : { body }),
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		});

	test('clearUserPreferredPresence takes `{}` ("supply an empty JSON object"); no body, or a parameter, is refused', async () => {
		expect((await post(ALEX, 'setUserPreferredPresence', { availability: 'Away', activity: 'Away' })).statusCode).toBe(200);
		const none = await post(ALEX, 'clearUserPreferredPresence', undefined);
		expect([none.statusCode, none.body.error.code]).toEqual([400, 'BadRequest']);
		const extra = await post(ALEX, 'clearUserPreferredPresence', { sessionId: appId() });
		expect([extra.statusCode, extra.body.error.message]).toEqual([400, "The parameter 'sessionId' in the request payload is not a valid parameter for the operation 'clearUserPreferredPresence'."]);
		expect(t.sim.graph.presenceOf(ALEX)).toMatchObject({ availability: 'Away', activity: 'Away' });
		// As text: n8n's HTTP helper drops an empty object.
		expect((await post(ALEX, 'clearUserPreferredPresence', '{}')).statusCode).toBe(200);
		expect(t.sim.graph.presenceOf(ALEX)).toMatchObject({ availability: 'Available', activity: 'Available' });
	});

	test('setPresence accepts DoNotDisturb/Presenting and still refuses a pair outside the supported combinations', async () => {
		const dnd = await post(CASEY, 'setPresence', { sessionId: appId(), availability: 'DoNotDisturb', activity: 'Presenting' });
		expect(dnd.statusCode).toBe(200);
		expect(t.sim.graph.presenceOf(CASEY)).toMatchObject({ availability: 'DoNotDisturb', activity: 'Presenting' });
		const other = await post(CASEY, 'setPresence', { sessionId: appId(), availability: 'DoNotDisturb', activity: 'DoNotDisturb' });
		expect(other.statusCode).toBe(400);
	});

	test('setStatusMessage accepts an application token with Presence.ReadWrite.All', async () => {
		const answer = await post(DANA, 'setStatusMessage', { statusMessage: { message: { content: 'Back at 3', contentType: 'text' } } });
		expect(answer.statusCode).toBe(200);
		expect(t.sim.graph.presenceOf(DANA).statusMessage).toMatchObject({ message: { content: 'Back at 3', contentType: 'text' } });
	});
});
