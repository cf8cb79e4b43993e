import type { IDataObject, ITriggerFunctions } from 'n8n-workflow';

import { ttlFrom } from '../../shared/lookupCache';
import type { ListenerSettings } from './PresenceListener';

const splitList = (value: unknown): string[] =>
	String(value ?? '')
		.split(/[\s,;]+/)
		.map((s) => s.trim())
		.filter(Boolean);

/** The node's parameters as the listener needs them. */
export function settingsFrom(ctx: ITriggerFunctions): ListenerSettings {
	const selection = ctx.getNodeParameter('userSelection', 'pick') as string;
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	let users: string[] | 'all' = 'all';
	if (selection === 'pick') users = (ctx.getNodeParameter('userIds', []) as string[]).map(String);
	if (selection === 'ids') users = splitList(ctx.getNodeParameter('userIdList', ''));
	return {
		users,
		ignoreSourceNames: String(options.ignoreSourceNames ?? '')
			.split(/[,\n]+/)
			.map((s) => s.trim())
			.filter(Boolean),
		filter: {
			ignoreSources: splitList(options.ignoreSources),
			onlyDefinitionChanges: options.onlyDefinitionChanges === true,
		},
		includeRaw: options.includeRaw === true,
		includeAgentEmail: options.includeAgentEmail === true,
		cacheTtlSeconds: ttlFrom(ctx, options.cacheTtl),
	};
}
