// @ts-check
/**
 * Dataverse webhook bodies for the parser's fixed-expectation test: Microsoft's two sample
 * payloads, the trigger tests' variants of them (pre-/post-images, a sign-out), every attribute
 * column set to every value of a pool of awkward values (and emptied) in Target and in a
 * pre-image, and 1,500 payloads mutated from the variants by a seeded PRNG (reproducible).
 *
 * `node test/shared/dataverseWebhookSamples.js` (after `npm run build`) prints what the built
 * parser makes of every sample — the item, or the 400 message — as the JSON of
 * test/fixtures/dataverse-parse-outcomes.json. Re-record it only for an intended change of
 * behaviour, and say so in the commit.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'dataverse');
const OUTCOMES = path.join(__dirname, '..', 'fixtures', 'dataverse-parse-outcomes.json');

/** The schema columns the trigger reads (the parser ignores any other attribute). */
const COLUMNS = [
	'msdyn_agentstatusid', 'msdyn_agentid', 'msdyn_currentpresenceid', 'msdyn_isagentloggedin', 'msdyn_availableunitscapacity',
	'msdyn_presencemodifiedby', 'msdyn_presencemodifiedon', 'msdyn_capacitymodifiedon', 'modifiedon', 'createdon', 'modifiedby',
];

const fixtures = fs
	.readdirSync(FIXTURES)
	.filter((f) => f.endsWith('.json'))
	.sort()
	.map((f) => JSON.parse(fs.readFileSync(path.join(FIXTURES, f), 'utf8')));
const clone = (v) => JSON.parse(JSON.stringify(v));

/** mulberry32: a small seeded PRNG, so a failure reproduces. */
function rng(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const POOL = [
	null, 0, -1, 1.5, 100, '', 'x', true, false, [], {}, 'Create', 'Update', 'Delete', 'msdyn_agentstatus', 'systemuser',
	'/Date(1722582039000)/', '/Date(1722582039000+0530)/', '/Date(1722582039000+2400)/', '/Date(1722582039000-0060)/',
	'/Date(99999999999999999)/', '/Date(-5)/', '/Date()/', '2024-08-02T07:00:39Z', { key: 'Target' }, { key: 5 },
	{ Id: '' }, { Id: 'EFDEB843-C07A-E811-8162-000D3AA11F50', LogicalName: 'msdyn_presence', Name: 'Busy' },
	{ Id: 'x', Name: 5 }, [{ key: 'x' }], [{ key: 5, value: 1 }], [{ key: 'msdyn_agentid', value: null }],
];

/** Every [parent, key] inside `root` (objects and arrays). */
function slots(root) {
	const out = [];
	const walk = (node) => {
		if (node === null || typeof node !== 'object') return;
		for (const key of Object.keys(node)) {
			out.push([node, key]);
			walk(node[key]);
		}
	};
	walk(root);
	return out;
}

function mutate(body, random) {
	const pick = (list) => list[Math.floor(random() * list.length)];
	const target = body.InputParameters?.find?.((p) => p?.key === 'Target')?.value;
	// Half the mutations land in Target's attributes, where most of the schema's rules are.
	const inAttributes = random() < 0.5 && Array.isArray(target?.Attributes) ? slots(target.Attributes) : [];
	const all = inAttributes.length > 0 ? inAttributes : slots(body);
	const [parent, key] = pick(all);
	const op = random();
	if (op < 0.2) {
		if (Array.isArray(parent)) parent.splice(Number(key), 1);
		else delete parent[key];
	} else if (op < 0.3 && Array.isArray(parent[key])) {
		parent[key].push(clone(pick(POOL)));
	} else {
		parent[key] = clone(pick(POOL));
	}
	return body;
}

/** Variants the trigger tests use: pre-/post-images, Create, nulls, offsets. */
function variants() {
	const [create, update] = [fixtures.find((f) => f.MessageName === 'Create'), fixtures.find((f) => f.MessageName === 'Update')];
	const image = (attributes) => ({
		LogicalName: 'msdyn_agentstatus',
		Id: '3d1feef9-604d-ef11-bfe3-6045bd03d9d8',
		FormattedValues: [],
		Attributes: Object.entries(attributes).map(([key, value]) => ({ key, value })),
	});
	const withPre = clone(update);
	withPre.PreEntityImages = [{ key: 'PreImage', value: image({ msdyn_currentpresenceid: { Id: 'f523f628-c07a-e811-8162-000d3aa11f50' }, msdyn_isagentloggedin: true, msdyn_availableunitscapacity: 100 }) }];
	const withPost = clone(update);
	withPost.PostEntityImages = [{ key: 'PostImage', value: image({ msdyn_availableunitscapacity: 40, msdyn_capacitymodifiedon: '/Date(1722582099000+0100)/' }) }];
	const loggedOut = clone(update);
	for (const a of loggedOut.InputParameters[0].value.Attributes) {
		if (a.key === 'msdyn_isagentloggedin') a.value = false;
		if (a.key === 'msdyn_currentpresenceid') a.value = { Id: '70139190-c07a-e811-8162-000d3aa11f50', LogicalName: 'msdyn_presence' };
	}
	return [create, update, withPre, withPost, loggedOut];
}

/** Every sample body, in a fixed order. */
function samples() {
	const random = rng(20240802);
	const base = variants();
	const out = base.map(clone);
	for (const column of COLUMNS) {
		for (const value of [...POOL, undefined]) {
			for (const where of ['target', 'pre']) {
				const body = clone(base[where === 'target' ? 1 : 2]);
				const attributes = where === 'target' ? body.InputParameters[0].value.Attributes : body.PreEntityImages[0].value.Attributes;
				const entry = attributes.find((a) => a.key === column) ?? (attributes.push({ key: column }), attributes[attributes.length - 1]);
				if (value === undefined) delete entry.value;
				else entry.value = clone(value);
				out.push(body);
			}
		}
	}
	for (let i = 0; i < 1500; i++) {
		let body = clone(base[i % base.length]);
		const times = 1 + Math.floor(random() * 2);
		for (let k = 0; k < times; k++) body = mutate(body, random);
		out.push(body);
	}
	return out;
}

/** A short digest of a body, so the recorded outcomes notice a changed generator. */
const digest = (body) => crypto.createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 16);

/** What the parser makes of a body, as JSON would carry it: `{ item }` or `{ error }` (the 400 message). */
function outcome(parse, body) {
	try {
		return JSON.parse(JSON.stringify({ item: parse(clone(body)) }));
	} catch (error) {
		return { error: error.message };
	}
}

/** The outcomes file: each distinct outcome once, and per sample its digest and outcome's index. */
function record(parse) {
	const distinct = [];
	const index = new Map();
	const rows = samples().map((body) => {
		const key = JSON.stringify(outcome(parse, body));
		if (!index.has(key)) {
			index.set(key, distinct.length);
			distinct.push(JSON.parse(key));
		}
		return [digest(body), index.get(key)];
	});
	return { outcomes: distinct, samples: rows };
}

module.exports = { COLUMNS, OUTCOMES, fixtures, clone, samples, digest, outcome };

if (require.main === module) {
	const { parseDataverseAgentStatus } = require('../../dist/nodes/DynamicsContactCenter/events/dataverseWebhook');
	const { outcomes, samples: rows } = record(parseDataverseAgentStatus);
	// One sample per line: a readable diff when a behaviour change is re-recorded.
	const lines = [
		'{',
		`"outcomes": [\n${outcomes.map((o) => JSON.stringify(o)).join(',\n')}\n],`,
		`"samples": [\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]`,
		'}',
	];
	process.stdout.write(`${lines.join('\n')}\n`);
}
