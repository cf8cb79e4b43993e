import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { showFor } from '../../../shared/displayOptions';
import { agentLocator } from '../../descriptions/locators';
import { resolveAgentId } from '../../helpers/agents';
import { presenceItem } from '../../helpers/presence';
import { readPresence } from '../../helpers/write';

export const description = showFor({ resource: ['agentPresence'], operation: ['get'] }, [agentLocator]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const agentId = await resolveAgentId(this, i);
	const presence = await readPresence(this, agentId);
	return presenceItem({ id: agentId, ...presence }, 'presence_read');
}
