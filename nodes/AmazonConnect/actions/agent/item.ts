import type { IDataObject } from 'n8n-workflow';

/** A user record with the shared agent fields: agentId, agentName, agentEmail (IdentityInfo.Email, when the listing has it). */
export function agentItem(user: IDataObject): IDataObject {
	const info = (user.IdentityInfo ?? {}) as IDataObject;
	const name = [info.FirstName, info.LastName].filter(Boolean).join(' ');
	return {
		...user,
		source: 'amazonConnect',
		agentId: user.Id,
		agentName: name || null,
		agentEmail: typeof info.Email === 'string' ? info.Email : null,
		username: user.Username ?? null,
	};
}
