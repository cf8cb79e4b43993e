/**
 * An event's JSON body, from whatever the receiving node got: an object already parsed (n8n's body
 * parser, a queue trigger's JSON option) is taken as it is; otherwise the text or raw bytes are
 * parsed, so the rejection can say what is wrong with them.
 */
import { passOn } from './errors';
import { InvalidEventError } from './eventErrors';

/** `body` as received and, when there is one, the body's raw bytes or text. */
export function jsonEventBody(body: unknown, raw: Buffer | string | undefined): unknown {
	if (body !== null && typeof body === 'object' && !Buffer.isBuffer(body) && Object.keys(body).length > 0) return body;
	const bytes = raw ?? (typeof body === 'string' || Buffer.isBuffer(body) ? body : undefined);
	const text = bytes === undefined ? '' : Buffer.isBuffer(bytes) ? bytes.toString('utf8') : bytes;
	if (text.trim() === '') {
		if (Array.isArray(body)) return body;
		throw new InvalidEventError('Empty body: expected a JSON event');
	}
	try {
		return JSON.parse(text);
	} catch (error) {
		// Not an n8n error: the receiving node turns it into a rejection (a 400, or the Rejected output).
		passOn(new InvalidEventError(`Body is not valid JSON: ${(error as Error).message}`));
	}
}
