// @ts-check
/**
 * Bad input, in a real n8n: posts `count` (10,000) mutated and random bodies to the production
 * webhook of an Agent Presence Trigger (Dataverse source, shared key, every event) → No Op.
 * Bodies come from a fixed-seed PRNG (E2E_FUZZ_SEED), so a failure is reproducible: mutations of
 * the seed fixtures (dropped, renamed and retyped keys, truncated JSON, huge strings, deep
 * nesting), wrong content types, random bytes, JSON primitives, a wrong shared key.
 *
 * Asserted: every answer is a 2xx or 4xx (never a 5xx, never a dropped connection); n8n still
 * answers /healthz with the same process(es); the workflow's executions grow by exactly the number
 * of bodies the package's own parser (dist/nodes/DynamicsContactCenter/events/dataverseWebhook.js) accepts, after the
 * same body handling as n8n's body parser and the trigger (so no invalid body starts one).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { assert } = require('./checks');
const { SHARED_KEY } = require('./workflows');

const FUZZ_WEBHOOK_ID = 'f0220b1e-5e1d-4c0a-9a7e-000000000f22';
/** A body n8n has not answered by then counts as dropped. */
const ANSWER_WITHIN_MS = 30000;
const EVENTS = ['agent_created', 'capacity_changed', 'logged_in', 'logged_out', 'presence_changed'];

/** The fuzz target: the trigger alone (→ No Op), so an execution means the trigger accepted a body. */
function fuzzWorkflow(/** @type {any[]} */ credentials) {
	const dataverse = credentials.find((c) => c.type === 'dynamicsContactCenterApi');
	return {
		key: 'fuzz',
		publish: true,
		webhookId: FUZZ_WEBHOOK_ID,
		json: {
			id: 'e2eFuzzTrigger01',
			name: 'e2e fuzz: Agent Presence Trigger',
			nodes: [
				{
					parameters: { source: 'dataverse', registration: 'manual', verification: 'queryKey', sharedKey: SHARED_KEY, events: EVENTS },
					id: 'a0f0f0f0-0000-4000-8000-00000000f001',
					name: 'Agent Presence Trigger',
					type: 'n8n-nodes-agent-presence.agentPresenceTrigger',
					typeVersion: 1,
					position: [0, 0],
					webhookId: FUZZ_WEBHOOK_ID,
					credentials: { dynamicsContactCenterApi: { id: dataverse.id, name: dataverse.name } },
				},
				{ parameters: {}, id: 'a0f0f0f0-0000-4000-8000-00000000f002', name: 'No Op', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0] },
			],
			connections: { 'Agent Presence Trigger': { main: [[{ node: 'No Op', type: 'main', index: 0 }]] } },
			settings: { executionOrder: 'v1' },
			active: false,
			pinData: {},
		},
	};
}

/** mulberry32: a small, fixed-seed PRNG. */
function prng(/** @type {number} */ seed) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (/** @type {number} */ n) => Math.floor(next() * n);
	const pick = (/** @type {any[]} */ xs) => xs[int(xs.length)];
	const hex = (/** @type {number} */ n) => Array.from({ length: n }, () => int(16).toString(16)).join('');
	const guid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
	return { next, int, pick, guid };
}

/** Every [parent, key] in a JSON value (objects and arrays), depth first. */
function slots(/** @type {any} */ root) {
	/** @type {[any, string|number][]} */
	const out = [];
	const walk = (/** @type {any} */ v) => {
		if (v === null || typeof v !== 'object') return;
		for (const k of Array.isArray(v) ? v.keys() : Object.keys(v)) {
			out.push([v, k]);
			walk(v[k]);
		}
	};
	walk(root);
	return out;
}

/**
 * One fuzz case: `{ body: Buffer, contentType?: string, wrongKey?: boolean, what }`.
 * @param {ReturnType<typeof prng>} r @param {any[]} seeds
 */
function makeCase(r, seeds) {
	const clone = () => JSON.parse(JSON.stringify(r.pick(seeds)));
	const json = (/** @type {any} */ v, what = '') => ({ body: Buffer.from(JSON.stringify(v)), contentType: 'application/json', what });
	const randomValue = () =>
		r.pick([null, true, false, 0, -1, 1e308, 3.14, '', 'x', '0', 'not-a-guid', '/Date(abc)/', '00000000-0000-0000-0000-000000000000', [], {}, [1, 2], { Id: 'x' }, { key: 'Target' }]);
	const kind = r.int(100);
	if (kind < 30) {
		// 1–3 structural mutations of a seed fixture
		const doc = clone();
		const what = [];
		for (let n = 1 + r.int(3); n > 0; n--) {
			const all = slots(doc);
			const [parent, key] = r.pick(all);
			const op = r.int(4);
			if (op === 0) {
				if (Array.isArray(parent)) parent.splice(Number(key), 1);
				else delete parent[key];
				what.push(`drop ${key}`);
			} else if (op === 1 && !Array.isArray(parent)) {
				parent[`${key}${r.pick(['_', 'X', ' ', ''])}${r.int(3)}`] = parent[key];
				delete parent[key];
				what.push(`rename ${key}`);
			} else {
				parent[key] = randomValue();
				what.push(`retype ${key}`);
			}
		}
		return json(doc, what.join(', '));
	}
	if (kind < 38) {
		// a valid-looking value change: attribute values, ids, names, dates
		const doc = clone();
		const target = doc.InputParameters?.find((/** @type {any} */ p) => p.key === 'Target')?.value;
		const attrs = [...(target?.Attributes ?? []), ...(doc.PostEntityImages?.[0]?.value?.Attributes ?? [])];
		const a = attrs.length ? r.pick(attrs) : null;
		const field = r.pick(['attr', 'MessageName', 'PrimaryEntityName', 'Depth', 'OperationCreatedOn', 'InitiatingUserId']);
		if (field === 'attr' && a) {
			a.value = a.value && typeof a.value === 'object' && r.int(2) ? { ...a.value, Id: r.pick([r.guid(), 'nope', null, 42]) } : randomValue();
		} else if (field === 'MessageName') doc.MessageName = r.pick(['Create', 'Update', 'Delete', 'Retrieve', '', null]);
		else if (field === 'PrimaryEntityName') doc.PrimaryEntityName = r.pick(['msdyn_agentstatus', 'contact', '', 7]);
		else doc[field] = randomValue();
		return json(doc, `value ${field}${a && field === 'attr' ? ` ${a.key}` : ''}`);
	}
	if (kind < 50) {
		// truncated JSON
		const text = JSON.stringify(clone());
		return { body: Buffer.from(text.slice(0, r.int(text.length))), contentType: 'application/json', what: 'truncated' };
	}
	if (kind < 54) {
		// a huge string in a random place (up to 1 MB)
		const doc = clone();
		const [parent, key] = r.pick(slots(doc));
		parent[key] = 'A'.repeat(1000 * (1 + r.int(1000)));
		return json(doc, `huge ${key}`);
	}
	if (kind < 60) {
		// deep nesting, in a known or an unknown place
		const depth = r.pick([100, 1000, 10000, 100000]);
		const nested = '['.repeat(depth) + ']'.repeat(depth);
		const doc = r.int(2) ? clone() : {};
		const text = JSON.stringify({ ...doc, [r.pick(['InputParameters', 'Extra', 'PostEntityImages'])]: '__N__' }).replace('"__N__"', nested);
		return { body: Buffer.from(text), contentType: 'application/json', what: `nesting ${depth}` };
	}
	if (kind < 72) {
		// the seed (or a mutation) with another content type, or none
		const text = JSON.stringify(clone());
		const contentType = r.pick(['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data', 'multipart/form-data; boundary=x', 'application/octet-stream', 'application/json; charset=utf-8', undefined]);
		return { body: Buffer.from(r.int(3) ? text : text.slice(0, r.int(text.length))), contentType, what: `content type ${contentType}` };
	}
	if (kind < 85) {
		// random bytes
		const n = r.pick([0, 1, 2, 16, 256, 4096, 65536]);
		const bytes = Buffer.alloc(n);
		for (let i = 0; i < n; i++) bytes[i] = r.int(256);
		return { body: bytes, contentType: r.pick(['application/json', 'text/plain', undefined]), what: `${n} random bytes` };
	}
	if (kind < 93) {
		// JSON that is not an object, or an empty one
		const v = r.pick(['null', '42', '"str"', '[]', '[{}]', 'true', '{}', '""', ' ', '\ufeff{}', JSON.stringify([r.pick(seeds)])]);
		return { body: Buffer.from(v), contentType: 'application/json', what: `json ${v.slice(0, 20)}` };
	}
	if (kind < 98) return { ...json(clone()), wrongKey: true, what: 'wrong shared key' };
	// the seeds unchanged, the control group
	return json(clone(), 'seed');
}

/**
 * Would the trigger start an execution? n8n's body parser (n8n/dist/middlewares/body-parser.js),
 * then the trigger's jsonBody() and the package's own parser and event filter.
 * @returns {{ execution: boolean | 'maybe', status?: number }}
 */
function expected(/** @type {any} */ c, /** @type {(b: unknown) => any} */ parse) {
	if (c.wrongKey) return { execution: false, status: 401 };
	const ct = (c.contentType ?? '').split(';')[0].trim().toLowerCase();
	const text = c.body.toString('utf8');
	/** @type {unknown} */
	let parsed = {};
	if (ct.startsWith('multipart/')) return { execution: false };
	if (c.body.length > 0) {
		if (ct === 'application/json') {
			try {
				parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
			} catch {
				return { execution: false, status: 422 };
			}
		} else if (ct === 'application/x-www-form-urlencoded') {
			return { execution: false };
		} else if (ct.endsWith('/xml') || ct.endsWith('+xml')) {
			// n8n's shared xml2js parser answers 422 for JSON text, except that after a failed parse
			// the next one "succeeds" with null: then the trigger reads the raw JSON. Either way a
			// body starts an execution only if the trigger's parser accepts it.
			try {
				return { execution: EVENTS.includes(parse(JSON.parse(text)).event) ? 'maybe' : false };
			} catch {
				return { execution: false };
			}
		} else if (ct === 'text/plain') parsed = text;
	}
	let body = parsed;
	if (!(body !== null && typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length > 0)) {
		if (text.trim() === '') return { execution: false, status: 400 };
		try {
			body = JSON.parse(text);
		} catch {
			return { execution: false, status: 400 };
		}
	}
	try {
		return { execution: EVENTS.includes(parse(body).event), status: 200 };
	} catch {
		return { execution: false, status: 400 };
	}
}

/**
 * @param {import('./checks').Checks} c
 * @param {{ fixturesDir: string, repo: string, count: number, pids: number[], seed?: number, concurrency?: number }} o
 */
async function run(c, { fixturesDir, repo, count, pids, seed = Number(process.env.E2E_FUZZ_SEED || 20260808), concurrency = 8 }) {
	const { parseDataverseAgentStatus } = require(path.join(repo, 'dist/nodes/DynamicsContactCenter/events/dataverseWebhook.js'));
	const seeds = fs.readdirSync(fixturesDir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(fs.readFileSync(path.join(fixturesDir, f), 'utf8')));
	const r = prng(seed);
	const cases = Array.from({ length: count }, () => makeCase(r, seeds));
	const valid = cases.filter((x) => expected(x, parseDataverseAgentStatus).execution === true).length;

	await c.test(`Fuzz: ${count} mutated and random bodies (seed ${seed}, ${valid} valid) get 2xx/4xx, n8n stays up, executions = valid bodies`, async () => {
		const before = c.executions('fuzz').length;
		const url = c.webhookUrl('fuzz');
		/** @type {Record<string, number>} */
		const statuses = {};
		/** @type {string[]} */
		const bad = [];
		let notes = 0;
		let xmlAccepted = 0;
		const started = Date.now();
		const post = async (/** @type {number} */ i) => {
			const x = cases[i];
			const headers = x.contentType ? { 'content-type': x.contentType } : {};
			let status = 0;
			try {
				const res = await fetch(`${url}?code=${encodeURIComponent(x.wrongKey ? 'not-the-key' : SHARED_KEY)}`, {
					method: 'POST',
					headers,
					body: x.body,
					signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
				});
				await res.arrayBuffer();
				status = res.status;
			} catch (error) {
				const e = /** @type {Error} */ (error);
				bad.push(`#${i} (${x.what}, ${x.contentType}): ${e.name === 'TimeoutError' ? `no answer within ${ANSWER_WITHIN_MS / 1000} s` : `connection failed: ${e.cause ?? e}`}`);
			}
			statuses[status] = (statuses[status] ?? 0) + 1;
			if (status >= 500 || (status > 0 && status < 200)) bad.push(`#${i} (${x.what}, ${x.contentType}): answered ${status}`);
			const want = expected(x, parseDataverseAgentStatus);
			// The trigger answers 200 only when it starts an execution (every event is selected).
			if (status === 200 && want.execution === 'maybe') xmlAccepted++;
			if (status === 200 && want.execution === false) bad.push(`#${i} (${x.what}, ${x.contentType}): an invalid body was accepted`);
			if (want.execution !== 'maybe' && (status === 200) !== want.execution && status > 0 && notes++ < 20) {
				c.say(`  mismatch: #${i} (${x.what}, ${x.contentType}) answered ${status}${want.status ? `, expected ${want.status}` : ''}: ${x.body.subarray(0, 120).toString('utf8')}`);
			}
		};
		// n8n 2.41 parses XML bodies with one shared xml2js parser: concurrent XML posts race (a JSON
		// body sent as XML then sometimes parses "successfully" and reaches the trigger), so those go
		// one at a time, after the others.
		const xml = (/** @type {number} */ i) => /[/+]xml\b/i.test(cases[i].contentType ?? '');
		const concurrent = cases.map((_, i) => i).filter((i) => !xml(i));
		let next = 0;
		await Promise.all(Array.from({ length: concurrency }, async () => {
			while (next < concurrent.length) await post(concurrent[next++]);
		}));
		for (const i of cases.map((_, j) => j).filter(xml)) await post(i);
		const secs = (Date.now() - started) / 1000;
		c.say(`  ${count} posts in ${secs.toFixed(0)} s (${(count / secs).toFixed(0)}/s); answers ${JSON.stringify(statuses)}`);
		assert.deepEqual(bad.slice(0, 20), [], `${bad.length} bodies got a 5xx or no answer`);
		assert.ok((await fetch(`${c.n8n}/healthz`)).ok, 'n8n /healthz does not answer');
		for (const pid of pids) assert.ok(fs.existsSync(`/proc/${pid}`), `n8n process ${pid} is gone`);
		const starting = valid + xmlAccepted;
		c.say(`  valid bodies: ${valid}, plus ${xmlAccepted} valid JSON bodies sent as XML that n8n's XML parser let through`);
		const all = await c.settledExecutions('fuzz', before + starting, 120000);
		assert.equal(all.length - before, starting, `executions: ${all.length - before}, valid bodies: ${starting}`);
		await c.quiet(1500);
		assert.equal(c.executions('fuzz').length - before, starting, 'a further execution started');
		for (const e of all.slice(before)) assert.equal(e.status, 'success', `execution ${e.id} ended ${e.status}`);
	});
}

module.exports = { run, fuzzWorkflow, makeCase, expected, prng };
