// @ts-check
/**
 * Genesys Cloud Presence Trigger: which notifications become items. Events without
 * `modifiedDate` (as in Genesys' "User Presence with Notifications Guide"), the baseline read after
 * subscribing (in bulk), catch-up reads after a reconnect, and malformed presence events.
 */
const { IDS } = require('../helpers/vendors');
const { CRED, useTriggerSimulator, startLargeOrganization } = require('./useTriggerSimulator');

const USERS = IDS.genesys.users;
const P = IDS.genesys.presence;
const BULK = '/api/v2/users/presences/purecloud/bulk';

const ctx = useTriggerSimulator();
const { start } = ctx;
/** @type {any} */ let sim;
/** @type {any} */ let h;
beforeAll(() => ({ sim, h } = ctx));

async function patch(/** @type {string} */ userId, /** @type {any} */ body, s = sim) {
	return await h.request(CRED, { method: 'PATCH', url: `${s.urls.genesysApi}/api/v2/users/${userId}/presences/purecloud`, body, json: true });
}

const topic = (/** @type {string} */ userId) => `v2.users.${userId}.presence`;

/** A presence notification as the guide shows it: no modifiedDate. */
const guideEvent = (/** @type {string} */ userId, /** @type {any} */ eventBody) =>
	JSON.stringify({ topicName: topic(userId), version: '2', eventBody, metadata: { CorrelationId: '290034f4-c3d7-46fd-8342-ee5bc859b7e9' } });

const available = (message = '') => ({ source: 'PURECLOUD', presenceDefinition: { id: P.Available, systemPresence: 'AVAILABLE' }, primary: true, message });

const bulkReads = (s = sim) => s.requests.filter((/** @type {any} */ r) => r.method === 'GET' && r.path === BULK);

describe('events without modifiedDate (item identity: definition, message, source)', () => {
	test('two events differing only in message are two items, changedAt is the receive time', async () => {
		const t = await start({ userSelection: 'ids', userIdList: USERS.alex });
		sim.genesysNotifications.sendRaw(topic(USERS.alex), guideEvent(USERS.alex, available('back in 5')));
		await t.waitForItems(1);
		sim.genesysNotifications.sendRaw(topic(USERS.alex), guideEvent(USERS.alex, available('lunch at 12')));
		await t.waitForItems(2);
		// The same notification again (a repeated delivery) is no change.
		sim.genesysNotifications.sendRaw(topic(USERS.alex), guideEvent(USERS.alex, available('lunch at 12')));
		await setAndWait(t, USERS.alex, P.Busy, 3);

		expect(t.items.map((i) => [i.presenceName, i.message])).toEqual([
			['Available', 'back in 5'],
			['Available', 'lunch at 12'],
			['Busy', ''],
		]);
		expect(t.items[0]).toMatchObject({ agentId: USERS.alex, category: 'available', systemPresence: 'AVAILABLE', presenceSource: 'PURECLOUD', correlationId: '290034f4-c3d7-46fd-8342-ee5bc859b7e9' });
		// No modifiedDate in the event: changedAt is when the trigger received it (never null).
		for (const item of t.items.slice(0, 2)) expect(new Date(item.changedAt).toISOString()).toBe(item.changedAt);
		expect(Date.parse(t.items[1].changedAt)).toBeGreaterThanOrEqual(Date.parse(t.items[0].changedAt));
		expect(t.errors).toEqual([]);
	});

	test('a reconnect whose catch-up read finds the presence last emitted emits nothing', async () => {
		const t = await start({ userSelection: 'ids', userIdList: USERS.blake });
		await patch(USERS.blake, { presenceDefinition: { id: P.Busy }, message: 'on a call' });
		await t.waitForItems(1);
		// The event for that change without its date (as Genesys often sends them): same identity as the read.
		sim.genesysNotifications.sendRaw(topic(USERS.blake), guideEvent(USERS.blake, { source: 'PURECLOUD', presenceDefinition: { id: P.Busy, systemPresence: 'BUSY' }, message: 'on a call' }));

		const readsBefore = bulkReads().length;
		expect(sim.genesysNotifications.disconnect({ abrupt: true })).toBe(1);
		await t.until(() => bulkReads().length > readsBefore && bulkReads().every((/** @type {any} */ r) => r.status === 200), 10_000, 'the catch-up read');
		await t.until(() => sim.genesysNotifications.snapshot().openSockets.length === 1, 10_000, 'a new socket');
		// A later change is the next item: nothing came from the reconnect.
		await setAndWait(t, USERS.blake, P.Available, 2);
		expect(t.items.map((i) => [i.presenceName, i.detectedBy])).toEqual([
			['Busy', 'event'],
			['Available', 'event'],
		]);
	});

	test('a catch-up read finding a changed presence emits it exactly once', async () => {
		const t = await start({ userSelection: 'ids', userIdList: `${USERS.casey}, ${USERS.dana}` });
		const [channel] = sim.genesysNotifications.snapshot().channels;
		// The HEAD after the drop fails once, so the change below is made while nobody listens.
		sim.inject({ vendor: 'genesys', method: 'HEAD', path: `/api/v2/notifications/channels/${channel.id}`, status: 503 });
		sim.genesysNotifications.disconnect({ abrupt: true });
		await patch(USERS.casey, { message: 'gone fishing' });
		await t.waitForItems(1);
		expect(t.items[0]).toMatchObject({ agentId: USERS.casey, presenceName: 'Available', message: 'gone fishing', detectedBy: 'catch-up' });
		expect(Date.parse(t.items[0].changedAt)).toBe(Date.parse(sim.state.genesys.presences[USERS.casey].sources.PURECLOUD.modifiedDate));

		// A second reconnect finds nothing new; the next change is the next item.
		const reads = bulkReads().length;
		sim.genesysNotifications.disconnect({ abrupt: true });
		await t.until(() => bulkReads().length > reads, 10_000, 'the second catch-up read');
		await t.until(() => sim.genesysNotifications.snapshot().openSockets.length === 1, 10_000, 'a new socket');
		await setAndWait(t, USERS.dana, P.Meal, 2);
		expect(t.items.map((i) => [i.agentId, i.detectedBy])).toEqual([
			[USERS.casey, 'catch-up'],
			[USERS.dana, 'event'],
		]);
		expect(t.errors).toEqual([]);
	});

	test('a catch-up read answered with a state an event already replaced emits nothing', async () => {
		const t = await start({ userSelection: 'ids', userIdList: USERS.alex });
		// While the catch-up read is under way, an event (no date) reports a newer change; the read
		// answers the state from before it (Available, dated), which must not come back as an item.
		sim.genesysNotifications.beforeNextPresenceRead(async () => {
			sim.genesysNotifications.sendRaw(topic(USERS.alex), guideEvent(USERS.alex, { source: 'PURECLOUD', presenceDefinition: { id: P.Busy, systemPresence: 'BUSY' }, message: '' }));
			await t.waitForItems(1);
		});
		sim.genesysNotifications.disconnect({ abrupt: true });
		await t.waitForItems(1);
		await t.until(() => bulkReads().length === 2 && bulkReads()[1].status === 200, 10_000, 'the catch-up read');
		await setAndWait(t, USERS.alex, P.Meal, 2);
		expect(t.items.map((i) => [i.presenceName, i.detectedBy])).toEqual([
			['Busy', 'event'],
			['Meal', 'event'],
		]);
	});
});

describe('subscribe first, then read the baseline in bulk', () => {
	test('whole org: users listed, channel connected and subscribed, then presences read in bulk', async () => {
		const t = await start({ userSelection: 'all' });
		// (A 401 is the harness's token from an earlier test, refreshed once.)
		const calls = sim.requests.filter((/** @type {any} */ r) => r.status !== 401 && r.path !== '/oauth/token' && !/^\/api\/v2\/presence\/?definitions/.test(r.path)).map((/** @type {any} */ r) => `${r.method} ${r.path}`);
		const channelId = sim.genesysNotifications.snapshot().channels[0].id;
		expect(calls).toEqual([
			'GET /api/v2/users',
			'GET /api/v2/users',
			'POST /api/v2/notifications/channels',
			`PUT /api/v2/notifications/channels/${channelId}/subscriptions`,
			`GET ${BULK}`,
			`GET ${BULK}`,
			`GET ${BULK}`,
		]);
		// The socket was open before the subscription existed, so no event of a subscribed topic is lost.
		expect(sim.genesysNotifications.snapshot().channels[0].history).toEqual(['socket connected', 'subscriptions replaced']);
		// 125 users: 50 + 50 + 25 ids, comma-joined in one `id` as Genesys' SDK sends them.
		const all = sim.state.genesys.users.map((/** @type {any} */ u) => u.id);
		const ids = bulkReads().map((/** @type {any} */ r) => String(r.query.id).split(','));
		expect(ids.map((chunk) => chunk.length)).toEqual([50, 50, 25]);
		expect(ids.flat().sort()).toEqual([...all].sort());
		expect(t.items).toEqual([]);
	});

	test('a change after subscribing whose event comes before the baseline read answers is emitted once', async () => {
		sim.genesysNotifications.beforeNextPresenceRead(async () => await patch(USERS.eli, { presenceDefinition: { id: P.Training } }));
		const t = await start({ userSelection: 'ids', userIdList: USERS.eli });
		await expectEarlyChangeOnce(t, 'Training');
	});

	test('a change after subscribing whose event comes after the baseline read answered is emitted once', async () => {
		sim.genesysNotifications.beforeNextPresenceRead(async () => {
			sim.genesysNotifications.holdEvents();
			await patch(USERS.eli, { presenceDefinition: { id: P.Meeting } });
		});
		const t = await start({ userSelection: 'ids', userIdList: USERS.eli });
		expect(bulkReads()).toHaveLength(1);
		expect(t.items).toEqual([]);
		expect(sim.genesysNotifications.releaseEvents()).toBe(1);
		await expectEarlyChangeOnce(t, 'Meeting');
	});

	test('1,000 users: 20 bulk reads per (re)connect instead of 1,000 user reads', async () => {
		const { extra, big, h2 } = await startLargeOrganization(875);
		try {
			const t = await start({ userSelection: 'all' }, h2);
			const userPages = () => big.requests.filter((/** @type {any} */ r) => r.path === '/api/v2/users');
			const perUser = () => big.requests.filter((/** @type {any} */ r) => /^\/api\/v2\/users\/[^/]+$/.test(r.path));
			expect(big.genesysNotifications.snapshot().channels.map((/** @type {any} */ c) => c.topics.length)).toEqual([1000]);
			expect(userPages()).toHaveLength(10);
			expect(bulkReads(big)).toHaveLength(20);
			expect(bulkReads(big).every((/** @type {any} */ r) => r.status === 200)).toBe(true);

			big.genesysNotifications.disconnect({ abrupt: true });
			await t.until(() => bulkReads(big).length === 40, 10_000, 'the catch-up reads');
			await t.until(() => big.genesysNotifications.snapshot().openSockets.length === 1, 10_000, 'a new socket');
			expect(userPages()).toHaveLength(10);
			expect(perUser()).toEqual([]);
			expect(t.items).toEqual([]);

			const last = extra[extra.length - 1].id;
			await h2.request(CRED, { method: 'PATCH', url: `${big.urls.genesysApi}/api/v2/users/${last}/presences/purecloud`, body: { presenceDefinition: { id: P.Busy } }, json: true });
			await t.waitForItems(1);
			expect(t.items.map((i) => [i.agentId, i.category])).toEqual([[last, 'busy']]);
			await t.close();
		} finally {
			await big.close();
		}
	});
});

describe('malformed presence events are dropped, never emitted', () => {
	test('string, null and array eventBody, no presenceDefinition: no item, then a valid event is one item', async () => {
		const { Container } = require(require.resolve('@n8n/di', { paths: [require.resolve('n8n-core')] }));
		const { Logger } = require(require.resolve('@n8n/backend-common', { paths: [require.resolve('n8n-core')] }));
		// The trigger's context takes n8n's Logger from the container: a stand-in records debug lines.
		const original = Container.get(Logger);
		const debug = jest.fn();
		Container.set(Logger, Object.defineProperty(Object.create(original), 'debug', { value: debug }));
		try {
			const t = await start({ userSelection: 'ids', userIdList: USERS.alex });
			const send = (/** @type {any} */ eventBody) => sim.genesysNotifications.sendRaw(topic(USERS.alex), JSON.stringify({ topicName: topic(USERS.alex), version: '2', eventBody }));
			expect(send('{"presenceDefinition":{"id":"x"}}')).toBe(1);
			send(null);
			send([available()]);
			send({ source: 'PURECLOUD', message: 'no definition' });
			send({ presenceDefinition: { systemPresence: 'AVAILABLE' } });
			sim.genesysNotifications.sendRaw(topic(USERS.alex), JSON.stringify({ topicName: topic(USERS.alex) }));
			await t.until(() => debug.mock.calls.filter((c) => /malformed/.test(String(c[0]))).length >= 6, 5000, 'six debug logs');
			const logged = debug.mock.calls.map((c) => String(c[0])).filter((m) => /malformed/.test(m));
			expect(logged).toEqual([
				`Genesys Cloud: ignored a malformed ${topic(USERS.alex)} notification: eventBody is a string, not an object`,
				`Genesys Cloud: ignored a malformed ${topic(USERS.alex)} notification: eventBody is null, not an object`,
				`Genesys Cloud: ignored a malformed ${topic(USERS.alex)} notification: eventBody is an array, not an object`,
				`Genesys Cloud: ignored a malformed ${topic(USERS.alex)} notification: eventBody.presenceDefinition is missing`,
				`Genesys Cloud: ignored a malformed ${topic(USERS.alex)} notification: eventBody.presenceDefinition.id is missing`,
				`Genesys Cloud: ignored a malformed ${topic(USERS.alex)} notification: eventBody is missing`,
			]);
			expect(t.items).toEqual([]);
			await setAndWait(t, USERS.alex, P.Away, 1);
			expect(t.items).toHaveLength(1);
			expect(t.items[0]).toMatchObject({ agentId: USERS.alex, presenceName: 'Away', category: 'away' });
			expect(t.emits).toHaveLength(1);
			expect(t.errors).toEqual([]);
		} finally {
			Container.set(Logger, original);
		}
	});
});

/** Sets a presence at the simulator and waits for the `n`th item. */
async function setAndWait(/** @type {any} */ t, /** @type {string} */ userId, /** @type {string} */ definitionId, /** @type {number} */ n) {
	await patch(userId, { presenceDefinition: { id: definitionId } });
	await t.waitForItems(n);
}

/**
 * Eli's change made while the trigger subscribed came out once, as an event; a later change to
 * Available comes out after it. @param {any} t @param {string} presenceName
 */
async function expectEarlyChangeOnce(t, presenceName) {
	await t.waitForItems(1);
	await setAndWait(t, USERS.eli, P.Available, 2);
	expect(t.items.map((/** @type {any} */ i) => [i.presenceName, i.detectedBy])).toEqual([
		[presenceName, 'event'],
		['Available', 'event'],
	]);
}
