import type { INodeTypeDescription } from 'n8n-workflow';

import { VonageContactCenterPresenceTrigger } from './VonageContactCenterPresenceTrigger.node';
import { underPanelName } from '../shared/panelName';

/** The Vonage Contact Center presence trigger under the type name n8n's panel groups with Vonage Contact Center. */
export class VonageContactCenterTrigger extends VonageContactCenterPresenceTrigger {
	description: INodeTypeDescription = underPanelName(this.description, 'vonageContactCenterTrigger');
}
