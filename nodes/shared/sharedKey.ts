/**
 * The trigger's shared key, which the sender presents with every event. When the trigger registers
 * the webhook itself (a source's activation says so) a user may leave it empty: the first activation generates one and
 * keeps it in the workflow's static data (saved by n8n with the workflow, on this node only, never
 * shown, logged or emitted), and later activations reuse it. Typed keys always win. A key still
 * holding a template's REPLACE_WITH_… placeholder is refused at activation, never accepted.
 */
import { randomBytes } from 'node:crypto';
import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

const STATIC_KEY = 'generatedSharedKey';

export const isPlaceholder = (key: string) => /^REPLACE_WITH/i.test(key.trim());

const usesKey = (ctx: IHookFunctions | IWebhookFunctions) => {
	const verification = ctx.getNodeParameter('verification') as string;
	return verification === 'queryKey' || verification === 'header';
};

/** The key the sender must present: the one typed on the node, else the one generated at activation. */
export function effectiveSharedKey(ctx: IHookFunctions | IWebhookFunctions): string {
	const typed = ctx.getNodeParameter('sharedKey', '') as string;
	if (typed !== '') return typed;
	const generated = ctx.getWorkflowStaticData('node')[STATIC_KEY];
	return typeof generated === 'string' ? generated : '';
}

/** What to do about a placeholder or missing key, unless the source says it for its sender. */
const SAME_KEY = 'Enter a long random key and give the sender the same key.';
const KEY_HELP = { placeholder: SAME_KEY, missing: SAME_KEY };

/**
 * At activation: a placeholder is an error; an empty key is generated when the trigger registers
 * the webhook itself (automatic), else an error saying what to do (`help`: the sender needs the same key).
 */
export function ensureSharedKey(ctx: IHookFunctions, automatic: boolean, help = KEY_HELP): void {
	if (!usesKey(ctx)) return;
	const typed = ctx.getNodeParameter('sharedKey', '') as string;
	if (isPlaceholder(typed)) {
		throw new NodeOperationError(ctx.getNode(), 'The Shared Key still holds the template\'s placeholder', {
			description: automatic
				? 'Clear the Shared Key field to let the trigger generate one, or enter your own long random key.'
				: help.placeholder,
		});
	}
	if (typed !== '' || effectiveSharedKey(ctx) !== '') return;
	if (!automatic) {
		throw new NodeOperationError(ctx.getNode(), 'The trigger has no Shared Key', { description: help.missing });
	}
	ctx.getWorkflowStaticData('node')[STATIC_KEY] = randomBytes(32).toString('base64url');
}
