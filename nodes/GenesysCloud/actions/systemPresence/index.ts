import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../../../shared/selectors';
import * as getAll from './getAll.operation';

export { getAll };

export const description: INodeProperties[] = [
	operationSelector('systemPresence', 'getAll', [
		{ name: 'Get Many', value: 'getAll', action: 'Get many system presences' },
	]),
	...getAll.description,
];
