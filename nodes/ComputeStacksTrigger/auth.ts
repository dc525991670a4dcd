import { createHash, timingSafeEqual } from 'crypto';

/**
 * Inbound request authentication as n8n's Webhook node offers it (n8n-nodes-base
 * nodes/Webhook/utils.ts validateWebhookAuthentication): Basic Auth answers 401 with
 * WWW-Authenticate when the Authorization header is missing or wrong, Header Auth answers 403,
 * and a credential without the values to compare against answers 500.
 *
 * ComputeStacks itself sends no credentials: WebHookService#perform posts with only Accept and
 * Content-Type headers (controller: app/services/web_hook_service.rb), and http.rb does not turn
 * user:password@ in the URL into an Authorization header. So either check only fits behind a
 * proxy that adds the header.
 */
export type Authentication = 'none' | 'basicAuth' | 'headerAuth';

export interface WebhookAuthData {
	user?: unknown;
	password?: unknown;
	headerName?: unknown;
	headerSecret?: unknown;
}

export type AuthResult =
	| { ok: true }
	| { ok: false; status: number; message: string; headers: Record<string, string> };

export const BASIC_REALM = 'Basic realm="Webhook"';

/** RFC 9110 token: the characters a header name may hold. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export function isHeaderName(name: string): boolean {
	return HEADER_NAME.test(name);
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Constant-time equality of two strings of any length. */
function same(given: string, expected: string): boolean {
	const a = createHash('sha256').update(given, 'utf8').digest();
	const b = createHash('sha256').update(expected, 'utf8').digest();
	return timingSafeEqual(a, b) && given === expected;
}

function joined(value: string | string[] | undefined): string | undefined {
	if (Array.isArray(value)) return value.join(', ');
	return value;
}

/** The user and password of an `Authorization: Basic …` header, or undefined. */
export function basicCredentials(
	authorization: string | undefined,
): { user: string; password: string } | undefined {
	const match = /^\s*basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(authorization ?? '');
	if (!match) return undefined;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return undefined;
	return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function checkAuthentication(
	authentication: Authentication,
	credential: WebhookAuthData | undefined,
	headers: Record<string, string | string[] | undefined>,
): AuthResult {
	if (authentication === 'basicAuth') {
		const user = text(credential?.user);
		const password = text(credential?.password);
		if (!user || !password) {
			return {
				ok: false,
				status: 500,
				message: 'The credential has no user and password for Basic Auth',
				headers: {},
			};
		}
		const given = basicCredentials(joined(headers.authorization));
		if (!given) {
			return {
				ok: false,
				status: 401,
				message: 'Authorization is required',
				headers: { 'WWW-Authenticate': BASIC_REALM },
			};
		}
		// Both compared, always, so the time taken does not tell which one was wrong.
		const userOk = same(given.user, user);
		const passwordOk = same(given.password, password);
		if (!userOk || !passwordOk) {
			return {
				ok: false,
				status: 401,
				message: 'Authorization data is wrong',
				headers: { 'WWW-Authenticate': BASIC_REALM },
			};
		}
		return { ok: true };
	}
	if (authentication === 'headerAuth') {
		const name = text(credential?.headerName).trim();
		const value = text(credential?.headerSecret);
		if (!name || !value || !isHeaderName(name)) {
			return {
				ok: false,
				status: 500,
				message: 'The credential has no header name and value for Header Auth',
				headers: {},
			};
		}
		// Node lower-cases incoming header names.
		const given = joined(headers[name.toLowerCase()]);
		if (given === undefined || !same(given, value)) {
			return { ok: false, status: 403, message: 'Authorization data is wrong', headers: {} };
		}
		return { ok: true };
	}
	return { ok: true };
}
