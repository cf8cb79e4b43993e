import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/collections';
import { showFor } from '../../../shared/displayOptions';
import { returnAllAndLimit } from '../../../shared/returnAllAndLimit';
import type { AgentStatusType } from '../../helpers/categories';
import { customCategoriesOption, customMappingOf } from '../../helpers/categories';
import { listAgentStatuses, statusItem } from '../../helpers/statuses';

export const description: INodeProperties[] = showFor({ resource: ['presenceDefinition'], operation: ['getAll'] }, [
	...returnAllAndLimit,
	{
		displayName: 'Types',
		name: 'types',
		type: 'multiOptions',
		default: [],
		options: [
			{ name: 'Custom', value: 'CUSTOM', description: 'Statuses the instance defines (Break, Lunch…)' },
			{ name: 'Offline', value: 'OFFLINE', description: 'The Offline status' },
			{ name: 'Routable', value: 'ROUTABLE', description: 'The Available status, in which contacts are routed' },
		],
		description: 'Only statuses of these types (AgentStatusTypes); none chosen lists all',
	},
	optionsCollection([customCategoriesOption]),
]);

/** ListAgentStatuses, every page (NextToken) or up to the limit. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', i) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', i) as number);
	const types = this.getNodeParameter('types', i, []) as AgentStatusType[];
	const mapping = customMappingOf(this.getNodeParameter('options', i, {}) as IDataObject);
	const statuses = await listAgentStatuses(this, { types, limit });
	return statuses.map((s) => ({ ...statusItem(s as unknown as IDataObject, mapping), presenceId: s.Id, presenceName: s.Name }));
}
