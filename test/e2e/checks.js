// @ts-check
/**
 * What the e2e scenarios observe: the writes the simulator recorded (its /__sim/ control API) and
 * the executions n8n stored (its SQLite database, read-only; in queue mode its PostgreSQL database
 * through psql), plus pass/fail bookkeeping.
 */
'use strict';
const path = require('node:path');
const assert = require('node:assert/strict');

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The e2e's own calls to the simulated vendors (changing a Genesys presence "by hand") carry this header. */
const BY_HAND = 'x-e2e-by-hand';

class Checks {
	/** @param {{ n8n: string, sim: string, workflows: any[], userFolder: string, say: (m: string) => void }} o */
	constructor({ n8n, sim, workflows, userFolder, say }) {
		this.n8n = n8n;
		this.sim = sim;
		this.workflows = workflows;
		this.say = say;
		this.dbFile = path.join(userFolder, '.n8n', 'database.sqlite');
		/** @type {{ name: string, ok: boolean, error?: string }[]} */
		this.results = [];
	}

	workflow(/** @type {string} */ key) {
		const w = this.workflows.find((x) => x.key === key);
		if (!w) throw new Error(`no workflow ${key}`);
		return w;
	}

	webhookUrl(/** @type {string} */ key, query = '') {
		return `${this.n8n}/webhook/${this.workflow(key).webhookId}/agent-presence${query}`;
	}

	async post(/** @type {string} */ url, /** @type {any} */ body, /** @type {Record<string,string>} */ headers = {}) {
		const r = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body: typeof body === 'string' ? body : JSON.stringify(body),
		});
		return { status: r.status, text: await r.text() };
	}

	async requests(/** @type {string} */ vendor) {
		return /** @type {any[]} */ (await (await fetch(`${this.sim}/__sim/requests?vendor=${vendor}`)).json());
	}

	async clearRequests() {
		await fetch(`${this.sim}/__sim/requests`, { method: 'DELETE' });
	}

	/** Writes n8n made at a vendor (token requests and the e2e's own calls left out). */
	async writes(/** @type {string} */ vendor) {
		return (await this.requests(vendor)).filter(
			(r) => WRITE_METHODS.has(r.method) && !/token$/i.test(r.path) && !r.headers[BY_HAND] &&
				// reads that are POSTs: Genesys user search; the trigger's notification channels
				!/\/users\/search$|\/notifications\/channels/.test(r.path),
		);
	}

	/** Executions n8n stored for a workflow, oldest first. */
	executions(/** @type {string} */ key) {
		if (process.env.DB_TYPE === 'postgresdb') return postgresExecutions(this.workflow(key).json.id);
		const { DatabaseSync } = require('node:sqlite');
		const db = new DatabaseSync(this.dbFile, { readOnly: true });
		try {
			return /** @type {any[]} */ (
				db.prepare('SELECT id, status, mode, finished FROM execution_entity WHERE workflowId = ? ORDER BY id').all(this.workflow(key).json.id)
			);
		} finally {
			db.close();
		}
	}

	/** The items one output (default the first) of a node had in one stored execution (n8n keeps run data flatted-serialized). */
	nodeItems(/** @type {number} */ executionId, /** @type {string} */ nodeName, output = 0) {
		const { parse } = require(require.resolve('flatted', { paths: [path.dirname(String(process.env.N8N_BIN))] }));
		let text;
		if (process.env.DB_TYPE === 'postgresdb') {
			text = psql(`SELECT data FROM execution_data WHERE "executionId" = ${Number(executionId)}`);
		} else {
			const { DatabaseSync } = require('node:sqlite');
			const db = new DatabaseSync(this.dbFile, { readOnly: true });
			try {
				text = /** @type {any} */ (db.prepare('SELECT data FROM execution_data WHERE executionId = ?').get(executionId))?.data;
			} finally {
				db.close();
			}
		}
		const runs = parse(String(text)).resultData?.runData?.[nodeName] ?? [];
		return /** @type {any[]} */ (runs.flatMap((/** @type {any} */ r) => r.data?.main?.[output] ?? []).map((/** @type {any} */ i) => i.json));
	}

	/** Waits until a workflow has `count` finished executions (no more running), returns them. */
	async settledExecutions(/** @type {string} */ key, /** @type {number} */ count, timeoutMs = 30000) {
		const end = Date.now() + timeoutMs;
		for (;;) {
			const all = this.executions(key);
			const done = all.filter((e) => !['new', 'running', 'waiting'].includes(e.status));
			if (done.length >= count && done.length === all.length) return all;
			if (Date.now() > end) {
				throw new Error(`${key}: expected ${count} finished execution(s), have ${JSON.stringify(all)}`);
			}
			await new Promise((r) => setTimeout(r, 150));
		}
	}

	/** Gives echoes (webhook deliveries, WebSocket notifications) time to arrive and be handled. */
	async quiet(ms = 2500) {
		await fetch(`${this.sim}/__sim/webhook-deliveries`);
		await new Promise((r) => setTimeout(r, ms));
		await fetch(`${this.sim}/__sim/webhook-deliveries`);
	}

	async test(/** @type {string} */ name, /** @type {() => Promise<void>} */ fn) {
		try {
			await fn();
			this.results.push({ name, ok: true });
			this.say(`✓ ${name}`);
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			this.results.push({ name, ok: false, error: message });
			this.say(`✗ ${name}\n    ${message.split('\n').join('\n    ')}`);
		}
	}

	summary() {
		const failed = this.results.filter((r) => !r.ok);
		console.log('\nSummary');
		for (const r of this.results) console.log(`  ${r.ok ? '✓' : '✗'} ${r.name}${r.ok ? '' : `: ${r.error?.split('\n')[0]}`}`);
		return { passed: this.results.length - failed.length, failed: failed.length };
	}
}

/** The same rows from n8n's PostgreSQL database (queue mode), with psql (synchronous, like node:sqlite). */
function postgresExecutions(/** @type {string} */ workflowId) {
	if (!/^[A-Za-z0-9]+$/.test(workflowId)) throw new Error(`unexpected workflow id ${workflowId}`);
	const out = psql(`SELECT id, status, mode, finished FROM execution_entity WHERE "workflowId" = '${workflowId}' ORDER BY id`);
	return out.split('\n').filter(Boolean).map((line) => {
		const [id, status, mode, finished] = line.split('\t');
		return { id: Number(id), status, mode, finished: finished === 't' ? 1 : 0 };
	});
}

function psql(/** @type {string} */ sql) {
	const { execFileSync } = require('node:child_process');
	const e = process.env;
	return execFileSync(
		'psql',
		['-h', String(e.DB_POSTGRESDB_HOST), '-p', String(e.DB_POSTGRESDB_PORT), '-U', String(e.DB_POSTGRESDB_USER), '-d', String(e.DB_POSTGRESDB_DATABASE), '-qAt', '-F', '\t', '-c', sql],
		{ encoding: 'utf8', env: { ...e, PGPASSWORD: e.DB_POSTGRESDB_PASSWORD ?? '' } },
	);
}

module.exports = { Checks, assert, BY_HAND };
