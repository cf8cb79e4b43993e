/**
 * The Dynamics 365 Contact Center node's resources and their operations, named as its Resource and Operation
 * fields name them (as n8n's own nodes declare theirs in node.type.ts). The router's map is typed by
 * it, so a misspelt or forgotten resource or operation fails to compile.
 */
export type DynamicsContactCenterMap = {
	agent: 'get';
	agentPresence: 'get' | 'set';
	agentStatus: 'get' | 'getAll';
	presenceDefinition: 'create' | 'delete' | 'get' | 'getAll' | 'update';
};
