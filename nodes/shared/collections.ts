import type { INodeProperties } from 'n8n-workflow';

/** n8n's optional-fields collection: the user adds only the fields they want ("Add Field"). */
function collection(
	displayName: string,
	name: string,
	options: INodeProperties[],
	placeholder = 'Add Field',
): INodeProperties {
	return { displayName, name, type: 'collection', placeholder, default: {}, options };
}

/** A create's optional fields (`additionalFields`). */
export const additionalFields = (options: INodeProperties[]): INodeProperties =>
	collection('Additional Fields', 'additionalFields', options);

/** The fields an update changes (`updateFields`): those not added stay as they are. */
export const updateFields = (options: INodeProperties[]): INodeProperties =>
	collection('Update Fields', 'updateFields', options);

/** The per-item options of an operation (`options`, "Add Option"): timeout, cache, guards. */
export const optionsCollection = (options: INodeProperties[]): INodeProperties =>
	collection('Options', 'options', options, 'Add Option');

/** What a Get Many narrows its list by (`filters`, "Add Filter"): none added lists everything. */
export const filtersCollection = (options: INodeProperties[]): INodeProperties =>
	collection('Filters', 'filters', options, 'Add Filter');
