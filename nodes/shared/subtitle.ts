/**
 * Canvas subtitles in words ("Set agent presence", "Get many presence definitions") instead of the
 * raw parameter values. Both the old resource values (Genesys `userPresence`, Vonage `user`) and the
 * new ones (`agentPresence`, `agent`) read the same, so saved workflows keep a readable subtitle.
 * Object literals are wrapped in parentheses: a literal `}}` would end n8n's expression early.
 */
const OPERATIONS: Record<string, string> = { set: 'Set', get: 'Get', getAll: 'Get many', findByEmail: 'Find' };
const ONE: Record<string, string> = {
	agentPresence: 'agent presence',
	userPresence: 'agent presence',
	agent: 'agent',
	user: 'agent',
	agentStatus: 'agent status',
	presenceDefinition: 'presence definition',
	systemPresence: 'system presence',
};
const MANY: Record<string, string> = {
	agentPresence: 'agent presences',
	userPresence: 'agent presences',
	agent: 'agents',
	user: 'agents',
	agentStatus: 'agent statuses',
	presenceDefinition: 'presence definitions',
	systemPresence: 'system presences',
};

const lookup = (map: Record<string, string>, parameter: string) => `(${JSON.stringify(map)})[$parameter["${parameter}"]]`;

export const ACTION_SUBTITLE =
	`={{ ${lookup(OPERATIONS, 'operation')} || $parameter["operation"] }} ` +
	`{{ ($parameter["operation"] === "getAll" ? ${lookup(MANY, 'resource')} : ${lookup(ONE, 'resource')}) || $parameter["resource"] }}`;

export const SOURCE_NAMES: Record<string, string> = {
	dataverse: 'Dynamics 365 Contact Center',
	genesys: 'Genesys Cloud',
	vonage: 'Vonage Contact Center',
};

export const SOURCE_SUBTITLE = `={{ ${lookup(SOURCE_NAMES, 'source')} || $parameter["source"] }}`;
