/**
 * The Microsoft Teams Presence node's resources and their operations, named as its Resource and Operation
 * fields name them (as n8n's own nodes declare theirs in node.type.ts). The router's map is typed by
 * it, so a misspelt or forgotten resource or operation fails to compile.
 */
export type MicrosoftTeamsPresenceMap = {
	agent: 'get' | 'getAll';
	agentPresence: 'clear' | 'clearPreferred' | 'get' | 'getAll' | 'set' | 'setPreferred' | 'setStatusMessage';
};
