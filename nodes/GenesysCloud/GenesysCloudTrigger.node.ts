import type { INodeTypeDescription } from 'n8n-workflow';

import { GenesysCloudPresenceTrigger } from './GenesysCloudPresenceTrigger.node';
import { underPanelName } from '../shared/panelName';

/** The Genesys Cloud presence trigger under the type name n8n's panel groups with Genesys Cloud. */
export class GenesysCloudTrigger extends GenesysCloudPresenceTrigger {
	description: INodeTypeDescription = underPanelName(this.description, 'genesysCloudTrigger');
}
