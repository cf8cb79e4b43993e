import type { IDataObject } from 'n8n-workflow';

/** The user fields an agent item carries ("user resource type"). */
export const USER_FIELDS = 'id,displayName,mail,userPrincipalName,jobTitle,department,accountEnabled';

/** A Graph user as an agent item: Graph's fields (OData annotations left out) plus `source` and `agentId`. */
export function agentItem(user: IDataObject): IDataObject {
	const fields = Object.fromEntries(Object.entries(user).filter(([k]) => !k.startsWith('@odata.')));
	return { source: 'teams', agentId: String(user.id), ...fields };
}
