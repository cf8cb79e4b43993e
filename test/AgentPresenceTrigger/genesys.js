// @ts-check
/** Genesys-only helpers for the Agent Presence Trigger tests (and the Agent Presence Event node's). */

const USER = '9ed7d9f6-0c59-4360-ac54-40dd35eb9c2f';

/**
 * A v2.users.{id}.presence notification as "Available topics" documents it (the body a webhook
 * or an EventBridge event's detail carries), with the system presence given.
 * @param {string} [systemPresence] @param {Record<string, any>} [extra] fields added to eventBody
 */
const presenceNotification = (systemPresence = 'AVAILABLE', extra = {}) => ({
	topicName: `v2.users.${USER}.presence`,
	version: '2',
	eventBody: {
		source: 'PURECLOUD',
		presenceDefinition: { id: '6a3af858-942f-489d-9700-5f9bcdcdae9b', systemPresence },
		primary: true,
		message: '',
		modifiedDate: '2024-08-02T07:00:38.512Z',
		...extra,
	},
	metadata: { CorrelationId: '290034f4-c3d7-46fd-8342-ee5bc859b7e9' },
});

/** The item the trigger (and the Agent Presence Event node) emits for presenceNotification(). */
const AVAILABLE_ITEM = {
	source: 'genesys',
	event: 'presence_changed',
	agentId: USER,
	presenceId: '6a3af858-942f-489d-9700-5f9bcdcdae9b',
	presenceName: 'Available',
	category: 'available',
	loggedIn: true,
	changedAt: '2024-08-02T07:00:38.512Z',
	systemPresence: 'AVAILABLE',
	presenceSource: 'PURECLOUD',
	primary: true,
	message: '',
	topicName: `v2.users.${USER}.presence`,
	correlationId: '290034f4-c3d7-46fd-8342-ee5bc859b7e9',
};

/**
 * The notification as Amazon EventBridge delivers it from the Genesys Cloud event source: the
 * envelope's `detail` is the notification, its `time` when EventBridge received it.
 * @param {any} detail
 */
const eventBridgeEvent = (detail) => ({
	version: '0',
	id: 'c1b2',
	'detail-type': detail.topicName,
	source: 'aws.partner/genesys.com/cloud/org/presence',
	account: '123456789012',
	time: '2024-08-02T07:01:00Z',
	region: 'eu-west-1',
	resources: [],
	detail,
});

module.exports = { USER, presenceNotification, AVAILABLE_ITEM, eventBridgeEvent };
