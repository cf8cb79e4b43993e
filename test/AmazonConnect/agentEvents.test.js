// @ts-check
/** Amazon Connect agent event stream records ("Agent event streams data model") → normalized presence events. */
const { parseAgentEvents, unwrapAgentEvents } = require('../../dist/nodes/AmazonConnect/events/agentEvents');

const { AVAILABLE, BREAK, event, login, toBreak, contactOnly, heartbeat, logout, base64 } = require('./records');

test('a status change, a login and a logout are kept; heartbeats and contact-only changes dropped', () => {
	const items = parseAgentEvents([login, toBreak, contactOnly, heartbeat, logout]);
	expect(items.map(({ raw, ...rest }) => rest)).toEqual([
		{ source: 'amazonConnect', event: 'logged_in', agentId: '87654321-aaaa-4bbb-8ccc-0123456789ab', presenceId: 'status-available', presenceName: 'Available', category: 'available', loggedIn: true, changedAt: '2026-01-31T09:00:00.000Z', previousPresenceName: null, nextStatus: null, contactsInProgress: 0, username: 'alex.agent@contoso.com', eventId: 'e-1' },
		{ source: 'amazonConnect', event: 'presence_changed', agentId: '87654321-aaaa-4bbb-8ccc-0123456789ab', presenceId: 'status-break', presenceName: 'Break', category: 'away', loggedIn: true, changedAt: '2026-01-31T09:30:00.000Z', previousPresenceName: 'Available', nextStatus: null, contactsInProgress: 0, username: 'alex.agent@contoso.com', eventId: 'e-2' },
		{ source: 'amazonConnect', event: 'logged_out', agentId: '87654321-aaaa-4bbb-8ccc-0123456789ab', presenceId: null, presenceName: null, category: 'offline', loggedIn: false, changedAt: '2026-01-31T09:30:00.120Z', previousPresenceName: 'Break', nextStatus: null, contactsInProgress: 0, username: 'alex.agent@contoso.com', eventId: 'e-5' },
	]);
	expect(items[1].raw).toEqual(toBreak);
});

test('a record delivered twice in a batch is emitted once; the custom mapping applies; Type wins when sent', () => {
	const training = event('STATE_CHANGE', 'e-6', { ...BREAK, Name: 'Training', Type: 'CUSTOM' }, AVAILABLE);
	const items = parseAgentEvents([toBreak, toBreak, training], { Training: 'do_not_disturb' });
	expect(items.map((i) => [i.eventId, i.category])).toEqual([['e-2', 'away'], ['e-6', 'do_not_disturb']]);
});

test('every carrier is unwrapped: Lambda/Kinesis Records, EventBridge Pipes batches, SQS messages, JSON text', () => {
	expect(unwrapAgentEvents({ Records: [{ kinesis: { data: base64(toBreak) } }] })).toEqual([toBreak]);
	expect(unwrapAgentEvents([{ eventSource: 'aws:kinesis', data: base64(login) }, { eventSource: 'aws:kinesis', data: base64(toBreak) }])).toEqual([login, toBreak]);
	expect(unwrapAgentEvents({ Records: [{ body: JSON.stringify(logout) }] })).toEqual([logout]);
	expect(unwrapAgentEvents(JSON.stringify([heartbeat]))).toEqual([heartbeat]);
});

test('anything else is an error that says what it got', () => {
	expect(() => unwrapAgentEvents({ hello: 'there' })).toThrow('Not an Amazon Connect agent event: no EventType in an object with hello');
	expect(() => unwrapAgentEvents(42)).toThrow('Not an Amazon Connect agent event: 42');
});
