/**
 * Microsoft Graph change notifications for presence ("Get change notifications for presence
 * updates in Microsoft Teams"): who a notification names. Read by the Notification Trigger and by
 * the Agent Presence nodes' Microsoft Graph source.
 */

export interface Notification {
	subscriptionId?: string;
	clientState?: string;
	lifecycleEvent?: string;
	resourceData?: { id?: string; '@odata.id'?: string };
	resource?: string;
}

/**
 * Where a notification names its user ("Get change notifications for presence updates in
 * Microsoft Teams"): `resource: "communications/presences/{id}"` and `resourceData.@odata.id:
 * "users/{id}/presence"`; the key form `presences('{id}')` is understood too.
 */
const USER_IN_RESOURCE = [/presences\/([^/?'()]+)\/?$/i, /presences\('([^']+)'\)/i];
const USER_IN_ODATA_ID = [/^\/?users\/([^/]+)\/presence$/i, /users\('([^']+)'\)\/presence$/i];

const firstMatch = (value: unknown, patterns: RegExp[]) => {
	for (const re of patterns) {
		const m = re.exec(String(value ?? ''));
		if (m) return m[1];
	}
	return undefined;
};

/** The user a change notification names: resourceData.id, else the ID in its resource or @odata.id. */
export function userOf(n: Notification): string | undefined {
	const id =
		(typeof n.resourceData?.id === 'string' && n.resourceData.id !== '' ? n.resourceData.id : undefined) ??
		firstMatch(n.resource, USER_IN_RESOURCE) ??
		firstMatch(n.resourceData?.['@odata.id'], USER_IN_ODATA_ID);
	return id === undefined ? undefined : id.toLowerCase();
}

