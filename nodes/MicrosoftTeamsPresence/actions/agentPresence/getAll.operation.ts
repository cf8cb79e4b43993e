import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { showFor } from '../../../shared/displayOptions';
import { returnAllAndLimit } from '../../../shared/returnAllAndLimit';
import { GUID_REGEX } from '../../descriptions/locators';
import { presenceItem } from '../../helpers/presence';
import { readPresences } from '../../helpers/presences';

const properties: INodeProperties[] = [
	{
		displayName: 'Agent IDs',
		name: 'agentIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. fa8bf3dc-eca7-46b7-bad1-db199b62afc3, 66825e03-7ef5-42da-9069-724602c31f6b',
		description:
			'Microsoft Entra user object IDs, comma-separated or an array from an expression; read 650 per request',
	},
	...returnAllAndLimit,
];

export const description = showFor({ resource: ['agentPresence'], operation: ['getAll'] }, properties);

export function parseIds(ctx: IExecuteFunctions, value: unknown, itemIndex: number): string[] {
	const list = Array.isArray(value) ? value : String(value ?? '').split(/[\s,;]+/);
	const ids = [...new Set(list.map((v) => String(v ?? '').trim()).filter((v) => v !== ''))];
	const bad = ids.filter((id) => !new RegExp(GUID_REGEX).test(id));
	if (ids.length === 0 || bad.length) {
		throw new NodeOperationError(
			ctx.getNode(),
			ids.length === 0 ? 'No agent IDs given' : `Not a Microsoft Entra user object ID: "${bad[0]}"`,
			{ itemIndex, description: 'Give user object IDs (GUIDs); find one by e-mail with the Get operation' },
		);
	}
	return ids;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const ids = parseIds(this, this.getNodeParameter('agentIds', i), i);
	const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
	const wanted = returnAll ? ids.length : Math.min(ids.length, Number(this.getNodeParameter('limit', i, 50)));
	const presences = await readPresences(this, ids.slice(0, wanted));
	return presences.map((presence) => presenceItem(presence, 'presence_read'));
}
