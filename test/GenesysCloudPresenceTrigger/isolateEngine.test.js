// @ts-check
/**
 * The Genesys Cloud Presence Trigger on n8n's default `vm` expression engine (isolate-based):
 * n8n holds the workflow's expression isolate only while trigger() runs, so what the trigger
 * does later — reconnect, channel renewal, token, authenticated HTTP, emits — must not need one.
 * Run in a child process (isolateEngineRun.js), whose JSON result is asserted here.
 */
const path = require('node:path');
const { execFile } = require('node:child_process');
const { IDS } = require('../simulator');

const USERS = IDS.genesys.users;
const P = IDS.genesys.presence;

/** @type {any} */ let result;

beforeAll(async () => {
	const stdout = await new Promise((resolve, reject) => {
		execFile(process.execPath, [path.join(__dirname, 'isolateEngineRun.js')], { timeout: 55_000 }, (error, out, err) =>
			error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out),
		);
	});
	const line = String(stdout).split('\n').find((l) => l.startsWith('RESULT '));
	if (!line) throw new Error(`no result from the child:\n${stdout}`);
	result = JSON.parse(line.slice('RESULT '.length));
});

test("the trigger runs on an isolate-based engine (n8n's vm, or quickjs where isolated-vm has no build)", () => {
	expect(['vm', 'quickjs']).toContain(result.engine);
});

test('isolate engine: after a dropped socket (and a revoked token) the trigger reconnects, refreshes the token and emits the change made in the gap once, then live changes', () => {
	const r = result.reconnect;
	expect(r.timedOut).toBe('');
	expect(r.errors).toEqual([]);
	expect(r.disconnected).toBe(1);
	expect(r.items.map((/** @type {any} */ i) => [i.agentId, i.presenceId, i.category, i.detectedBy])).toEqual([
		[USERS.alex, P.Meeting, 'busy', 'catch-up'],
		[USERS.alex, P.Busy, 'busy', 'event'],
	]);
	// The reconnect's HEAD checks reached Genesys with a bearer token: 503 (injected), 401 (the
	// token was revoked in the gap), then 200 with the token n8n refreshed from the background loop.
	expect(r.heads).toEqual([
		{ status: 503, bearer: true },
		{ status: 401, bearer: true },
		{ status: 200, bearer: true },
	]);
	expect(r.tokenRefreshed).toBe(true);
	expect(r.sameChannel).toBe(true);
	expect(r.socketsOpened).toBe(2);
});

test('isolate engine: the channel is renewed from the background loop before it expires, then still emits', () => {
	const r = result.renewal;
	expect(r.timedOut).toBe('');
	expect(r.errors).toEqual([]);
	expect(r.puts.length).toBeGreaterThanOrEqual(3);
	for (const put of r.puts) expect(put).toEqual({ path: `/api/v2/notifications/channels/${r.channelId}/subscriptions`, status: 200 });
	expect(r.channels).toEqual([r.channelId]);
	expect(r.items).toEqual([
		expect.objectContaining({ agentId: USERS.casey, presenceId: P.Busy, category: 'busy', detectedBy: 'event', email: 'casey.chen@contoso.com' }),
	]);
	// Include Agent Email: the user was read from the background loop, authenticated, once.
	expect(r.userReads).toEqual([{ status: 200, bearer: true }]);
});
