/**
 * The Resource and Operation selectors of the action nodes: n8n's resource/operation pattern, the
 * same in every node. Each node passes its own options (names, actions, descriptions).
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** The Resource selector; every action node opens on its Agent Presence resource. */
export function resourceSelector(options: INodePropertyOptions[]): INodeProperties {
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options,
		default: 'agentPresence',
	};
}

/** A resource's Operation selector, shown only while that resource is picked. */
export function operationSelector(
	resource: string,
	defaultOperation: string,
	options: INodePropertyOptions[],
): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultOperation,
	};
}
