/**
 * The Svix signature check of the Stack Auth Trigger, with vectors computed here from the
 * published algorithm (standard-webhooks): base64(HMAC-SHA256(base64decode(secret without
 * whsec_), `${id}.${timestamp}.${body}`)), header `v1,<sig>` entries separated by spaces,
 * 5 minutes of tolerance either way. Plus the bounded memory of delivery IDs.
 */
import { createHmac, randomBytes } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import {
	REMEMBER_MAX,
	REMEMBER_SECONDS,
	seenBefore,
} from '../../nodes/shared/deliveries';
import { TOLERANCE_SECONDS, verifyWebhook } from '../../nodes/StackAuthTrigger/verify';

const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`;
const SECRET = newSecret();
const NOW = 1_790_000_000;
const ID = 'msg_2nQbbWZK3SgTrGxfzVzFQX1TNqL';
const BODY = Buffer.from(
	'{"type":"user.created","data":{"id":"u1","primary_email":"ada@example.com"}}',
);

/** Independent of the code under test: the algorithm as published. */
function signature(secret: string, id: string, timestamp: number, body: Buffer): string {
	const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
	return createHmac('sha256', key)
		.update(Buffer.concat([Buffer.from(`${id}.${timestamp}.`), body]))
		.digest('base64');
}

function headers(sig: string, timestamp = NOW, id = ID) {
	return { 'svix-id': id, 'svix-timestamp': String(timestamp), 'svix-signature': sig };
}

const verify = (
	h: Record<string, string>,
	options: { secrets?: string[]; body?: Buffer; now?: number } = {},
) =>
	verifyWebhook({
		secrets: options.secrets ?? [SECRET],
		headers: h,
		rawBody: options.body ?? BODY,
		now: options.now ?? NOW,
	});

describe('verifyWebhook', () => {
	test('accepts a delivery signed with the secret', () => {
		expect(verify(headers(`v1,${signature(SECRET, ID, NOW, BODY)}`))).toEqual({
			ok: true,
			id: ID,
			timestamp: NOW,
		});
	});

	test('matches the vector from the standard-webhooks reference', () => {
		// Published example of the standard-webhooks specification.
		const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
		const body = Buffer.from('{"test": 2432232314}');
		const result = verifyWebhook({
			secrets: [secret],
			headers: {
				'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
				'webhook-timestamp': '1614265330',
				'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
			},
			rawBody: body,
			now: 1614265330,
		});
		expect(result.ok).toBe(true);
	});

	test('accepts when any of several space-separated signatures matches', () => {
		const good = signature(SECRET, ID, NOW, BODY);
		const other = signature(newSecret(), ID, NOW, BODY);
		expect(verify(headers(`v1,${other} v1,${good}`)).ok).toBe(true);
		expect(verify(headers(`v2,${good} v1,${other}`)).ok).toBe(false);
	});

	test('a rotated secret: the header carries old and new signatures; either secret verifies', () => {
		const oldSecret = newSecret();
		const header = headers(
			`v1,${signature(oldSecret, ID, NOW, BODY)} v1,${signature(SECRET, ID, NOW, BODY)}`,
		);
		expect(verify(header, { secrets: [SECRET] }).ok).toBe(true);
		expect(verify(header, { secrets: [oldSecret] }).ok).toBe(true);
		// After the rotation Stack Auth signs with the new secret only; the credential may hold both.
		const newOnly = headers(`v1,${signature(SECRET, ID, NOW, BODY)}`);
		expect(verify(newOnly, { secrets: [oldSecret, SECRET] }).ok).toBe(true);
		expect(verify(newOnly, { secrets: [oldSecret] })).toEqual({
			ok: false,
			reason: 'no matching signature',
		});
	});

	test('refuses a tampered body, another ID or another timestamp', () => {
		const sig = `v1,${signature(SECRET, ID, NOW, BODY)}`;
		const tampered = Buffer.from(BODY.toString().replace('ada@', 'eve@'));
		expect(verify(headers(sig), { body: tampered }).ok).toBe(false);
		expect(verify(headers(sig, NOW, 'msg_other')).ok).toBe(false);
		expect(verify(headers(sig, NOW + 1), { now: NOW + 1 }).ok).toBe(false);
	});

	test('timestamps at the 5-minute edge pass, beyond it fail, both ways', () => {
		for (const offset of [-TOLERANCE_SECONDS, TOLERANCE_SECONDS]) {
			const ts = NOW + offset;
			expect(verify(headers(`v1,${signature(SECRET, ID, ts, BODY)}`, ts)).ok).toBe(true);
		}
		for (const offset of [-TOLERANCE_SECONDS - 1, TOLERANCE_SECONDS + 1]) {
			const ts = NOW + offset;
			expect(verify(headers(`v1,${signature(SECRET, ID, ts, BODY)}`, ts))).toEqual({
				ok: false,
				reason: 'timestamp outside the 5-minute tolerance',
			});
		}
	});

	test('refuses missing or malformed headers and a malformed secret', () => {
		const sig = `v1,${signature(SECRET, ID, NOW, BODY)}`;
		expect(verify({ 'svix-id': ID, 'svix-timestamp': String(NOW) }).ok).toBe(false);
		expect(verify({ 'svix-id': ID, 'svix-signature': sig }).ok).toBe(false);
		expect(verify(headers('not-a-signature')).ok).toBe(false);
		expect(verify(headers('v1,')).ok).toBe(false);
		expect(verify({ ...headers(sig), 'svix-timestamp': '12e9' })).toEqual({
			ok: false,
			reason: 'malformed timestamp',
		});
		expect(verify(headers(sig), { secrets: ['whsec_%%%'] })).toEqual({
			ok: false,
			reason: 'no valid signing secret configured',
		});
		expect(verify(headers(sig), { secrets: [] }).ok).toBe(false);
	});

	test('accepts the secret without its whsec_ prefix', () => {
		const sig = `v1,${signature(SECRET, ID, NOW, BODY)}`;
		expect(verify(headers(sig), { secrets: [SECRET.slice('whsec_'.length)] }).ok).toBe(true);
	});
});

describe('seenBefore', () => {
	test('a redelivered ID is recognised, a new one is not', () => {
		const data = {};
		expect(seenBefore(data, 'msg_1', NOW)).toBe(false);
		expect(seenBefore(data, 'msg_1', NOW + 5)).toBe(true);
		expect(seenBefore(data, 'msg_2', NOW + 5)).toBe(false);
	});

	test('memory is bounded: old IDs expire and at most REMEMBER_MAX are kept', () => {
		const data: IDataObject = {};
		seenBefore(data, 'old', NOW);
		expect(seenBefore(data, 'old', NOW + REMEMBER_SECONDS + 1)).toBe(false);
		for (let i = 0; i < REMEMBER_MAX + 50; i++) seenBefore(data, `msg_${i}`, NOW + i);
		expect(Object.keys(data.deliveries as object)).toHaveLength(REMEMBER_MAX);
		expect(seenBefore(data, `msg_${REMEMBER_MAX + 49}`, NOW + REMEMBER_MAX + 60)).toBe(true);
		expect(seenBefore(data, 'msg_0', NOW + REMEMBER_MAX + 60)).toBe(false);
	});
});
