/** The wait before a retry of a 429/503: Retry-After in seconds or as an HTTP date, else backoff, always bounded. */
import { resetAsRetryAfter, retryDelayMs } from '../../nodes/shared/request';
import { encodeSegment, PathValueError } from '../../nodes/shared/path';
import { excerpt, parseBody } from '../../nodes/shared/errors';

describe('retryDelayMs', () => {
	test('Retry-After in seconds', () => {
		expect(retryDelayMs('3', 0)).toBe(3000);
		expect(retryDelayMs('0', 4)).toBe(0);
	});
	test('Retry-After as an HTTP date', () => {
		const now = Date.parse('Wed, 25 Nov 2026 12:00:00 GMT');
		expect(retryDelayMs('Wed, 25 Nov 2026 12:00:07 GMT', 0, {}, now)).toBe(7000);
		// A date in the past retries at once.
		expect(retryDelayMs('Wed, 25 Nov 2026 11:00:00 GMT', 0, {}, now)).toBe(0);
	});
	test('exponential backoff without Retry-After (or with one that is not readable)', () => {
		expect([0, 1, 2, 3].map((a) => retryDelayMs(undefined, a))).toEqual([1000, 2000, 4000, 8000]);
		expect(retryDelayMs('soon', 1)).toBe(2000);
	});
	test('RateLimit-Reset stands in for a missing Retry-After: seconds, or the Unix time of the reset', () => {
		const now = Date.parse('Wed, 25 Nov 2026 12:00:00 GMT');
		expect(resetAsRetryAfter('12', now)).toBe('12');
		expect(resetAsRetryAfter(String(now / 1000 + 9), now)).toBe('9');
		expect(resetAsRetryAfter(String(now / 1000 - 30), now)).toBe('0');
		expect(resetAsRetryAfter('soon', now)).toBeUndefined();
		expect(resetAsRetryAfter(undefined, now)).toBeUndefined();
	});
	test('bounded by maxWaitSeconds', () => {
		expect(retryDelayMs('3600', 0)).toBe(60000);
		expect(retryDelayMs(undefined, 20, { maxWaitSeconds: 5 })).toBe(5000);
	});
});

describe('path segments', () => {
	test('reserved characters are encoded, so no value changes the endpoint', () => {
		expect(encodeSegment('User', 'a/b?c#d')).toBe('a%2Fb%3Fc%23d');
		expect(encodeSegment('User', '../x')).toBe('..%2Fx');
	});
	test('empty, . and .. are refused naming the field', () => {
		for (const value of ['', '  ', undefined, '.', '..']) {
			expect(() => encodeSegment('Team', value)).toThrow(PathValueError);
		}
		expect(() => encodeSegment('Team', '..')).toThrow(/'Team'/);
	});
});

describe('error bodies', () => {
	test('an HTML body is cut to a short text excerpt', () => {
		const html = `<html><head><style>p{}</style></head><body><h1>502 Bad Gateway</h1>${'x'.repeat(500)}</body></html>`;
		const text = parseBody(html) as string;
		expect(text.startsWith('502 Bad Gateway')).toBe(true);
		expect(text.length).toBeLessThanOrEqual(201);
		expect(excerpt('a\n\n b')).toBe('a b');
	});
	test('JSON text is parsed, a Buffer is read as text', () => {
		expect(parseBody('{"a":1}')).toEqual({ a: 1 });
		expect(parseBody(Buffer.from('{"b":2}'))).toEqual({ b: 2 });
	});
});
