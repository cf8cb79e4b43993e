// @ts-check
'use strict';
/**
 * Dataverse table definitions and seed rows. Column names and option values
 * follow Microsoft's entity references (msdyn_presence, msdyn_agentstatus,
 * systemuser, serviceendpoint, sdkmessageprocessingstep, sdkmessage,
 * sdkmessagefilter).
 */
const { guidFrom, PEOPLE } = require('./common');

/** msdyn_basepresencestatus (global choice) values. */
const BASE_STATUS = { 192360000: 'Available', 192360001: 'Busy', 192360002: 'Busy - DND', 192360003: 'Away', 192360004: 'Offline' };
const BASE = { available: 192360000, busy: 192360001, dnd: 192360002, away: 192360003, offline: 192360004 };

const SEED_DATE = '2024-07-24T08:00:00Z';

const IDS = {
	tenantId: '8cd46c97-38dd-4560-9228-3df8a717a140',
	organizationId: '6042beb1-a93a-ef11-8e4b-00224802c699',
	businessUnitId: 'a3c20b02-4e38-ef11-a315-000d3a5a54dc',
	/** The application user the default client signs in as (WhoAmI.UserId). */
	applicationUserId: 'd89254ff-9438-ef11-a315-000d3a5a54dc',
	presences: {
		available: 'f523f628-c07a-e811-8162-000d3aa11f50',
		busy: 'efdeb843-c07a-e811-8162-000d3aa11f50',
		busyDnd: '08971864-c07a-e811-8162-000d3aa11f50',
		offline: '70139190-c07a-e811-8162-000d3aa11f50',
		away: '3dacae76-c07a-e811-8162-000d3aa11f50',
		lunch: guidFrom('dv-presence-lunch'),
		inactive: guidFrom('dv-presence-retired'),
	},
	agents: Object.fromEntries(PEOPLE.map((p) => [p.key, p.dataverseId])),
	agentStatuses: {
		alex: '3d1feef9-604d-ef11-bfe3-6045bd03d9d8',
		blake: '4b1e3d75-a749-ef11-acce-00224802d26d',
		casey: guidFrom('dv-agentstatus-casey'),
		dana: guidFrom('dv-agentstatus-dana'),
		eli: guidFrom('dv-agentstatus-eli'),
	},
	/** A system user who is not an omnichannel agent (no msdyn_agentstatus row). */
	nonAgentUserId: guidFrom('dv-user-backoffice'),
	sdkMessages: { create: '9ebdbb1b-ea3e-db11-86a7-000a3a5473e8', update: '20bebb1b-ea3e-db11-86a7-000a3a5473e8', delete: '20bdbb1b-ea3e-db11-86a7-000a3a5473e8' },
	sdkMessageFilters: { agentStatusCreate: guidFrom('dv-filter-agentstatus-create'), agentStatusUpdate: guidFrom('dv-filter-agentstatus-update') },
};

const STATE = { 0: 'Active', 1: 'Inactive' };
const STATUS = { 1: 'Active', 2: 'Inactive' };
const COMMON = ['createdon', 'modifiedon', 'versionnumber', 'statecode', 'statuscode', '_createdby_value', '_modifiedby_value'];

/**
 * @typedef {{ entity:string, id:string, columns:string[], binds?:Record<string,{column:string,target:string}>,
 *   optionSets?:Record<string,Record<number,string>>, hidden?:string[] }} TableSpec
 */
/**
 * A table's entity, key and columns: Dataverse names an entity's primary key `<entity>id`, listed first.
 * @param {string} entity @param {string[]} columns the other columns
 */
const keyedBy = (entity, columns) => ({ entity, id: `${entity}id`, columns: [`${entity}id`, ...columns] });

/** @type {Record<string, TableSpec>} */
const TABLES = {
	msdyn_presences: {
		...keyedBy('msdyn_presence', ['msdyn_name', 'msdyn_presencestatustext', 'msdyn_description', 'msdyn_basepresencestatus', 'msdyn_canuserset', ...COMMON]),
		optionSets: { msdyn_basepresencestatus: BASE_STATUS, statecode: STATE, statuscode: STATUS },
	},
	msdyn_agentstatuses: {
		...keyedBy('msdyn_agentstatus', [
			'msdyn_name', '_msdyn_agentid_value', '_msdyn_currentpresenceid_value', 'msdyn_isagentloggedin',
			'msdyn_availableunitscapacity', 'msdyn_presencemodifiedon', 'msdyn_presencemodifiedby', 'msdyn_capacitymodifiedon',
			'msdyn_isblockedbysomeprofile', 'timezoneruleversionnumber', '_ownerid_value', ...COMMON,
		]),
		binds: {
			msdyn_agentid: { column: '_msdyn_agentid_value', target: 'systemusers' },
			msdyn_currentpresenceid: { column: '_msdyn_currentpresenceid_value', target: 'msdyn_presences' },
		},
		optionSets: { statecode: STATE, statuscode: STATUS },
	},
	systemusers: {
		...keyedBy('systemuser', [
			'fullname', 'firstname', 'lastname', 'internalemailaddress', 'azureactivedirectoryobjectid', 'domainname',
			'isdisabled', 'applicationid', '_businessunitid_value', 'accessmode', 'createdon', 'modifiedon', 'versionnumber',
		]),
		optionSets: { accessmode: { 0: 'Read-Write', 4: 'Non-interactive' } },
	},
	serviceendpoints: {
		...keyedBy('serviceendpoint', [
			'name', 'description', 'url', 'contract', 'authtype', 'authvalue', 'messageformat', 'connectionmode',
			'namespaceaddress', 'path', 'solutionnamespace', 'userclaim', 'messagecharset', 'createdon', 'modifiedon', 'versionnumber',
		]),
		// serviceendpoint.authvalue is write-only (IsValidForRead = False).
		hidden: ['authvalue'],
		optionSets: {
			contract: { 1: 'OneWay', 2: 'Queue', 3: 'Rest', 4: 'TwoWay', 5: 'Topic', 6: 'Queue (Persistent)', 7: 'Event Hub', 8: 'Webhook', 9: 'Event Grid', 10: 'Managed Data Lake' },
			authtype: { 1: 'ACS', 2: 'SAS Key', 3: 'SAS Token', 4: 'Webhook Key', 5: 'Http Header', 6: 'Http Query String', 7: 'Connection String', 8: 'Access Key' },
			messageformat: { 1: '.NETBinary', 2: 'JSON', 3: 'XML' },
			connectionmode: { 1: 'Normal', 2: 'Federated' },
		},
	},
	sdkmessageprocessingsteps: {
		...keyedBy('sdkmessageprocessingstep', [
			'name', 'description', 'mode', 'stage', 'rank', 'supporteddeployment', 'filteringattributes',
			'asyncautodelete', 'configuration', 'invocationsource', '_eventhandler_value', '_sdkmessageid_value', '_sdkmessagefilterid_value', ...COMMON,
		]),
		binds: {
			eventhandler_serviceendpoint: { column: '_eventhandler_value', target: 'serviceendpoints' },
			sdkmessageid: { column: '_sdkmessageid_value', target: 'sdkmessages' },
			sdkmessagefilterid: { column: '_sdkmessagefilterid_value', target: 'sdkmessagefilters' },
		},
		optionSets: {
			mode: { 0: 'Synchronous', 1: 'Asynchronous' },
			stage: { 10: 'Pre-validation', 20: 'Pre-operation', 30: 'Main Operation', 40: 'Post-operation' },
			supporteddeployment: { 0: 'Server Only', 1: 'Microsoft Dynamics 365 Client for Outlook Only', 2: 'Both' },
			statecode: { 0: 'Enabled', 1: 'Disabled' },
			statuscode: { 1: 'Enabled', 2: 'Disabled' },
		},
	},
	sdkmessages: {
		...keyedBy('sdkmessage', ['name', 'categoryname', 'isprivate', 'createdon', 'modifiedon', 'versionnumber']),
	},
	sdkmessagefilters: {
		...keyedBy('sdkmessagefilter', [
			'primaryobjecttypecode', 'secondaryobjecttypecode', '_sdkmessageid_value', 'iscustomprocessingstepallowed',
			'isvisible', 'createdon', 'modifiedon', 'versionnumber',
		]),
		binds: { sdkmessageid: { column: '_sdkmessageid_value', target: 'sdkmessages' } },
	},
};

const base = (/** @type {number} */ n = 1) => ({
	createdon: SEED_DATE,
	modifiedon: SEED_DATE,
	versionnumber: 1000 + n,
	statecode: 0,
	statuscode: 1,
	_createdby_value: IDS.applicationUserId,
	_modifiedby_value: IDS.applicationUserId,
});

function presenceRow(/** @type {string} */ id, /** @type {string} */ name, /** @type {number} */ baseStatus, /** @type {number} */ n, inactive = false) {
	return {
		...base(n),
		msdyn_presenceid: id,
		msdyn_name: name,
		msdyn_presencestatustext: name,
		msdyn_description: `${name} presence`,
		msdyn_basepresencestatus: baseStatus,
		msdyn_canuserset: true,
		...(inactive ? { statecode: 1, statuscode: 2 } : {}),
	};
}

function userRow(/** @type {string} */ id, /** @type {string} */ first, /** @type {string} */ last, /** @type {string} */ email, /** @type {number} */ n) {
	return {
		systemuserid: id,
		fullname: `${first} ${last}`,
		firstname: first,
		lastname: last,
		internalemailaddress: email,
		azureactivedirectoryobjectid: guidFrom(`aad-object-${email}`),
		domainname: email,
		isdisabled: false,
		applicationid: null,
		_businessunitid_value: IDS.businessUnitId,
		accessmode: 0,
		createdon: SEED_DATE,
		modifiedon: SEED_DATE,
		versionnumber: 2000 + n,
	};
}

/** Seed rows keyed by entity set. */
/** An agent's msdyn_agentstatus row (one per omnichannel agent). */
function statusRow(/** @type {string} */ id, /** @type {string} */ agentId, /** @type {string} */ presence, /** @type {boolean} */ loggedIn, /** @type {string} */ by, /** @type {string} */ at, /** @type {number} */ n) {
	return {
		...base(n),
		msdyn_agentstatusid: id,
		msdyn_name: null,
		_msdyn_agentid_value: agentId,
		_msdyn_currentpresenceid_value: presence,
		msdyn_isagentloggedin: loggedIn,
		msdyn_availableunitscapacity: 100,
		msdyn_presencemodifiedon: at,
		msdyn_presencemodifiedby: by,
		msdyn_capacitymodifiedon: at,
		msdyn_isblockedbysomeprofile: false,
		timezoneruleversionnumber: 4,
		_ownerid_value: IDS.applicationUserId,
		modifiedon: at,
	};
}

/**
 * A further omnichannel agent, as an administrator provisions one (a system user and its agent
 * status, logged in and Available): the chaos suite's agents beyond the seeded people.
 */
function provisionedAgent(/** @type {{ email: string, first: string, last: string }} */ p, /** @type {number} */ n) {
	const agentId = guidFrom(`dv-user-${p.email}`);
	const at = new Date().toISOString();
	return {
		user: userRow(agentId, p.first, p.last, p.email, n),
		status: statusRow(guidFrom(`dv-agentstatus-${p.email}`), agentId, IDS.presences.available, true, 'AGENT', at, n),
	};
}

function seedTables(/** @type {{clientId:string}} */ client) {
	const p = IDS.presences;
	const presences = [
		presenceRow(p.available, 'Available', BASE.available, 1),
		presenceRow(p.busy, 'Busy', BASE.busy, 2),
		presenceRow(p.busyDnd, 'Busy - DND', BASE.dnd, 3),
		presenceRow(p.offline, 'Offline', BASE.offline, 4),
		presenceRow(p.away, 'Away', BASE.away, 5),
		presenceRow(p.lunch, 'Lunch', BASE.away, 6),
		presenceRow(p.inactive, 'Retired status', BASE.away, 7, true),
	];
	const appUser = {
		...userRow(IDS.applicationUserId, '#', 'Presence Sync App', 'presence-sync@contoso.com', 0),
		fullname: '# Presence Sync App',
		applicationid: client.clientId,
		accessmode: 4,
	};
	const users = [
		appUser,
		...PEOPLE.map((x, i) => userRow(x.dataverseId, x.first, x.last, x.email, i + 1)),
		userRow(IDS.nonAgentUserId, 'Bo', 'Office', 'bo.office@contoso.com', 9),
	];
	const statusSeed = [
		['alex', p.busy, true, 'AGENT', '2024-08-02T07:00:38Z'],
		['blake', p.offline, false, 'SYSTEM', '2024-07-24T10:28:24Z'],
		['casey', p.available, true, 'AGENT', SEED_DATE],
		['dana', p.away, true, 'AGENT', SEED_DATE],
		['eli', p.offline, false, 'SYSTEM', SEED_DATE],
	];
	const statuses = statusSeed.map(([key, presence, loggedIn, by, at], i) =>
		statusRow(/** @type {any} */ (IDS.agentStatuses)[/** @type {string} */ (key)], /** @type {any} */ (IDS.agents)[/** @type {string} */ (key)], /** @type {string} */ (presence), /** @type {boolean} */ (loggedIn), /** @type {string} */ (by), /** @type {string} */ (at), 10 + i),
	);
	const m = IDS.sdkMessages;
	const sdkmessages = [
		{ sdkmessageid: m.create, name: 'Create', categoryname: 'Create', isprivate: false, createdon: SEED_DATE, modifiedon: SEED_DATE, versionnumber: 1 },
		{ sdkmessageid: m.update, name: 'Update', categoryname: 'Update', isprivate: false, createdon: SEED_DATE, modifiedon: SEED_DATE, versionnumber: 2 },
		{ sdkmessageid: m.delete, name: 'Delete', categoryname: 'Delete', isprivate: false, createdon: SEED_DATE, modifiedon: SEED_DATE, versionnumber: 3 },
	];
	const filter = (/** @type {string} */ id, /** @type {string} */ msg) => ({
		sdkmessagefilterid: id,
		primaryobjecttypecode: 'msdyn_agentstatus',
		secondaryobjecttypecode: 'none',
		_sdkmessageid_value: msg,
		iscustomprocessingstepallowed: true,
		isvisible: true,
		createdon: SEED_DATE,
		modifiedon: SEED_DATE,
		versionnumber: 1,
	});
	const f = IDS.sdkMessageFilters;
	return {
		msdyn_presences: presences,
		msdyn_agentstatuses: statuses,
		systemusers: users,
		serviceendpoints: [],
		sdkmessageprocessingsteps: [],
		sdkmessages,
		sdkmessagefilters: [filter(f.agentStatusCreate, m.create), filter(f.agentStatusUpdate, m.update)],
	};
}

module.exports = { TABLES, IDS, BASE, BASE_STATUS, seedTables, provisionedAgent, SEED_DATE };
