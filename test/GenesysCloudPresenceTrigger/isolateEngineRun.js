// @ts-check
/**
 * Child process of isolateEngine.test.js: the Genesys Cloud Presence Trigger run through the
 * harness on one of n8n's isolate-based expression engines, printed as one JSON line. A child
 * because Expression.initExpressionEngine loads the engine with a dynamic import(), which jest's
 * CommonJS runtime refuses. `vm` (isolated-vm) when its native module loads on this Node.js,
 * else `quickjs`: the isolate lifecycle — acquired around activation and executions, released
 * after, "No bridge acquired for this context" outside — is the evaluator's, the same for both.
 */
'use strict';
const { Expression, LoggerProxy } = require('n8n-workflow');
const { createHarness } = require('../harness');
const { runTrigger } = require('../harness/trigger');
const { startSimulator, IDS, allCredentials, credentialRef } = require('../helpers/vendors');

const CRED = 'genesysCloudPresenceApi';
const USERS = IDS.genesys.users;
const P = IDS.genesys.presence;
// n8n 2.41's defaults (@n8n/config ExpressionEngineConfig): one pooled isolate, eager acquire.
/** Marks the result line (the engine logs to stdout too). */
const RESULT = 'RESULT ';
const ENGINE_OPTIONS = { poolSize: 1, maxCodeCacheSize: 1024, bridgeTimeout: 5000, bridgeMemoryLimit: 128 };

async function startEngine() {
	const quiet = () => undefined;
	LoggerProxy.init({ error: quiet, warn: quiet, info: quiet, debug: quiet });
	try {
		require('isolated-vm');
		await Expression.initExpressionEngine({ engine: 'vm', ...ENGINE_OPTIONS });
	} catch {
		await Expression.disposeExpressionEngine();
		await Expression.initExpressionEngine({ engine: 'quickjs', ...ENGINE_OPTIONS });
	}
	return Expression.getActiveImplementation();
}

/** Socket dropped, token revoked, first HEAD fails (a gap), a change in the gap, then a change after. */
async function reconnect(/** @type {any} */ sim, /** @type {any} */ h, /** @type {any} */ agent) {
	const t = await runTrigger(h, {
		type: 'genesysCloudPresenceTrigger',
		parameters: { userSelection: 'ids', userIdList: USERS.alex },
		credentials: credentialRef(CRED),
	});
	const snapshot = () => sim.genesysNotifications.snapshot();
	const channelId = snapshot().channels[0].id;
	sim.inject({ vendor: 'genesys', method: 'HEAD', path: `/api/v2/notifications/channels/${channelId}`, status: 503 });
	// The cached token is revoked too: the reconnect must also refresh it (401 → preAuthentication).
	sim.expireTokens('genesys');
	const disconnected = sim.genesysNotifications.disconnect({ abrupt: true });
	await setPresence(agent, sim, USERS.alex, P.Meeting);
	const out = { disconnected, items: t.items, errors: t.errors.map((e) => e.message), timedOut: '' };
	try {
		await t.waitForItems(1, 15_000);
		await setPresence(agent, sim, USERS.alex, P.Busy);
		await t.waitForItems(2);
	} catch (error) {
		out.timedOut = /** @type {Error} */ (error).message;
	}
	const heads = sim.requests.filter((/** @type {any} */ r) => r.method === 'HEAD');
	await t.close();
	return {
		...out,
		errors: t.errors.map((e) => e.message),
		// The HEAD after the 401 carried a fresh token (never printed: the secrets scan reads output).
		tokenRefreshed: heads.length === 3 && heads[1].headers.authorization !== heads[2].headers.authorization,
		heads: heads.map((/** @type {any} */ r) => ({ status: r.status, bearer: /^Bearer \S+$/.test(r.headers.authorization ?? '') })),
		sameChannel: snapshot().channels.map((/** @type {any} */ c) => c.id).join() === channelId,
		socketsOpened: snapshot().socketsOpened,
	};
}

/**
 * A 5 s channel renewed (subscriptions re-PUT) from the background loop, then a change, whose
 * item gets the user's email (Include Agent Email) from a lookup made in the background loop too.
 */
async function renewal(/** @type {any} */ sim, /** @type {any} */ h, /** @type {any} */ agent) {
	const t = await runTrigger(h, {
		type: 'genesysCloudPresenceTrigger',
		parameters: { userSelection: 'ids', userIdList: USERS.casey, options: { includeAgentEmail: true } },
		credentials: credentialRef(CRED),
	});
	const channelId = sim.genesysNotifications.snapshot().channels[0].id;
	const puts = () => sim.requests.filter((/** @type {any} */ r) => r.method === 'PUT' && r.path.endsWith('/subscriptions'));
	let timedOut = '';
	try {
		await t.until(() => puts().length >= 3, 25_000, 'two renewals');
		await setPresence(agent, sim, USERS.casey, P.Busy);
		await t.waitForItems(1);
	} catch (error) {
		timedOut = /** @type {Error} */ (error).message;
	}
	const channels = sim.genesysNotifications.snapshot().channels.map((/** @type {any} */ c) => c.id);
	await t.close();
	return {
		timedOut,
		channelId,
		puts: puts().map((/** @type {any} */ r) => ({ path: r.path, status: r.status })),
		channels,
		items: t.items,
		errors: t.errors.map((e) => e.message),
		userReads: sim.requests
			.filter((/** @type {any} */ r) => r.method === 'GET' && r.path === `/api/v2/users/${USERS.casey}`)
			.map((/** @type {any} */ r) => ({ status: r.status, bearer: /^Bearer \S+$/.test(r.headers.authorization ?? '') })),
	};
}

async function setPresence(/** @type {any} */ h, /** @type {any} */ sim, /** @type {string} */ userId, /** @type {string} */ definitionId) {
	await h.request(CRED, {
		method: 'PATCH',
		url: `${sim.urls.genesysApi}/api/v2/users/${userId}/presences/purecloud`,
		body: { presenceDefinition: { id: definitionId } },
		json: true,
	});
}

async function main() {
	const engine = await startEngine();
	// Channels live 5 s, so the trigger renews 0.5 s before expiry (a tenth of the lifetime): a
	// margin a loaded 2-core CI machine still meets, where 2 s (0.2 s) was sometimes missed.
	const sim = await startSimulator({ genesysNotifications: { heartbeatMs: 100, channelTtlSeconds: 5 } });
	try {
		// The trigger's n8n and the agents changing their presence keep separate tokens.
		const h = await createHarness({ credentials: allCredentials(sim) });
		const agent = await createHarness({ credentials: allCredentials(sim) });
		const result = { engine, reconnect: await reconnect(sim, h, agent) };
		sim.reset();
		sim.clearRequests();
		const h2 = await createHarness({ credentials: allCredentials(sim) });
		process.stdout.write(`${RESULT}${JSON.stringify({ ...result, renewal: await renewal(sim, h2, agent) })}\n`);
	} finally {
		await sim.close();
		await Expression.disposeExpressionEngine();
	}
}

main().then(
	() => process.exit(0),
	(error) => {
		process.stderr.write(`${error?.stack ?? error}\n`);
		process.exit(1);
	},
);
