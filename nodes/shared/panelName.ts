import type { INodeTypeDescription } from 'n8n-workflow';

/**
 * n8n's node panel files a trigger under the app whose type name is the trigger's own without
 * "Trigger" (fooTrigger joins foo) and then lists that app's triggers and actions
 * together. The first triggers were typed …PresenceTrigger, and a type name never changes (saved
 * workflows name it), so such a trigger is registered a second time under the name the panel groups
 * by; the first type stays loadable for saved workflows but hidden from the panel, so it is not
 * listed twice.
 */
export function underPanelName(description: INodeTypeDescription, name: string): INodeTypeDescription {
	return { ...description, name, hidden: undefined };
}
