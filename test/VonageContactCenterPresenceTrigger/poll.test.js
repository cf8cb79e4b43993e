// @ts-check
/**
 * Vonage Contact Center Presence Trigger: polls the simulated Insights Stats presence activities
 * through PollContext with the workflow's static data kept between polls; each presence change is
 * emitted once, never twice, including when the activity comes back as "ended".
 */
const { createTriggerHarness } = require('../harness/webhook');
const { startSimulator, IDS, credentialsFor } = require('../helpers/vendors');

/** @type {any} */ let sim;
beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => sim && (await sim.close()));
beforeEach(() => sim.reset());

const P = IDS.vonage.presence;
const setup = (parameters = {}) =>
	createTriggerHarness({
		credentials: credentialsFor(sim, 'vonage', { scopes: 'stats' }),
		trigger: {
			name: 'Vonage Presence',
			type: 'vonageContactCenterPresenceTrigger',
			parameters,
			credentials: { vonageContactCenterApi: { id: '1', name: 'Vonage' } },
		},
	});

/** A token from the simulated Vonage for one scope. @param {string} scope */
async function tokenFor(scope) {
	return await (
		await fetch(sim.urls.vonageToken, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ grant_type: 'client_credentials', client_id: sim.clients.vonage.clientId, client_secret: sim.clients.vonage.clientSecret, scope }),
		})
	).json();
}

/** Changes an agent's presence through the Agents API (as ContactPad would). */
async function setPresence(userKey, presenceId) {
	const token = await tokenFor('users:write');
	const res = await fetch(`${sim.urls.vonage}/agents/${IDS.vonage.users[userKey]}/presence`, {
		method: 'PATCH',
		headers: { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json', accept: 'application/vnd.newvoicemedia.v1+json' },
		body: JSON.stringify({ presenceId }),
	});
	expect(res.status).toBe(200);
}
const statsRequests = () => sim.requests.filter((r) => r.path === '/stats/agent-activities/presence');

test('each change is emitted once across polls; ended activities coming back are not re-emitted', async () => {
	const t = await setup();
	// First tick after activation: sets the cursor, asks nothing, emits nothing.
	expect(await t.poll()).toEqual({ emitted: false, items: [] });
	const first = t.staticData();
	expect(first.cursor).toBe(first.since);
	expect(statsRequests()).toHaveLength(0);

	await setPresence('alex', P.break);
	await setPresence('blake', P.lunch);
	const second = await t.poll();
	expect(second.items).toEqual([
		expect.objectContaining({ source: 'vonage', event: 'presence_changed', agentId: IDS.vonage.agentDisplayIds.alex, presenceId: null, presenceName: 'Break', category: 'away', loggedIn: true, categoryType: 'Away', agentDisplayId: IDS.vonage.agentDisplayIds.alex, reason: null }),
		expect.objectContaining({ agentId: IDS.vonage.agentDisplayIds.blake, presenceName: 'Lunch', category: 'away', categoryType: 'ExtendedAway' }),
	]);
	for (const item of second.items) expect(Date.parse(item.changedAt)).toBeGreaterThanOrEqual(Date.parse(first.cursor));
	const [req] = statsRequests();
	expect(req).toMatchObject({ method: 'GET', query: { start: first.cursor, include: 'Processed', page: '1', limit: '1000' } });
	expect(req.headers.accept).toBe('application/vnd.newvoicemedia.v2+json');
	expect(req.headers.authorization).toMatch(/^Bearer /);

	// The cursor moved to the response's upTo; the next window starts there.
	const cursorAfterSecond = t.staticData().cursor;
	expect(cursorAfterSecond).not.toBe(first.cursor);
	expect(await t.poll()).toEqual({ emitted: false, items: [] });
	expect(statsRequests()[1].query.start).toBe(cursorAfterSecond);

	// Alex back to Ready: Stats returns the ended Break activity again (processed now) plus the new Ready.
	await setPresence('alex', P.ready);
	sim.clearRequests();
	const fourth = await t.poll();
	expect(fourth.items).toEqual([expect.objectContaining({ agentId: IDS.vonage.agentDisplayIds.alex, presenceName: 'Ready', category: 'available', event: 'presence_changed' })]);
	const answered = sim.requests.find((r) => r.path === '/stats/agent-activities/presence');
	expect(answered.status).toBe(200);

	// Logging out → logged_out.
	await setPresence('blake', P.loggedOut);
	const fifth = await t.poll();
	expect(fifth.items).toEqual([expect.objectContaining({ agentId: IDS.vonage.agentDisplayIds.blake, event: 'logged_out', category: 'offline', loggedIn: false })]);
	expect(await t.poll()).toEqual({ emitted: false, items: [] });
});

test('a failed poll keeps the cursor; the next poll emits the change exactly once', async () => {
	const t = await setup();
	await t.poll();
	const before = t.staticData();
	await setPresence('casey', P.meeting);
	sim.inject({ vendor: 'vonage', method: 'GET', path: '/stats/agent-activities/presence', status: 400, body: { message: 'Request window size limit exceeded 31 days' } });
	await expect(t.poll()).rejects.toThrow('Vonage Contact Center returned 400: Request window size limit exceeded 31 days');
	expect(t.staticData()).toEqual(before);
	const retry = await t.poll();
	expect(retry.items).toEqual([expect.objectContaining({ agentId: IDS.vonage.agentDisplayIds.casey, presenceName: 'Meeting' })]);
	expect((await t.poll()).items).toEqual([]);
});

test('agent filter and events filter; raw activity on request', async () => {
	const t = await setup({ agentId: IDS.vonage.agentDisplayIds.dana, events: ['logged_out'], includeRaw: true });
	await t.poll();
	await setPresence('dana', P.away);
	expect((await t.poll()).items).toEqual([]);
	expect(statsRequests()[0].query.agentId).toBe(IDS.vonage.agentDisplayIds.dana);
	await setPresence('dana', P.loggedOut);
	await setPresence('eli', P.ready);
	const out = await t.poll();
	expect(out.items).toHaveLength(1);
	expect(out.items[0]).toMatchObject({ agentId: IDS.vonage.agentDisplayIds.dana, event: 'logged_out', raw: { agentId: IDS.vonage.agentDisplayIds.dana, type: 'Presence', category: 'LoggedOut', name: 'Logged Out', duration: null } });
});

test('pages are followed within one window (1000 per page), each activity once', async () => {
	const t = await setup();
	await t.poll();
	// 1,200 changes in this window, seeded straight into the simulator's activity log.
	const now = Date.now();
	for (let i = 0; i < 1200; i++) {
		const at = now + (i % 50);
		sim.state.vonage.activities.push({ agentId: String(5000 + i), type: 'Presence', category: 'Ready', name: 'Ready', start: new Date(at).toISOString(), duration: null, reason: null, processed: at });
	}
	await new Promise((resolve) => setTimeout(resolve, 60));
	sim.clearRequests();
	const out = await t.poll();
	expect(statsRequests().map((r) => r.query.page)).toEqual(['1', '2']);
	expect(out.items).toHaveLength(1200);
	expect(new Set(out.items.map((i) => i.agentId)).size).toBe(1200);
	expect((await t.poll()).items).toEqual([]);
});

test('Fetch Test Event (manual) shows the latest change and leaves the cursor alone', async () => {
	const t = await setup();
	await t.poll();
	const before = t.staticData();
	await setPresence('alex', P.training);
	const out = await t.poll({ mode: 'manual' });
	expect(out.items).toEqual([expect.objectContaining({ agentId: IDS.vonage.agentDisplayIds.alex, presenceName: 'Training' })]);
	expect(t.staticData()).toEqual(before);
	expect((await t.poll()).items).toEqual([expect.objectContaining({ presenceName: 'Training' })]);
});

test('after 40 days without polling: the gap is walked in windows Insights Stats accepts (≤ 31 days), nothing in it lost', async () => {
	const t = await setup();
	await t.poll();
	const DAY = 24 * 3600 * 1000;
	const cursor = new Date(Date.now() - 40 * DAY).toISOString();
	t.setStaticData({ ...t.staticData(), cursor, since: cursor });
	// An agent went on a break 35 days ago (inside the first window) and to a meeting 5 days ago (the second).
	const agent = IDS.vonage.agentDisplayIds.dana;
	const at = (/** @type {number} */ daysAgo) => Date.now() - daysAgo * DAY;
	const activity = (/** @type {number} */ daysAgo, /** @type {string} */ name) => ({ agentId: agent, type: 'Presence', category: 'Away', name, start: new Date(at(daysAgo)).toISOString(), duration: null, reason: null, processed: at(daysAgo) });
	sim.state.vonage.activities.push(activity(35, 'Break'), activity(5, 'Meeting'));

	const first = await t.poll();
	const [req] = statsRequests();
	expect(req.status).toBe(200);
	expect(req.query.start).toBe(cursor);
	expect(Date.parse(req.query.end) - Date.parse(req.query.start)).toBeLessThanOrEqual(31 * DAY);
	expect(first.items).toEqual([expect.objectContaining({ agentId: agent, presenceName: 'Break' })]);
	expect(t.staticData().cursor).toBe(req.query.end);

	const second = await t.poll();
	const next = statsRequests()[1];
	expect(next.status).toBe(200);
	expect(next.query).toMatchObject({ start: req.query.end });
	expect(next.query.end).toBeUndefined();
	expect(second.items).toEqual([expect.objectContaining({ agentId: agent, presenceName: 'Meeting' })]);
	expect((await t.poll()).items).toEqual([]);
});

test('the simulated Insights Stats refuses a window over 31 days as Vonage does', async () => {
	const token = await tokenFor('stats');
	const ask = async (/** @type {number} */ days) => {
		const start = new Date(Date.now() - days * 24 * 3600 * 1000).toISOString();
		const res = await fetch(`${sim.urls.vonage}/stats/agent-activities/presence?start=${encodeURIComponent(start)}`, {
			headers: { authorization: `Bearer ${token.access_token}`, accept: 'application/vnd.newvoicemedia.v2+json' },
		});
		return [res.status, await res.json()];
	};
	expect(await ask(32)).toEqual([400, { message: 'Request window size limit exceeded 31 days' }]);
	expect((await ask(30))[0]).toBe(200);
});
