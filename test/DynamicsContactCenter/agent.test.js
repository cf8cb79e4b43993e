// @ts-check
const { useSimulator } = require('../helpers/vendors');
const { DV, NODE, dvNode, calls } = require('./dataverse');

const t = useSimulator({ vendor: 'dataverse' });

const SELECT = 'systemuserid,fullname,firstname,lastname,internalemailaddress,azureactivedirectoryobjectid,domainname,isdisabled';
const agent = (/** @type {string} */ mode, /** @type {string} */ value) =>
	dvNode({ resource: 'agent', operation: 'get', agent: { __rl: true, mode, value } });

/** Blake as the simulator seeds him (the Create fixture's agent). */
const blake = () => {
	const row = t.sim.state.dataverse.tables.systemusers.find((/** @type {any} */ u) => u.systemuserid === DV.agents.blake);
	return {
		'@odata.etag': `W/"${row.versionnumber}"`,
		systemuserid: DV.agents.blake,
		fullname: 'Blake Baker',
		firstname: 'Blake',
		lastname: 'Baker',
		internalemailaddress: 'blake.baker@contoso.com',
		azureactivedirectoryobjectid: row.azureactivedirectoryobjectid,
		domainname: 'blake.baker@contoso.com',
		isdisabled: false,
	};
};

describe('Agent → Get', () => {
	test('by ID', async () => {
		const run = await t.h.runWorkflow({ nodes: [agent('id', DV.agents.blake.toUpperCase())] });
		expect(run.items(NODE)).toEqual([blake()]);
		expect(calls(t.sim)).toEqual([
			{ method: 'GET', path: `/systemusers(${DV.agents.blake})`, query: { $select: SELECT }, status: 200 },
		]);
	});

	test('by email', async () => {
		const run = await t.h.runWorkflow({ nodes: [agent('email', ' blake.baker@contoso.com ')] });
		expect(run.items(NODE)).toEqual([blake()]);
		expect(calls(t.sim)).toEqual([
			{
				method: 'GET',
				path: '/systemusers',
				query: { $select: SELECT, $filter: "internalemailaddress eq 'blake.baker@contoso.com'" },
				status: 200,
			},
		]);
	});

	test('by Azure AD object ID', async () => {
		const oid = blake().azureactivedirectoryobjectid;
		const run = await t.h.runWorkflow({ nodes: [agent('aadObjectId', oid)] });
		expect(run.items(NODE)).toEqual([blake()]);
		expect(calls(t.sim)[0].query).toEqual({ $select: SELECT, $filter: `azureactivedirectoryobjectid eq ${oid}` });
	});

	test('an e-mail nobody has is an error naming it; quotes are escaped for OData', async () => {
		const run = await t.h.runWorkflow({ nodes: [agent('email', "o'brien@contoso.com")] });
		expect(run.nodeError(NODE).message).toBe('No Dataverse user has the e-mail address "o\'brien@contoso.com"');
		expect(calls(t.sim)[0].query.$filter).toBe("internalemailaddress eq 'o''brien@contoso.com'");
	});
});
