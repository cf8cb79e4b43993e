/** Secrets must never reach an error, a log line or an output item: mask any that slipped into text. */
export function redactSecrets(text: string, secrets: Array<string | undefined>): string {
	let out = text;
	for (const secret of secrets) {
		// Very short values would mask ordinary words; real secrets and tokens are long.
		if (typeof secret === 'string' && secret.length >= 6) out = out.split(secret).join('***');
	}
	return out;
}
