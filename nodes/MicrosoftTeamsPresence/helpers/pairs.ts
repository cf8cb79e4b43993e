/** The availability/activity pairs Graph accepts, and reading a Set's target presence. */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requirePresenceCategory } from '../../shared/categories';
import { TEAMS_PREFERRED_PAIR_BY_CATEGORY, TEAMS_SESSION_PAIR_BY_CATEGORY } from '../categories';

/** "presence: setPresence": an app session accepts only these. */
export const TEAMS_SESSION_PAIRS: Array<[string, string]> = [
	['Available', 'Available'],
	['Busy', 'InACall'],
	['Busy', 'InAConferenceCall'],
	['Away', 'Away'],
	['DoNotDisturb', 'Presenting'],
];

/** "presence: setUserPreferredPresence". */
export const TEAMS_PREFERRED_PAIRS: Array<[string, string]> = [
	['Available', 'Available'],
	['Busy', 'Busy'],
	['DoNotDisturb', 'DoNotDisturb'],
	['BeRightBack', 'BeRightBack'],
	['Away', 'Away'],
	['Offline', 'OffWork'],
];

export type PresenceKind = 'session' | 'preferred';

const squash = (v: unknown) => String(v ?? '').toLowerCase().replace(/[\s_-]+/g, '');

/** The pair to write for this item: given as `Availability/Activity`, or derived from a category. */
export function resolvePair(ctx: IExecuteFunctions, itemIndex: number, kind: PresenceKind): [string, string] {
	const allowed = kind === 'session' ? TEAMS_SESSION_PAIRS : TEAMS_PREFERRED_PAIRS;
	const opName = kind === 'session' ? 'Set' : 'Set Preferred';
	if (ctx.getNodeParameter('presenceBy', itemIndex) === 'category') {
		const category = requirePresenceCategory(ctx, ctx.getNodeParameter('category', itemIndex), itemIndex);
		const pair = kind === 'session' ? TEAMS_SESSION_PAIR_BY_CATEGORY[category] : TEAMS_PREFERRED_PAIR_BY_CATEGORY[category];
		if (!pair) {
			throw new NodeOperationError(ctx.getNode(), `An app presence session cannot show "${category}" in Microsoft Teams`, {
				itemIndex,
				// Offline is the only category without a session pair.
				description:
					'Use "Clear" to end the app\'s session (Teams shows Offline when it was the user\'s last session), or "Set Preferred" with Offline',
			});
		}
		return pair;
	}
	const value = String(ctx.getNodeParameter('presence', itemIndex, '', { extractValue: true }) ?? '').trim();
	if (value === '') {
		throw new NodeOperationError(ctx.getNode(), 'No presence given', {
			itemIndex,
			description: 'Pick a presence, give it as Availability/Activity (e.g. Busy/InACall), or set it by category',
		});
	}
	const [availability, activity = availability] = value.split('/').map((s) => s.trim());
	const found = allowed.find(([a, b]) => squash(a) === squash(availability) && squash(b) === squash(activity));
	if (!found) {
		throw new NodeOperationError(ctx.getNode(), `Microsoft Graph does not accept "${value}" for ${opName}`, {
			itemIndex,
			description: `${opName} accepts: ${allowed.map(([a, b]) => `${a}/${b}`).join(', ')}`,
		});
	}
	return found;
}

const DURATION_RE = /^PT(?:(\d+)H)?(?:(\d+)M)?$/i;

/** ISO 8601 duration within Graph's bounds (setPresence: PT5M–PT4H). */
export function parseDuration(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	bounds: { minMinutes: number; maxMinutes?: number },
): string | undefined {
	const text = String(value ?? '').trim().toUpperCase();
	if (text === '') return undefined;
	const m = DURATION_RE.exec(text);
	const minutes = m && (m[1] || m[2]) ? Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) : NaN;
	const tooLong = bounds.maxMinutes !== undefined && minutes > bounds.maxMinutes;
	if (!Number.isFinite(minutes) || minutes < bounds.minMinutes || tooLong) {
		const range = bounds.maxMinutes !== undefined ? `PT${bounds.minMinutes}M to PT${bounds.maxMinutes / 60}H` : `at least PT${bounds.minMinutes}M`;
		throw new NodeOperationError(ctx.getNode(), `Expiration "${String(value)}" is not an ISO 8601 duration from ${range}`, {
			itemIndex,
			description: 'Examples: PT5M, PT30M, PT1H, PT4H',
		});
	}
	return text;
}
