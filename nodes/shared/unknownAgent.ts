/**
 * A person the target has no user for (no user with that e-mail in the target system).
 * A sync sees such people all the time — a whole directory's users, a whole organization — so a
 * Set skips them with a reason instead of failing: one of them must never cost another agent's
 * change, and a poll trigger has already recorded the change as seen.
 */
import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { passOn } from './errors';
import type { PresenceSource } from './presence';
import { normalizedPresence } from './presence';
import { setOutcome } from './presenceFields';

/** Thrown by the e-mail lookups when no user matches (several matches stay an ordinary error). */
export class UnknownAgentError extends NodeOperationError {
	readonly agent: string;

	constructor(node: INode, message: string, agent: string, itemIndex: number, description?: string) {
		super(node, message, { itemIndex, description });
		// Outside a Set it is the same input error as before (Get, Continue On Fail items).
		this.name = 'NodeOperationError';
		this.agent = agent;
	}
}

/** The Set output for an unknown person: written false, skippedReason "unknown_agent", and why. */
export function unknownAgentItem(source: PresenceSource, error: UnknownAgentError): IDataObject {
	return {
		...setOutcome(false, null, 'unknown_agent'),
		agent: error.agent,
		reason: error.message,
		...normalizedPresence({
			source,
			event: 'presence_set',
			agentId: '',
			presenceId: null,
			presenceName: null,
			category: null,
			changedAt: null,
		}),
	};
}

/** Runs a Set for one item; an unknown person becomes the skip item instead of a failure. */
export async function skippingUnknownAgent(
	source: PresenceSource,
	set: () => Promise<IDataObject>,
): Promise<IDataObject> {
	try {
		return await set();
	} catch (error) {
		if (error instanceof UnknownAgentError) return unknownAgentItem(source, error);
		passOn(error);
	}
}
