// @ts-check
/**
 * Vendor events that arrive through a message broker instead of a webhook (issue #23): n8n's own
 * RabbitMQ Trigger and Redis Trigger (pub/sub) → Agent Presence Event → the rest of the Webhook-entry
 * Dynamics → Genesys template, as shipped. The brokers are real (scripts/lib/message-brokers.sh
 * starts them and exports their ports); the test publishes the Dataverse event itself, as the
 * producer in front of n8n would, and asserts the Genesys write the simulator recorded.
 *
 * The triggers run with their defaults: no JSON parsing in the trigger (a malformed body would fail
 * the trigger's own parse, before our node could reject it), so the event node reads the content
 * as text — RabbitMQ's item is `{ content, fields, properties: { headers } }`, Redis' `{ channel, message }`.
 */
'use strict';
const { execFileSync } = require('node:child_process');
const { assert } = require('./checks');

const RABBITMQ_QUEUE = 'agent-presence-events';
const REDIS_CHANNEL = 'agent-presence-events';
/** The header the RabbitMQ producer puts the shared key in (an AMQP message header). */
const KEY_HEADER = 'x-presence-key';
const BASE_TEMPLATE = 'webhook-dynamics-to-genesys';

/** The brokers' addresses and the RabbitMQ account message-brokers.sh configured; undefined when not started. */
function brokers() {
	const env = process.env;
	if (!env.E2E_RABBITMQ_PORT || !env.E2E_REDIS_PUBSUB_PORT) return undefined;
	return {
		rabbitmq: { port: Number(env.E2E_RABBITMQ_PORT), username: String(env.E2E_RABBITMQ_USER), password: String(env.E2E_RABBITMQ_PASSWORD) },
		redis: { port: Number(env.E2E_REDIS_PUBSUB_PORT) },
	};
}

/** n8n's credentials for the two brokers, in `n8n import:credentials` form. */
function brokerCredentials() {
	const b = brokers();
	if (!b) return [];
	return [
		{
			id: 'e2eRabbitMqCred1',
			name: 'RabbitMQ (e2e)',
			type: 'rabbitmq',
			data: { hostname: '127.0.0.1', port: b.rabbitmq.port, username: b.rabbitmq.username, password: b.rabbitmq.password, vhost: '/', ssl: false },
		},
		{ id: 'e2eRedisPubSub01', name: 'Redis pub/sub (e2e)', type: 'redis', data: { host: '127.0.0.1', port: b.redis.port, database: 0, password: '', ssl: false } },
	];
}

/**
 * The Webhook-entry template (already filled in by buildWorkflows) with its Webhook node replaced by
 * a queue trigger, and the event node told where that trigger puts body and headers.
 * @param {any} template a built StackWorkflow of webhook-dynamics-to-genesys
 * @param {{ key: string, id: string, trigger: any, event: Record<string, string> }} o
 */
function fromTemplate(template, { key, id, trigger, event }) {
	const json = JSON.parse(JSON.stringify(template.json));
	const webhook = json.nodes.find((/** @type {any} */ n) => n.type === 'n8n-nodes-base.webhook');
	const node = { ...trigger, position: webhook.position };
	json.nodes = json.nodes.map((/** @type {any} */ n) => (n === webhook ? node : n));
	json.connections[node.name] = json.connections[webhook.name];
	delete json.connections[webhook.name];
	const eventNode = json.nodes.find((/** @type {any} */ n) => n.type === 'n8n-nodes-agent-presence.agentPresenceEvent');
	Object.assign(eventNode.parameters, event);
	json.id = id;
	json.name = `e2e: ${trigger.name} → Agent Presence Event → Genesys`;
	return { key, json, publish: true, genesysListener: false, autoRegistered: false };
}

/**
 * The queue-source workflows, or none when the brokers were not started.
 * @param {any[]} built the workflows buildWorkflows made from templates/
 * @param {any[]} credentials
 * @param {string} sharedKey
 */
function queueSourceWorkflows(built, credentials, sharedKey) {
	if (!brokers()) return [];
	const template = built.find((w) => w.key === BASE_TEMPLATE);
	if (!template) throw new Error(`no template ${BASE_TEMPLATE}`);
	const cred = (/** @type {string} */ type) => {
		const c = credentials.find((x) => x.type === type);
		return { [type]: { id: c.id, name: c.name } };
	};
	return [
		fromTemplate(template, {
			key: 'rabbitmq-dynamics-to-genesys',
			id: 'e2eRabbitMqDyn01',
			trigger: {
				id: 'e2e0qsr0-0000-4000-8000-000000000001',
				name: 'RabbitMQ Trigger',
				type: 'n8n-nodes-base.rabbitmqTrigger',
				typeVersion: 1,
				parameters: { queue: RABBITMQ_QUEUE, options: {} },
				credentials: cred('rabbitmq'),
			},
			event: { bodyField: 'content', headersField: 'properties.headers', queryField: '', verification: 'header', headerName: KEY_HEADER, sharedKey },
		}),
		fromTemplate(template, {
			key: 'redis-dynamics-to-genesys',
			id: 'e2eRedisDynToGn1',
			trigger: {
				id: 'e2e0qsr0-0000-4000-8000-000000000002',
				name: 'Redis Trigger',
				type: 'n8n-nodes-base.redisTrigger',
				typeVersion: 1,
				parameters: { channels: REDIS_CHANNEL, options: {} },
				credentials: cred('redis'),
			},
			// Redis pub/sub messages carry no headers: a key could only travel inside the body, which
			// the vendor does not put there, so this source has no verification (the broker is private).
			event: { bodyField: 'message', headersField: '', queryField: '', verification: 'none' },
		}),
	];
}

/** Publishes one message to the RabbitMQ queue (declared as n8n's trigger declares it: durable), confirmed by the broker. */
async function publishRabbitMq(/** @type {string} */ body, /** @type {Record<string, string>} */ headers) {
	const b = /** @type {NonNullable<ReturnType<typeof brokers>>} */ (brokers());
	const amqp = require('amqplib');
	const connection = await amqp.connect({ hostname: '127.0.0.1', port: b.rabbitmq.port, username: b.rabbitmq.username, password: b.rabbitmq.password });
	try {
		const channel = await connection.createConfirmChannel();
		await channel.assertQueue(RABBITMQ_QUEUE, { durable: true });
		// n8n's trigger must be consuming first: a message published before it attached says nothing
		// about the trigger, and one it never attaches to should fail here, naming why.
		for (let waited = 0; (await channel.checkQueue(RABBITMQ_QUEUE)).consumerCount < 1; waited += 500) {
			if (waited >= 60_000) throw new Error(`no consumer on RabbitMQ queue ${RABBITMQ_QUEUE} after 60 s: n8n's RabbitMQ Trigger is not attached`);
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		channel.sendToQueue(RABBITMQ_QUEUE, Buffer.from(body, 'utf8'), { headers, contentType: 'application/json' });
		await channel.waitForConfirms();
	} finally {
		await connection.close();
	}
}

function redisCli(/** @type {string[]} */ args) {
	const b = /** @type {NonNullable<ReturnType<typeof brokers>>} */ (brokers());
	return execFileSync('redis-cli', ['-h', '127.0.0.1', '-p', String(b.redis.port), ...args], { encoding: 'utf8' }).trim();
}

/** Publishes one message on the Redis channel; returns how many subscribers received it. */
function publishRedis(/** @type {string} */ body) {
	return Number(redisCli(['PUBLISH', REDIS_CHANNEL, body]));
}

/**
 * The scenarios. Each valid event names a Dataverse presence whose Genesys counterpart Alex does not
 * have yet (read from the simulator), so a write is due whatever ran before.
 * @param {import('./checks').Checks} c
 * @param {{ fixtures: any, IDS: any, SHARED_KEY: string }} o
 */
async function run(c, { fixtures, IDS, SHARED_KEY }) {
	if (!brokers()) return;
	const dv = IDS.dataverse;
	const alex = IDS.genesys.users.alex;
	const candidates = [
		{ dataverse: dv.presences.busy, genesys: IDS.genesys.presence.Busy },
		{ dataverse: dv.presences.available, genesys: IDS.genesys.presence.Available },
	];
	const due = async () => {
		const state = /** @type {any} */ (await (await fetch(`${c.sim}/__sim/state`)).json());
		const now = state.genesys?.presences?.[alex]?.sources?.PURECLOUD?.presenceDefinitionId;
		return candidates.find((x) => x.genesys !== now) ?? candidates[0];
	};

	/** Publishes, then expects `executions` new successful executions and returns them. */
	async function through(/** @type {string} */ wf, /** @type {() => Promise<void>} */ publish, executions = 1) {
		await c.clearRequests();
		const before = c.executions(wf).length;
		await publish();
		const fresh = (await c.settledExecutions(wf, before + executions)).slice(before);
		assert.equal(fresh.length, executions, `expected ${executions} new execution(s), got ${fresh.length}`);
		for (const e of fresh) assert.equal(e.status, 'success', `execution ${e.id} ended ${e.status}`);
		await c.quiet(1000);
		assert.equal(c.executions(wf).length, before + executions, 'a further execution started');
		return fresh;
	}

	async function expectAlexWrite(/** @type {string} */ definitionId) {
		const writes = await c.writes('genesys');
		assert.deepEqual(
			writes.map((w) => [w.method, w.path, w.body?.presenceDefinition?.id, w.status]),
			[['PATCH', `/api/v2/users/${alex}/presences/purecloud`, definitionId, 200]],
			'exactly one Genesys write: Alex',
		);
		assert.deepEqual((await c.writes('dataverse')).map((w) => `${w.method} ${w.path}`), [], 'no Dataverse writes');
	}

	async function expectRejected(/** @type {string} */ wf, /** @type {any} */ execution, /** @type {number} */ status) {
		assert.deepEqual((await c.writes('genesys')).map((w) => `${w.method} ${w.path}`), [], 'no Genesys writes');
		assert.deepEqual((await c.writes('dataverse')).map((w) => `${w.method} ${w.path}`), [], 'no Dataverse writes');
		assert.deepEqual(c.nodeItems(execution.id, 'Agent Presence Event'), [], `${wf}: an item on the Event output`);
		const rejected = c.nodeItems(execution.id, 'Agent Presence Event', 1);
		assert.equal(rejected.length, 1, `${wf}: expected one Rejected item, got ${JSON.stringify(rejected)}`);
		assert.equal(rejected[0].status, status, JSON.stringify(rejected[0]));
		assert.ok(!JSON.stringify(rejected).includes(SHARED_KEY), 'the key is in the Rejected item');
	}

	/** A Dataverse webhook body for Alex moving to `presence`, made in the simulated Dataverse first (the template re-reads it). */
	async function alexMovesTo(/** @type {string} */ presenceId) {
		await fetch(`${c.sim}/__sim/dataverse/agent-sets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ agentId: dv.agents.alex, presenceId }) });
		return JSON.stringify(fixtures.variant({ presenceId, initiatingUserId: dv.agents.alex }));
	}

	const rabbit = 'rabbitmq-dynamics-to-genesys';
	await c.test('RabbitMQ Trigger → Agent Presence Event: a Dataverse event with the key in a message header makes one Genesys write: Alex', async () => {
		const target = await due();
		const body = await alexMovesTo(target.dataverse);
		await through(rabbit, () => publishRabbitMq(body, { [KEY_HEADER]: SHARED_KEY }));
		await expectAlexWrite(target.genesys);
	});
	await c.test('RabbitMQ Trigger → Agent Presence Event: a wrong key in the header → one Rejected item (401), nothing written', async () => {
		const body = await alexMovesTo((await due()).dataverse);
		const [e] = await through(rabbit, () => publishRabbitMq(body, { [KEY_HEADER]: `${SHARED_KEY}x` }));
		await expectRejected(rabbit, e, 401);
	});
	await c.test('RabbitMQ Trigger → Agent Presence Event: a malformed body → one Rejected item (400), nothing written', async () => {
		const [e] = await through(rabbit, () => publishRabbitMq('{"InputParameters": [', { [KEY_HEADER]: SHARED_KEY }));
		await expectRejected(rabbit, e, 400);
	});

	const redis = 'redis-dynamics-to-genesys';
	await c.test('Redis Trigger (pub/sub) → Agent Presence Event: a Dataverse event makes one Genesys write: Alex', async () => {
		// Pub/sub keeps nothing for absent subscribers: wait until n8n's Redis Trigger has subscribed
		// (by pattern, PSUBSCRIBE, as its channels may hold wildcards).
		const { until } = require('./stack');
		await until(async () => Number(redisCli(['PUBSUB', 'NUMPAT'])) >= 1, "n8n's Redis Trigger to subscribe", 60000);
		const target = await due();
		const body = await alexMovesTo(target.dataverse);
		await through(redis, async () => assert.equal(publishRedis(body), 1, 'one subscriber received the message'));
		await expectAlexWrite(target.genesys);
	});
	await c.test('Redis Trigger (pub/sub) → Agent Presence Event: a malformed body → one Rejected item (400), nothing written', async () => {
		const [e] = await through(redis, async () => assert.equal(publishRedis('not json'), 1, 'one subscriber received the message'));
		await expectRejected(redis, e, 400);
	});
}

module.exports = { run, queueSourceWorkflows, brokerCredentials };
