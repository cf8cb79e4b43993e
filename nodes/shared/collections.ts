import type { INodeProperties } from 'n8n-workflow';

/** n8n's optional-fields collection: the user adds only the fields they want ("Add Field"). */
function collection(
	displayName: string,
	name: string,
	options: INodeProperties[],
): INodeProperties {
	return { displayName, name, type: 'collection', placeholder: 'Add Field', default: {}, options };
}

/** A create's optional fields (`additionalFields`). */
export const additionalFields = (options: INodeProperties[]): INodeProperties =>
	collection('Additional Fields', 'additionalFields', options);

/** The fields an update changes (`updateFields`): those not added stay as they are. */
export const updateFields = (options: INodeProperties[]): INodeProperties =>
	collection('Update Fields', 'updateFields', options);

/** The per-item options of an operation (`options`, "Add Option"): timeout, cache, guards. */
export const optionsCollection = (options: INodeProperties[]): INodeProperties => ({
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options,
});
