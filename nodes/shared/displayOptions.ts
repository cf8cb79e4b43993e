import type { INodeProperties } from 'n8n-workflow';

/** Shows `properties` only for the given resource/operation (nodes-base keeps its own copy internal). */
export function showFor(
	show: Record<string, string[]>,
	properties: INodeProperties[],
): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...property.displayOptions?.show, ...show },
		},
	}));
}
