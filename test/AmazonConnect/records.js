// @ts-check
/**
 * Amazon Connect agent event stream records ("Agent event streams data model"), as Connect writes
 * them to the Kinesis stream, and the Kinesis record envelope Lambda and EventBridge Pipes deliver
 * them in (data base64).
 */
const INSTANCE = 'arn:aws:connect:us-west-2:012345678901:instance/aaaaaaaa-bbbb-cccc-dddd-111111111111';
const AGENT = `${INSTANCE}/agent/87654321-aaaa-4bbb-8ccc-0123456789ab`;
const STATUS = (/** @type {string} */ id) => `${INSTANCE}/agent-state/${id}`;
const AVAILABLE = { ARN: STATUS('status-available'), Name: 'Available', StartTimestamp: '2026-01-31T09:00:00.000Z' };
const BREAK = { ARN: STATUS('status-break'), Name: 'Break', StartTimestamp: '2026-01-31T09:30:00.000Z' };
const config = { Username: 'alex.agent@contoso.com', FirstName: 'Alex', LastName: 'Agent', RoutingProfile: { Name: 'Basic' } };

/** One AgentEvent. @param {string} type @param {string} id @param {any} current @param {any} previous @param {Record<string, any>} [extra] */
function event(type, id, current, previous, extra = {}) {
	return {
		AWSAccountId: '012345678901',
		AgentARN: AGENT,
		CurrentAgentSnapshot: current && { AgentStatus: current, NextAgentStatus: null, Configuration: config, Contacts: [] },
		PreviousAgentSnapshot: previous && { AgentStatus: previous, NextAgentStatus: null, Configuration: config, Contacts: [] },
		EventId: id,
		EventTimestamp: '2026-01-31T09:30:00.120Z',
		EventType: type,
		InstanceARN: INSTANCE,
		Version: '2019-05-25',
		...extra,
	};
}

const login = event('LOGIN', 'e-1', AVAILABLE, null);
const toBreak = event('STATE_CHANGE', 'e-2', BREAK, AVAILABLE);
const contactOnly = event('STATE_CHANGE', 'e-3', BREAK, BREAK);
const heartbeat = event('HEART_BEAT', 'e-4', BREAK, BREAK);
const logout = event('LOGOUT', 'e-5', null, BREAK);
const base64 = (/** @type {any} */ o) => Buffer.from(JSON.stringify(o)).toString('base64');

/** A Kinesis record as an EventBridge Pipes batch holds it. @param {any} record @param {number} [n] */
const kinesisRecord = (record, n = 1) => ({
	kinesisSchemaVersion: '1.0',
	partitionKey: '87654321-aaaa-4bbb-8ccc-0123456789ab',
	sequenceNumber: `4959032303215389876324089645130800000000000000000000000${n}`,
	data: base64(record),
	approximateArrivalTimestamp: 1769851800.12,
	eventSource: 'aws:kinesis',
	eventVersion: '1.0',
	eventID: `shardId-000000000000:4959032303215389876324089645130800000000000000000000000${n}`,
	eventName: 'aws:kinesis:record',
	awsRegion: 'us-west-2',
	eventSourceARN: 'arn:aws:kinesis:us-west-2:012345678901:stream/connect-agent-events',
});

module.exports = { INSTANCE, AGENT, AVAILABLE, BREAK, event, login, toBreak, contactOnly, heartbeat, logout, base64, kinesisRecord };
