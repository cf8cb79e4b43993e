import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { showFor } from '../../../shared/displayOptions';
import { cacheTtlOption } from '../../../shared/lookupCache';
import { agentLocator } from '../../descriptions/locators';
import type { UserLookup } from '../../helpers/agents';
import { findUsers } from '../../helpers/agents';
import { GUID_REGEX } from '../../helpers/guid';
import { rowOf } from '../../helpers/rows';
import { optionsCollection } from '../../../shared/collections';
import { readAgentLocator } from '../../../shared/locators';

const LABELS: Record<UserLookup, string> = {
	id: 'ID',
	email: 'e-mail address',
	aadObjectId: 'Azure AD object ID',
};

const base = agentLocator();

/** The agent locator, plus a lookup by the user's Microsoft Entra ID (Azure AD) object ID. */
const properties: INodeProperties[] = [
	agentLocator({
		modes: [
			...(base.modes ?? []),
			{
				displayName: 'By Azure AD Object ID',
				name: 'aadObjectId',
				type: 'string',
				placeholder: 'e.g. 5d6c3a2b-1f0e-4d9c-8b7a-6f5e4d3c2b1a',
				validation: [
					{ type: 'regex', properties: { regex: GUID_REGEX, errorMessage: 'Not a valid object ID (GUID)' } },
				],
			},
		],
	}),
	optionsCollection([cacheTtlOption]),
];

export const description = showFor({ resource: ['agent'], operation: ['get'] }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const { mode, value } = readAgentLocator(this, i);
	const by: UserLookup = mode === 'email' || mode === 'aadObjectId' ? mode : 'id';
	const users = await findUsers(this, by, value, i);
	if (users.length === 0) {
		throw new NodeOperationError(this.getNode(), `No Dataverse user has the ${LABELS[by]} "${value}"`, {
			itemIndex: i,
		});
	}
	return users.map(rowOf);
}
