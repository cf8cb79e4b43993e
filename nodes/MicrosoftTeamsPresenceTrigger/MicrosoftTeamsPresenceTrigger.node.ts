import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { MAX_IDS_PER_CALL } from '../MicrosoftTeamsPresence/actions/agentPresence/getAll.operation';
import { GUID_REGEX } from '../MicrosoftTeamsPresence/descriptions/locators';
import { pairId, presenceItem } from '../MicrosoftTeamsPresence/helpers/presence';
import { teamsCategory } from '../shared/categories';
import { graphRequest } from '../MicrosoftTeamsPresence/transport';

/** What the previous poll saw: each user's availability/activity. */
interface PollState {
	seen?: Record<string, string>;
}

export class MicrosoftTeamsPresenceTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Microsoft Teams Presence Trigger',
		name: 'microsoftTeamsPresenceTrigger',
		icon: { light: 'file:../../icons/teams.svg', dark: 'file:../../icons/teams.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'Presence changes (polled)',
		description: 'Starts the workflow when the Microsoft Teams presence of chosen users changes',
		defaults: { name: 'Microsoft Teams Presence Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'microsoftTeamsPresenceGraphApi', required: true }],
		properties: [
			{
				displayName:
					'Each poll reads the users’ presence (650 per request, Presence.Read.All) and emits each change once. The first poll after activation only records the current presences; after a pause, the next poll emits whatever changed meanwhile.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Agent IDs',
				name: 'agentIds',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'e.g. fa8bf3dc-eca7-46b7-bad1-db199b62afc3, 66825e03-7ef5-42da-9069-724602c31f6b',
				description: 'Microsoft Entra user object IDs to watch, comma-separated',
			},
			{
				displayName: 'Include Activity Changes',
				name: 'includeActivity',
				type: 'boolean',
				default: true,
				description:
					'Whether a change of activity alone (Busy/InACall → Busy/InAMeeting) is a change; off: only availability changes count',
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const ids = watchedIds(this);
		const includeActivity = this.getNodeParameter('includeActivity', true) as boolean;
		// `seen` keeps the whole pair; without activity changes only its availability is compared.
		const same = (before: string, now: string) =>
			includeActivity ? before === now : before.split('/')[0] === now.split('/')[0];
		const presences = await readAll(this, ids);
		const detectedAt = new Date().toISOString();

		if (this.getMode() === 'manual') {
			// Test fetch: show the current presences, leave the recorded state alone.
			return [presences.map((p) => ({ json: presenceItem(p, 'presence_read', { detectedAt }) }))];
		}
		const state = this.getWorkflowStaticData('node') as PollState & IDataObject;
		const first = state.seen === undefined;
		const seen = { ...(state.seen ?? {}) };
		const out: INodeExecutionData[] = [];
		for (const presence of presences) {
			const id = String(presence.id);
			const now = pairId(presence.availability, presence.activity);
			const before = seen[id];
			seen[id] = now;
			if (first || before === undefined || same(before, now)) continue;
			const [previousAvailability] = before.split('/');
			out.push({
				json: presenceItem(presence, 'presence_changed', {
					previousPresenceId: before,
					previousCategory: teamsCategory(previousAvailability),
					detectedAt,
				}),
			});
		}
		// Users no longer watched are forgotten, so re-adding one starts from a fresh baseline.
		state.seen = Object.fromEntries(Object.entries(seen).filter(([id]) => ids.includes(id)));
		return out.length ? [out] : null;
	}
}

function watchedIds(ctx: IPollFunctions): string[] {
	const raw = ctx.getNodeParameter('agentIds', '') as string | string[];
	const list = Array.isArray(raw) ? raw : String(raw).split(/[\s,;]+/);
	const ids = [...new Set(list.map((v) => String(v).trim()).filter((v) => v !== ''))];
	const bad = ids.find((id) => !new RegExp(GUID_REGEX).test(id));
	if (ids.length === 0 || bad) {
		throw new NodeOperationError(
			ctx.getNode(),
			bad ? `Not a Microsoft Entra user object ID: "${bad}"` : 'No agent IDs to watch',
		);
	}
	return ids;
}

async function readAll(ctx: IPollFunctions, ids: string[]): Promise<IDataObject[]> {
	const out: IDataObject[] = [];
	for (let start = 0; start < ids.length; start += MAX_IDS_PER_CALL) {
		const page = await graphRequest<{ value?: IDataObject[] }>(ctx, {
			method: 'POST',
			path: '/communications/getPresencesByUserId',
			body: { ids: ids.slice(start, start + MAX_IDS_PER_CALL) },
			idempotent: true,
			permission: { application: 'Presence.Read.All' },
		});
		out.push(...(page.value ?? []));
	}
	return out;
}
