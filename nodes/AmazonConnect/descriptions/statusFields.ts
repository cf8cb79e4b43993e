/** The fields of CreateAgentStatus and UpdateAgentStatus, with the API Reference's limits. */
import type { INodeProperties } from 'n8n-workflow';

export const stateField: INodeProperties = {
	displayName: 'State',
	name: 'state',
	type: 'options',
	default: 'ENABLED',
	options: [
		{ name: 'Enabled', value: 'ENABLED', description: 'Agents can choose it' },
		{ name: 'Disabled', value: 'DISABLED', description: 'Hidden from agents' },
	],
};

export const descriptionField: INodeProperties = {
	displayName: 'Description',
	name: 'description',
	type: 'string',
	default: '',
	description: 'Up to 250 characters',
};

export const displayOrderField: INodeProperties = {
	displayName: 'Display Order',
	name: 'displayOrder',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 50 },
	default: 1,
	description: 'Where agents see the status in their list (1–50)',
};
