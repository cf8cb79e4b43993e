// @ts-check
/**
 * The Dataverse webhook parser (zod schemas, the WCF `/Date(…)/` regex, Date#toISOString) against
 * fixed expectations: Microsoft's sample payloads give the exact items below, and every one of
 * the ~2,200 samples of dataverseWebhookSamples.js (variants, every column × awkward values,
 * 1,500 seeded mutations) gives the item or the 400 message recorded in
 * test/fixtures/dataverse-parse-outcomes.json.
 */
const fs = require('node:fs');

const { parseDataverseAgentStatus } = require('../../dist/nodes/DynamicsContactCenter/events/dataverseWebhook');
const { InvalidEventError } = require('../../dist/nodes/shared/eventErrors');
const { wcfDateToMs, wcfDateToIso } = require('../../dist/nodes/DynamicsContactCenter/events/dataverseDates');
const { COLUMNS, OUTCOMES, fixtures, clone, samples, digest, outcome } = require('./dataverseWebhookSamples');

const recorded = JSON.parse(fs.readFileSync(OUTCOMES, 'utf8'));
const parse = (body) => parseDataverseAgentStatus(body);

/** Every 400 message the parser words: its own checks, or zod's `path: message`. */
const WORDINGS = [
	/^The body must be a JSON object \(a Dataverse RemoteExecutionContext\)$/,
	/^Not a Dataverse RemoteExecutionContext: [\w.]+: .+$/,
	/^Wrong entity: expected msdyn_agentstatus, got PrimaryEntityName ".*"$/,
	/^Wrong entity: Target is a ".*", expected msdyn_agentstatus$/,
	/^Unsupported message ".*": register the step for Create and Update only$/,
	/^Missing Target: InputParameters has no "Target" entry$/,
	/^Invalid Target: InputParameters\.Target(\.[\w.]+)?: .+$/,
	new RegExp(`^(Target|PreEntityImages|PostEntityImages) attribute (${COLUMNS.join('|')}): .+$`),
];

describe('Dataverse webhook parser', () => {
	test("Microsoft's sample Create and Update give these items", () => {
		const create = fixtures.find((f) => f.MessageName === 'Create');
		const update = fixtures.find((f) => f.MessageName === 'Update');
		expect(outcome(parse, create)).toEqual(recorded.outcomes[recorded.samples[0][1]]);
		expect(outcome(parse, update)).toEqual(recorded.outcomes[recorded.samples[1][1]]);
		const item = parse(clone(update));
		expect(item).toMatchObject({ source: 'dataverse', messageName: 'Update' });
		expect(item.changedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
	});

	test('the samples are the ones the outcomes were recorded for', () => {
		const bodies = samples();
		expect(bodies.map(digest)).toEqual(recorded.samples.map(([d]) => d));
	});

	test('every sample gives the recorded item or the recorded 400 message', () => {
		const bodies = samples();
		const differences = [];
		bodies.forEach((body, i) => {
			const expected = recorded.outcomes[recorded.samples[i][1]];
			const actual = outcome(parse, body);
			if (JSON.stringify(actual) !== JSON.stringify(expected)) differences.push({ i, expected, actual });
		});
		expect(differences).toEqual([]);
		// Both sides of the rules are reached: many items and many refusals.
		const kinds = recorded.samples.map(([, k]) => (recorded.outcomes[k].item ? 'item' : 'error'));
		expect(kinds.filter((k) => k === 'item').length).toBeGreaterThan(300);
		expect(kinds.filter((k) => k === 'error').length).toBeGreaterThan(300);
	});

	test('every refusal is an InvalidEventError worded by the parser or by zod', () => {
		const unworded = [];
		for (const body of samples()) {
			try {
				parse(clone(body));
			} catch (error) {
				if (!(error instanceof InvalidEventError) || !WORDINGS.some((re) => re.test(error.message))) unworded.push(error.message);
			}
		}
		expect(unworded).toEqual([]);
	});

	test('attributes outside the schema columns are ignored, even one named __proto__', () => {
		const update = fixtures.find((f) => f.MessageName === 'Update');
		const body = clone(update);
		const before = parse(clone(body));
		body.InputParameters[0].value.Attributes.push(
			{ key: '__proto__', value: { msdyn_availableunitscapacity: 1 } },
			{ key: 'constructor', value: 5 },
			{ key: 'msdyn_somethingelse', value: '/Date(x)/' },
		);
		expect(parse(body)).toEqual(before);
	});
});

describe('WCF /Date(…)/ values', () => {
	test.each([
		['/Date(1722582039000)/', 1722582039000, '2024-08-02T07:00:39.000Z'],
		['/Date(1722582039000+0530)/', 1722582039000, '2024-08-02T07:00:39.000Z'],
		['/Date(1722582039000-2359)/', 1722582039000, '2024-08-02T07:00:39.000Z'],
		['/Date(0)/', 0, '1970-01-01T00:00:00.000Z'],
		['/Date(-5)/', -5, '1969-12-31T23:59:59.995Z'],
		['/Date(8640000000000000)/', 8.64e15, '+275760-09-13T00:00:00.000Z'],
	])('%s is %d ms, %s', (text, ms, iso) => {
		expect(wcfDateToMs(text)).toBe(ms);
		expect(wcfDateToIso(text)).toBe(iso);
	});

	test.each([
		'/Date()/', '/Date(-)/', '/Date(1722582039000+2400)/', '/Date(1722582039000-0060)/', '/Date(12+000)/',
		'/Date(8640000000000001)/', '/Date(99999999999999999)/', ' /Date(12)/', '/Date(12)/ ', '2024-08-02T07:00:39Z', '',
	])('%j is not a date', (text) => {
		expect(wcfDateToMs(text)).toBeNull();
		expect(wcfDateToIso(text)).toBeNull();
	});

	test('a non-string is not a date', () => {
		for (const value of [null, undefined, 1722582039000, {}, []]) expect(wcfDateToMs(value)).toBeNull();
	});
});
