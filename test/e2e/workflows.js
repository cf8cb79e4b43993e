// @ts-check
/**
 * The templates as the e2e run (and the demo) imports them: the shipped JSON from templates/ with
 * what a user fills in or picks in the editor — credential IDs (the Vonage Contact Center Webhook
 * credential holds the subscription secret), the shared key where a template is registered by hand,
 * and the Map Presence rows — pointed at the simulator. Everything else (nodes, connections,
 * mapping) is imported exactly as shipped.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const SHARED_KEY = 'e2e-shared-key-0123456789abcdef';
/** The Genesys presence source the two-way template writes with and ignores, by name as shipped. */
const SYNC_SOURCE_NAME = 'n8n presence sync';
/** The templates the e2e runs with their Dataverse webhook registered by the trigger itself. */
const AUTO_REGISTERED = new Set(['two-way-dynamics-genesys', 'two-way-dynamics-teams']);
/** The Agent Presence Trigger's static webhook path (production URL /webhook/<webhookId>/<path>). */
const WEBHOOK_PATH = 'agent-presence';

/** Stable 16-character workflow IDs. */
const IDS_BY_TEMPLATE = {
	'dynamics-to-genesys': 'e2eDynToGenesys1',
	'genesys-to-dynamics': 'e2eGenesysToDyn1',
	'dynamics-to-vonage': 'e2eDynToVonage01',
	'two-way-dynamics-genesys': 'e2eTwoWaySync001',
	'genesys-to-teams': 'e2eGenesysToTms1',
	'teams-to-dynamics': 'e2eTeamsToDyn001',
	'two-way-dynamics-teams': 'e2eTwoWayTeams01',
	'genesys-to-vonage': 'e2eGenesysToVng1',
	'vonage-to-dynamics': 'e2eVonageToDyn01',
	'reconcile-dynamics-genesys': 'e2eReconcileDG01',
	'reconcile-dynamics-vonage': 'e2eReconcileDV01',
	'reconcile-genesys-dynamics': 'e2eReconcileGD01',
	'reconcile-genesys-vonage': 'e2eReconcileGV01',
	'reconcile-vonage-dynamics': 'e2eReconcileVD01',
	'reconcile-teams-dynamics': 'e2eReconcileTD01',
	'reconcile-genesys-teams': 'e2eReconcileGT01',
	'amazon-connect-to-teams': 'e2eConnectToTms1',
	'two-way-dynamics-connect': 'e2eTwoWayConnect',
	'reconcile-connect-teams': 'e2eReconcileCT01',
	'reconcile-connect-dynamics': 'e2eReconcileCD01',
	'reconcile-dynamics-connect': 'e2eReconcileDC01',
};

/** The Vonage webhook subscription's secret (base64, as Vonage gives it) the e2e signs its events with. */
const VONAGE_SUBSCRIPTION_SECRET = Buffer.from('e2e-vonage-subscription-secret').toString('base64');

/**
 * Templates started by a schedule: not published in the e2e, where a run at a random moment would
 * write in the middle of other scenarios; the reconciliation scenario runs it with `n8n execute`.
 */
const SCHEDULED = new Set([
	'reconcile-dynamics-genesys',
	'reconcile-dynamics-vonage',
	'reconcile-genesys-dynamics',
	'reconcile-genesys-vonage',
	'reconcile-vonage-dynamics',
	'reconcile-teams-dynamics',
	'reconcile-genesys-teams',
	'reconcile-connect-teams',
	'reconcile-connect-dynamics',
	'reconcile-dynamics-connect',
]);

/**
 * The Teams user the Teams → Dynamics template watches (the two-way Dynamics ⇄ Teams template
 * watches its own; both ship watching All Users), and the Genesys user the Genesys → Teams
 * template listens to.
 */
const TEAMS_WATCHED = 'casey';
const TWO_WAY_TEAMS_WATCHED = 'eli';
const GENESYS_TO_TEAMS_LISTENS_TO = 'alex';
/**
 * The Amazon Connect agent each Connect-polling template watches (both ship watching All Agents):
 * no other template writes Blake in Teams or Dana in Amazon Connect, so each scenario's one-write
 * assertions see only its own template.
 */
const CONNECT_WATCHED = { 'amazon-connect-to-teams': 'blake', 'two-way-dynamics-connect': 'dana' };

/** Seconds between two polls of the e2e's polling triggers (scenarios.js sizes its waits on it). */
const E2E_POLL_SECONDS = 15;
/**
 * The e2e's polling triggers poll every 15 seconds, the templates every minute: a scenario waits
 * for a baseline poll and then the poll after its change, and minute polls cost the e2e minutes,
 * paid again in queue mode. n8n refuses a poll time whose seconds field is anything but one number
 * (n8n-workflow's isSubMinuteCron; 2.4.8 refused only a `*` there) but takes several poll times,
 * so this is four, each once a minute at its own second. 15 s, not less: a scenario that acts just
 * after a poll must see its one execution settle before the next poll.
 */
const E2E_POLL_TIMES = {
	item: Array.from({ length: 60 / E2E_POLL_SECONDS }, (_, i) => ({ mode: 'custom', cronExpression: `${i * E2E_POLL_SECONDS} * * * * *` })),
};

/**
 * @param {{ templatesDir: string, credentials: any[], mode: 'test'|'demo' }} o
 * @returns {{ key: string, json: any, publish: boolean, webhookId?: string, genesysListener: boolean, autoRegistered: boolean }[]}
 */
function buildWorkflows({ templatesDir, credentials, mode }) {
	const { IDS } = require('../simulator');
	const credentialByType = Object.fromEntries(credentials.map((c) => [c.type, { id: c.id, name: c.name }]));
	const values = {
		REPLACE_WITH_YOUR_DATAVERSE_APPLICATION_USER_ID: IDS.dataverse.applicationUserId,
		REPLACE_WITH_A_LONG_RANDOM_SHARED_KEY: SHARED_KEY,
	};
	const files = fs.readdirSync(templatesDir).filter((f) => f.endsWith('.json')).sort();
	if (files.length === 0) throw new Error(`no templates in ${templatesDir}`);
	return files.map((file) => {
		const key = path.basename(file, '.json');
		let text = fs.readFileSync(path.join(templatesDir, file), 'utf8');
		for (const [placeholder, value] of Object.entries(values)) text = text.split(placeholder).join(value);
		const json = JSON.parse(text);
		json.id = IDS_BY_TEMPLATE[/** @type {keyof typeof IDS_BY_TEMPLATE} */ (key)] ?? `e2e${key.replace(/[^a-z0-9]/gi, '')}`.slice(0, 16);
		for (const node of json.nodes) {
			for (const [type, ref] of Object.entries(node.credentials ?? {})) {
				if (!credentialByType[type]) throw new Error(`${file}: node "${node.name}" uses unknown credential type ${type}`);
				node.credentials[type] = { ...ref, ...credentialByType[type] };
			}
			fillMapping(node, IDS, key);
		}
		const trigger = json.nodes.find((/** @type {any} */ n) => n.type.endsWith('.agentPresenceTrigger'));
		const listener = json.nodes.find((/** @type {any} */ n) => n.type.endsWith('.genesysCloudPresenceTrigger'));
		// Each template listens to its own simulated people, so published templates do not feed each other.
		if (listener && mode === 'test') {
			const people =
				key === 'genesys-to-dynamics' ? ['casey', 'eli'] : key === 'genesys-to-teams' || key === 'genesys-to-vonage' ? [GENESYS_TO_TEAMS_LISTENS_TO] : ['dana'];
			listener.parameters.userSelection = 'ids';
			listener.parameters.userIdList = people.map((p) => IDS.genesys.users[p]).join(', ');
		}
		const teamsPoller = json.nodes.find((/** @type {any} */ n) => n.type.endsWith('.microsoftTeamsPresenceTrigger'));
		// The Teams templates ship watching All Users; here each watches its own person instead (as
		// a user narrows it to some agents), or every published Teams template would sync every
		// scenario's Teams change and the scenarios' one-write assertions would see the others'.
		if (teamsPoller && mode === 'test') {
			teamsPoller.parameters.watch = 'agents';
			teamsPoller.parameters.agents = [IDS.graph.users[key === 'two-way-dynamics-teams' ? TWO_WAY_TEAMS_WATCHED : TEAMS_WATCHED]];
			teamsPoller.parameters.pollTimes = E2E_POLL_TIMES;
		}
		const connectPoller = json.nodes.find((/** @type {any} */ n) => n.type.endsWith('.amazonConnectTrigger'));
		if (connectPoller && mode === 'test') {
			connectPoller.parameters.agents = 'ids';
			connectPoller.parameters.agentIds = IDS.amazonConnect.users[/** @type {any} */ (CONNECT_WATCHED)[key]];
			connectPoller.parameters.pollTimes = E2E_POLL_TIMES;
		}
		// The Dynamics-triggered templates ship with "Register Webhook Automatically". The two-way
		// sync runs as shipped: it registers its Dataverse webhook and generates its key, so the
		// simulator delivers the sync's own Dataverse writes back to it (the echoes it must ignore).
		// The simulator delivers each Dataverse change to EVERY registered step, so the other
		// published ones are switched to manual registration with a typed key, as a user registering
		// with the Plug-in Registration Tool would: each scenario then delivers to the one template it
		// tests (and the demo's curl command knows the key).
		const publish = (mode === 'test' && !SCHEDULED.has(key)) || key === 'dynamics-to-genesys';
		const autoRegistered = trigger?.parameters.registration === 'automatic' && mode === 'test' && AUTO_REGISTERED.has(key);
		if (trigger?.parameters.source === 'dataverse' && publish && !autoRegistered) {
			trigger.parameters.registration = 'manual';
			if (!trigger.parameters.sharedKey) trigger.parameters.sharedKey = SHARED_KEY;
		}
		const leftover = /REPLACE_[A-Z_]+/.exec(JSON.stringify(json.nodes.filter((/** @type {any} */ n) => !/stickyNote/.test(n.type))));
		if (leftover) throw new Error(`${file}: placeholder ${leftover[0]} was not filled in`);
		return {
			key,
			json,
			publish,
			webhookId: trigger?.webhookId,
			genesysListener: Boolean(listener),
			autoRegistered,
		};
	});
}

/**
 * The rows a user picks in a template's Map Presence node, stored the way the editor stores them
 * (the IDs behind the names chosen in the two dropdowns).
 */
function mappingRows(/** @type {string} */ key, /** @type {any} */ IDS) {
	const busyDnd = [IDS.dataverse.presences.busyDnd, IDS.genesys.custom.busyDnd];
	/** @type {Record<string, string[][]>} */
	const rows = {
		'dynamics-to-genesys': [busyDnd],
		'two-way-dynamics-genesys': [busyDnd],
		'reconcile-dynamics-genesys': [busyDnd],
		'genesys-to-vonage': [[IDS.genesys.presence.Meal, IDS.vonage.presence.lunch]],
		'genesys-to-teams': [[IDS.genesys.presence.Meeting, 'Busy/InAConferenceCall']],
		'vonage-to-dynamics': [[IDS.vonage.presence.lunch, IDS.dataverse.presences.lunch]],
		'amazon-connect-to-teams': [[IDS.amazonConnect.status.training, 'Busy/InAConferenceCall']],
	};
	return (rows[key] ?? []).map(([from, to]) => ({ from, to }));
}

/** Each template's Map Presence node gets the rows the e2e picks, as the editor stores them. */
function fillMapping(/** @type {any} */ node, /** @type {any} */ IDS, /** @type {string} */ key) {
	if (node.type !== 'n8n-nodes-agent-presence.mapPresence') return;
	const rows = mappingRows(key, IDS);
	if (rows.length) node.parameters.mappings = { rows };
}

/**
 * A workflow of one trigger → n8n's No Op, as `n8n import:workflow` takes it: what the reconnect,
 * poll, notification and throughput scenarios watch (only the trigger's runs matter to them).
 * @param {{ id: string, name: string, trigger: any, noOpId: string }} parts
 */
function triggerToNoOp({ id, name, trigger, noOpId }) {
	const noOp = { id: noOpId, name: 'No Operation', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} };
	return {
		id,
		name,
		nodes: [trigger, noOp],
		connections: { [trigger.name]: { main: [[{ node: noOp.name, type: 'main', index: 0 }]] } },
		active: false,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/**
 * One of our triggers (version 1) → No Op, published, with the imported credential of the
 * trigger's type: the reconnect, poll and notification workflows. `code` names the node ids
 * (e2e0<code>0-…-1 the trigger, …-2 the No Op); `flags` are the run's (genesysListener, …).
 * @param {any[]} credentials
 * @param {{ key: string, id: string, name: string, code: string, flags: Record<string, any>, trigger: { name: string, type: string, credentialType: string, parameters: any, webhookId?: string } }} workflow
 */
function watchWorkflow(credentials, { key, id, name, code, flags, trigger: { type, credentialType, ...node } }) {
	const cred = credentials.find((c) => c.type === credentialType);
	const nodeId = (/** @type {number} */ n) => `e2e0${code}0-0000-4000-8000-00000000000${n}`;
	const trigger = {
		id: nodeId(1),
		...node,
		type: `n8n-nodes-agent-presence.${type}`,
		typeVersion: 1,
		position: [0, 0],
		credentials: { [credentialType]: { id: cred.id, name: cred.name } },
	};
	return { key, publish: true, ...flags, json: triggerToNoOp({ id, name, noOpId: nodeId(2), trigger }) };
}

/** The Genesys Cloud user the reconnect workflow listens to (no template listens to Blake). */
const RECONNECT_USER = 'blake';

/**
 * Genesys Cloud Presence Trigger → No Op, listening to one user: the workflow the reconnect and
 * channel-renewal scenario (scenarios.js runGenesysReconnect) watches.
 * @param {any[]} credentials
 */
function reconnectWorkflow(credentials) {
	const { IDS } = require('../simulator');
	return watchWorkflow(credentials, {
		key: 'genesys-reconnect',
		id: 'e2eGenesysRecon1',
		name: 'e2e: Genesys Cloud Presence Trigger → No Op (reconnect)',
		code: 'rcn',
		flags: { genesysListener: true, autoRegistered: false },
		trigger: {
			name: 'Genesys presence changed',
			type: 'genesysCloudPresenceTrigger',
			credentialType: 'genesysCloudPresenceApi',
			parameters: { userSelection: 'ids', userIdList: IDS.genesys.users[RECONNECT_USER] },
		},
	});
}

/**
 * The Vonage agent the poll workflow watches (narrowed to one agent, as a user may: no template
 * changes Casey's Vonage presence, so only the poll scenario's changes reach it).
 */
const VONAGE_POLL_AGENT = 'casey';

/**
 * Vonage Contact Center Presence Trigger (polls Insights Stats, here every 15 s) → No Op: the workflow
 * the poll scenario (scenarios.js runVonagePoll) watches.
 * @param {any[]} credentials
 */
function vonagePollWorkflow(credentials) {
	const { IDS } = require('../simulator');
	return watchWorkflow(credentials, {
		key: 'vonage-poll',
		id: 'e2eVonagePoll001',
		name: 'e2e: Vonage Contact Center Presence Trigger → No Op (poll)',
		code: 'vpl',
		flags: { genesysListener: false, autoRegistered: false },
		trigger: {
			name: 'Vonage presence changed',
			type: 'vonageContactCenterPresenceTrigger',
			credentialType: 'vonageContactCenterApi',
			parameters: { pollTimes: E2E_POLL_TIMES, agentId: IDS.vonage.agentDisplayIds[VONAGE_POLL_AGENT] },
		},
	});
}

/** POSTs JSON on a fresh connection (no keep-alive) and parses the JSON answer. @param {string} url @param {any} body */
function postJson(url, body) {
	const http = require('node:http');
	return new Promise((resolve, reject) => {
		const rq = http.request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } }, (res) => {
			let text = '';
			res.on('data', (c) => (text += c));
			res.on('end', () => {
				try {
					resolve(text === '' ? undefined : JSON.parse(text));
				} catch (error) {
					reject(error);
				}
			});
		});
		rq.on('error', reject);
		rq.end(JSON.stringify(body));
	});
}

/** The signed-in user of the delegated Teams credential (a supervisor watching agents). */
const TEAMS_NOTIFICATION_USER = 'dana';
const TEAMS_NOTIFICATION_WEBHOOK_ID = 'e2e0tnt0-0000-4000-8000-0000000000aa';

/**
 * The delegated Microsoft Teams credential: an authorization-code OAuth2 credential whose token
 * the simulator issued for Dana (n8n keeps it in oauthTokenData after the consent flow).
 * @param {string} sim
 */
async function teamsDelegatedCredential(sim) {
	const { IDS, CLIENTS } = require('../simulator');
	// A connection of its own, closed after the answer: the n8n CLI calls that follow block this
	// process, and a pooled keep-alive socket would be stale (closed by the simulator) by then.
	const { access_token } = await postJson(`${sim}/__sim/graph/delegated-token`, {
		userId: IDS.graph.users[TEAMS_NOTIFICATION_USER],
		scopes: ['Presence.Read.All', 'GroupMember.Read.All'],
	});
	return {
		id: 'e2eTeamsDelegat1',
		name: 'Microsoft Teams Presence, delegated (simulator)',
		type: 'microsoftTeamsPresenceOAuth2Api',
		data: {
			grantType: 'authorizationCode',
			cloud: 'public',
			tenantId: CLIENTS.graph.tenantId,
			clientId: CLIENTS.graph.clientId,
			clientSecret: CLIENTS.graph.clientSecret,
			authUrl: `${sim}/graph-login/${CLIENTS.graph.tenantId}/oauth2/v2.0/authorize`,
			accessTokenUrl: `${sim}/graph-login/${CLIENTS.graph.tenantId}/oauth2/v2.0/token`,
			scope: 'openid offline_access Presence.Read.All GroupMember.Read.All',
			authentication: 'body',
			apiBaseUrl: `${sim}/graph/v1.0`,
			oauthTokenData: { token_type: 'Bearer', access_token },
		},
	};
}

/**
 * The Microsoft Teams Presence Notification Trigger (Graph change notifications) watching a
 * group's members → No Op.
 * @param {any[]} credentials
 */
function teamsNotificationWorkflow(credentials) {
	const { IDS } = require('../simulator');
	return watchWorkflow(credentials, {
		key: 'teams-notifications',
		id: 'e2eTeamsNotific1',
		name: 'e2e: Microsoft Teams Presence Notification Trigger → No Op',
		code: 'tnt',
		flags: { webhookId: TEAMS_NOTIFICATION_WEBHOOK_ID, webhookPath: `${TEAMS_NOTIFICATION_WEBHOOK_ID}/notifications` },
		trigger: {
			name: 'Teams presence notified',
			type: 'microsoftTeamsPresenceNotificationTrigger',
			credentialType: 'microsoftTeamsPresenceOAuth2Api',
			webhookId: TEAMS_NOTIFICATION_WEBHOOK_ID,
			parameters: { watch: 'group', groupId: IDS.graph.groups.agents },
		},
	});
}

/**
 * The webhook throughput set (throughput.js): the Agent Presence Trigger (version 1, and version
 * 2, which new workflows get) → No Op, n8n's own Webhook → No Op and Webhook → Agent Presence
 * Event → No Op, all answering at once
 * (onReceived), so only n8n's per-webhook cost for each trigger differs.
 * @param {any[]} credentials
 */
function throughputWorkflows(credentials) {
	const dataverse = credentials.find((c) => c.type === 'dynamicsContactCenterApi');
	const workflow = (/** @type {string} */ key, /** @type {string} */ id, /** @type {any} */ trigger, /** @type {string} */ webhookPath) => ({
		key,
		publish: true,
		genesysListener: false,
		autoRegistered: false,
		webhookId: trigger.webhookId,
		webhookPath,
		json: triggerToNoOp({ id, name: `e2e: ${trigger.name} → No Op (throughput)`, trigger, noOpId: 'e2e0thr0-0000-4000-8000-0000000000ff' }),
	});
	const agentPresence = (/** @type {number} */ version) => ({
		id: `e2e0thr0-0000-4000-8000-00000000000${version}`,
		name: `Agent Presence Trigger v${version}`,
		type: 'n8n-nodes-agent-presence.agentPresenceTrigger',
		typeVersion: version,
		position: [0, 0],
		webhookId: `e2e0thr0-0000-4000-8000-0000000000a${version}`,
		parameters: { source: 'dataverse', registration: 'manual', verification: 'queryKey', sharedKey: SHARED_KEY, events: ['agent_created', 'presence_changed', 'logged_in', 'logged_out'] },
		credentials: { dynamicsContactCenterApi: { id: dataverse.id, name: dataverse.name } },
	});
	const webhook = {
		id: 'e2e0thr0-0000-4000-8000-000000000009',
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: 'e2e0thr0-0000-4000-8000-0000000000b1',
		parameters: { httpMethod: 'POST', path: 'e2e-throughput', responseMode: 'onReceived', options: {} },
	};
	// n8n's Webhook node (same static parameters, so n8n skips its webhook-phase isolate too) → Agent
	// Presence Event → No Op: the Webhook-entry templates' way in, at the same per-webhook cost.
	const entry = { ...webhook, id: 'e2e0thr0-0000-4000-8000-00000000000a', webhookId: 'e2e0thr0-0000-4000-8000-0000000000b2', parameters: { ...webhook.parameters, path: 'e2e-throughput-event' } };
	const event = {
		id: 'e2e0thr0-0000-4000-8000-00000000000e',
		name: 'Agent Presence Event',
		type: 'n8n-nodes-agent-presence.agentPresenceEvent',
		typeVersion: 1,
		position: [220, 0],
		parameters: { source: 'dataverse', verification: 'queryKey', sharedKey: SHARED_KEY, events: ['agent_created', 'presence_changed', 'logged_in', 'logged_out'] },
	};
	const withEvent = workflow('throughput-webhook-event', 'e2eThroughputWE1', entry, 'e2e-throughput-event');
	// Its No Op moves one place on, after the event node.
	const noOp = withEvent.json.nodes[1];
	withEvent.json.nodes = [entry, event, { ...noOp, position: [440, 0] }];
	withEvent.json.connections = {
		[entry.name]: { main: [[{ node: event.name, type: 'main', index: 0 }]] },
		[event.name]: { main: [[{ node: noOp.name, type: 'main', index: 0 }], []] },
	};
	return [
		...[1, 2].map((v) => {
			const trigger = agentPresence(v);
			return workflow(`throughput-agent-presence-v${v}`, `e2eThroughputAP${v}`, trigger, `${trigger.webhookId}/${WEBHOOK_PATH}`);
		}),
		workflow('throughput-webhook', 'e2eThroughputWH1', webhook, 'e2e-throughput'),
		withEvent,
	];
}

module.exports = { CONNECT_WATCHED, E2E_POLL_SECONDS, VONAGE_SUBSCRIPTION_SECRET, buildWorkflows, postJson, reconnectWorkflow, teamsDelegatedCredential, teamsNotificationWorkflow, throughputWorkflows, vonagePollWorkflow, RECONNECT_USER, VONAGE_POLL_AGENT, SHARED_KEY, SYNC_SOURCE_NAME, WEBHOOK_PATH };
