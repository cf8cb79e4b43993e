/**
 * Canvas subtitles in words ("Set agent presence", "Get many presence definitions") instead of the
 * raw parameter values. Both the old resource values (Genesys `userPresence`, Vonage `user`) and the
 * new ones (`agentPresence`, `agent`) read the same, so saved workflows keep a readable subtitle.
 * Object literals are wrapped in parentheses: a literal `}}` would end n8n's expression early.
 */
const OPERATIONS: Record<string, string> = {
	set: 'Set',
	get: 'Get',
	getAll: 'Get many',
	findByEmail: 'Find',
	bulkSet: 'Set many',
	create: 'Create',
	update: 'Update',
	delete: 'Delete',
	clear: 'Clear',
	setPreferred: 'Set preferred',
	clearPreferred: 'Clear preferred',
};
/** Operations that act on many: their resource reads in the plural. */
const PLURAL = ['getAll', 'bulkSet'];
/** Operations whose subtitle is a phrase of its own rather than "<operation> <resource>". */
const WHOLE: Record<string, string> = { setStatusMessage: 'Set status message' };
const ONE: Record<string, string> = {
	agentPresence: 'agent presence',
	userPresence: 'agent presence',
	agent: 'agent',
	user: 'agent',
	agentStatus: 'agent status',
	presenceDefinition: 'presence definition',
	presenceSource: 'presence source',
	systemPresence: 'system presence',
};
const MANY: Record<string, string> = {
	agentPresence: 'agent presences',
	userPresence: 'agent presences',
	agent: 'agents',
	user: 'agents',
	agentStatus: 'agent statuses',
	presenceDefinition: 'presence definitions',
	presenceSource: 'presence sources',
	systemPresence: 'system presences',
};

const lookup = (map: Record<string, string>, parameter: string) => `(${JSON.stringify(map)})[$parameter["${parameter}"]]`;

export const ACTION_SUBTITLE =
	`={{ ${lookup(WHOLE, 'operation')} || ` +
	`(${lookup(OPERATIONS, 'operation')} || $parameter["operation"]) + " " + ` +
	`((${JSON.stringify(PLURAL)}.includes($parameter["operation"]) ? ${lookup(MANY, 'resource')} : ${lookup(ONE, 'resource')}) || $parameter["resource"]) }}`;

export const SOURCE_NAMES: Record<string, string> = {
	dataverse: 'Dynamics 365 Contact Center',
	genesys: 'Genesys Cloud',
	vonage: 'Vonage Contact Center',
};

export const SOURCE_SUBTITLE = `={{ ${lookup(SOURCE_NAMES, 'source')} || $parameter["source"] }}`;
