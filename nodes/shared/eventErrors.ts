/**
 * How every trigger refuses an event body it cannot read: one error type, and zod's first issue
 * worded as `path: message` for the 400 answer or the dropped-event log line.
 */
import type { z } from 'zod';

/** A body the trigger refuses: `message` says what was wrong, for the 400 answer. */
export class InvalidEventError extends Error {}

/** zod's first issue as `path: message`, e.g. `InputParameters.0.key: Required`. */
export function describeZodError(error: z.ZodError, prefix = ''): string {
	const issue = error.issues[0];
	const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
	return path ? `${path}: ${issue.message}` : issue.message;
}
