// @ts-check
/**
 * Dataverse-only helpers for the Agent Presence Trigger tests: the webhook fixtures (a Dataverse
 * RemoteExecutionContext) and variants of them, and the trigger's credentials pointed at the simulator.
 */
const fs = require('node:fs');
const path = require('node:path');
const { IDS, credentialsFor, useBareSimulator } = require('../helpers/vendors');

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'dataverse');
const XRM = 'http://schemas.microsoft.com/xrm/2011/Contracts';

const load = (name) => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));
const updateFixture = () => load('agentstatus-update.json');

/**
 * updateFixture() as a capacity-only Update without images: no presence column, capacity 0
 * stamped 2024-08-02T07:10:00Z (after the presence's stamp) — a capacity_changed event.
 */
function capacityOnlyUpdate() {
	const body = updateFixture();
	removeAttr(body, 'msdyn_currentpresenceid');
	removeAttr(body, 'msdyn_presencemodifiedon');
	setAttr(body, 'msdyn_availableunitscapacity', 0);
	setAttr(body, 'msdyn_capacitymodifiedon', wcf('2024-08-02T07:10:00Z'));
	return body;
}

/** The item the trigger (and the Agent Presence Event node) emits for updateFixture(). */
const UPDATE_ITEM = {
	source: 'dataverse',
	event: 'presence_changed',
	agentId: '97c90b02-4e38-ef11-a315-000d3a5a54dc',
	presenceId: 'efdeb843-c07a-e811-8162-000d3aa11f50',
	presenceName: 'Busy',
	category: 'busy',
	loggedIn: true,
	capacity: 100,
	changedBy: 'AGENT',
	changedAt: '2024-08-02T07:00:38.000Z',
	agentStatusId: '3d1feef9-604d-ef11-bfe3-6045bd03d9d8',
	messageName: 'Update',
	organizationId: '6042beb1-a93a-ef11-8e4b-00224802c699',
	organizationName: 'unq6042beb1a93aef118e4b00224802c',
	correlationId: 'e1bcd028-ae87-4ca6-af27-a17ee680dbc9',
	initiatingUserId: 'd89254ff-9438-ef11-a315-000d3a5a54dc',
	userId: 'd89254ff-9438-ef11-a315-000d3a5a54dc',
	customPresence: false,
};
const createFixture = () => load('agentstatus-create.json');
const rawUpdateFixture = () => fs.readFileSync(path.join(FIXTURES, 'agentstatus-update.json'), 'utf8');

const ref = (logicalName, id, name = null) => ({ __type: `EntityReference:${XRM}`, Id: id, KeyAttributes: [], LogicalName: logicalName, Name: name, RowVersion: null });
const wcf = (iso, offset = '') => `/Date(${Date.parse(iso)}${offset})/`;

const target = (ctx) => ctx.InputParameters.find((p) => p.key === 'Target').value;

function setAttr(ctx, key, value) {
	const attrs = target(ctx).Attributes;
	const found = attrs.find((a) => a.key === key);
	if (found) found.value = value;
	else attrs.push({ key, value });
	return ctx;
}
function removeAttr(ctx, key) {
	const t = target(ctx);
	t.Attributes = t.Attributes.filter((a) => a.key !== key);
	return ctx;
}
function image(attributes) {
	return {
		Attributes: Object.entries(attributes).map(([key, value]) => ({ key, value })),
		EntityState: null,
		FormattedValues: [],
		Id: '3d1feef9-604d-ef11-bfe3-6045bd03d9d8',
		KeyAttributes: [],
		LogicalName: 'msdyn_agentstatus',
		RelatedEntities: [],
		RowVersion: null,
	};
}
function withPreImage(ctx, attributes, name = 'PreImage') {
	ctx.PreEntityImages = [{ key: name, value: image(attributes) }];
	return ctx;
}

const PRESENCE = {
	available: 'f523f628-c07a-e811-8162-000d3aa11f50',
	busy: 'efdeb843-c07a-e811-8162-000d3aa11f50',
	busyDnd: '08971864-c07a-e811-8162-000d3aa11f50',
	offline: '70139190-c07a-e811-8162-000d3aa11f50',
	away: '3dacae76-c07a-e811-8162-000d3aa11f50',
};

/** The Dynamics node's Set presence: Casey → Away, the agent's own CCaaS_ModifyAgentPresence call. */
const setCaseyAway = (/** @type {any} */ t) =>
	t.harness.runWorkflow({
		nodes: [
			{
				name: 'Dynamics',
				type: 'dynamicsContactCenter',
				typeVersion: 1,
				parameters: { resource: 'agentPresence', operation: 'set', agent: { __rl: true, mode: 'id', value: IDS.dataverse.agents.casey }, presenceBy: 'presence', presence: { __rl: true, mode: 'id', value: PRESENCE.away }, onlyIfDifferent: false },
				credentials: { dynamicsContactCenterApi: { id: '1', name: 'Dataverse' } },
			},
		],
	});

/** n8n's WEBHOOK_URL as Dataverse sees it; the simulator's network table routes it to the harness. */
const PUBLIC_URL = 'https://n8n.example.test';

/**
 * The Agent Presence Trigger on Dataverse, verified by the shared query key `key`, with the
 * Dynamics credential unless `withCredential` is false.
 * @param {string} key @param {Record<string, any>} parameters @param {boolean} [withCredential]
 */
const dataverseTrigger = (key, parameters, withCredential = true) => ({
	name: 'Presence',
	type: 'agentPresenceTrigger',
	parameters: { source: 'dataverse', verification: 'queryKey', sharedKey: key, ...parameters },
	...(withCredential ? { credentials: { dynamicsContactCenterApi: { id: '1', name: 'Dataverse' } } } : {}),
});

/**
 * One simulator per test file, reset before each test; `use` receives it once it runs.
 * @param {(sim: any) => void} use
 */
function useSharedSimulator(use) {
	const t = useBareSimulator();
	beforeAll(() => use(t.sim));
}

/** The credentials the Agent Presence Trigger uses (Dataverse, and Vonage with the Stats scope), pointed at the simulator. */
const simulatorCredentials = (/** @type {any} */ sim) => ({
	...credentialsFor(sim, 'dataverse'),
	...credentialsFor(sim, 'vonage', { scopes: 'stats' }),
});

/**
 * The item a size-exceeded Update (ids only, no data) gives when no credential lets the receiver
 * read the row: the trigger and the Agent Presence Event node (`where`: 'trigger' or 'node') alike.
 * @param {Record<string, any>} body @param {'trigger' | 'node'} where
 */
const truncatedItem = (body, where) => ({
	source: 'dataverse',
	event: 'payload_truncated',
	truncated: true,
	truncatedReason: `Dataverse sent this change without its data (payload over 256 KB). Select a Dataverse credential in the ${where} to read the row instead.`,
	agentStatusId: body.PrimaryEntityId,
	messageName: 'Update',
	organizationId: body.OrganizationId,
	organizationName: body.OrganizationName,
	correlationId: body.CorrelationId,
	initiatingUserId: body.InitiatingUserId,
	userId: body.UserId,
});

module.exports = {
	updateFixture,
	capacityOnlyUpdate,
	UPDATE_ITEM,
	truncatedItem,
	createFixture,
	rawUpdateFixture,
	ref,
	wcf,
	target,
	setAttr,
	removeAttr,
	withPreImage,
	PRESENCE,
	PUBLIC_URL,
	setCaseyAway,
	dataverseTrigger,
	useSharedSimulator,
	simulatorCredentials,
};
