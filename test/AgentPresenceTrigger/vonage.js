// @ts-check
/** Vonage-only helpers for the Agent Presence Trigger tests. */

/**
 * Vonage's "agent.presencechanged.v0" example (Webhooks, a CloudEvent), with the presence given.
 * @param {{ type: string, description: string, subcategory: string }} category
 * @param {string} description
 */
const presenceChangedEvent = (category, description) => ({
	specversion: '1.0',
	type: 'agent.presencechanged.v0',
	id: '2VejGqWZPqHXHVNcfUPUO8IASAp',
	source: '/agent',
	subject: '1',
	time: '2023-09-20T09:49:06.6134321Z',
	datacontenttype: 'application/json',
	data: {
		timestamp: '2023-09-20T09:49:05.9464952Z',
		presence: { presenceId: '3bf05984-1957-4e56-9c2c-ce04fa9b3ffc', category, description },
		user: { agentId: '1', userId: 'e56a3bb6-1881-46cc-9e26-0191c7b1187f' },
	},
});

/** The item the trigger (and the Agent Presence Event node) emits for presenceChangedEvent() with Ready. */
const READY_ITEM = {
	source: 'vonage',
	event: 'presence_changed',
	agentId: 'e56a3bb6-1881-46cc-9e26-0191c7b1187f',
	presenceId: '3bf05984-1957-4e56-9c2c-ce04fa9b3ffc',
	presenceName: 'Ready',
	category: 'available',
	loggedIn: true,
	changedAt: '2023-09-20T09:49:05.946Z',
	categoryType: 'Ready',
	subcategory: 'ready',
	agentDisplayId: '1',
	eventId: '2VejGqWZPqHXHVNcfUPUO8IASAp',
	eventType: 'agent.presencechanged.v0',
};

module.exports = { presenceChangedEvent, READY_ITEM };
