/**
 * The Amazon Connect node's resources and their operations, named as its Resource and Operation
 * fields name them (as n8n's own nodes declare theirs in node.type.ts). The router's map is typed by
 * it, so a misspelt or forgotten resource or operation fails to compile.
 */
export type AmazonConnectMap = {
	agent: 'get' | 'getAll';
	agentPresence: 'get' | 'getAll' | 'set';
	presenceDefinition: 'create' | 'get' | 'getAll' | 'update';
};
