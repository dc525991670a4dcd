import { createHmac, timingSafeEqual } from 'crypto';

/**
 * Svix webhook signatures, as Stack Auth sends them (the standard-webhooks scheme): the
 * signature is base64 HMAC-SHA256 over `${id}.${timestamp}.${rawBody}`, keyed with the
 * base64-decoded part of the `whsec_…` secret; the header holds space-separated `v1,<sig>`
 * entries; timestamps more than 5 minutes from now are refused.
 */
export const TOLERANCE_SECONDS = 5 * 60;

export type VerifyResult =
	| { ok: true; id: string; timestamp: number }
	| { ok: false; reason: string };

export interface VerifyInput {
	/** One or more `whsec_…` secrets (several during a rotation). */
	secrets: string[];
	headers: Record<string, string | string[] | undefined>;
	rawBody: Buffer;
	/** Unix seconds; now when omitted. */
	now?: number;
}

function header(headers: VerifyInput['headers'], ...names: string[]): string | undefined {
	for (const name of names) {
		const value = headers[name];
		if (typeof value === 'string' && value !== '') return value;
		if (Array.isArray(value) && value.length) return value.join(' ');
	}
	return undefined;
}

/** The HMAC key of a `whsec_…` secret, or undefined when it is not one. */
export function secretKey(secret: string): Buffer | undefined {
	const trimmed = secret.trim();
	const encoded = trimmed.startsWith('whsec_') ? trimmed.slice('whsec_'.length) : trimmed;
	if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) return undefined;
	const key = Buffer.from(encoded, 'base64');
	return key.length >= 16 ? key : undefined;
}

export function sign(
	key: Buffer,
	id: string,
	timestamp: number | string,
	rawBody: Buffer | string,
): string {
	return createHmac('sha256', key).update(`${id}.${timestamp}.`).update(rawBody).digest('base64');
}

export function verifyWebhook(input: VerifyInput): VerifyResult {
	const id = header(input.headers, 'svix-id', 'webhook-id');
	const timestampText = header(input.headers, 'svix-timestamp', 'webhook-timestamp');
	const signatures = header(input.headers, 'svix-signature', 'webhook-signature');
	if (!id || !timestampText || !signatures)
		return { ok: false, reason: 'missing signature headers' };
	if (!/^\d{1,12}$/.test(timestampText)) return { ok: false, reason: 'malformed timestamp' };
	const timestamp = Number(timestampText);
	const now = input.now ?? Math.floor(Date.now() / 1000);
	if (Math.abs(now - timestamp) > TOLERANCE_SECONDS)
		return { ok: false, reason: 'timestamp outside the 5-minute tolerance' };
	const keys = input.secrets.map(secretKey).filter((key): key is Buffer => key !== undefined);
	if (!keys.length) return { ok: false, reason: 'no valid signing secret configured' };
	const expected = keys.map((key) =>
		Buffer.from(sign(key, id, timestamp, input.rawBody), 'base64'),
	);
	for (const entry of signatures.split(' ')) {
		const [version, signature] = entry.split(',', 2);
		if (version !== 'v1' || !signature) continue;
		const given = Buffer.from(signature, 'base64');
		// Constant-time comparison; lengths differ only for malformed signatures.
		if (expected.some((e) => e.length === given.length && timingSafeEqual(e, given))) {
			return { ok: true, id, timestamp };
		}
	}
	return { ok: false, reason: 'no matching signature' };
}
