/**
 * Vonage signs each webhook notification ("Verifying and responding to a signed webhook
 * notification"): a JWT in the `Vonage-Signature` header (`Bearer <jwt>` in Vonage's example),
 * HS256 keyed with the base64-decoded subscription secret, whose `payload_hash` claim is the hex
 * SHA-256 of the raw body; it expires 5 minutes after it is issued. Only HS256 is accepted (never
 * `none` or an algorithm the sender picks), both the HMAC and the payload hash are compared in
 * constant time, and a token without `exp` is refused.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

function decodeSegment(segment: string): Record<string, unknown> | undefined {
	try {
		const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
		return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
	} catch {
		return undefined;
	}
}

/** Null when the notification is signed with the secret, otherwise why not (never echoes the secret). */
export function verifyVonageSignature(
	secretBase64: string,
	header: string | undefined,
	rawBody: Buffer | undefined,
	nowMs: number,
	where = 'node',
): string | null {
	const secret = secretBase64.trim();
	if (secret === '') return `No Vonage subscription secret is configured: select a Vonage Contact Center Webhook API credential on the ${where}`;
	if (!BASE64.test(secret)) return 'The configured Vonage subscription secret is not base64, as Vonage gives it';
	if (header === undefined || header.trim() === '') return 'Missing header "Vonage-Signature"';
	const token = header.trim().replace(/^Bearer\s+/i, '');
	const parts = token.split('.');
	if (parts.length !== 3) return 'The Vonage-Signature header is not a JWT';
	const [encodedHeader, encodedClaims, encodedSignature] = parts;
	const jwtHeader = decodeSegment(encodedHeader);
	if (!jwtHeader) return 'The Vonage-Signature JWT has an unreadable header';
	if (jwtHeader.alg !== 'HS256') return `The Vonage-Signature JWT must be signed with HS256, not ${JSON.stringify(jwtHeader.alg ?? null)}`;

	const expected = createHmac('sha256', Buffer.from(secret, 'base64')).update(`${encodedHeader}.${encodedClaims}`).digest();
	const given = Buffer.from(encodedSignature, 'base64url');
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
		return 'The Vonage-Signature JWT does not verify with the configured subscription secret';
	}

	const claims = decodeSegment(encodedClaims);
	if (!claims) return 'The Vonage-Signature JWT has unreadable claims';
	// ASSUMPTION: the JWT carries `exp` (Vonage documents a 5-minute expiry, not the claim); without it the signature is refused.
	if (typeof claims.exp !== 'number') return 'The Vonage-Signature JWT has no expiry (exp)';
	if (nowMs >= claims.exp * 1000) return 'The Vonage-Signature JWT has expired';

	if (typeof claims.payload_hash !== 'string') return 'The Vonage-Signature JWT has no payload_hash';
	if (rawBody === undefined) return 'The request body is not available to check the Vonage signature';
	const bodyHash = createHash('sha256').update(rawBody).digest();
	const claimedHash = Buffer.from(claims.payload_hash, 'hex');
	if (claimedHash.length !== bodyHash.length || !timingSafeEqual(claimedHash, bodyHash)) {
		return 'The body does not match the Vonage-Signature payload_hash';
	}
	return null;
}
