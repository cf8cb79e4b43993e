/**
 * The Resource and Operation selectors of the action nodes: n8n's resource/operation pattern, the
 * same in every node. Each node passes its own options (names, actions, descriptions).
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** A resource of an action node: its option in the Resource selector and its operations' fields. */
export interface Resource {
	name: string;
	value: string;
	properties: INodeProperties[];
}

/**
 * An action node's properties: the Resource selector (every node opens on Agent Presence), then
 * each resource's operations and fields.
 */
export function resourceProperties(resources: Resource[]): INodeProperties[] {
	return [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: resources.map(({ name, value }) => ({ name, value })),
			default: 'agentPresence',
		},
		...resources.flatMap((resource) => resource.properties),
	];
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
