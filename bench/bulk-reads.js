// @ts-check
/**
 * Reading 1,000 agents' presences in bulk, per vendor, through n8n's engine against the local
 * simulator: the requests each Get Many sends (token requests counted apart), and what one
 * reconciliation run of the Dynamics 365 Contact Center ↔ Genesys Cloud template reads when all
 * agents are in step; and one poll of the Amazon Connect Trigger watching All Agents. Run after a
 * build: `npm run build && node bench/bulk-reads.js`.
 */
const { startSimulator, IDS } = require('../test/simulator');
const { createHarness } = require('../test/harness');
const { allCredentials, credentialsFor, credentialRef, NODE_TYPE, CREDENTIAL_TYPE } = require('../test/helpers/vendors');
const { createTriggerHarness } = require('../test/harness/webhook');
const { guidFrom } = require('../test/simulator/common');

const AGENTS = 1000;
const at = '2024-09-01T10:00:00Z';

/** Genesys users beyond the seeded ones, so that 1,000 exist. */
const genesysUsers = (/** @type {number} */ count) =>
	Array.from({ length: count }, (_, i) => {
		const id = guidFrom(`bench-gc-${i}`);
		return { id, name: `Bench ${i}`, email: `bench${i}@contoso.com`, state: 'active', selfUri: `/api/v2/users/${id}` };
	});

/** Vonage users as the User Admin API lists them. */
const vonageUsers = (/** @type {number} */ count) =>
	Array.from({ length: count }, (_, i) => ({
		userId: guidFrom(`bench-vcc-${i}`),
		username: `bench${i}`,
		name: `Bench ${i}`,
		email: `bench${i}@contoso.com`,
		active: true,
		locked: false,
		userAccountConfiguration: { role: 'Agent', chargeable: true, actAsAgent: true, agentConfiguration: { agentDisplayId: String(5000 + i) } },
	}));

/** Amazon Connect users as DescribeUser has them (the simulator logs in every other one). */
const connectUsers = (/** @type {number} */ count) =>
	Array.from({ length: count }, (_, i) => {
		const id = guidFrom(`bench-cn-${i}`);
		return {
			Id: id,
			Arn: IDS.amazonConnect.userArn(id),
			Username: `bench${i}@contoso.com`,
			IdentityInfo: { FirstName: 'Bench', LastName: String(i), Email: `bench${i}@contoso.com` },
			PhoneConfig: { PhoneType: 'SOFT_PHONE', AutoAccept: false, AfterContactWorkTimeLimit: 0 },
			SecurityProfileIds: [guidFrom('connect-security-agent')],
			RoutingProfileId: IDS.amazonConnect.profile.basic,
			Tags: {},
			LastModifiedTime: Date.parse(at) / 1000,
			LastModifiedRegion: IDS.amazonConnect.region,
		};
	});

/** Logged-in Dataverse agents with their systemusers rows. */
function dataverseAgents(/** @type {number} */ count) {
	const ids = Array.from({ length: count }, (_, i) => guidFrom(`bench-dv-${i}`));
	return {
		msdyn_agentstatuses: ids.map((id, i) => ({
			msdyn_agentstatusid: guidFrom(`bench-dv-status-${i}`),
			_msdyn_agentid_value: id,
			_msdyn_currentpresenceid_value: IDS.dataverse.presences.available,
			msdyn_isagentloggedin: true,
			msdyn_presencemodifiedon: at,
			msdyn_presencemodifiedby: 'AGENT',
			modifiedon: at,
			versionnumber: 70000 + i,
			statecode: 0,
			statuscode: 1,
		})),
		systemusers: ids.map((id, i) => ({ systemuserid: id, fullname: `Bench ${i}`, internalemailaddress: `bench${i}@contoso.com`, isdisabled: false })),
	};
}

/** One node run: its items and the vendor's API and token requests. */
async function measure(/** @type {any} */ sim, /** @type {'dataverse'|'genesys'|'vonage'|'amazonConnect'} */ vendor, /** @type {string} */ label, /** @type {any} */ parameters, input = [{}]) {
	sim.clearRequests();
	const h = await createHarness({ credentials: { ...allCredentials(sim), ...credentialsFor(sim, 'amazonConnect') } });
	const node = { name: 'Node', type: NODE_TYPE[vendor], typeVersion: 1, parameters, credentials: credentialRef(CREDENTIAL_TYPE[vendor]) };
	const run = await h.runWorkflow({ nodes: [node], input });
	if (run.error) throw new Error(`${label}: ${run.error.message}`);
	const ours = sim.requests.filter((/** @type {any} */ r) => r.vendor === vendor);
	const token = sim.tokenRequests(vendor);
	return { vendor, label, agents: run.items('Node').length, api: ours.length - token, token };
}

async function run() {
	const sim = await startSimulator({
		seed: {
			genesys: { users: genesysUsers(AGENTS - IDS.genesys.userCount) },
			vonage: { users: vonageUsers(AGENTS - (IDS.vonage.userCount - 1)) },
			dataverse: { tables: dataverseAgents(AGENTS - 3) },
			amazonConnect: { users: connectUsers(AGENTS - IDS.amazonConnect.userCount) },
		},
	});
	try {
		const genesysIds = sim.state.genesys.users.map((/** @type {any} */ u) => u.id).slice(0, AGENTS);
		const vonageIds = sim.state.vonage.users.filter((/** @type {any} */ u) => u.active).map((/** @type {any} */ u) => u.userId).slice(0, AGENTS);
		const getMany = { resource: 'agentPresence', operation: 'getAll', returnAll: true };
		const rows = [
			await measure(sim, 'genesys', 'Genesys Cloud Agent Presence → Get Many, given agents', { ...getMany, agentIds: '={{ $json.ids }}' }, [{ ids: genesysIds }]),
			await measure(sim, 'genesys', 'Genesys Cloud Agent Presence → Get Many, all agents', { ...getMany, agents: 'all' }),
			await measure(sim, 'vonage', 'Vonage Contact Center Agent Presence → Get Many, given agents', { ...getMany, agentIds: '={{ $json.ids }}' }, [{ ids: vonageIds }]),
			await measure(sim, 'vonage', 'Vonage Contact Center Agent Presence → Get Many, all agents', { ...getMany, agents: 'all' }),
			await measure(sim, 'dataverse', 'Dynamics 365 Contact Center Agent Status → Get Many, logged in', { resource: 'agentStatus', operation: 'getAll', returnAll: true, filters: { loggedIn: 'true' } }),
			await measure(sim, 'dataverse', 'Dynamics 365 Contact Center Agent Status → Get Many, logged in, with e-mail', { resource: 'agentStatus', operation: 'getAll', returnAll: true, filters: { loggedIn: 'true' }, options: { includeAgentEmail: true } }),
			await measure(sim, 'amazonConnect', 'Amazon Connect Agent → Get Many (ListUsers, the usernames)', { resource: 'agent', operation: 'getAll', returnAll: true }),
			await measure(sim, 'amazonConnect', 'Amazon Connect Agent Presence → Get Many, given agents', { ...getMany, agents: 'ids', agentIds: '={{ $json.ids }}' }, [{ ids: sim.state.amazonConnect.users.map((/** @type {any} */ u) => u.Id) }]),
			await measure(sim, 'amazonConnect', 'Amazon Connect Agent Presence → Get Many, all agents', { ...getMany, agents: 'all' }),
			await connectPoll(sim),
		];
		// What a reconciliation run writes per drifted agent: Genesys Set by ID, by category, Only If
		// Different (a read, the write, and the definitions listing once per run), for 10 agents.
		const drifted = genesysIds.slice(200, 210).map((userId) => ({ userId }));
		const repair = await measure(sim, 'genesys', 'Genesys Cloud Agent Presence → Set (repair), 10 drifted agents', {
			resource: 'agentPresence',
			operation: 'set',
			agent: { __rl: true, mode: 'id', value: '={{ $json.userId }}' },
			presenceBy: 'category',
			category: 'away',
			onlyIfDifferent: true,
		}, drifted);
		return { rows, repair };
	} finally {
		await sim.close();
	}
}

/** One poll of the Amazon Connect Trigger on All Agents after its baseline: ListAgentStatuses, ListUsers, GetCurrentUserData 100 a call. */
async function connectPoll(/** @type {any} */ sim) {
	const t = await createTriggerHarness({
		credentials: credentialsFor(sim, 'amazonConnect'),
		trigger: { name: 'Connect Trigger', type: 'amazonConnectTrigger', parameters: { agents: 'all' }, credentials: credentialRef('amazonConnectApi') },
	});
	await t.poll();
	sim.clearRequests();
	await t.poll();
	const api = sim.requests.filter((/** @type {any} */ r) => r.vendor === 'amazonConnect').length - sim.tokenRequests('amazonConnect');
	return { vendor: 'amazonConnect', label: 'Amazon Connect Trigger, All Agents: one poll', agents: sim.state.amazonConnect.users.length, api, token: 0 };
}

/** Requests per 1,000 agents (each row reads AGENTS agents). */
const per1000 = (/** @type {{ api: number, agents: number }} */ r) => (r.api * 1000) / r.agents;

module.exports = { run, per1000, AGENTS };

if (require.main === module) {
	run()
		.then(({ rows, repair }) => {
			for (const r of [...rows, repair]) console.log(`${r.label}: ${r.agents} agents, ${r.api} API + ${r.token} token requests (${per1000(r).toFixed(1)} per 1,000 agents)`);
		})
		.catch((error) => {
			console.error(error);
			process.exitCode = 1;
		});
}
