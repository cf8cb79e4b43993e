import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { presenceItem } from './helpers/presence';
import type { SeenState } from './helpers/watch';
import { changesOf, readPresences, watchMethods, watchProperties, watchedIds } from './helpers/watch';
import { triggerNodeDescription } from '../shared/triggerNode';
import { TEAMS } from './vendor';

const SUBTITLE = 'Presence changes (polled)';

export class MicrosoftTeamsPresenceTrigger implements INodeType {
	description: INodeTypeDescription = {
		...triggerNodeDescription(TEAMS, {
			displayName: 'Microsoft Teams Presence Trigger',
			// Version 2: Watch defaults to All Users; agents and group are picked from lists.
			version: [1, 2],
			defaultVersion: 2,
			subtitle: SUBTITLE,
			description: 'Starts the workflow when the Microsoft Teams presence of chosen users changes',
			polling: true,
			notice:
				'Each poll reads the users’ presence (650 per request, Presence.Read.All) and emits each change once. The first poll after activation only records the current presences; after a pause, the next poll emits whatever changed meanwhile. For pushed changes with a signed-in user, use the Microsoft Teams Presence Notification Trigger.',
			properties: watchProperties,
		}),
		// Stated here too: n8n's lint reads them only from the node file's own literal.
		icon: { light: 'file:../../icons/teams.svg', dark: 'file:../../icons/teams.dark.svg' },
		subtitle: SUBTITLE,
	};

	methods = watchMethods;

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const ids = await watchedIds(this);
		const includeActivity = this.getNodeParameter('includeActivity', true) as boolean;
		const presences = await readPresences(this, ids);
		const detectedAt = new Date().toISOString();

		if (this.getMode() === 'manual') {
			// Test fetch: show the current presences, leave the recorded state alone.
			return [presences.map((p) => ({ json: presenceItem(p, 'presence_read', { detectedAt }) }))];
		}
		const state = this.getWorkflowStaticData('node') as SeenState & IDataObject;
		const out = changesOf(state, presences, { includeActivity, watched: ids, detectedAt });
		return out.length ? [out] : null;
	}
}
