import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { vonagePresenceActivities } from './transport';
import type { VonagePresenceActivity } from './events/vonageEvents';
import { normalizeVonageActivity } from './events/vonageEvents';
import type { CursorState } from './helpers/cursor';
import { selectNew, windowEnd } from './helpers/cursor';
import { eventsProperty, includeRawOption, triggerNodeDescription } from '../shared/triggerNode';
import { VONAGE } from './vendor';

const SUBTITLE = 'Presence changes (polled)';

/** How far back "Fetch Test Event" looks. */
const MANUAL_LOOKBACK_MS = 24 * 60 * 60 * 1000;

export class VonageContactCenterPresenceTrigger implements INodeType {
	description: INodeTypeDescription = {
		...triggerNodeDescription(VONAGE, {
			displayName: 'Vonage Contact Center Trigger',
			// Saved workflows only: new nodes are the Vonage Contact Center Trigger type (see underPanelName).
			hidden: true,
			subtitle: SUBTITLE,
			description:
				'Starts the workflow for each agent presence change in Vonage Contact Center, polled from its reporting (Insights Stats) API',
			polling: true,
			notice:
				'Needs the "stats" scope on the credential. Each poll picks up where the previous one stopped, so every presence change starts the workflow exactly once, none is skipped.',
			properties: [
				{
					displayName: 'Agent ID',
					name: 'agentId',
					type: 'string',
					default: '',
					placeholder: '110',
					description: 'Only this agent (the agent ID shown in Vonage, not the user ID); empty for all agents',
				},
				eventsProperty(
					[
						{ name: 'Presence Changed', value: 'presence_changed' },
						{ name: 'Logged Out', value: 'logged_out' },
					],
					'Which presence changes start the workflow',
				),
				includeRawOption(
					'Include Raw Activity',
					'Whether to add the activity as Vonage Contact Center reported it to the item as "raw"',
				),
			],
		}),
		// Stated here too: n8n's lint reads them only from the node file's own literal.
		icon: { light: 'file:../../icons/vonage.svg', dark: 'file:../../icons/vonage.dark.svg' },
		subtitle: SUBTITLE,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const state = this.getWorkflowStaticData('node') as CursorState & IDataObject;
		const manual = this.getMode() === 'manual';
		const now = new Date().toISOString();
		if (!manual && !state.cursor) {
			// First poll after activation: start from now, changes before activation are history.
			state.cursor = now;
			state.since = now;
			state.seen = {};
			return null;
		}
		const start = manual ? new Date(Date.now() - MANUAL_LOOKBACK_MS).toISOString() : (state.cursor as string);
		const agentId = (this.getNodeParameter('agentId', '') as string).trim();
		// After n8n was off (or polls failed) for weeks the gap is longer than one Stats window:
		// walk it a window per poll instead of asking for it all and failing for good.
		const end = windowEnd(start, Date.now());
		if (end) this.logger.info(`Vonage Contact Center Presence Trigger: catching up, reading ${start} to ${end}`);
		// Scope "stats" and Accept v2: a token for the Agents API's scopes or its v1 is refused there.
		const { items, upTo } = await vonagePresenceActivities(this, { start, end, agentId });

		let activities: VonagePresenceActivity[];
		if (manual) {
			// Test fetch: show the latest change, leave the cursor alone.
			activities = items.filter((a) => a.type === undefined || a.type === 'Presence');
			activities.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
			activities = activities.slice(-1);
		} else {
			const { fresh, next } = selectNew(state, items, upTo, start);
			Object.assign(state, next);
			activities = fresh;
		}

		const events = this.getNodeParameter('events', []) as string[];
		const includeRaw = this.getNodeParameter('includeRaw', false) as boolean;
		const out: INodeExecutionData[] = [];
		for (const activity of activities) {
			const json = normalizeVonageActivity(activity) as IDataObject;
			if (!manual && !events.includes(String(json.event))) continue;
			if (includeRaw) json.raw = activity as unknown as IDataObject;
			out.push({ json });
		}
		return out.length ? [out] : null;
	}
}
