// @ts-check
/**
 * Genesys Cloud Presence Trigger through n8n-core's TriggerContext (test/harness/trigger.js)
 * against the simulator's notification channels and WebSocket.
 */
const { createHarness } = require('../harness');
const { runTrigger } = require('../harness/trigger');
const { startSimulator, IDS, allCredentials, nodeOf, byId } = require('../helpers/vendors');
const { CRED, triggerNode, useTriggerSimulator, startLargeOrganization } = require('./useTriggerSimulator');

const USERS = IDS.genesys.users;
const P = IDS.genesys.presence;

const ctx = useTriggerSimulator();
const { start } = ctx;
/** @type {any} */ let sim;
/** @type {any} */ let h;
beforeAll(() => ({ sim, h } = ctx));

/** Sets a user's presence the way an agent or the action node does (PATCH, any source). */
async function patch(/** @type {string} */ userId, /** @type {any} */ body, source = 'purecloud') {
	return await h.request(CRED, {
		method: 'PATCH',
		url: `${sim.urls.genesysApi}/api/v2/users/${userId}/presences/${source}`,
		body,
		json: true,
	});
}

const setPresence = async (/** @type {string} */ userId, /** @type {string} */ definitionId) =>
	await patch(userId, { presenceDefinition: { id: definitionId } });

const snapshot = () => sim.genesysNotifications.snapshot();
const notificationRequests = () => sim.requests.filter((/** @type {any} */ r) => r.path.startsWith('/api/v2/notifications'));

test('a presence PATCH produces exactly one normalized item', async () => {
	const t = await start({ userSelection: 'ids', userIdList: `${USERS.alex}, ${USERS.blake}` });

	const calls = notificationRequests().map((/** @type {any} */ r) => `${r.method} ${r.path}`);
	const channelId = snapshot().channels[0].id;
	expect(calls).toEqual(['POST /api/v2/notifications/channels', `PUT /api/v2/notifications/channels/${channelId}/subscriptions`]);
	expect(notificationRequests()[1].body).toEqual([{ id: `v2.users.${USERS.alex}.presence` }, { id: `v2.users.${USERS.blake}.presence` }]);
	expect(snapshot().openSockets).toHaveLength(1);

	const answer = await setPresence(USERS.alex, IDS.genesys.custom.busyDnd);
	const [item] = await t.waitForItems(1);
	// The same fields the Agent Presence Trigger emits for a Genesys event, with the definition's label.
	expect(item).toEqual({
		source: 'genesys',
		event: 'presence_changed',
		agentId: USERS.alex,
		presenceId: IDS.genesys.custom.busyDnd,
		presenceName: 'Busy - DND',
		category: 'busy',
		loggedIn: true,
		changedAt: new Date(answer.modifiedDate).toISOString(),
		systemPresence: 'Busy',
		presenceSource: 'PURECLOUD',
		primary: true,
		message: answer.message ?? null,
		topicName: `v2.users.${USERS.alex}.presence`,
		// The notification's metadata.CorrelationId, with or without the raw event.
		correlationId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
		detectedBy: 'event',
	});

	// A second user's change arrives after the first on the same socket: nothing else came in between.
	await setPresence(USERS.blake, P.Away);
	await t.waitForItems(2);
	expect(t.items.map((i) => [i.agentId, i.category])).toEqual([
		[USERS.alex, 'busy'],
		[USERS.blake, 'away'],
	]);
	expect(t.emits.map((e) => e.length)).toEqual([1, 1]);
	expect(t.errors).toEqual([]);
});

test('bulk updates emit one item per changed user; users not chosen are not subscribed', async () => {
	const t = await start({ userSelection: 'pick', userIds: [USERS.casey], options: { includeRaw: true } });
	await h.request(CRED, {
		method: 'PUT',
		url: `${sim.urls.genesysApi}/api/v2/users/presences/bulk`,
		body: [
			{ id: USERS.dana, source: 'PURECLOUD', presenceDefinition: { id: P.Busy } },
			{ id: USERS.casey, source: 'PURECLOUD', presenceDefinition: { id: P.Meal } },
		],
		json: true,
	});
	const [item] = await t.waitForItems(1);
	expect(item).toMatchObject({ agentId: USERS.casey, presenceName: 'Meal', category: 'away' });
	expect(item.raw).toMatchObject({ topicName: `v2.users.${USERS.casey}.presence`, eventBody: { presenceDefinition: { id: P.Meal } } });
	await setPresence(USERS.casey, P.Available);
	await t.waitForItems(2);
	expect(t.items.map((i) => i.agentId)).toEqual([USERS.casey, USERS.casey]);
});

test('a forced disconnect is survived: events before, during and after it are each emitted once', async () => {
	const t = await start({ userSelection: 'ids', userIdList: USERS.alex });
	const channelId = snapshot().channels[0].id;
	await setPresence(USERS.alex, P.Busy);
	await t.waitForItems(1);

	// The HEAD check after the drop fails once (retried after a backoff): a window with no socket.
	sim.inject({ vendor: 'genesys', method: 'HEAD', path: `/api/v2/notifications/channels/${channelId}`, status: 503 });
	expect(sim.genesysNotifications.disconnect({ abrupt: true })).toBe(1);
	await setPresence(USERS.alex, P.Meeting); // published while nobody listens
	await t.waitForItems(2);
	expect(t.items[1]).toMatchObject({ agentId: USERS.alex, presenceName: 'Meeting', detectedBy: 'catch-up' });

	// Same channel, new socket; the old one is gone.
	const heads = sim.requests.filter((/** @type {any} */ r) => r.method === 'HEAD').map((/** @type {any} */ r) => r.status);
	expect(heads).toEqual([503, 200]);
	expect(snapshot().channels.map((/** @type {any} */ c) => c.id)).toEqual([channelId]);
	expect(snapshot().openSockets).toHaveLength(1);
	expect(snapshot().socketsOpened).toBe(2);

	await setPresence(USERS.alex, P.Available);
	await t.waitForItems(3);
	await setPresence(USERS.alex, P.Away);
	await t.waitForItems(4);
	expect(t.items.map((i) => i.presenceName)).toEqual(['Busy', 'Meeting', 'Available', 'Away']);
	expect(t.errors).toEqual([]);
});

test('socket_closing warning: the trigger moves to a new connection on the same channel', async () => {
	const t = await start({ userSelection: 'ids', userIdList: USERS.eli });
	const channelId = snapshot().channels[0].id;
	expect(sim.genesysNotifications.warn()).toBe(1);
	await t.until(() => snapshot().socketsOpened === 2 && snapshot().openSockets.length === 1, 5000, 'a replacement socket');
	await setPresence(USERS.eli, P.Training);
	await t.waitForItems(1);
	expect(t.items).toHaveLength(1);
	expect(snapshot().channels.map((/** @type {any} */ c) => c.id)).toEqual([channelId]);
	expect(sim.requests.filter((/** @type {any} */ r) => r.method === 'POST' && r.path === '/api/v2/notifications/channels')).toHaveLength(1);
});

test('a channel expiry is survived: a new channel (after a failed attempt and backoff), no lost or duplicated event', async () => {
	const t = await start({ userSelection: 'ids', userIdList: USERS.blake });
	const oldId = snapshot().channels[0].id;
	await setPresence(USERS.blake, P.Busy);
	await t.waitForItems(1);

	sim.inject({ vendor: 'genesys', method: 'POST', path: '/api/v2/notifications/channels', status: 503 });
	expect(sim.genesysNotifications.expire()).toBe(1);
	await setPresence(USERS.blake, P.Break); // no channel exists now
	await t.waitForItems(2);
	expect(t.items[1]).toMatchObject({ presenceName: 'Break', detectedBy: 'catch-up' });

	const creates = sim.requests.filter((/** @type {any} */ r) => r.method === 'POST' && r.path === '/api/v2/notifications/channels');
	expect(creates.map((/** @type {any} */ r) => r.status)).toEqual([200, 503, 200]);
	const [channel] = snapshot().channels;
	expect(channel.id).not.toBe(oldId);
	expect(channel.topics).toEqual([`v2.users.${USERS.blake}.presence`]);

	await setPresence(USERS.blake, P.Available);
	await t.waitForItems(3);
	expect(t.items.map((i) => i.presenceName)).toEqual(['Busy', 'Break', 'Available']);
	expect(t.errors).toEqual([]);
});

test('deactivation removes the subscriptions and closes every socket (asserted at the simulator)', async () => {
	const t = await start({ userSelection: 'ids', userIdList: `${USERS.alex} ${USERS.dana}` });
	await setPresence(USERS.dana, P.Busy);
	await t.waitForItems(1);
	const channelId = snapshot().channels[0].id;
	expect(snapshot().openSockets).toHaveLength(1);

	await t.close();
	expect(snapshot().openSockets).toEqual([]);
	expect(snapshot().channels.map((/** @type {any} */ c) => [c.id, c.topics, c.connected])).toEqual([[channelId, [], false]]);
	const last = sim.requests[sim.requests.length - 1];
	expect([last.method, last.path, last.status]).toEqual(['DELETE', `/api/v2/notifications/channels/${channelId}/subscriptions`, 204]);

	// Nothing is emitted after deactivation.
	await setPresence(USERS.dana, P.Available);
	expect(t.items).toHaveLength(1);
});

test('every user: users paged from GET /api/v2/users and spread over channels of 1,000 topics', async () => {
	const { extra, big, h2 } = await startLargeOrganization(900);
	try {
		const t = await start({ userSelection: 'all' }, h2);
		const channels = big.genesysNotifications.snapshot().channels;
		expect(channels.map((/** @type {any} */ c) => c.topics.length)).toEqual([1000, 25]);
		expect(big.genesysNotifications.snapshot().openSockets).toHaveLength(2);
		const pages = big.requests.filter((/** @type {any} */ r) => r.path === '/api/v2/users').map((/** @type {any} */ r) => r.query);
		// Only ids are needed from the listing: presences come from the bulk read after subscribing.
		expect(pages[0]).toEqual({ pageSize: '100', pageNumber: '1' });
		expect(pages).toHaveLength(11);

		const last = extra[extra.length - 1].id; // on the second channel
		await h2.request(CRED, { method: 'PATCH', url: `${big.urls.genesysApi}/api/v2/users/${last}/presences/purecloud`, body: { presenceDefinition: { id: P.Busy } }, json: true });
		const [item] = await t.waitForItems(1);
		expect(item).toMatchObject({ agentId: last, category: 'busy' });
		await t.close();
		expect(big.genesysNotifications.snapshot().openSockets).toEqual([]);
		expect(big.genesysNotifications.snapshot().channels.every((/** @type {any} */ c) => c.topics.length === 0)).toBe(true);
	} finally {
		await big.close();
	}
});

test('options: only definition changes, and ignoring a presence source', async () => {
	const t = await start({
		userSelection: 'ids',
		userIdList: USERS.alex,
		options: { onlyDefinitionChanges: true, ignoreSources: 'n8n-sync-source' },
	});
	await patch(USERS.alex, { message: 'back in 5' }); // same definition (Available): skipped
	await patch(USERS.alex, { presenceDefinition: { id: P.Busy } }, 'n8n-sync-source'); // the sync's own write: skipped
	await setPresence(USERS.alex, P.Away);
	await t.waitForItems(1);
	expect(t.items.map((i) => [i.presenceName, i.presenceSource])).toEqual([['Away', 'PURECLOUD']]);
});

test('Ignore Changes Made By Source Names: a missing source is created at activation; the Set then finds it by the same name and its writes are skipped', async () => {
	// Left out: a 401 answered to the token cached before the simulator's reset (n8n then renews it).
	const sourceCalls = () =>
		sim.requests.filter((/** @type {any} */ r) => r.path === '/api/v2/presence/sources' && r.status !== 401).map((/** @type {any} */ r) => [r.method, r.query, r.body]);
	const t = await start({ userSelection: 'ids', userIdList: USERS.alex, options: { ignoreSourceNames: 'n8n presence sync', cacheTtl: 0 } });
	expect(sourceCalls()).toEqual([
		['GET', { deactivated: 'false' }, undefined],
		['POST', {}, { name: 'n8n presence sync' }],
	]);
	const [source] = sim.state.genesys.sources;
	expect(source).toMatchObject({ name: 'n8n presence sync', deactivated: false });

	// The two-way sync's Set, giving the source by name as the template does: found, not created again.
	sim.requests.length = 0;
	const set = await h.runWorkflow({
		nodes: [
			nodeOf('genesys', {
				resource: 'agentPresence',
				operation: 'set',
				agent: byId(USERS.alex),
				source: 'name',
				sourceName: 'n8n presence sync',
				presenceBy: 'category',
				category: 'busy',
				onlyIfDifferent: false,
				// As the two-way template: the source becomes the agent's primary one, so the write is seen.
				options: { cacheTtl: 0, primary: true },
			}),
		],
		input: [{}],
	});
	expect(set.items('Genesys')[0]).toMatchObject({ sourceId: source.id, written: true, primary: true });
	expect(sourceCalls()).toEqual([['GET', { deactivated: 'false' }, undefined]]);

	await setPresence(USERS.alex, P.Away);
	const [item] = await t.waitForItems(1);
	expect([item.presenceName, item.presenceSource]).toEqual(['Away', 'PURECLOUD']);
	expect(t.items).toHaveLength(1);
	expect(sim.state.genesys.sources).toHaveLength(1);
});

test('Ignore Changes Made By Source Names: an existing source (any case) is found, not created', async () => {
	await patch(USERS.blake, { presenceDefinition: { id: P.Away } }); // any request, so the token is fetched first
	const created = await h.request(CRED, { method: 'POST', url: `${sim.urls.genesysApi}/api/v2/presence/sources`, body: { name: 'N8N Presence Sync' }, json: true });
	sim.requests.length = 0;
	const t = await start({ userSelection: 'ids', userIdList: USERS.alex, options: { ignoreSourceNames: 'n8n presence sync, Other sync', cacheTtl: 0 } });
	const calls = sim.requests.filter((/** @type {any} */ r) => r.path === '/api/v2/presence/sources').map((/** @type {any} */ r) => [r.method, r.body]);
	// "Other sync" does not exist either: created too, so every name given is known from the start.
	expect(calls).toEqual([
		['GET', undefined],
		['GET', undefined],
		['POST', { name: 'Other sync' }],
	]);
	// A registered source is written with the bulk PUT naming it in sourceId.
	await h.request(CRED, {
		method: 'PUT',
		url: `${sim.urls.genesysApi}/api/v2/users/presences/bulk`,
		body: [{ id: USERS.alex, sourceId: created.id, presenceDefinition: { id: P.Busy } }],
		json: true,
	});
	await setPresence(USERS.alex, P.Away);
	await t.waitForItems(1);
	expect(t.items.map((i) => [i.presenceName, i.presenceSource])).toEqual([['Away', 'PURECLOUD']]);
});

test("Include Agent Email: each item carries the user's email, read once per user (cached)", async () => {
	const t = await start({ userSelection: 'ids', userIdList: `${USERS.alex}, ${USERS.blake}`, options: { includeAgentEmail: true } });
	await setPresence(USERS.alex, P.Busy);
	await setPresence(USERS.blake, P.Away);
	await setPresence(USERS.alex, P.Meeting);
	const items = await t.waitForItems(3);
	expect(items.map((/** @type {any} */ i) => [i.agentId, i.presenceId, i.email])).toEqual([
		[USERS.alex, P.Busy, 'alex.agent@contoso.com'],
		[USERS.blake, P.Away, 'blake.baker@contoso.com'],
		[USERS.alex, P.Meeting, 'alex.agent@contoso.com'],
	]);
	const reads = sim.requests.filter((/** @type {any} */ r) => r.method === 'GET' && /^\/api\/v2\/users\/[^/]+$/.test(r.path));
	expect(reads.map((/** @type {any} */ r) => [r.path, r.status])).toEqual([
		[`/api/v2/users/${USERS.alex}`, 200],
		[`/api/v2/users/${USERS.blake}`, 200],
	]);
});

test('Include Agent Email: a user Genesys cannot read still gives its item, with email null', async () => {
	const t = await start({ userSelection: 'ids', userIdList: USERS.casey, options: { includeAgentEmail: true } });
	sim.inject({ vendor: 'genesys', method: 'GET', path: `/api/v2/users/${USERS.casey}`, status: 404 });
	await setPresence(USERS.casey, P.Busy);
	const [item] = await t.waitForItems(1);
	expect(item).toMatchObject({ agentId: USERS.casey, presenceId: P.Busy, email: null });
	expect(t.errors).toEqual([]);
});

test('without Include Agent Email no user is read and items have no email field', async () => {
	const t = await start({ userSelection: 'ids', userIdList: USERS.alex });
	await setPresence(USERS.alex, P.Busy);
	const [item] = await t.waitForItems(1);
	expect(item).not.toHaveProperty('email');
	expect(sim.requests.filter((/** @type {any} */ r) => r.path === `/api/v2/users/${USERS.alex}`)).toEqual([]);
});

test('a channel is renewed (topics re-PUT) before it expires', async () => {
	const short = await startSimulator({ genesysNotifications: { heartbeatMs: 100, channelTtlSeconds: 2 } });
	try {
		const h2 = await createHarness({ credentials: allCredentials(short) });
		const t = await start({ userSelection: 'ids', userIdList: USERS.casey }, h2);
		const channelId = short.genesysNotifications.snapshot().channels[0].id;
		const puts = () => short.requests.filter((/** @type {any} */ r) => r.method === 'PUT' && r.path.endsWith('/subscriptions'));
		await t.until(() => puts().length >= 3, 10_000, 'two renewals');
		expect(puts().every((/** @type {any} */ r) => r.path.includes(channelId) && r.status === 200)).toBe(true);
		expect(short.genesysNotifications.snapshot().channels.map((/** @type {any} */ c) => c.id)).toEqual([channelId]);
		await h2.request(CRED, { method: 'PATCH', url: `${short.urls.genesysApi}/api/v2/users/${USERS.casey}/presences/purecloud`, body: { presenceDefinition: { id: P.Busy } }, json: true });
		await t.waitForItems(1);
		expect(short.genesysNotifications.snapshot().socketsOpened).toBe(1);
	} finally {
		for (const t of ctx.running) await t.close();
		ctx.running = [];
		await short.close();
	}
});

describe('clear trigger errors', () => {
	test('bad credentials', async () => {
		const h2 = await createHarness({ credentials: { [CRED]: { ...allCredentials(sim)[CRED], clientSecret: 'wrong' } } });
		const failure = await runTrigger(h2, triggerNode({ userSelection: 'ids', userIdList: USERS.alex })).catch((e) => e);
		expect(failure.message).toBe(
			'Could not start listening to Genesys Cloud presence: Genesys Cloud: token request failed (HTTP 401): invalid_client: authentication failed',
		);
		expect(failure.description).toMatch(/check the client ID, secret and region/);
		expect(snapshot().channels).toEqual([]);
	});

	test('missing permission (403) leaves no subscription or socket behind', async () => {
		sim.inject({ vendor: 'genesys', method: 'PUT', path: /subscriptions$/, status: 403, body: { message: 'Missing permission to subscribe', code: 'missing.permissions', status: 403 } });
		const failure = await start({ userSelection: 'ids', userIdList: USERS.alex }).catch((e) => e);
		expect(failure.message).toBe('Could not start listening to Genesys Cloud presence: Genesys Cloud returned 403: Missing permission to subscribe');
		expect(failure.description).toMatch(/lack a permission/);
		expect(snapshot().openSockets).toEqual([]);
		expect(snapshot().channels.every((/** @type {any} */ c) => c.topics.length === 0)).toBe(true);
	});

	test('topic limit (400 from the notification service)', async () => {
		const tiny = await startSimulator({ genesysNotifications: { topicLimit: 2 } });
		try {
			const h2 = await createHarness({ credentials: allCredentials(tiny) });
			const failure = await runTrigger(h2, triggerNode({ userSelection: 'ids', userIdList: [USERS.alex, USERS.blake, USERS.casey].join(',') })).catch((e) => e);
			expect(failure.message).toMatch(/^Could not start listening to Genesys Cloud presence: Genesys Cloud returned 400: A channel can be subscribed to at most 2 topics/);
			expect(failure.description).toMatch(/at most 1000 topics/);
		} finally {
			await tiny.close();
		}
	});

	test('no users', async () => {
		const failure = await start({ userSelection: 'ids', userIdList: ' , ' }).catch((e) => e);
		expect(failure.message).toBe('No users to listen to');
		expect(sim.requests.filter((/** @type {any} */ r) => r.path.startsWith('/api/v2/notifications'))).toEqual([]);
	});

	test('a runtime without a WebSocket client names the Node.js version needed', async () => {
		const g = /** @type {any} */ (globalThis);
		const saved = g.WebSocket;
		delete g.WebSocket;
		try {
			const failure = await start({ userSelection: 'ids', userIdList: USERS.alex }).catch((e) => e);
			expect(failure.message).toBe('This Node.js has no built-in WebSocket client');
			expect(failure.description).toMatch(/Node\.js 22 or later .* NODE_OPTIONS=--experimental-websocket/);
		} finally {
			g.WebSocket = saved;
		}
	});
});
