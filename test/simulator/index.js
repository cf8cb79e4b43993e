// @ts-check
'use strict';
/**
 * Vendor simulator: one HTTP server on 127.0.0.1 imitating Dataverse (with
 * Azure AD), Genesys Cloud and Vonage Contact Center, with a control API for
 * tests (in-process through the returned object, cross-process under /__sim/).
 */
const http = require('node:http');
const { URL } = require('node:url');
const common = require('./common');
const dataverse = require('./dataverse');
const genesys = require('./genesys');
const vonage = require('./vonage');
const graph = require('./graph');
const amazonConnect = require('./amazonConnect');

const VENDORS = { dataverse, genesys, vonage, graph, amazonConnect };

/** Default client credentials per vendor (override with options.clients). */
const CLIENTS = {
	dataverse: dataverse.DEFAULT_CLIENT,
	genesys: genesys.DEFAULT_CLIENT,
	vonage: vonage.DEFAULT_CLIENT,
	graph: graph.DEFAULT_CLIENT,
	amazonConnect: amazonConnect.DEFAULT_CLIENT,
};

/** Default token lifetimes in seconds, as each vendor issues them. */
const DEFAULT_TTL = { dataverse: 3599, genesys: 86399, vonage: 7200, graph: 3599 };

/**
 * @typedef {{ port?: number, host?: string,
 *   tokenTtlSeconds?: number | Partial<Record<'dataverse'|'genesys'|'vonage'|'graph', number>>,
 *   clients?: Partial<typeof CLIENTS>, seed?: any,
 *   genesysNotifications?: { heartbeatMs?: number, channelTtlSeconds?: number, topicLimit?: number, channelLimit?: number },
 *   dataverseWebhooks?: { timeoutMs?: number, retryDelayMs?: number, maxPayloadBytes?: number, sizeExceeded?: boolean, network?: Record<string, string> },
 *   dataverseGetPresenceForm?: 'parameter' | 'plain' }} SimulatorOptions
 */

/** @param {SimulatorOptions} [options] */
async function startSimulator(options = {}) {
	const host = options.host || '127.0.0.1';
	const tokens = common.createTokenStore();
	const faults = common.createFaultStore();
	/** @type {Array<{ match: any, arrived: () => void, released: Promise<unknown> }>} requests to hold (sim.hold) */
	const holds = [];
	/** @type {any[]} */
	const requests = [];
	/** @type {any[]} */
	const webhookDeliveries = [];
	let root = '';

	const vendors = Object.fromEntries(
		Object.entries(VENDORS).map(([name, mod]) => [
			name,
			mod.createVendor({
				tokens,
				client: { .../** @type {any} */ (CLIENTS)[name], ...(/** @type {any} */ (options.clients || {})[name] || {}) },
				ttlSeconds: ttlFor(options.tokenTtlSeconds, name),
				root: () => root,
				seed: options.seed && options.seed[name],
				webhookDeliveries,
				notifications: options.genesysNotifications,
				webhooks: options.dataverseWebhooks,
				getPresenceForm: options.dataverseGetPresenceForm,
			}),
		]),
	);
	for (const v of Object.values(vendors)) common.recordSecret('clientSecret', v.name, v.client.clientSecret);
	for (const v of Object.values(vendors)) for (const s of v.secrets || []) common.recordSecret('clientSecret', v.name, s);
	const mounts = Object.values(vendors)
		.flatMap((v) => v.mounts.map((/** @type {any} */ m) => ({ ...m, vendor: v })))
		.sort((a, b) => b.prefix.length - a.prefix.length);

	const sim = {
		url: '',
		urls: /** @type {any} */ ({}),
		clients: Object.fromEntries(Object.entries(vendors).map(([n, v]) => [n, v.client])),
		requests,
		webhookDeliveries,
		/** Every access token this simulator issued, in order (also across reset()). */
		issuedTokens: tokens.issued,
		state: Object.fromEntries(Object.entries(vendors).map(([n, v]) => [n, v.state])),
		clearRequests: () => void requests.splice(0),
		reset() {
			requests.splice(0);
			webhookDeliveries.splice(0);
			tokens.clear();
			faults.clear();
			for (const v of Object.values(vendors)) v.reset();
		},
		expireTokens: (/** @type {string|undefined} */ vendor) => tokens.expire(vendor),
		inject: (/** @type {any} */ fault) => faults.add(fault),
		clearFaults: () => faults.clear(),
		/**
		 * Holds the next request that matches `{ vendor?, method?, path? }` (as a fault matches) before
		 * the vendor handles it: `reached` resolves when it arrives, `release()` lets it through. What
		 * a slow vendor does to one request while others overtake it (e.g. two executions racing).
		 */
		hold(/** @type {{ vendor?: string, method?: string, path?: string | RegExp }} */ match) {
			/** @type {() => void} */
			let arrived = () => {};
			/** @type {() => void} */
			let release = () => {};
			const reached = new Promise((r) => (arrived = () => r(undefined)));
			const released = new Promise((r) => (release = () => r(undefined)));
			holds.push({ match: { ...match, status: 0 }, arrived, released });
			return { reached, release };
		},
		/** How many token requests the vendor received (derived from `requests`). */
		tokenRequests: (/** @type {string} */ vendor) =>
			requests.filter((r) => r.vendor === vendor && vendors[vendor].isTokenPath(r.path)).length,
		/** Dataverse webhook delivery: timings, the test network (host:port → origin), forced size-exceeded payloads. */
		dataverseWebhooks: vendors.dataverse.webhooks,
		/** Resolves once all scheduled webhook deliveries have settled. */
		settle: () => vendors.dataverse.settle(),
		/** Genesys notification channels/sockets: disconnect, expire, heartbeat, snapshot. */
		genesysNotifications: vendors.genesys.notifications.control,
		/** Microsoft Graph presence: clock, the user's own Teams state, delegated tokens. */
		graph: vendors.graph.control,
		/** Vonage Contact Center: whose user-level API credentials the client holds. */
		vonage: vendors.vonage.control,
		/** Amazon Connect: contacts in progress, the agent's own status, session-token expiry, clock skew. */
		amazonConnect: vendors.amazonConnect.control,
		close: () => {
			vendors.genesys.close();
			return new Promise((resolve) => server.close(() => resolve(undefined)));
		},
	};

	const server = http.createServer((req, res) => {
		handle(req, res).catch((err) => {
			if (!res.headersSent) common.send(res, 500, { message: String(err && err.message) });
		});
	});
	// WebSocket upgrades (Genesys notification channels).
	server.on('upgrade', (req, socket) => {
		if (!vendors.genesys.upgrade(req, socket)) socket.destroy();
	});

	/** @param {http.IncomingMessage} req @param {http.ServerResponse} res */
	async function handle(req, res) {
		const url = new URL(req.url || '/', root);
		const path = url.pathname;
		if (path === '/__sim' || path.startsWith('/__sim/')) return control(req, res, url);
		const mount = mounts.find((m) => path === m.prefix || path.startsWith(m.prefix + '/'));
		if (!mount) return common.send(res, 404, { message: `No simulated vendor at ${path}` });
		await dispatch(req, res, url, mount);
	}

	/** Routes one vendor request: record, faults, auth-free routing, error shaping. */
	async function dispatch(/** @type {http.IncomingMessage} */ req, /** @type {http.ServerResponse} */ res, /** @type {URL} */ url, /** @type {any} */ mount) {
		// When the request arrived (epoch ms, sub-ms precision): end-to-end latency is measured against it.
		const receivedAt = performance.timeOrigin + performance.now();
		const vendor = mount.vendor;
		const method = (req.method || 'GET').toUpperCase();
		const path = mount.recordPrefix + url.pathname.slice(mount.prefix.length) || '/';
		const raw = await common.readBody(req);
		const { body, invalidJson } = common.parseBody(raw, req.headers['content-type']);
		const record = {
			vendor: vendor.name,
			/** Which host (mount) received it: a vendor may serve its token and its APIs from different hosts. */
			mount: mount.prefix,
			method,
			path,
			query: Object.fromEntries(url.searchParams),
			/** The query string as sent (repeated parameters and their encoding included). */
			search: url.search,
			headers: { ...req.headers },
			body,
			status: 0,
			receivedAt,
		};
		requests.push(record);
		const reply = (/** @type {number} */ status, /** @type {any} */ b, /** @type {Record<string,string>} */ h = {}) => {
			record.status = status;
			common.send(res, status, b, vendor.decorate({ ...h }));
		};

		const held = holds.findIndex((h) => common.faultMatches(h.match, vendor.name, method, path));
		if (held !== -1) {
			const [h] = holds.splice(held, 1);
			h.arrived();
			await h.released;
		}
		const fault = faults.take(vendor.name, method, path);
		if (fault) return replyFault(fault, vendor, reply);

		const { handler, params, pathMatched } = mount.router.match(method, path.slice(mount.recordPrefix.length) || '/');
		if (!handler) {
			const status = pathMatched ? 405 : 404;
			return reply(status, vendor.errorBody(status, pathMatched ? `Method ${method} is not allowed on ${path}` : `Resource not found: ${path}`));
		}
		const rq = { method, path, params, query: record.query, headers: req.headers, body, raw, invalidJson, url };
		try {
			const out = (await handler(rq)) || { status: 204 };
			reply(out.status, out.body, out.headers);
		} catch (err) {
			if (err instanceof common.HttpError) return reply(err.status, err.body, err.headers);
			reply(500, vendor.errorBody(500, 'Internal server error'));
			// Surface simulator bugs in the test output instead of hiding them.
			console.error('[simulator]', err);
		}
	}

	/** Answers an injected fault in the vendor's error shape. */
	async function replyFault(/** @type {any} */ fault, /** @type {any} */ vendor, /** @type {Function} */ reply) {
		if (fault.delayMs) await common.sleep(fault.delayMs);
		/** @type {Record<string,string>} */
		const headers = {};
		if (fault.retryAfter !== undefined) headers['Retry-After'] = String(fault.retryAfter);
		if (vendor.faultHeaders) Object.assign(headers, vendor.faultHeaders(fault));
		const body = fault.body !== undefined ? fault.body : vendor.errorBody(fault.status, undefined, fault);
		reply(fault.status, body, headers);
	}

	/** The /__sim/ control API (never recorded). */
	async function control(/** @type {http.IncomingMessage} */ req, /** @type {http.ServerResponse} */ res, /** @type {URL} */ url) {
		const method = req.method || 'GET';
		const route = `${method} ${url.pathname.replace(/\/+$/, '')}`;
		const { body } = common.parseBody(await common.readBody(req), req.headers['content-type'] || 'application/json');
		const vendor = url.searchParams.get('vendor') || (body && body.vendor) || undefined;
		switch (route) {
			case 'GET /__sim/requests':
				return common.send(res, 200, vendor ? requests.filter((r) => r.vendor === vendor) : requests);
			case 'DELETE /__sim/requests':
				sim.clearRequests();
				return common.send(res, 204);
			case 'POST /__sim/reset':
				sim.reset();
				return common.send(res, 204);
			case 'POST /__sim/faults':
				try {
					faults.add(body);
				} catch (e) {
					return common.send(res, 400, { message: String(/** @type {Error} */ (e).message) });
				}
				return common.send(res, 201, { faults: faults.list() });
			case 'DELETE /__sim/faults':
				faults.clear();
				return common.send(res, 204);
			case 'POST /__sim/expire-tokens':
				sim.expireTokens(vendor);
				return common.send(res, 204);
			case 'GET /__sim/state':
				return common.send(res, 200, sim.state);
			case 'GET /__sim/webhook-deliveries':
				await sim.settle();
				return common.send(res, 200, webhookDeliveries);
			case 'POST /__sim/dataverse/webhooks':
				return common.send(res, 200, sim.dataverseWebhooks.configure(body || {}));
			case 'GET /__sim/genesys/notifications':
				return common.send(res, 200, sim.genesysNotifications.snapshot());
			case 'POST /__sim/genesys/notifications/disconnect':
				return common.send(res, 200, { disconnected: sim.genesysNotifications.disconnect(body || {}) });
			case 'POST /__sim/genesys/notifications/expire':
				return common.send(res, 200, { expired: sim.genesysNotifications.expire(body || {}) });
			case 'POST /__sim/dataverse/agent-sets': {
				// The agent changes their own presence in Dynamics, no webhook fired: the test delivers its own.
				const row = sim.state.dataverse.tables.msdyn_agentstatuses.find((/** @type {any} */ r) => String(r._msdyn_agentid_value).toLowerCase() === String(body.agentId).toLowerCase());
				if (!row) return common.send(res, 404, { message: `No agent status for ${body.agentId}` });
				Object.assign(row, { _msdyn_currentpresenceid_value: body.presenceId, msdyn_presencemodifiedon: new Date().toISOString(), msdyn_presencemodifiedby: 'AGENT' });
				return common.send(res, 204);
			}
			case 'POST /__sim/dataverse/agents': {
				// Further agents (a system user with the Omnichannel Agent role and a logged-in agent status each), for load tests beyond the seeded people.
				const tables = sim.state.dataverse.tables;
				const people = Array.isArray(body?.agents) ? body.agents : [];
				if (!people.every((/** @type {any} */ p) => p && typeof p.email === 'string' && typeof p.first === 'string' && typeof p.last === 'string')) {
					return common.send(res, 400, { message: 'agents: [{ email, first, last }] expected' });
				}
				const made = people.map((/** @type {any} */ p) => {
					const known = tables.systemusers.find((/** @type {any} */ u) => String(u.internalemailaddress).toLowerCase() === p.email.toLowerCase());
					if (known) return { agentId: known.systemuserid, agentStatusId: tables.msdyn_agentstatuses.find((/** @type {any} */ r) => r._msdyn_agentid_value === known.systemuserid)?.msdyn_agentstatusid };
					const { user, status } = require('./dataverse-tables').provisionedAgent(p, tables.systemusers.length + 1);
					tables.systemusers.push(user);
					tables.msdyn_agentstatuses.push(status);
					// An Omnichannel Agent, signed in now, like the seeded agents.
					sim.state.dataverse.roles[user.systemuserid.toLowerCase()] = ['Omnichannel Agent'];
					sim.state.dataverse.loginTimes[user.systemuserid] = Math.floor(Date.now() / 1000);
					return { agentId: user.systemuserid, agentStatusId: status.msdyn_agentstatusid };
				});
				return common.send(res, 200, { agents: made });
			}
			case 'POST /__sim/vonage/agent-sets':
				// The agent changes their own presence in Vonage, no webhook sent: the test delivers its own.
				sim.vonage.agentSets(body.userId, body.presenceId);
				return common.send(res, 204);
			case 'POST /__sim/amazon-connect/agent-sets':
				// The agent picks a status in the Contact Control Panel (the poll trigger sees it next poll).
				sim.amazonConnect.agentSets(body.userId, body.statusId);
				return common.send(res, 204);
			case 'POST /__sim/amazon-connect/start-contact':
				// The agent takes a contact: a status set meanwhile is queued as NextStatus.
				return common.send(res, 200, { contactId: sim.amazonConnect.startContact(body.userId) });
			case 'POST /__sim/amazon-connect/end-contacts':
				sim.amazonConnect.endContacts(body.userId);
				return common.send(res, 204);
			case 'POST /__sim/graph/user-sets':
				// The user changes their own state in Teams.
				sim.graph.userSets(body.userId, body.availability, body.activity, body.userConfigured !== false);
				return common.send(res, 204);
			case 'POST /__sim/graph/delegated-token':
				// A signed-in user's token, as n8n's OAuth2 credential would hold after the consent flow.
				return common.send(res, 200, { access_token: sim.graph.delegatedToken(body.userId, body.scopes) });
			case 'POST /__sim/graph/subscriptions':
				// The test network for change notifications (host:443 → local origin).
				sim.graph.subscriptions.configure(body || {});
				return common.send(res, 204);
			case 'GET /__sim/graph/subscriptions':
				await sim.graph.subscriptions.settle();
				return common.send(res, 200, { subscriptions: sim.graph.subscriptions.list(), deliveries: sim.graph.subscriptions.deliveries() });
			case 'POST /__sim/graph/subscriptions/lifecycle':
				sim.graph.subscriptions.lifecycle(body.subscriptionId, body.event);
				await sim.graph.subscriptions.settle();
				return common.send(res, 204);
			case 'GET /__sim/info':
				return common.send(res, 200, { url: sim.url, urls: describeUrls(sim.urls), clients: sim.clients });
			default:
				return common.send(res, 404, { message: `Unknown control route ${route}` });
		}
	}

	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port || 0, host, () => resolve(undefined));
	});
	const addr = /** @type {import('node:net').AddressInfo} */ (server.address());
	root = `http://${host}:${addr.port}`;
	sim.url = root;
	sim.urls = {
		dataverse: `${root}/dataverse`,
		dataverseLogin: (/** @type {string|undefined} */ tenant) =>
			`${root}/dataverse/login/${tenant || vendors.dataverse.client.tenantId}/oauth2/v2.0/token`,
		dataverseLoginBase: `${root}/dataverse/login`,
		genesysApi: `${root}/genesys`,
		genesysLogin: `${root}/genesys-login`,
		/** Vonage's API gateway (`<region>.api.cc.vonage.com`): the APIs only. */
		vonage: `${root}/vonage`,
		/** Vonage's authentication host (`<region>.cc.vonage.com`): the token endpoint only. */
		vonageAuth: `${root}/vonage-auth`,
		vonageToken: `${root}/vonage-auth/Auth/connect/token`,
		/** Microsoft Graph (`graph.microsoft.com`), v1.0 root. */
		graph: `${root}/graph/v1.0`,
		graphToken: `${root}/graph-login/${vendors.graph.client.tenantId}/oauth2/v2.0/token`,
		/** Amazon Connect (`connect.<region>.amazonaws.com`). */
		amazonConnect: `${root}/amazon-connect`,
		/** AWS STS (`sts.<region>.amazonaws.com`), for AssumeRole. */
		amazonSts: `${root}/amazon-sts`,
	};
	return sim;
}

/** JSON-friendly view of `urls` (the login URL is a function in-process). */
function describeUrls(/** @type {any} */ urls) {
	return { ...urls, dataverseLogin: urls.dataverseLogin() };
}

/** @param {SimulatorOptions['tokenTtlSeconds']} opt @param {string} vendor */
function ttlFor(opt, vendor) {
	if (typeof opt === 'number') return opt;
	if (opt && typeof opt === 'object' && typeof (/** @type {any} */ (opt)[vendor]) === 'number') return /** @type {any} */ (opt)[vendor];
	return /** @type {any} */ (DEFAULT_TTL)[vendor];
}

module.exports = {
	startSimulator,
	CLIENTS,
	DEFAULT_TTL,
	IDS: { dataverse: dataverse.IDS, genesys: genesys.IDS, vonage: vonage.IDS, graph: graph.IDS, amazonConnect: amazonConnect.IDS },
};
