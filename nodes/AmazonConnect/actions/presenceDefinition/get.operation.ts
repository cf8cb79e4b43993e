import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/collections';
import { showFor } from '../../../shared/displayOptions';
import { statusLocator } from '../../descriptions/locators';
import { customCategoriesOption, customMappingOf } from '../../helpers/categories';
import { definitionItem, describeAgentStatus, statusIdParameter } from '../../helpers/definitions';

export const description: INodeProperties[] = showFor({ resource: ['presenceDefinition'], operation: ['get'] }, [
	statusLocator(),
	optionsCollection([customCategoriesOption]),
]);

/** DescribeAgentStatus: the status in full, with its shared category. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const status = await describeAgentStatus(this, statusIdParameter(this, i));
	const mapping = customMappingOf(this.getNodeParameter('options', i, {}) as IDataObject);
	return definitionItem(status, mapping);
}
