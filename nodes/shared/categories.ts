/**
 * A category given to a Set, in any spelling. Each vendor's own vocabulary is in its folder's
 * categories.ts.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { PresenceCategory } from './presence';
import { PRESENCE_CATEGORIES } from './presence';
import { VENDORS } from './vendors';

/** An expression that found no category renders as one of these. */
const NO_CATEGORY = new Set(['', 'null', 'undefined']);

/** The triggers whose items carry a presence: the Agent Presence Trigger and every vendor's. */
const triggerTypes = () => ['agentPresenceTrigger', ...Object.values(VENDORS).flatMap((v) => v.triggerTypes)];

/** The presence the item is about: on the item itself, else on the trigger's item it came from. */
function presenceLabel(ctx: IExecuteFunctions, itemIndex: number): string {
	const own = ctx.getInputData()[itemIndex]?.json ?? {};
	const named = (json: IDataObject) => (json.presenceName ?? json.presenceId ?? null) as string | null;
	if (named(own)) return String(named(own));
	try {
		const trigger = ctx
			.getParentNodes(ctx.getNode().name)
			.find((p) => triggerTypes().includes(p.type.slice(p.type.lastIndexOf('.') + 1)));
		if (trigger) {
			const found = ctx.evaluateExpression(
				`{{ $('${trigger.name}').item.json.presenceName ?? $('${trigger.name}').item.json.presenceId }}`,
				itemIndex,
			);
			if (typeof found === 'string' && found !== '' && found !== 'null') return found;
		}
	} catch {
		// No paired trigger item: the generic wording below says enough.
	}
	return 'the incoming presence';
}

/** Every spelling of a category an expression may give, squashed (case, spaces, `-`, `_` dropped). */
const CATEGORY_SPELLINGS: Record<string, PresenceCategory> = {
	available: 'available',
	busy: 'busy',
	donotdisturb: 'do_not_disturb',
	dnd: 'do_not_disturb',
	away: 'away',
	offline: 'offline',
};

/**
 * The category a Set by category is given (from the options list or an expression): "Do Not
 * Disturb", "do_not_disturb", "DND" and "do-not-disturb" are the same, in any case. An empty value
 * is usually a custom presence not resolved or mapped yet: the error names the presence and both
 * ways to give it one. Any other value lists the valid categories.
 */
export function requirePresenceCategory(ctx: IExecuteFunctions, value: unknown, itemIndex: number): PresenceCategory {
	if (value === null || value === undefined || NO_CATEGORY.has(String(value).trim())) {
		const label = presenceLabel(ctx, itemIndex);
		throw new NodeOperationError(ctx.getNode(), `No presence category for "${label}"`, {
			itemIndex,
			description:
				`"${label}" is probably a custom presence, and a custom presence has no category until it is mapped. ` +
				'Turn on "Resolve Custom Presences" in the Agent Presence Trigger (the category then comes from how the vendor itself classifies the presence, read with its credential), ' +
				'or map the presence name to a category (available, busy, do_not_disturb, away, offline) in the workflow\'s mapping.',
		});
	}
	const found = CATEGORY_SPELLINGS[String(value).toLowerCase().replace(/[\s_-]+/g, '')];
	if (!found) {
		throw new NodeOperationError(ctx.getNode(), `Unknown presence category "${String(value)}"`, {
			itemIndex,
			description: `Use one of: ${PRESENCE_CATEGORIES.map((c) => c.value).join(', ')}`,
		});
	}
	return found;
}
