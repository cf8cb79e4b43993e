// @ts-check
/** The pure Notifications API helpers (nodes/GenesysCloud/events/genesysNotifications.ts, built). */
const n = require('../../dist/nodes/GenesysCloud/events/genesysNotifications');

const filter = { ignoreSources: [], onlyDefinitionChanges: false };
const body = (/** @type {string} */ id, /** @type {string} */ date, extra = {}) => ({
	source: 'PURECLOUD',
	presenceDefinition: { id, systemPresence: 'Busy' },
	message: '',
	modifiedDate: date,
	...extra,
});

test('classifies heartbeats, pongs, socket_closing and presence events', () => {
	expect(n.classifyMessage('{"topicName":"channel.metadata","eventBody":{"message":"WebSocket Heartbeat"}}')).toEqual({ kind: 'heartbeat' });
	expect(n.classifyMessage('{"topicName":"channel.metadata","eventBody":{"message":"pong"}}')).toEqual({ kind: 'pong' });
	expect(n.classifyMessage('{"topicName":"v2.system.socket_closing","eventBody":{}}')).toEqual({ kind: 'closing' });
	const raw = { topicName: 'v2.users.u-1.presence', eventBody: body('d1', '2024-01-01T00:00:00.000Z') };
	expect(n.classifyMessage(JSON.stringify(raw))).toEqual({ kind: 'presence', userId: 'u-1', body: raw.eventBody, raw });
	expect(n.classifyMessage('not json')).toEqual({ kind: 'other', raw: 'not json' });
	expect(n.PING_MESSAGE).toBe('{"message":"ping"}');
});

test('topics are spread over channels of at most 1,000', () => {
	const topics = Array.from({ length: 2001 }, (_, i) => n.presenceTopic(`u${i}`));
	expect(n.chunkTopics(topics).map((c) => c.length)).toEqual([1000, 1000, 1]);
	expect(n.chunkTopics([])).toEqual([]);
	expect(n.MAX_TOPICS_PER_CHANNEL * n.MAX_CHANNELS).toBe(20000);
});

test('the tracker emits a change once, never an older one, and applies the filter', () => {
	const t = new n.PresenceTracker();
	t.remember('u', body('available', '2024-01-01T00:00:00.000Z'));
	expect(t.accept('u', body('busy', '2024-01-01T00:01:00.000Z'), filter)).toBe(true);
	expect(t.accept('u', body('busy', '2024-01-01T00:01:00.000Z'), filter)).toBe(false); // same change again
	expect(t.accept('u', body('away', '2024-01-01T00:00:30.000Z'), filter)).toBe(false); // older
	// A baseline read never rolls the tracker back.
	t.remember('u', body('available', '2024-01-01T00:00:00.000Z'));
	expect(t.accept('u', body('busy', '2024-01-01T00:01:00.000Z'), filter)).toBe(false);

	const only = { ignoreSources: ['sync'], onlyDefinitionChanges: true };
	expect(t.accept('u', body('busy', '2024-01-01T00:02:00.000Z', { message: 'x' }), only)).toBe(false);
	expect(t.accept('u', body('away', '2024-01-01T00:03:00.000Z', { source: 'SYNC' }), only)).toBe(false);
	expect(t.accept('u', body('meal', '2024-01-01T00:04:00.000Z'), only)).toBe(true);
});

test('presence change item: native fields plus the normalized model', () => {
	const item = n.presenceChangeItem('u', { source: 'PURECLOUD', presenceDefinition: { id: 'd', systemPresence: 'On Queue' }, modifiedDate: '2024-01-01T00:00:00.000Z' }, { presenceNames: new Map([['d', 'On Queue']]) });
	expect(item).toEqual({
		source: 'genesys',
		event: 'presence_changed',
		agentId: 'u',
		presenceId: 'd',
		presenceName: 'On Queue',
		category: 'available',
		loggedIn: true,
		changedAt: '2024-01-01T00:00:00.000Z',
		systemPresence: 'On Queue',
		presenceSource: 'PURECLOUD',
		primary: null,
		message: null,
		topicName: 'v2.users.u.presence',
		correlationId: null,
	});
	expect(n.presenceChangeItem('u', { presenceDefinition: { id: 'x', systemPresence: 'Custom?' } })).toMatchObject({ presenceName: 'Custom?', category: null, changedAt: null, loggedIn: true });
	// Without modifiedDate the receive time stands in; the event's own date wins when it has one.
	const received = { receivedAt: '2024-02-02T10:00:00.000Z', correlationId: 'c-1' };
	expect(n.presenceChangeItem('u', { presenceDefinition: { id: 'x' } }, received)).toMatchObject({ changedAt: '2024-02-02T10:00:00.000Z', correlationId: 'c-1' });
	expect(n.presenceChangeItem('u', { presenceDefinition: { id: 'x' }, modifiedDate: '2024-01-01T00:00:00Z' }, received)).toMatchObject({ changedAt: '2024-01-01T00:00:00.000Z' });
});

test('without modifiedDate a change is told by definition, message and source', () => {
	const t = new n.PresenceTracker();
	const undated = (/** @type {string} */ id, extra = {}) => ({ source: 'PURECLOUD', presenceDefinition: { id }, message: '', ...extra });
	t.remember('u', body('available', '2024-01-01T00:00:00.000Z'));
	expect(t.accept('u', undated('available', { message: 'brb' }), filter)).toBe(true);
	expect(t.accept('u', undated('available', { message: 'brb' }), filter)).toBe(false);
	expect(t.accept('u', undated('available', { message: 'brb', source: 'purecloud' }), filter)).toBe(false);
	expect(t.accept('u', undated('available', { message: 'brb', source: 'TEAMS' }), filter)).toBe(true);
	// A catch-up read of what was last emitted (now with its date) is no change.
	expect(t.accept('u', body('available', '2024-01-01T00:05:00.000Z', { message: 'brb', source: 'TEAMS' }), filter, 'catch-up')).toBe(false);
	// …and an older dated state is never emitted after it.
	expect(t.accept('u', body('busy', '2024-01-01T00:04:00.000Z'), filter)).toBe(false);
});

test('an event matching the unreported startup baseline is the change the read already saw: emitted once', () => {
	const t = new n.PresenceTracker();
	t.remember('u', body('meeting', '2024-01-01T00:00:00.000Z'));
	expect(t.accept('u', body('meeting', '2024-01-01T00:00:00.000Z'), filter, 'catch-up')).toBe(false);
	expect(t.accept('u', body('meeting', '2024-01-01T00:00:00.000Z'), filter)).toBe(true);
	expect(t.accept('u', body('meeting', '2024-01-01T00:00:00.000Z'), filter)).toBe(false);
	// An event that came before the baseline read wins over it.
	t.accept('v', body('busy', '2024-01-01T00:00:00.000Z'), filter);
	t.remember('v', body('available', '2023-12-31T00:00:00.000Z'));
	expect(t.accept('v', body('busy', '2024-01-01T00:00:00.000Z'), filter)).toBe(false);
});

test('malformed presence events are told apart from changes', () => {
	const frame = (/** @type {any} */ eventBody) => n.classifyMessage(JSON.stringify({ topicName: 'v2.users.u-1.presence', eventBody }));
	expect(frame('{"presenceDefinition":{}}')).toEqual({ kind: 'malformed', topicName: 'v2.users.u-1.presence', reason: 'eventBody is a string, not an object' });
	expect(frame(null)).toMatchObject({ kind: 'malformed', reason: 'eventBody is null, not an object' });
	expect(frame([])).toMatchObject({ kind: 'malformed', reason: 'eventBody is an array, not an object' });
	expect(frame(undefined)).toMatchObject({ kind: 'malformed', reason: 'eventBody is missing' });
	expect(frame({ message: 'x' })).toMatchObject({ kind: 'malformed', reason: 'eventBody.presenceDefinition is missing' });
	expect(frame({ presenceDefinition: { id: '' } })).toMatchObject({ kind: 'malformed', reason: 'eventBody.presenceDefinition.id is missing' });
	expect(frame({ presenceDefinition: { id: 'd', systemPresence: 3 } })).toMatchObject({ reason: 'eventBody.presenceDefinition.systemPresence is not a string' });
	expect(frame({ presenceDefinition: { id: 'd' }, message: {} })).toMatchObject({ reason: 'eventBody.message is not a string' });
	expect(frame({ presenceDefinition: { id: 'd' }, primary: 'yes' })).toMatchObject({ reason: 'eventBody.primary is not a boolean' });
	expect(frame({ presenceDefinition: { id: 'd' } })).toMatchObject({ kind: 'presence', userId: 'u-1' });
});
