// @ts-check
/**
 * The trigger's fast path (hand-written guards, hand-written date parsing and ISO formatting) must
 * accept and reject exactly what the zod schemas and the regex do, and give the same items and
 * the same 400 messages as the zod-only pipeline it replaced. Checked on the seed fixtures, the
 * trigger tests' variants and several hundred payloads mutated from them (seeded, reproducible).
 */
const fs = require('node:fs');
const path = require('node:path');

const webhook = require('../../dist/nodes/shared/dataverseWebhook');
const guards = require('../../dist/nodes/shared/dataverseWebhookGuards');
const dates = require('../../dist/nodes/shared/dataverseDates');

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'dataverse');
const fixtures = fs
	.readdirSync(FIXTURES)
	.filter((f) => f.endsWith('.json'))
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

/** Every [parent, key] inside `root` (objects and arrays), optionally only below `under`. */
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

/** The zod-only pipeline the fast path replaced (same checks, same messages), as the reference. */
const COLUMNS = Object.keys(webhook.attributesSchema.shape);
function columns(list) {
	const out = {};
	for (const { key, value } of list) if (COLUMNS.includes(key)) out[key] = value;
	return out;
}
function checkAttributesZod(attributes, where) {
	const result = webhook.attributesSchema.safeParse(attributes);
	if (!result.success) throw new Error(`${where} attribute ${String(result.error.issues[0].path[0])}: ${result.error.issues[0].message}`);
}
function imagesZod(images, where) {
	if (!images || images.length === 0) return undefined;
	const merged = {};
	for (const image of images) Object.assign(merged, columns(image.value.Attributes));
	checkAttributesZod(merged, where);
	return merged;
}
function referenceParse(body) {
	if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new Error('The body must be a JSON object (a Dataverse RemoteExecutionContext)');
	const parsed = webhook.remoteExecutionContextSchema.safeParse(body);
	if (!parsed.success) throw new Error(`Not a Dataverse RemoteExecutionContext: ${webhook.describeZodError(parsed.error)}`);
	const context = parsed.data;
	if (context.PrimaryEntityName !== 'msdyn_agentstatus') throw new Error(`Wrong entity: expected msdyn_agentstatus, got PrimaryEntityName "${context.PrimaryEntityName}"`);
	if (context.MessageName !== 'Create' && context.MessageName !== 'Update') throw new Error(`Unsupported message "${context.MessageName}": register the step for Create and Update only`);
	const targetParameter = context.InputParameters.find((p) => p.key === 'Target');
	if (!targetParameter) throw new Error('Missing Target: InputParameters has no "Target" entry');
	const target = webhook.entitySchema.safeParse(targetParameter.value);
	if (!target.success) throw new Error(`Invalid Target: ${webhook.describeZodError(target.error, 'InputParameters.Target')}`);
	if (target.data.LogicalName !== 'msdyn_agentstatus') throw new Error(`Wrong entity: Target is a "${target.data.LogicalName}", expected msdyn_agentstatus`);
	const attributes = columns(target.data.Attributes);
	checkAttributesZod(attributes, 'Target');
	return webhook.normalizeAgentStatus({
		context,
		target: attributes,
		formatted: columns(target.data.FormattedValues ?? []),
		pre: imagesZod(context.PreEntityImages, 'PreEntityImages'),
		post: imagesZod(context.PostEntityImages, 'PostEntityImages'),
	});
}

const outcome = (fn) => {
	try {
		return { item: fn() };
	} catch (error) {
		return { error: error.message };
	}
};

function samples() {
	const random = rng(20240802);
	const base = variants();
	const out = base.map(clone);
	// Every schema column set to every pool value (and removed), in Target and in a pre-image.
	for (const column of Object.keys(webhook.attributesSchema.shape)) {
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

describe('fast path ≡ zod', () => {
	const all = samples();

	test('the guards accept exactly what each schema accepts, at every level', () => {
		let accepted = 0;
		let rejected = 0;
		const disagreements = [];
		const check = (what, value, fast, zod) => {
			if (fast !== zod) disagreements.push({ what, value, fast, zod });
		};
		for (const body of all) {
			check('context', body, guards.isRemoteExecutionContext(body), webhook.remoteExecutionContextSchema.safeParse(body).success);
			const images = [...(Array.isArray(body.PreEntityImages) ? body.PreEntityImages : []), ...(Array.isArray(body.PostEntityImages) ? body.PostEntityImages : [])];
			const entities = [...(Array.isArray(body.InputParameters) ? body.InputParameters : []), ...images].map((p) => p?.value);
			for (const value of entities) {
				const entity = webhook.entitySchema.safeParse(value).success;
				check('entity', value, guards.isEntity(value), entity);
				if (!entity) continue;
				const attributes = columns(value.Attributes);
				const ok = webhook.attributesSchema.safeParse(attributes).success;
				check('attributes', attributes, guards.areAgentStatusAttributes(attributes), ok);
				if (ok) accepted++;
				else rejected++;
			}
		}
		expect(disagreements).toEqual([]);
		// The mutations reach both sides of the attribute rules.
		expect(accepted).toBeGreaterThan(300);
		expect(rejected).toBeGreaterThan(300);
	});

	test('same items and the same 400 messages as the zod-only pipeline', () => {
		const kinds = { item: 0, error: 0 };
		const differences = [];
		for (const body of all) {
			const fast = outcome(() => webhook.parseDataverseAgentStatus(clone(body)));
			const zod = outcome(() => referenceParse(clone(body)));
			if (JSON.stringify(fast) !== JSON.stringify(zod)) differences.push({ body, fast, zod });
			kinds[fast.item ? 'item' : 'error']++;
		}
		expect(differences).toEqual([]);
		expect(kinds.item).toBeGreaterThan(300);
		expect(kinds.error).toBeGreaterThan(300);
	});

	test('every column of the attributes schema is read from the attribute list', () => {
		const body = clone(fixtures.find((f) => f.MessageName === 'Update'));
		const values = {
			msdyn_agentstatusid: '3d1feef9-604d-ef11-bfe3-6045bd03d9d8', msdyn_agentid: { Id: 'A' }, msdyn_currentpresenceid: { Id: 'B' },
			msdyn_isagentloggedin: true, msdyn_availableunitscapacity: 7, msdyn_presencemodifiedby: 'AGENT',
			msdyn_presencemodifiedon: '/Date(1)/', msdyn_capacitymodifiedon: '/Date(2)/', modifiedon: '/Date(3)/', createdon: '/Date(4)/', modifiedby: { Id: 'C' },
		};
		expect(Object.keys(values).sort()).toEqual([...COLUMNS].sort());
		body.InputParameters[0].value.Attributes = Object.entries(values).map(([key, value]) => ({ key, value }));
		expect(webhook.parseAgentStatusContext(body).target).toEqual(values);
	});
});

describe('hand-written date handling ≡ the regex and Date#toISOString', () => {
	const random = rng(7);
	const reference = (v) => {
		const m = dates.WCF_DATE.exec(v);
		if (!m || (m[2] !== undefined && (Number(m[3]) > 23 || Number(m[4]) > 59))) return null;
		const ms = Number(m[1]);
		return Math.abs(ms) <= 8.64e15 ? ms : null;
	};

	test('parseWcfDate agrees with WCF_DATE on random and edge texts', () => {
		const alphabet = '/Date()+-0123456789x';
		const texts = ['/Date(0)/', '/Date(-0)/', '/Date(-)/', '/Date()/', '/Date(1722582039000)/', '/Date(1722582039000+2359)/',
			'/Date(1722582039000+2400)/', '/Date(1722582039000-0060)/', '/Date(8640000000000000)/', '/Date(8640000000000001)/',
			'/Date(-8640000000000000)/', '/Date(1234567890123456789)/', '/Date(12+0000)/ ', ' /Date(12)/', '/Date(12+000)/'];
		for (let i = 0; i < 5000; i++) {
			let s = '';
			for (let k = Math.floor(random() * 24); k > 0; k--) s += alphabet[Math.floor(random() * alphabet.length)];
			texts.push(s, `/Date(${s})/`);
		}
		expect(texts.filter((text) => !Object.is(dates.parseWcfDate(text), reference(text)))).toEqual([]);
	});

	test('isoString equals toISOString for instants across and beyond 1970–9999', () => {
		const instants = [0, -0, 1, 86_399_999, 86_400_000, 951_782_400_000, 951_868_800_000, 4_107_542_400_000, 253_402_300_799_999, 253_402_300_800_000, -1, -62_198_755_200_000, 8.64e15];
		for (let i = 0; i < 20000; i++) instants.push(Math.floor(random() * 253_402_300_800_000));
		expect(instants.filter((ms) => dates.isoString(ms) !== new Date(ms).toISOString())).toEqual([]);
	});
});
