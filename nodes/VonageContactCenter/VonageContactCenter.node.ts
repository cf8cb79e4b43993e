import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { router } from './actions/router';
import { properties } from './actions/versionDescription';
import { searchPresenceDefinitions, searchUsers } from './methods/listSearch';
import { ACTION_SUBTITLE } from '../shared/subtitle';

export class VonageContactCenter implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Vonage Contact Center',
		name: 'vonageContactCenter',
		icon: { light: 'file:../../icons/vonage.svg', dark: 'file:../../icons/vonage.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: ACTION_SUBTITLE,
		description: 'Read and set agent presence, list presence definitions and look up users in Vonage Contact Center',
		defaults: { name: 'Vonage Contact Center' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'vonageContactCenterApi', required: true }],
		properties,
	};

	methods = { listSearch: { searchUsers, searchPresenceDefinitions } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
